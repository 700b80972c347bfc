/**
 * How the engine's checkpoint is kept in IndexedDB without rewriting it whole on every page.
 *
 * A checkpoint carries lists that grow with the crawl (seen record ids — up to 10 000 —, URLs,
 * cursors, page hashes); written whole per page they would outweigh the page's records many times
 * over. The lists only ever grow at the end (and drop their oldest entries past a cap), so each
 * page row keeps just what its page added (`delta`), and the `checkpoints` store keeps the rest of
 * the checkpoint plus each list's length. Reading joins the deltas in page order and keeps the
 * last `length` entries: the same checkpoint the engine handed over.
 */
import type { Checkpoint } from '../core/crawl/types.ts';

const CHECKPOINT_LISTS = ['seenIds', 'seenUrls', 'seenCursors', 'pageHashes'] as const;
type CheckpointList = (typeof CHECKPOINT_LISTS)[number];

/** What one page added to each list. */
export type CheckpointDelta = Record<CheckpointList, string[]>;

/** The checkpoint without its lists, and how long each list was. */
export type StoredCheckpoint = Omit<Checkpoint, CheckpointList> & { lengths: Record<CheckpointList, number> };

/** Entries of `list` after the last entry of `before` (the whole list when it cannot be found). */
function added(list: readonly string[], before: readonly string[] | undefined): string[] {
  if (!before?.length) return list.slice();
  const last = before[before.length - 1];
  // Entries are unique within a list (the engine stops on a repeat), so the last match is the one.
  const at = list.lastIndexOf(last);
  return at < 0 ? list.slice() : list.slice(at + 1);
}

/** Splits `cp` into its stored part and what was added since `prev` (the last checkpoint stored). */
export function splitCheckpoint(
  cp: Checkpoint,
  prev?: Checkpoint,
): { stored: StoredCheckpoint; delta: CheckpointDelta } {
  const { seenIds, seenUrls, seenCursors, pageHashes, ...rest } = cp;
  const lists = { seenIds, seenUrls, seenCursors, pageHashes };
  const delta = {} as CheckpointDelta;
  const lengths = {} as Record<CheckpointList, number>;
  for (const k of CHECKPOINT_LISTS) {
    delta[k] = added(lists[k] ?? [], prev?.[k]);
    lengths[k] = (lists[k] ?? []).length;
  }
  return { stored: { ...rest, lengths }, delta };
}

/** The full checkpoint from its stored part and every page's delta, in page order. */
export function joinCheckpoint(
  stored: StoredCheckpoint,
  deltas: readonly (CheckpointDelta | undefined)[],
): Checkpoint {
  const { lengths, ...rest } = stored;
  const cp = { ...rest } as Checkpoint;
  for (const k of CHECKPOINT_LISTS) {
    const n = lengths[k] ?? 0;
    const out: string[] = [];
    // Walk back from the newest page until the list is long enough: a capped list never needs more.
    for (let i = deltas.length - 1; i >= 0 && out.length < n; i--) {
      const d = deltas[i]?.[k] ?? [];
      for (let j = d.length - 1; j >= 0 && out.length < n; j--) out.push(d[j]);
    }
    cp[k] = out.reverse();
  }
  return cp;
}
