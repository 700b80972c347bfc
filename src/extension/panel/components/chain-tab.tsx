/**
 * The Chain tab of the detail pane: a header line (endpoint, style, totals, page size, node counts,
 * findings by severity), the chain drawing, a legend, and the diagnostics. Clicking a seen node
 * selects its request; the tab stays open, so walking a chain is click, click, click.
 */
import { useState } from 'preact/hooks';
import type { Chain, ChainNode } from '../../../core/chain/types.ts';
import type { CrawlStart } from '../../../core/crawl/types.ts';
import { formatCounts } from '../lib/finding-marks.ts';
import { usePanelState } from '../state/panel-context.ts';
import type { ChainDiagnostics } from '../state/chain-state.ts';
import type { CapturedItem } from '../state/captured-item.ts';
import { ChainSvg } from './chain-svg.tsx';
import { CrawlStatus } from './crawl-status.tsx';
import { DiagnosticsView } from './diagnostics-view.tsx';
import './chain.css';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `12 seen · 3 crawled · 8 predicted`, with gap nodes counted as the pages they stand for. */
function nodeCounts(chain: Chain): string {
  const c = { seen: 0, crawled: 0, predicted: 0 };
  for (const n of chain.nodes) c[n.state] += n.gap ? n.gap.count : 1;
  return (['seen', 'crawled', 'predicted'] as const)
    .filter((s) => c[s] > 0)
    .map((s) => `${c[s]} ${s}`)
    .join(' · ');
}

/** "Crawl remaining pages" for the whole chain: starts where chain-crawl-start.ts says. */
function ChainCrawlButton({ start }: { start: CrawlStart | null }) {
  const { crawl } = usePanelState();
  const running = crawl.running.value;
  const from = start?.exchange.request.url;
  return (
    <button
      class="primary"
      data-testid="chain-crawl-start"
      data-start-url={from ?? ''}
      disabled={!start || running}
      title={
        running
          ? 'A crawl is running'
          : `Fetch the rest of the chain from ${from ?? '?'} into a dataset (asks for access to the host)`
      }
      onClick={() => start && void crawl.actions.start(start)}
    >
      Crawl remaining pages
    </button>
  );
}

function ChainHeader({
  chain,
  d,
  start,
}: {
  chain: Chain;
  d: ChainDiagnostics | null;
  start: CrawlStart | null;
}) {
  const facts = [
    chain.totalRecords !== undefined && plural(chain.totalRecords, 'record'),
    chain.totalPages !== undefined && plural(chain.totalPages, 'page'),
  ].filter(Boolean);
  // The page size is not a total: "total unknown · page size 50", never "total page size 50".
  const size = chain.pageSize !== undefined ? ` · page size ${chain.pageSize}` : '';
  const counts = d?.counts;
  const worst = counts?.error ? 'error' : counts?.warning ? 'warning' : counts?.info ? 'info' : 'clean';
  return (
    <div class="chain-header" data-testid="chain-header">
      <span class="mono chain-title" title={chain.key}>
        {chain.title}
      </span>
      <span class="muted" data-testid="chain-style">{`${chain.style} · ${chain.kind}`}</span>
      <span data-testid="chain-totals">{`${facts.length ? `total ${facts.join(' · ')}` : 'total unknown'}${size}`}</span>
      <span class="muted" data-testid="chain-node-counts">
        {nodeCounts(chain)}
      </span>
      <span class="spacer" />
      {counts && (
        <span
          class={`diagnostic-counts ${worst}`}
          data-testid="diagnostic-counts"
          data-errors={counts.error}
          data-warnings={counts.warning}
          data-infos={counts.info}
        >
          {formatCounts(counts)}
        </span>
      )}
      <ChainCrawlButton start={start} />
    </div>
  );
}

function Legend() {
  return (
    <div class="chain-legend muted" aria-hidden="true">
      <span class="key seen">seen</span>
      <span class="key crawled">crawled</span>
      <span class="key predicted">predicted</span>
      <span class="key flagged">finding</span>
      <span>│ first / last page · dashed arc: prev link</span>
    </div>
  );
}

export function ChainTab({ item }: { item: CapturedItem }) {
  const { chain: chains, selection } = usePanelState();
  const [highlight, setHighlight] = useState<string | null>(null);
  const chain = chains.chain.value;
  const d = chains.diagnostics.value;
  if (!item.detection || !chain) {
    return (
      <div class="chain-tab muted" data-testid="chain-none">
        {`No chain: ${item.notPaginated ?? 'this response is not paginated'}.`}
      </div>
    );
  }
  const pick = (n: ChainNode) => n.exchangeId && selection.select(n.exchangeId);
  return (
    <div class="chain-tab" data-testid="chain-tab" data-chain-key={chain.key}>
      <ChainHeader chain={chain} d={d} start={chains.crawlStart.value} />
      <CrawlStatus start={chains.crawlStart.value} />
      <ChainSvg
        chain={chain}
        marks={d?.marks ?? new Map()}
        selectedId={item.id}
        highlight={highlight}
        onPick={pick}
      />
      <Legend />
      {d && <DiagnosticsView d={d} onHover={setHighlight} />}
    </div>
  );
}
