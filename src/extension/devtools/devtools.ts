// The devtools page only registers the panel; the panel page does all the work, because
// DevTools keeps this page alive for the whole session but gives it no UI.
import { browser } from '../browser.ts';

void browser.devtools.panels.create('Pagescope', 'icons/icon-32.png', 'panel.html');
