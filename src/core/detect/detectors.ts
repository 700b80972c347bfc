/**
 * Every detector, most specific first. The order breaks ties between equally confident results;
 * confidence decides otherwise. Add a detector here and it runs everywhere (panel, CLI, crawl).
 */
import { contentRange } from './content-range.ts';
import { gitlab } from './gitlab.ts';
import { linkHeader } from './link-header.ts';
import { totalCount } from './total-count.ts';
import type { Detector } from './types.ts';
import { vanilla } from './vanilla.ts';
import { wordpress } from './wordpress.ts';

export const detectors: Detector[] = [
  // Header schemes
  vanilla,
  gitlab,
  wordpress,
  contentRange,
  linkHeader,
  totalCount,
];
