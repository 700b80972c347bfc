/**
 * Above the detail of a request the panel listed but did not analyse: why (not JSON, empty, body
 * unavailable, too large) and what to do — "Analyse anyway" for a too-large body the panel kept, the
 * CLI command for a body DevTools did not keep. All text, never HTML.
 */
import { DEFAULT_AUTO_LIMIT, DEFAULT_MAX_BODY } from '../../network.ts';
import { formatBytes } from '../lib/format.ts';
import { cliCommand, unanalysedActions, unanalysedWhy } from '../lib/unanalysed.ts';
import { usePanelState } from '../state/panel-context.ts';
import type { CapturedItem } from '../state/captured-item.ts';

const LIMITS = { autoLimit: DEFAULT_AUTO_LIMIT, maxBody: DEFAULT_MAX_BODY };

export function UnanalysedNotice({ item }: { item: CapturedItem }) {
  const { actions, services } = usePanelState();
  const u = item.unanalysed;
  if (!u) return null;
  const bodyKept = item.exchange.response.bodyText != null;
  const canFetch = !!services.crawl && item.exchange.request.method.toUpperCase() === 'GET';
  const offered = unanalysedActions(u, bodyKept, canFetch);
  return (
    <div class="unanalysed-notice" role="note" data-testid="unanalysed-notice" data-reason={u.reason}>
      <div data-testid="unanalysed-why">{unanalysedWhy(u, item.exchange, LIMITS)}</div>
      {offered.length > 0 && (
        <div class="unanalysed-actions">
          {offered.includes('analyse') && (
            <button data-testid="analyse-anyway" onClick={() => actions.analyse(item)}>
              Analyse anyway
            </button>
          )}
          {offered.includes('fetch') && (
            <button
              data-testid="fetch-analyse"
              title={`Fetch this GET again from the panel (up to ${formatBytes(DEFAULT_MAX_BODY)}) and analyse it; asks for access to its site first`}
              onClick={() => void actions.fetchAndAnalyse(item)}
            >
              Fetch and analyse
            </button>
          )}
          {offered.includes('cli') && (
            <>
              <button
                data-testid="copy-cli"
                title="Copy the command; add -H for the credentials the API needs"
                onClick={() => void actions.copyCliCommand(item)}
              >
                Copy CLI command
              </button>
              <code class="mono" data-testid="cli-command">
                {cliCommand(item.exchange.request)}
              </code>
            </>
          )}
        </div>
      )}
    </div>
  );
}
