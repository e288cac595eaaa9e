/**
 * The player's language: the one piece of UI state that outlives a match, so a store of its
 * own. It is remembered in localStorage; a first visit takes the browser's language when the
 * game speaks it; `?lang=` in the address chooses one outright (and offers the hidden
 * pseudo-locale, for tests and reviews). Changing it loads the catalogue, sets the page's
 * `lang` and `dir`, and re-renders every screen (App subscribes).
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { currentLocale, loadLocale, localeInfo, LOCALES, type LocaleInfo } from '../i18n';

const KEY = 'de-risk:locale';

interface LocaleState {
  locale: string;
  /** Loads and shows a language; remembers it for the next visit. */
  choose: (code: string) => Promise<void>;
}

function remembered(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function asked(): string | null {
  return typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get('lang');
}

function apply(info: LocaleInfo): void {
  document.documentElement.lang = info.code;
  document.documentElement.dir = info.dir;
}

export const localeStore = createStore<LocaleState>()((set) => ({
  locale: currentLocale(),
  choose: async (code) => {
    const info = await loadLocale(code);
    apply(info);
    try {
      localStorage.setItem(KEY, info.code);
    } catch {
      // Private browsing: the choice lasts this visit.
    }
    set({ locale: info.code });
  },
}));

/** The language to start in: asked for in the address, else remembered, else the browser's first that the game speaks. */
export function firstLocale(preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): string {
  const known = (code: string | null) => (code && localeInfo(code) ? code : null);
  const browser = preferred.map((tag) => LOCALES.find((l) => !l.hidden && (l.code === tag || l.code === tag.split('-')[0]))?.code ?? null).find(Boolean) ?? null;
  return known(asked()) ?? known(remembered()) ?? browser ?? 'en';
}

/** The languages the menu offers: the real ones, and hidden ones in development, when asked for, or already chosen. */
export function offeredLocales(current: string): LocaleInfo[] {
  return LOCALES.filter((l) => !l.hidden || import.meta.env.DEV || l.code === current || l.code === asked());
}

export const useLocale = (): string => useStore(localeStore, (s) => s.locale);
