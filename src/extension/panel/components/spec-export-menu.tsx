/** The Export config menu under the spec: dlt, Airbyte, the pagescope command or the spec JSON — copy or download. */
import { useState } from 'preact/hooks';
import { usePanelState } from '../state/panel-context.ts';
import type { CapturedItem } from '../state/captured-item.ts';
import { EXPORT_TARGETS, type ExportTarget } from '../state/spec-edits.ts';
import { Select } from './spec-fields.tsx';

const TARGET_OPTIONS = EXPORT_TARGETS.map((t) => [t.id, t.label] as const);

export function SpecExportMenu({ item }: { item: CapturedItem }) {
  const { specs } = usePanelState();
  const [target, setTarget] = useState<ExportTarget>('dlt');
  return (
    <div class="spec-export" data-testid="spec-export">
      <span class="muted">Export config</span>
      <Select
        testid="spec-export-target"
        value={target}
        options={TARGET_OPTIONS}
        onSelect={(t) => setTarget(t)}
      />
      <button data-testid="spec-export-copy" onClick={() => void specs.actions.copy(item, target)}>
        Copy
      </button>
      <button data-testid="spec-export-download" onClick={() => specs.actions.download(item, target)}>
        Download
      </button>
    </div>
  );
}
