/**
 * How crawl messages name a page. The engine counts pages from 0 (the start page is index 0, as
 * checkpoints store them); people count from 1, so every message built from an index goes here.
 */

/** `page N`, counted from 1: the start page (index 0) is "page 1". */
export function pageLabel(index: number): string {
  return `page ${index + 1}`;
}
