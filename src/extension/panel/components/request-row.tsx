/** One row of the request list. Every field is a text child: preact sets textContent, never HTML. */
import { memo } from 'preact/compat';
import { formatBytes, formatMs, splitUrl } from '../lib/format.ts';
import { UNANALYSED_LABEL } from '../lib/unanalysed.ts';
import type { CapturedItem } from '../state/captured-item.ts';
import { StyleBadge } from './style-badge.tsx';

export const ROW_HEIGHT = 20;

type Props = { item: CapturedItem; index: number; selected: boolean; onPick(id: string): void };

export const RequestRow = memo(function RequestRow({ item, index, selected, onPick }: Props) {
  const { request, response } = item.exchange;
  const status = response.status;
  const size = response.bodySize ?? response.bodyText?.length;
  const [origin, rest] = splitUrl(request.url);
  return (
    <div
      class={`row${selected ? ' selected' : ''}${index % 2 ? ' odd' : ''}${item.source === 'har' ? ' imported' : ''}${item.unanalysed ? ' unanalysed' : ''}`}
      role="row"
      aria-selected={selected}
      data-testid="request-row"
      data-id={item.id}
      data-index={index}
      onMouseDown={() => onPick(item.id)}
    >
      <span class="cell method" data-testid="request-method">
        {request.method}
      </span>
      <span class={`cell status${status >= 400 || status === 0 ? ' bad' : ''}`} data-testid="request-status">
        {String(status)}
      </span>
      {/* The host is in the text (for search and copy) but only the path is shown; hover shows the URL. */}
      <span class="cell url" data-testid="request-url" title={request.url}>
        <span class="host">{origin}</span>
        {rest}
      </span>
      <span class="cell size" data-testid="request-size">
        {formatBytes(size)}
      </span>
      <span class="cell time" data-testid="request-time">
        {formatMs(item.exchange.time)}
      </span>
      <span class="cell kind">
        {item.unanalysed ? (
          <span
            class="badge badge-unanalysed"
            data-testid="request-unanalysed"
            data-reason={item.unanalysed.reason}
            title="Not analysed: select the request to see why"
          >
            {UNANALYSED_LABEL[item.unanalysed.reason]}
          </span>
        ) : (
          <StyleBadge detection={item.detection} testid="request-style" />
        )}
      </span>
    </div>
  );
});
