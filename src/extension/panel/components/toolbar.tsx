/** The top toolbar: clear, preserve log, filter (text or /regex/, invert, paginated only), HAR in/out, counts. */
import type { Signal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { UNANALYSED_LABEL } from '../lib/unanalysed.ts';
import type { CaptureState } from '../state/capture-state.ts';
import { usePanelState } from '../state/panel-context.ts';
import { HarExportButtons } from './har-export-buttons.tsx';

/** A labelled checkbox bound both ways to a boolean signal. */
function SignalCheckbox(p: { value: Signal<boolean>; testid: string; label: string; title?: string }) {
  return (
    <label class="check" title={p.title}>
      <input
        type="checkbox"
        data-testid={p.testid}
        checked={p.value.value}
        onChange={(e) => (p.value.value = e.currentTarget.checked)}
      />
      {p.label}
    </label>
  );
}

/** The count's tooltip: what "not analysed" covers, by reason, and the assets never listed. */
function countTitle(capture: CaptureState): string {
  const by = new Map<string, number>();
  for (const it of capture.items.value)
    if (it.unanalysed) by.set(it.unanalysed.reason, (by.get(it.unanalysed.reason) ?? 0) + 1);
  const parts = [...by].map(([r, n]) => `${n} ${UNANALYSED_LABEL[r as keyof typeof UNANALYSED_LABEL]}`);
  const lines = [
    'Every request is listed. JSON responses are analysed for pagination.',
    parts.length
      ? `Not analysed: ${parts.join(', ')} (shown greyed; select one to see why and what to do).`
      : '',
    capture.assets.value
      ? `${capture.assets.value} images, scripts, styles and fonts are not listed (never JSON).`
      : '',
  ];
  return lines.filter(Boolean).join('\n');
}

export function Toolbar({ filterRef }: { filterRef: { current: HTMLInputElement | null } }) {
  const { capture, filter, visible, actions, ui } = usePanelState();
  const fileInput = useRef<HTMLInputElement>(null);
  const error = filter.error.value;

  async function onFile(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file) actions.importHar(await file.text(), file.name);
    input.value = ''; // the same file can be picked again
  }

  return (
    <div class="toolbar" role="toolbar">
      <button
        class="icon-button"
        data-testid="clear-log"
        title="Clear"
        aria-label="Clear"
        onClick={actions.clear}
      >
        ⊘
      </button>
      <SignalCheckbox
        value={capture.preserveLog}
        testid="preserve-log"
        label="Preserve log"
        title="Keep the log when the inspected page navigates"
      />
      <span class="divider" />
      <input
        ref={filterRef}
        class={`filter${error ? ' invalid' : ''}`}
        type="search"
        placeholder="Filter (text or /regex/)"
        aria-label="Filter requests"
        aria-invalid={!!error}
        data-testid="request-filter"
        value={filter.text.value}
        onInput={(e) => (filter.text.value = e.currentTarget.value)}
      />
      <SignalCheckbox
        value={filter.invert}
        testid="filter-invert"
        label="Invert"
        title="Show the requests that do not match"
      />
      <SignalCheckbox value={filter.paginatedOnly} testid="paginated-only" label="Paginated only" />
      <span class="divider" />
      <button title="Import a HAR file (or drop one on the panel)" onClick={() => fileInput.current?.click()}>
        Import HAR
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".har,.json,application/json"
        hidden
        data-testid="har-import"
        onChange={onFile}
      />
      <HarExportButtons />
      <span class="spacer" />
      <span class="count" data-testid="request-count" title={countTitle(capture)}>
        {`${visible.value.length} / ${capture.items.value.length} requests`}
        {capture.unanalysed.value ? ` · ${capture.unanalysed.value} not analysed` : ''}
      </span>
      {error && (
        <div class="toolbar-error" role="alert" data-testid="filter-error">
          {error}
        </div>
      )}
      {ui.importError.value && (
        <div class="toolbar-error" role="alert">
          <span data-testid="har-import-error">{ui.importError.value}</span>
          <button
            class="link"
            onClick={() => (ui.importError.value = null)}
            aria-label="Dismiss"
            title="Dismiss"
          >
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
