/**
 * What a crawl asks before it goes on: "Crawl with POST" for a read-shaped POST the user must
 * confirm, or the credential values a resume needs (they are never stored, so after DevTools was
 * closed they are asked again). Values typed here stay in the panel's memory only.
 */
import { useState } from 'preact/hooks';
import { usePanelState } from '../state/panel-context.ts';

export function CrawlAskForm() {
  const { crawl } = usePanelState();
  const ask = crawl.ask.value;
  const [values, setValues] = useState<Record<string, string>>({});
  if (!ask) return null;
  if (ask.kind === 'confirm')
    return (
      <div class="crawl-line crawl-ask" data-testid="crawl-confirm-ask">
        <button
          class="primary"
          data-testid="crawl-confirm"
          title="Replay this POST for every page (it reads; Pagescope never replays PUT, PATCH or DELETE)"
          onClick={() => void crawl.actions.confirm()}
        >
          Crawl with POST
        </button>
        <button data-testid="crawl-confirm-cancel" onClick={() => void crawl.actions.cancel()}>
          Cancel
        </button>
      </div>
    );
  const send = (skip: boolean) =>
    void crawl.actions.provideSecrets(
      skip ? [] : ask.names.map((name) => ({ name, value: values[name.toLowerCase()] ?? '' })),
    );
  return (
    <form
      class="crawl-ask crawl-secrets"
      data-testid="crawl-secrets"
      onSubmit={(e) => {
        e.preventDefault();
        send(false);
      }}
    >
      {ask.names.map((name) => (
        <label class="crawl-line" key={name}>
          <span class="mono">{name}</span>
          <input
            type="password"
            autocomplete="off"
            data-testid="crawl-secret-input"
            data-name={name}
            value={values[name.toLowerCase()] ?? ''}
            onInput={(e) =>
              setValues({ ...values, [name.toLowerCase()]: (e.currentTarget as HTMLInputElement).value })
            }
          />
        </label>
      ))}
      <div class="crawl-line">
        <button class="primary" type="submit" data-testid="crawl-secrets-resume">
          Resume with these
        </button>
        <button type="button" data-testid="crawl-secrets-skip" onClick={() => send(true)}>
          Resume without them
        </button>
        <button type="button" data-testid="crawl-secrets-cancel" onClick={() => void crawl.actions.cancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
