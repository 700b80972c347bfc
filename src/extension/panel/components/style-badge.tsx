/** The detected pagination style as a small coloured badge (colour by kind). */
import type { Detection } from '../../../core/detect/types.ts';

export function StyleBadge({ detection, testid }: { detection: Detection | null; testid?: string }) {
  if (!detection) return null;
  return (
    <span
      class={`badge badge-${detection.kind}`}
      data-testid={testid}
      title={`${detection.kind} pagination (${detection.style})`}
    >
      {detection.style}
    </span>
  );
}
