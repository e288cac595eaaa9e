// @vitest-environment happy-dom
/**
 * Messages a first visit never shows (the classroom's, the debrief's) are kept out of the start
 * screen's download and arrive with the screen that shows them. Nothing here preloads them: a
 * screen reached through the app must bring its own, and a message asked for too early is a
 * loud error in development, never a key shown to a student.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App';
import { loadLocale, loadMessages, t } from '../../src/ui/i18n';
import { PSEUDO_LOCALE } from '../../src/ui/i18n/pseudo';

afterEach(async () => {
  cleanup();
  await loadLocale('en');
  window.location.hash = '';
});

describe('lazy message namespaces', () => {
  it('a classroom message asked for before its namespace is loaded throws, naming the key', () => {
    expect(() => t('class.join.title')).toThrow(/class\.join\.title/);
    // The first visit's own messages are there from the start.
    expect(t('start.tagline').length).toBeGreaterThan(0);
  });

  it('the join screen, reached by its address, arrives worded: its namespace came with its code', async () => {
    window.location.hash = '#/class/join';
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Join a class' })).toBeTruthy();
    expect(t('class.join.title')).toBe('Join a class');
  });

  it('a namespace loaded while another language is active, and a language chosen after it, both word its messages', async () => {
    await loadLocale(PSEUDO_LOCALE);
    await loadMessages('debrief');
    expect(t('debrief.chart.group.relations')).toMatch(/^⟦.*⟧$/);
    await loadLocale('en');
    expect(t('debrief.chart.group.relations')).not.toMatch(/⟦/);
    await loadLocale(PSEUDO_LOCALE);
    expect(t('debrief.chart.group.relations')).toMatch(/^⟦.*⟧$/);
  });
});
