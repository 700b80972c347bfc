/**
 * Fakes for every panel service, so the app renders in a plain page or a test without DevTools:
 * push exchanges and navigations by hand, read what was copied and downloaded.
 */
import type { Exchange } from '../../../core/exchange.ts';
import type { PanelServices, ThemeName } from '../services/panel-services.ts';

export type FakeServices = PanelServices & {
  /** Delivers one exchange as if DevTools had just finished it. */
  emit(ex: Exchange): void;
  navigate(url: string): void;
  setTheme(name: ThemeName): void;
  copied: string[];
  downloads: { name: string; text: string; mime: string }[];
};

export function createFakeServices(
  opts: { backfill?: Exchange[]; theme?: ThemeName; skipped?: number } = {},
): FakeServices {
  const onEx = new Set<(ex: Exchange) => void>();
  const onNav = new Set<(url: string) => void>();
  const onTheme = new Set<(name: ThemeName) => void>();
  let theme: ThemeName = opts.theme ?? 'default';
  const subscribe = <T>(set: Set<T>, cb: T) => (set.add(cb), () => void set.delete(cb));
  const fake: FakeServices = {
    network: {
      onExchange: (cb) => subscribe(onEx, cb),
      onNavigated: (cb) => subscribe(onNav, cb),
      backfill: async () => opts.backfill ?? [],
      stats: () => ({ skipped: { asset: opts.skipped ?? 0 } }),
    },
    themeName: () => theme,
    onThemeChange: (cb) => subscribe(onTheme, cb),
    clipboard: { writeText: async (text) => void fake.copied.push(text) },
    download: { save: (file) => void fake.downloads.push(file) },
    emit: (ex) => onEx.forEach((cb) => cb(ex)),
    navigate: (url) => onNav.forEach((cb) => cb(url)),
    setTheme(name) {
      theme = name;
      onTheme.forEach((cb) => cb(name));
    },
    copied: [],
    downloads: [],
  };
  return fake;
}
