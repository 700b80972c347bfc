// Placeholder panel: lists captured JSON exchanges so the capture wiring and the e2e harness can
// be proven end to end. The real panel app replaces this file.
import { render } from 'preact';
import { signal } from '@preact/signals';
import type { Exchange } from '../../core/exchange.ts';
import { createDevtoolsNetwork } from '../browser.ts';
import { createNetworkCapture } from '../network.ts';

const exchanges = signal<Exchange[]>([]);

function add(list: Exchange[]) {
  if (list.length) exchanges.value = [...exchanges.value, ...list];
}

function App() {
  const rows = exchanges.value;
  return (
    <main>
      <h1 style={{ fontSize: '13px', margin: '8px' }}>Pagescope — {rows.length} JSON responses</h1>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <tbody>
          {rows.map((ex) => (
            // Response data is rendered as text children only: preact sets textContent, never HTML.
            <tr key={ex.id} data-testid="request-row" data-id={ex.id}>
              <td data-testid="request-method">{ex.request.method}</td>
              <td data-testid="request-url" class="mono">
                {ex.request.url}
              </td>
              <td data-testid="request-status">{ex.response.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

const capture = createNetworkCapture(createDevtoolsNetwork());
capture.onExchange((ex) => add([ex]));
render(<App />, document.getElementById('app')!);
// addListener is a message to DevTools; the getHAR answer inside backfill() proves it arrived,
// so from `ready` on no finished request can slip between backfill and live capture.
void capture.backfill().then((list) => {
  add(list);
  document.body.dataset.ready = '1';
});
