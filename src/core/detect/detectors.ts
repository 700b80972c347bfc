/**
 * Every detector, most specific first. The order breaks ties between equally confident results;
 * confidence decides otherwise. Add a detector here and it runs everywhere (panel, CLI, crawl).
 */
import type { Detector } from './types.ts';

export const detectors: Detector[] = [];
