/**
 * Find in responses (Ctrl+F): a box for text or `/regex/`, the hit count, previous/next, and the hits
 * grouped by request; picking one opens its request's Response tab at the node. Every body text is
 * rendered as text (preact sets textContent), never HTML.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { SearchHit } from '../lib/response-search.ts';
import { usePanelState } from '../state/panel-context.ts';
import '../styles/find.css';

/** Hits rendered in the list at most (all of them still count and are reachable with next/previous). */
const SHOWN = 200;

function HitText({ h }: { h: SearchHit }) {
  return (
    <span class="find-snippet mono">
      {h.snippet.slice(0, h.at)}
      <mark>{h.snippet.slice(h.at, h.at + h.length)}</mark>
      {h.snippet.slice(h.at + h.length)}
    </span>
  );
}

export function FindBar() {
  const { find, capture } = usePanelState();
  const input = useRef<HTMLInputElement>(null);
  const open = find.open.value;
  // Layout effect: focus lands in the same task as the click or key that opened the box.
  useLayoutEffect(() => {
    if (open) {
      input.current?.focus();
      input.current?.select();
    }
  }, [open]);
  if (!open) return null;

  const hits = find.hits.value;
  const cur = find.current.value;
  const r = find.result.value;
  const byId = capture.byId.value;
  const count = find.error.value
    ? find.error.value
    : !find.query.value.trim()
      ? 'text or /regex/ over every response body'
      : find.searching.value
        ? 'searching…'
        : hits.length
          ? `${cur >= 0 ? `${cur + 1} / ` : ''}${hits.length}${r.ok && r.truncated ? '+' : ''} ${hits.length === 1 ? 'hit' : 'hits'} in ${r.ok ? r.requests : 0} ${r.ok && r.requests === 1 ? 'request' : 'requests'}`
          : 'no hits';

  function onKey(e: KeyboardEvent) {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (find.actions.pending()) find.actions.searchNow();
      if (e.shiftKey) find.actions.prev();
      else find.actions.next();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      find.actions.hide();
    }
  }

  let lastItem: string | null = null;
  return (
    <div class="find-bar" role="search" data-testid="find-bar">
      <div class="find-line">
        <input
          ref={input}
          type="search"
          class={`filter${find.error.value ? ' invalid' : ''}`}
          placeholder="Find in responses (text or /regex/)"
          aria-label="Find in responses"
          aria-invalid={!!find.error.value}
          data-testid="find-input"
          value={find.query.value}
          onInput={(e) => find.actions.setQuery(e.currentTarget.value)}
          onKeyDown={onKey}
        />
        <span class={`find-count${find.error.value ? ' error' : ''}`} role="status" data-testid="find-count">
          {count}
        </span>
        <button
          title="Previous hit (Shift+Enter)"
          data-testid="find-prev"
          disabled={!hits.length}
          onClick={find.actions.prev}
        >
          ↑
        </button>
        <button
          title="Next hit (Enter)"
          data-testid="find-next"
          disabled={!hits.length}
          onClick={find.actions.next}
        >
          ↓
        </button>
        <button
          class="icon-button"
          title="Close (Esc)"
          aria-label="Close find"
          data-testid="find-close"
          onClick={find.actions.hide}
        >
          ✕
        </button>
      </div>
      {hits.length > 0 && (
        <ul class="find-results" data-testid="find-results">
          {hits.slice(0, SHOWN).map((h, i) => {
            const item = byId.get(h.itemId);
            const head = h.itemId !== lastItem;
            lastItem = h.itemId;
            return (
              <li key={i}>
                {head && item && (
                  <div class="find-request mono" data-testid="find-request" title={item.exchange.request.url}>
                    {`${item.exchange.request.method} ${item.exchange.request.url}`}
                  </div>
                )}
                <button
                  class={`find-hit${i === cur ? ' current' : ''}`}
                  data-testid="find-hit"
                  data-item-id={h.itemId}
                  data-path={h.path.join('.')}
                  aria-current={i === cur ? 'true' : undefined}
                  onClick={() => find.actions.go(i)}
                >
                  <span class="find-path mono">
                    {h.where === 'text' ? '(text)' : h.path.join('.') || '(root)'}
                  </span>
                  <HitText h={h} />
                </button>
              </li>
            );
          })}
          {hits.length > SHOWN && (
            <li class="muted">{`+${hits.length - SHOWN} more: use ↓ to step through them`}</li>
          )}
        </ul>
      )}
    </div>
  );
}
