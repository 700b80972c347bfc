/**
 * Response tab: the body as a JSON tree (or as plain text when it does not parse). Integers beyond
 * 2^53 show their exact digits, as crawls and exports keep them (lib/exact-json.ts).
 */
import { useMemo } from 'preact/hooks';
import { formatPath } from '../../../core/json.ts';
import { parseJsonForDisplay } from '../lib/exact-json.ts';
import { parsePath } from '../lib/json-tree.ts';
import { usePanelState } from '../state/panel-context.ts';
import type { CapturedItem } from '../state/captured-item.ts';
import { JsonTreeView } from './json-tree-view.tsx';

/** Bodies above this are shown as a cut-down text preview only, not parsed into a tree. @default 20 MB */
const MAX_TREE_CHARS = 20 * 1024 * 1024;

export function ResponseTab({ item }: { item: CapturedItem }) {
  const { find } = usePanelState();
  const jump = find.reveal.value;
  const reveal = jump && jump.itemId === item.id ? jump : null;
  const text = item.exchange.response.bodyText;
  const parsed = useMemo(
    () =>
      item.unanalysed
        ? { ok: false as const, reason: 'not analysed (see above)' }
        : text && text.length <= MAX_TREE_CHARS
          ? parseJsonForDisplay(text)
          : { ok: false as const, reason: text ? 'body too large for a tree' : 'empty body' },
    [text, item.unanalysed],
  );
  const d = item.detection;
  const patterns = useMemo(
    () => (d?.evidence ?? []).filter((e) => e.where === 'body').map((e) => parsePath(e.path)),
    [d],
  );
  if (!parsed.ok) {
    return (
      <div class="response-tab">
        <div class="muted" data-testid="response-not-json">{`Not shown as a tree: ${parsed.reason}`}</div>
        <pre class="raw-body">{(text ?? '').slice(0, 200_000)}</pre>
      </div>
    );
  }
  return (
    <div class="response-tab">
      {d && (
        <div class="muted records-hint">{`Records: ${formatPath(d.recordsPath)} (${d.recordCount}) · highlighted: evidence`}</div>
      )}
      <JsonTreeView value={parsed.value} patterns={patterns} reveal={reveal} />
    </div>
  );
}
