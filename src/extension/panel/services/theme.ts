/**
 * DevTools' theme for the panel: `devtools.panels.themeName` ('dark' | 'default'). Firefox fires
 * `onThemeChanged`; Chrome 99+ offers `setThemeChangeHandler`; older Chrome reloads panels instead.
 */
import type { PanelServices, ThemeName } from './panel-services.ts';

type ThemeEvent = {
  addListener(cb: (name: string) => void): void;
  removeListener(cb: (name: string) => void): void;
};

/** The slice of `devtools.panels` this reads (the polyfill's object or Chrome's own). */
export type PanelsApi = {
  themeName?: string;
  onThemeChanged?: ThemeEvent;
  setThemeChangeHandler?: (cb?: (name: string) => void) => void;
};

const toThemeName = (name: string | undefined): ThemeName => (name === 'dark' ? 'dark' : 'default');

export function createThemeService(panels: PanelsApi): Pick<PanelServices, 'themeName' | 'onThemeChange'> {
  return {
    themeName: () => toThemeName(panels.themeName),
    onThemeChange(cb) {
      const handler = (name: string) => cb(toThemeName(name));
      if (panels.onThemeChanged) {
        panels.onThemeChanged.addListener(handler);
        return () => panels.onThemeChanged!.removeListener(handler);
      }
      if (typeof panels.setThemeChangeHandler === 'function') {
        panels.setThemeChangeHandler(handler);
        return () => panels.setThemeChangeHandler!(undefined);
      }
      return () => {};
    },
  };
}
