/**
 * The request list: a virtualised grid (fixed 20px rows, windowing with overscan) so 10 000
 * captured requests keep a few dozen rows in the DOM. Arrow keys, Home/End and PageUp/Down move
 * the selection; Enter opens the detail.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { computeWindow, pageRows, scrollToReveal } from '../lib/virtual-window.ts';
import { usePanelState } from '../state/panel-context.ts';
import { RequestRow, ROW_HEIGHT } from './request-row.tsx';

/** The list's element id, which the split view's splitter names as what it resizes. */
export const LIST_PANE_ID = 'request-list-pane';

export function RequestList() {
  const { visible, selection, capture } = usePanelState();
  const body = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const rows = visible.value;
  const selectedId = selection.selectedId.value;
  const selectedIndex = selection.selectedIndex.value;

  useLayoutEffect(() => {
    const el = body.current!;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    setHeight(el.clientHeight);
    return () => ro.disconnect();
  }, []);

  // Keep the selected row in view when the keyboard moves it.
  useEffect(() => {
    const el = body.current;
    if (!el || selectedIndex < 0) return;
    const next = scrollToReveal(selectedIndex, el.scrollTop, el.clientHeight, ROW_HEIGHT);
    if (next != null) el.scrollTop = next;
  }, [selectedIndex]);

  const onPick = useCallback((id: string) => {
    selection.open(id);
    body.current?.focus();
  }, []);

  function onKeyDown(e: KeyboardEvent) {
    const page = pageRows(body.current?.clientHeight ?? 0, ROW_HEIGHT);
    const moves: Record<string, () => void> = {
      ArrowDown: () => selection.move(1),
      ArrowUp: () => selection.move(-1),
      PageDown: () => selection.move(page),
      PageUp: () => selection.move(-page),
      Home: () => selection.moveTo(0),
      End: () => selection.moveTo(rows.length - 1),
      Enter: () => selection.open(),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    move();
  }

  const w = computeWindow({
    scrollTop,
    viewportHeight: height,
    rowHeight: ROW_HEIGHT,
    count: rows.length,
    overscan: 10,
  });
  const empty = capture.items.value.length === 0;
  return (
    <div class="request-list" id={LIST_PANE_ID} role="grid" aria-rowcount={rows.length}>
      <div class="row header" role="row">
        <span class="cell method">Method</span>
        <span class="cell status">Status</span>
        <span class="cell url">Path</span>
        <span class="cell size">Size</span>
        <span class="cell time">Time</span>
        <span class="cell kind">Pagination</span>
      </div>
      <div
        class="list-body"
        ref={body}
        tabIndex={0}
        data-testid="request-list"
        onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
        onKeyDown={onKeyDown}
      >
        <div class="list-spacer" style={{ height: `${w.totalHeight}px` }}>
          <div class="list-window" style={{ transform: `translateY(${w.offsetTop}px)` }}>
            {rows.slice(w.start, w.end).map((it, i) => (
              <RequestRow
                key={it.id}
                item={it}
                index={w.start + i}
                selected={it.id === selectedId}
                onPick={onPick}
              />
            ))}
          </div>
        </div>
        {rows.length === 0 && (
          <div class="empty" data-testid="list-empty">
            {empty
              ? 'Recording JSON responses… Use the page, or import a HAR file (drop it here).'
              : 'No requests match the filter.'}
          </div>
        )}
      </div>
    </div>
  );
}
