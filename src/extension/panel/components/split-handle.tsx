/**
 * The splitter between the request list and the detail: drag it with the pointer, or focus it and
 * use ←/→ (Shift: bigger steps), Home/End; double-click goes back to the default width. A focusable
 * `role="separator"` with its value, as the WAI-ARIA window splitter pattern describes.
 */
import { useRef } from 'preact/hooks';
import { splitterKeyWidth, type Bounds } from '../lib/split-size.ts';

type Props = {
  /** The list's current width in px. */
  width: number;
  bounds: Bounds;
  /** Id of the element the splitter resizes (aria-controls). */
  controls: string;
  /** A new width; `done` is false while a drag is still moving. */
  onResize(width: number, done: boolean): void;
  onReset(): void;
};

/** A drag in progress: where it started, the width it has reached, whether the pointer moved. */
type Drag = { pointerId: number; startX: number; startWidth: number; last: number; moved: boolean };

export function SplitHandle({ width, bounds, controls, onResize, onReset }: Props) {
  const drag = useRef<Drag | null>(null);
  const clamp = (w: number) => Math.round(Math.min(bounds.max, Math.max(bounds.min, w)));

  function onPointerDown(e: PointerEvent) {
    if (e.button !== 0) return;
    e.preventDefault(); // no text selection while dragging
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    drag.current = {
      pointerId: e.pointerId,
      startX: e.clientX,
      startWidth: width,
      last: width,
      moved: false,
    };
  }
  function onPointerMove(e: PointerEvent) {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    d.last = clamp(d.startWidth + e.clientX - d.startX);
    d.moved = true;
    onResize(d.last, false);
  }
  // pointerup, pointercancel and a lost capture all end the drag where it stands. A click that did
  // not move leaves the width as it was (the default stays the default).
  function onPointerEnd(e: PointerEvent) {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    drag.current = null;
    if (d.moved) onResize(d.last, true);
  }
  function onKeyDown(e: KeyboardEvent) {
    const next = splitterKeyWidth(e.key, e.shiftKey, width, bounds);
    if (next == null) return;
    e.preventDefault();
    onResize(next, true);
  }

  return (
    <div
      class="split-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize request list"
      aria-controls={controls}
      aria-valuenow={width}
      aria-valuemin={bounds.min}
      aria-valuemax={bounds.max}
      aria-valuetext={`Request list ${width} px wide`}
      tabIndex={0}
      title="Drag, or focus and use ← →, to resize; double-click for the default width"
      data-testid="split-handle"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onLostPointerCapture={onPointerEnd}
      onKeyDown={onKeyDown}
      onDblClick={onReset}
    />
  );
}
