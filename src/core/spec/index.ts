/** The pagination spec: its type, reading and checking it, making it from a detection, crawling by it. */
export * from './types.ts';
export { formatSpecPath } from './path.ts';
export { specFromDetection } from './from-detection.ts';
export { detectionFromSpec, specDetector } from './detection.ts';
export { parseSpec } from './validate.ts';
export { applyOverrides, noOverrides, SpecOverrideError } from './overrides.ts';
export { exportDlt } from './export-dlt.ts';
export { exportAirbyte } from './export-airbyte.ts';
export { exportCommand } from './export-command.ts';
export { resourceName } from './export-parts.ts';
