/** Node ids and labels, shared by the chain builder and markCrawled so both name a page the same way. */

/** Cursors longer than this are abbreviated in labels (the node keeps the full value). */
const CURSOR_LABEL_CHARS = 8;

/** `abcdefgh…` for long cursors; short ones as they are. */
function abbreviateCursor(cursor: string): string {
  return cursor.length <= CURSOR_LABEL_CHARS + 1 ? cursor : `${cursor.slice(0, CURSOR_LABEL_CHARS)}…`;
}

/** The label of a page: its number, `@offset`, an abbreviated cursor, or `start` for a first page with none. */
export function pageLabel(p: { page?: number; offset?: number; cursor?: string }, mode: OrderMode): string {
  if (mode === 'page' && p.page !== undefined) return String(p.page);
  if (mode === 'offset' && p.offset !== undefined) return `@${p.offset}`;
  if (p.cursor) return abbreviateCursor(p.cursor);
  if (p.page !== undefined) return String(p.page);
  if (p.offset !== undefined) return `@${p.offset}`;
  return 'start';
}

/** How a chain orders its pages: by page number, by offset, or by following next links/cursors. */
export type OrderMode = 'page' | 'offset' | 'links';

/** The node id of a page in a chain ordered by `mode`; `normUrl` is the page's normalised URL. */
export function pageId(
  p: { page?: number; offset?: number; cursor?: string },
  mode: OrderMode,
  normUrl: string,
): string {
  if (mode === 'page' && p.page !== undefined) return `p${p.page}`;
  if (mode === 'offset' && p.offset !== undefined) return `o${p.offset}`;
  if (p.cursor) return `c:${p.cursor}`;
  return `u:${normUrl}`;
}
