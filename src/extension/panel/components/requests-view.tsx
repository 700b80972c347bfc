/**
 * The Requests view: the list, and the detail beside it when a request is open (a split view with
 * a draggable splitter). The list's width is `ui.listWidth` (remembered, see main.tsx), kept
 * within the view's current width so both sides keep their minimum.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { clampListWidth, defaultListWidth, listWidthBounds } from '../lib/split-size.ts';
import { usePanelState } from '../state/panel-context.ts';
import { DetailPane } from './detail-pane.tsx';
import { LIST_PANE_ID, RequestList } from './request-list.tsx';
import { SplitHandle } from './split-handle.tsx';

export function RequestsView() {
  const { selection, ui } = usePanelState();
  const split = selection.detailOpen.value && !!selection.selected.value;
  const view = useRef<HTMLDivElement>(null);
  const [viewWidth, setViewWidth] = useState(0);
  // While a drag moves, the width lives here; the store (and storage) get it when the drag ends.
  const [dragWidth, setDragWidth] = useState<number | null>(null);

  useLayoutEffect(() => {
    const el = view.current!;
    const ro = new ResizeObserver(() => setViewWidth(el.clientWidth));
    ro.observe(el);
    setViewWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);

  const measured = split && viewWidth > 0;
  const width = measured
    ? clampListWidth(dragWidth ?? ui.listWidth.value ?? defaultListWidth(viewWidth), viewWidth)
    : 0;
  return (
    <div
      ref={view}
      class={`requests-view${split ? ' split' : ''}`}
      style={measured ? { '--ps-list-width': `${width}px` } : undefined}
    >
      <RequestList />
      {measured && (
        <SplitHandle
          width={width}
          bounds={listWidthBounds(viewWidth)}
          controls={LIST_PANE_ID}
          onResize={(w, done) => {
            if (!done) return setDragWidth(w);
            setDragWidth(null);
            ui.listWidth.value = w;
          }}
          onReset={() => {
            setDragWidth(null);
            ui.listWidth.value = null;
          }}
        />
      )}
      {split && <DetailPane />}
    </div>
  );
}
