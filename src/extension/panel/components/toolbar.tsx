/** The top toolbar: clear, preserve log, filter (text or /regex/, invert, paginated only), HAR in/out, counts. */
import { useRef } from 'preact/hooks';
import { usePanelState } from '../state/panel-context.ts';

export function Toolbar({ filterRef }: { filterRef: { current: HTMLInputElement | null } }) {
  const { capture, filter, visible, actions, ui } = usePanelState();
  const fileInput = useRef<HTMLInputElement>(null);
  const error = filter.error.value;

  async function onFile(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file) actions.importHar(await file.text(), file.name);
    input.value = ''; // the same file can be picked again
  }

  return (
    <div class="toolbar" role="toolbar">
      <button
        class="icon-button"
        data-testid="clear-log"
        title="Clear"
        aria-label="Clear"
        onClick={actions.clear}
      >
        ⊘
      </button>
      <label class="check" title="Keep the log when the inspected page navigates">
        <input
          type="checkbox"
          data-testid="preserve-log"
          checked={capture.preserveLog.value}
          onChange={(e) => (capture.preserveLog.value = e.currentTarget.checked)}
        />
        Preserve log
      </label>
      <span class="divider" />
      <input
        ref={filterRef}
        class={`filter${error ? ' invalid' : ''}`}
        type="search"
        placeholder="Filter (text or /regex/)"
        aria-label="Filter requests"
        aria-invalid={!!error}
        data-testid="request-filter"
        value={filter.text.value}
        onInput={(e) => (filter.text.value = e.currentTarget.value)}
      />
      <label class="check" title="Show the requests that do not match">
        <input
          type="checkbox"
          data-testid="filter-invert"
          checked={filter.invert.value}
          onChange={(e) => (filter.invert.value = e.currentTarget.checked)}
        />
        Invert
      </label>
      <label class="check">
        <input
          type="checkbox"
          data-testid="paginated-only"
          checked={filter.paginatedOnly.value}
          onChange={(e) => (filter.paginatedOnly.value = e.currentTarget.checked)}
        />
        Paginated only
      </label>
      <span class="divider" />
      <button title="Import a HAR file (or drop one on the panel)" onClick={() => fileInput.current?.click()}>
        Import HAR
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".har,.json,application/json"
        hidden
        data-testid="har-import"
        onChange={onFile}
      />
      <button
        data-testid="har-export"
        title="Download the shown requests as HAR 1.2"
        onClick={actions.exportHar}
      >
        Export HAR
      </button>
      <span class="spacer" />
      <span class="count" data-testid="request-count">
        {`${visible.value.length} / ${capture.items.value.length} requests`}
        {capture.skipped.value ? ` · ${capture.skipped.value} skipped` : ''}
      </span>
      {error && (
        <div class="toolbar-error" role="alert" data-testid="filter-error">
          {error}
        </div>
      )}
      {ui.importError.value && (
        <div class="toolbar-error" role="alert">
          <span data-testid="har-import-error">{ui.importError.value}</span>
          <button
            class="link"
            onClick={() => (ui.importError.value = null)}
            aria-label="Dismiss"
            title="Dismiss"
          >
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
