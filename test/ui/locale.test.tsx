// @vitest-environment happy-dom
/**
 * Choosing the language: the first one (the address, then the remembered choice, then the
 * browser's), and the menu under every screen, which re-words the screen on the spot, sets the
 * page's `lang` and `dir`, and is remembered for the next visit.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App';
import { loadLocale, t } from '../../src/ui/i18n';
import { PSEUDO_LOCALE } from '../../src/ui/i18n/pseudo';
import { firstLocale, localeStore } from '../../src/ui/store/localeStore';

afterEach(async () => {
  cleanup();
  await localeStore.getState().choose('en');
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('the first language', () => {
  it('is the one asked for in the address, else the remembered one, else the browser’s that the game speaks, else English', () => {
    // Tags no locale will ever have (qaa–qtz are reserved for private use), so a new language changes nothing here.
    expect(firstLocale(['qaa-DE', 'en-GB'])).toBe('en');
    expect(firstLocale(['qab', 'qac'])).toBe('en');
    // The pseudo-locale is never taken from the browser: it is for tests and reviews.
    expect(firstLocale([PSEUDO_LOCALE])).toBe('en');
    localStorage.setItem('de-risk:locale', PSEUDO_LOCALE);
    expect(firstLocale(['en'])).toBe(PSEUDO_LOCALE);
    localStorage.setItem('de-risk:locale', 'xx');
    expect(firstLocale(['en'])).toBe('en');
    window.history.replaceState(null, '', `/?lang=${PSEUDO_LOCALE}`);
    expect(firstLocale([])).toBe(PSEUDO_LOCALE);
    window.history.replaceState(null, '', '/?lang=xx');
    expect(firstLocale([])).toBe('en');
  });
});

describe('the language menu', () => {
  it('re-words the screen at once, sets lang and dir, and is remembered', async () => {
    const user = userEvent.setup();
    render(<App />);
    const english = t('start.tagline');
    expect(screen.getByText(english)).toBeTruthy();
    const menu = screen.getByRole('combobox', { name: 'Language' });
    await user.selectOptions(menu, PSEUDO_LOCALE);
    await waitFor(() => expect(document.documentElement.lang).toBe(PSEUDO_LOCALE));
    expect(t('app.language')).not.toBe('Language');
    expect(screen.getByRole('combobox', { name: t('app.language') })).toBe(menu);
    expect(screen.queryByText(english)).toBeNull();
    expect(screen.getByText(t('start.tagline'))).toBeTruthy();
    expect(document.documentElement.lang).toBe(PSEUDO_LOCALE);
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.title).toBe(t('title.start'));
    expect(localStorage.getItem('de-risk:locale')).toBe(PSEUDO_LOCALE);
    await loadLocale('en');
  });
});
