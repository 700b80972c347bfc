// The grant window (Firefox): the panel cannot call `permissions.request` itself, so this page
// asks, inside the user's click on Allow, and broadcasts the answer to the panel that is waiting.
// Closing the window unanswered counts as a refusal. See ../permission-broker.ts.
import { browser } from '../browser.ts';
import { parseGrantQuery, type GrantResult } from '../permission-broker.ts';

const query = parseGrantQuery(location.search);
const $ = (id: string) => document.getElementById(id)!;
let answered = false;

function answer(granted: boolean): Promise<unknown> {
  answered = true;
  const m: GrantResult = { pagescope: 'grant-result', requestId: query!.requestId, granted };
  return browser.runtime.sendMessage(m).catch(() => {});
}

if (!query) {
  $('origins').textContent = 'This window was opened without a valid request; close it.';
  ($('allow') as HTMLButtonElement).disabled = true;
} else {
  // Text only: the origins come from the URL and are shown as typed, never as markup.
  $('origins').textContent = query.origins.map((o) => o.replace(/\/\*$/, '')).join(', ');
  $('allow').addEventListener('click', () => {
    // No await before request(): the browser only prompts while the click is being handled.
    browser.permissions.request({ origins: query.origins }).then(
      async (granted) => {
        await answer(granted);
        if (granted) window.close();
        else $('status').textContent = 'Access was not granted. You can close this window.';
      },
      (e: unknown) => {
        $('status').textContent = `The browser refused to ask: ${(e as Error).message}`;
      },
    );
  });
  $('cancel').addEventListener('click', () => {
    void answer(false).then(() => window.close());
  });
  addEventListener('pagehide', () => {
    if (!answered) void answer(false);
  });
}
