/**
 * The panel app shell: toolbar, the current view, status bar; global keys (/ focuses the filter,
 * Esc closes the detail). Views are listed in `views`: add one (Datasets) and a tab strip appears.
 */
import type { ComponentType } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { DatasetsView } from './components/datasets-view.tsx';
import { FindBar } from './components/find-bar.tsx';
import { HarDropZone } from './components/har-drop-zone.tsx';
import { RequestsView } from './components/requests-view.tsx';
import { StatusBar } from './components/status-bar.tsx';
import { Toolbar } from './components/toolbar.tsx';
import { PanelContext, usePanelState } from './state/panel-context.ts';
import type { PanelState } from './state/panel-state.ts';

type PanelView = { id: string; label: string; Component: ComponentType };

const views: PanelView[] = [
  { id: 'requests', label: 'Requests', Component: RequestsView },
  { id: 'datasets', label: 'Datasets', Component: DatasetsView },
];

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

function Shell() {
  const { ui, selection, find } = usePanelState();
  const filterRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !isTyping(e.target)) {
        e.preventDefault();
        filterRef.current?.focus();
        filterRef.current?.select();
      } else if (e.key === 'Escape') {
        if (e.target === filterRef.current)
          (document.querySelector('[data-testid=request-list]') as HTMLElement)?.focus();
        else selection.close();
      }
    };
    // Ctrl+F (⌘F): find in responses. Taken in the capture phase on window and stopped there, so
    // DevTools' key forwarding (a document listener of the extension API) does not open its own search.
    const onFind = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'f') return;
      e.preventDefault();
      e.stopPropagation();
      ui.view.value = 'requests';
      find.actions.show();
      (document.querySelector('[data-testid=find-input]') as HTMLInputElement | null)?.select();
    };
    document.addEventListener('keydown', onKey);
    addEventListener('keydown', onFind, true);
    return () => {
      document.removeEventListener('keydown', onKey);
      removeEventListener('keydown', onFind, true);
    };
  }, []);

  const view = views.find((v) => v.id === ui.view.value) ?? views[0];
  return (
    <HarDropZone>
      <div class="app" data-testid="pagescope-app">
        <Toolbar filterRef={filterRef} />
        {views.length > 1 && (
          <div class="tabbar view-tabs" role="tablist">
            {views.map((v) => (
              <button
                key={v.id}
                role="tab"
                class={`tab${v.id === view.id ? ' active' : ''}`}
                aria-selected={v.id === view.id}
                data-testid={`view-tab-${v.id}`}
                onClick={() => (ui.view.value = v.id)}
              >
                {v.label}
              </button>
            ))}
          </div>
        )}
        <FindBar />
        <main class="view">
          <view.Component />
        </main>
        <StatusBar />
      </div>
    </HarDropZone>
  );
}

export function App({ state }: { state: PanelState }) {
  return (
    <PanelContext.Provider value={state}>
      <Shell />
    </PanelContext.Provider>
  );
}
