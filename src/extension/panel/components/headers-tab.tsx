/** Headers tab: general facts, response and request headers, query parameters; evidence highlighted. */
import type { Header } from '../../../core/exchange.ts';
import type { Evidence } from '../../../core/detect/types.ts';
import type { CapturedItem } from '../state/captured-item.ts';

function NameValues({
  title,
  rows,
  hits,
  testid,
}: {
  title: string;
  rows: Header[];
  hits: Set<string>;
  testid: string;
}) {
  return (
    <section class="kv-section" data-testid={testid}>
      <h3>{`${title} (${rows.length})`}</h3>
      {rows.length === 0 && <div class="muted">None</div>}
      {rows.map((h, i) => {
        const hit = hits.has(h.name.toLowerCase());
        return (
          <div key={i} class={`kv${hit ? ' evidence-hit' : ''}`} data-evidence={hit ? 'true' : undefined}>
            <span class="k">{h.name}</span>
            <span class="v mono">{h.value}</span>
          </div>
        );
      })}
    </section>
  );
}

function namesWhere(evidence: readonly Evidence[], where: Evidence['where']): Set<string> {
  return new Set(evidence.filter((e) => e.where === where).map((e) => e.path.toLowerCase()));
}

function queryOf(url: string): Header[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

export function HeadersTab({ item }: { item: CapturedItem }) {
  const { request, response } = item.exchange;
  const evidence = item.detection?.evidence ?? [];
  const general: Header[] = [
    { name: 'Request URL', value: request.url },
    { name: 'Request Method', value: request.method },
    {
      name: 'Status Code',
      value: `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    },
    { name: 'Content Type', value: response.mimeType },
  ];
  return (
    <div class="headers-tab" data-testid="headers-tab">
      <NameValues title="General" rows={general} hits={new Set()} testid="general" />
      <NameValues
        title="Response headers"
        rows={response.headers}
        hits={namesWhere(evidence, 'header')}
        testid="response-headers"
      />
      <NameValues title="Request headers" rows={request.headers} hits={new Set()} testid="request-headers" />
      <NameValues
        title="Query parameters"
        rows={queryOf(request.url)}
        hits={namesWhere(evidence, 'query')}
        testid="query-params"
      />
    </div>
  );
}
