// Panel entry: builds the services, the one store, and renders the app. Nothing else lives here.
import './panel.css';
import { render } from 'preact';
import { effect } from '@preact/signals';
import { createDevtoolsNetwork, devtoolsPanels, panelPermissions } from '../browser.ts';
import { createNetworkCapture } from '../network.ts';
import { App } from './app.tsx';
import { createBrowserCrawlServices } from './services/browser-crawl-services.ts';
import { createClipboard, createDownload } from './services/dom-services.ts';
import { createThemeService } from './services/theme.ts';
import { persistListWidth } from './state/list-width-pref.ts';
import { createPanelState } from './state/panel-state.ts';

const state = createPanelState({
  // Created first: its DevTools listener must exist before anything can finish unseen.
  network: createNetworkCapture(createDevtoolsNetwork()),
  ...createThemeService(devtoolsPanels()),
  clipboard: createClipboard(),
  download: createDownload(),
  crawl: createBrowserCrawlServices(panelPermissions()),
});

effect(() => {
  document.documentElement.dataset.theme = state.ui.theme.value === 'dark' ? 'dark' : 'light';
});
persistListWidth(state.ui.listWidth, localStorage);
// e2e waits on this: set once backfill answered, i.e. DevTools has registered the live listener.
effect(() => {
  if (state.ui.ready.value) document.body.dataset.ready = '1';
});

const disconnect = state.connect();
addEventListener('pagehide', disconnect);
render(<App state={state} />, document.getElementById('app')!);
