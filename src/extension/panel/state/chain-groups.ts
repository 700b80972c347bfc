/**
 * Captured items grouped by chain key, kept incrementally: the capture list only grows (or is
 * cleared), so a flush of new items costs work for those items only, and a group whose members did
 * not change keeps its array (computeds reading it are not re-run). Filter keystrokes never get here.
 */
import { chainKey } from '../../../core/chain/key.ts';
import type { CapturedItem } from './captured-item.ts';

export type ChainGroups = ReadonlyMap<string, readonly CapturedItem[]>;

const keys = new WeakMap<CapturedItem, string>();

/** The chain key of a paginated item (cached per item), or null. */
export function itemChainKey(item: CapturedItem): string | null {
  if (!item.detection) return null;
  let key = keys.get(item);
  if (key === undefined) keys.set(item, (key = chainKey(item.exchange, item.detection)));
  return key;
}

/** Returns a function from the whole item list to its groups, reusing the previous result's work. */
export function createChainGrouper(): (items: readonly CapturedItem[]) => ChainGroups {
  let seen: readonly CapturedItem[] = [];
  let groups = new Map<string, readonly CapturedItem[]>();
  return (items) => {
    const grown =
      items.length >= seen.length && (seen.length === 0 || items[seen.length - 1] === seen[seen.length - 1]);
    const from = grown ? seen.length : 0;
    const next = new Map(grown ? groups : []);
    const touched = new Map<string, CapturedItem[]>();
    for (let i = from; i < items.length; i++) {
      const key = itemChainKey(items[i]);
      if (key === null) continue;
      let list = touched.get(key);
      if (!list) touched.set(key, (list = [...(next.get(key) ?? [])]));
      list.push(items[i]);
    }
    for (const [key, list] of touched) next.set(key, list);
    seen = items;
    groups = next;
    return next;
  };
}
