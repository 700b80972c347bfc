/** The split view's right side: tabs over the selected exchange, its actions, and a close button. */
import { usePanelState } from '../state/panel-context.ts';
import { detailTabs } from './detail-tabs.tsx';
import { UnanalysedNotice } from './unanalysed-notice.tsx';

export function DetailPane() {
  const { selection, actions } = usePanelState();
  const item = selection.selected.value;
  if (!item || !selection.detailOpen.value) return null;
  const tab = detailTabs.find((t) => t.id === selection.detailTab.value) ?? detailTabs[0];
  return (
    <section class="detail" data-testid="request-detail" aria-label="Request detail">
      <div class="tabbar" role="tablist">
        <button
          class="icon-button"
          data-testid="detail-close"
          title="Close (Esc)"
          aria-label="Close"
          onClick={selection.close}
        >
          ✕
        </button>
        {detailTabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            class={`tab${t.id === tab.id ? ' active' : ''}`}
            aria-selected={t.id === tab.id}
            data-testid={`detail-tab-${t.id}`}
            onClick={() => (selection.detailTab.value = t.id)}
          >
            {t.label}
          </button>
        ))}
        <span class="spacer" />
        <button
          data-testid="copy-curl"
          title="Copy the request as a cURL command (bash)"
          onClick={() => actions.copyCurl(item)}
        >
          Copy as cURL
        </button>
        <button
          data-testid="copy-records"
          title="Copy the records array as JSON"
          disabled={!item.detection}
          onClick={() => actions.copyRecords(item)}
        >
          Copy records
        </button>
      </div>
      <UnanalysedNotice key={`n${item.id}`} item={item} />
      <div class="tab-body" role="tabpanel" data-testid={`detail-body-${tab.id}`}>
        <tab.Component key={item.id} item={item} />
      </div>
    </section>
  );
}
