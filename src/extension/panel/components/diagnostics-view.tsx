/**
 * The chain's findings: severity, rule, the sentence, its evidence (pages, URLs, ids, values) and the
 * suggested fix — all rendered as text. Hovering a finding highlights the nodes it names.
 */
import type { Finding, FindingEvidence } from '../../../core/diagnose/types.ts';
import type { ChainDiagnostics } from '../state/chain-state.ts';

const SAMPLE = 8;

/** Up to SAMPLE values and how many more. */
function list(values: readonly (string | number)[]): string {
  const shown = values.slice(0, SAMPLE).join(', ');
  return values.length > SAMPLE ? `${shown} … (+${values.length - SAMPLE})` : shown;
}

function Evidence({ e }: { e: FindingEvidence }) {
  const values = Object.entries(e.values ?? {});
  return (
    <dl class="finding-evidence" data-testid="finding-evidence">
      {e.pages?.length ? (
        <>
          <dt>pages</dt>
          <dd class="mono" data-testid="finding-pages">
            {list(e.pages)}
          </dd>
        </>
      ) : null}
      {e.ids?.length ? (
        <>
          <dt>ids</dt>
          <dd class="mono" data-testid="finding-ids">
            {list(e.ids)}
          </dd>
        </>
      ) : null}
      {values.length ? (
        <>
          <dt>values</dt>
          <dd class="mono">{values.map(([k, v]) => `${k}=${v}`).join('  ')}</dd>
        </>
      ) : null}
      {e.urls?.length ? (
        <>
          <dt>urls</dt>
          <dd class="mono urls" data-testid="finding-urls">
            {e.urls.slice(0, SAMPLE).map((u, i) => (
              <div key={i} title={u}>
                {u}
              </div>
            ))}
            {e.urls.length > SAMPLE && <div class="muted">{`+${e.urls.length - SAMPLE} more`}</div>}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function FindingItem({ f, onHover }: { f: Finding; onHover(rule: string | null): void }) {
  return (
    <li
      class={`finding ${f.severity}`}
      data-testid="finding"
      data-rule={f.rule}
      data-severity={f.severity}
      onMouseEnter={() => onHover(f.rule)}
      onMouseLeave={() => onHover(null)}
    >
      <div class="finding-head">
        <span class={`severity ${f.severity}`} data-testid="finding-severity">
          {f.severity}
        </span>
        <span class="rule mono">{f.rule}</span>
      </div>
      <div class="finding-message" data-testid="finding-message">
        {f.message}
      </div>
      <Evidence e={f.evidence} />
      <div class="finding-fix" data-testid="finding-fix">
        <span class="muted">Fix: </span>
        {f.fix}
      </div>
    </li>
  );
}

export function DiagnosticsView({ d, onHover }: { d: ChainDiagnostics; onHover(rule: string | null): void }) {
  const n = d.pages.length;
  return (
    <section class="diagnostics" data-testid="diagnostics" aria-label="Diagnostics">
      <h3>{`Diagnostics over ${n} fetched ${n === 1 ? 'page' : 'pages'}`}</h3>
      {d.findings.length ? (
        <ul class="findings">
          {d.findings.map((f, i) => (
            <FindingItem key={`${f.rule}:${i}`} f={f} onHover={onHover} />
          ))}
        </ul>
      ) : (
        <p class="muted" data-testid="diagnostics-clean">
          No rule saw a problem in these pages (which does not prove the API correct: fetch or crawl more
          pages to check further).
        </p>
      )}
    </section>
  );
}
