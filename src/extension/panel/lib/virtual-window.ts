/**
 * Windowing math for the request list: which rows to render for a scroll position. Pure, so it is
 * unit-tested; the list component only measures and renders what this returns.
 */

export type WindowInput = {
  /** Pixels scrolled from the top of the list. */
  scrollTop: number;
  /** Height of the visible part of the list, in pixels. */
  viewportHeight: number;
  /** Every row has this height (fixed-height rows keep the math O(1)). */
  rowHeight: number;
  /** Number of rows in the list. */
  count: number;
  /** Extra rows rendered above and below the viewport so fast scrolling shows no gaps. @default 8 */
  overscan?: number;
};

export type RowWindow = {
  /** First row index to render (inclusive). */
  start: number;
  /** Row index after the last one to render (exclusive). */
  end: number;
  /** translateY of the first rendered row. */
  offsetTop: number;
  /** Height of the whole (virtual) list. */
  totalHeight: number;
};

/** The slice of rows to render. At most `ceil(viewport / rowHeight) + 1 + 2 * overscan` rows. */
export function computeWindow({
  scrollTop,
  viewportHeight,
  rowHeight,
  count,
  overscan = 8,
}: WindowInput): RowWindow {
  const totalHeight = Math.max(0, count) * rowHeight;
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, offsetTop: 0, totalHeight };
  const maxScroll = Math.max(0, totalHeight - Math.max(0, viewportHeight));
  const top = Math.min(Math.max(0, scrollTop), maxScroll);
  const firstVisible = Math.floor(top / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, firstVisible - overscan);
  const end = Math.min(count, firstVisible + visible + overscan);
  return { start, end, offsetTop: start * rowHeight, totalHeight };
}

/**
 * The scrollTop that brings row `index` fully into view, or null when it already is.
 * Scrolls the minimum distance, as the DevTools network list does with arrow keys.
 */
export function scrollToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number | null {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  let next = scrollTop;
  if (rowTop < scrollTop) next = rowTop;
  // A row taller than the viewport shows its top.
  else if (rowBottom > scrollTop + viewportHeight)
    next = Math.max(0, Math.min(rowTop, rowBottom - viewportHeight));
  return next === scrollTop ? null : next;
}

/** Rows moved by PageUp/PageDown: one viewport, at least one row. */
export function pageRows(viewportHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
}
