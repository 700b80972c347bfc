/** The detected pagination style as a small coloured badge (colour by kind); the tooltip explains it. */
import type { Detection } from '../../../core/detect/types.ts';
import { detectionTooltip } from '../lib/detection-words.ts';

export function StyleBadge({ detection, testid }: { detection: Detection | null; testid?: string }) {
  if (!detection) return null;
  return (
    <span class={`badge badge-${detection.kind}`} data-testid={testid} title={detectionTooltip(detection)}>
      {detection.style}
    </span>
  );
}
