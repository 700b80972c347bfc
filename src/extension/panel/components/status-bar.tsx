/** The bottom line: the last action's outcome (copied, imported, exported) or its error. */
import { usePanelState } from '../state/panel-context.ts';

export function StatusBar() {
  const { ui } = usePanelState();
  const notice = ui.notice.value;
  return (
    <div class={`status-bar${notice?.kind === 'error' ? ' error' : ''}`} role="status" data-testid="notice">
      {notice?.text ?? ''}
    </div>
  );
}
