/** The crawl's limit inputs as the user types them (empty = no limit), read into the engine's limits. */
import { signal } from '@preact/signals';
import type { CrawlLimits } from '../services/crawl-service.ts';

/** A limit as typed: a finite number ≥ 0, else none. */
const num = (text: string): number | undefined => {
  const n = Number(text.trim());
  return text.trim() && Number.isFinite(n) && n >= 0 ? n : undefined;
};

export function createCrawlLimits() {
  const inputs = { maxPages: signal(''), maxRecords: signal(''), delayMs: signal('') };
  return {
    inputs,
    /** The limits the inputs say now. */
    read: (): CrawlLimits => ({
      maxPages: num(inputs.maxPages.value),
      maxRecords: num(inputs.maxRecords.value),
      delayMs: num(inputs.delayMs.value),
    }),
  };
}
