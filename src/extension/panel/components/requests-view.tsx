/** The Requests view: the list, and the detail beside it when a request is open (a split view). */
import { usePanelState } from '../state/panel-context.ts';
import { DetailPane } from './detail-pane.tsx';
import { RequestList } from './request-list.tsx';

export function RequestsView() {
  const { selection } = usePanelState();
  const split = selection.detailOpen.value && !!selection.selected.value;
  return (
    <div class={`requests-view${split ? ' split' : ''}`}>
      <RequestList />
      {split && <DetailPane />}
    </div>
  );
}
