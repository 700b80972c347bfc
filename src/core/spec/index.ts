/** The pagination spec: its type, reading and checking it, making it from a detection, crawling by it. */
export * from './types.ts';
export { parsePath, formatSpecPath, readPath } from './path.ts';
export { specFromDetection, specRequest } from './from-detection.ts';
export { detectionFromSpec, specDetector } from './detection.ts';
export { parseSpec, type SpecResult } from './validate.ts';
export { applyOverrides, noOverrides, SpecOverrideError } from './overrides.ts';
export { specExchange } from './start.ts';
export { exportDlt, dltConfig } from './export-dlt.ts';
export { exportAirbyte, airbyteManifest } from './export-airbyte.ts';
export { exportCommand, overridesOf, overrideFlags } from './export-command.ts';
export { resourceName } from './export-parts.ts';
