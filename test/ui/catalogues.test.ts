/**
 * The translation layer's data: every locale has every message and content text with the same
 * placeholders; the pseudo-locale covers everything and shows it; plurals and numbers follow
 * the locale (test/ui/locale.test.tsx: choosing the language).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { compareCatalogues, contentTexts, placeholdersOf, textPlaceholders, type Catalogue } from '../../scripts/catalogues';
import { compileCatalogue, pseudoCatalogue } from '../../scripts/messages';
import { localeFiles, writeLocale } from '../../scripts/new-locale';
import { contentText, currentLocale, formatNumber, loadLocale, LOCALES, t, type MessageKey } from '../../src/ui/i18n';
import { PSEUDO_LOCALE } from '../../src/ui/i18n/pseudo';

const I18N = fileURLToPath(new URL('../../src/ui/i18n/', import.meta.url));
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Catalogue;
const dirs = (path: string) => readdirSync(path, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const jsonIn = (path: string) => readdirSync(path).filter((name) => name.endsWith('.json'));

/** Every English message, all namespaces. */
const english: Catalogue = Object.assign({}, ...jsonIn(join(I18N, 'locales/en')).map((name) => read(join(I18N, 'locales/en', name))));

afterEach(async () => {
  await loadLocale('en');
});

describe('catalogues', () => {
  it('every English message is valid ICU MessageFormat and says something', () => {
    expect(Object.keys(english).length).toBeGreaterThan(350);
    expect(() => compileCatalogue(english)).not.toThrow();
    for (const [key, text] of Object.entries(english)) expect(text.trim().length, key).toBeGreaterThan(0);
  });

  it('every other locale has the same namespace files, every key and the same placeholders', () => {
    for (const locale of dirs(join(I18N, 'locales')).filter((l) => l !== 'en')) {
      expect(jsonIn(join(I18N, 'locales', locale)).sort(), locale).toEqual(jsonIn(join(I18N, 'locales/en')).sort());
      const theirs: Catalogue = Object.assign({}, ...jsonIn(join(I18N, 'locales', locale)).map((name) => read(join(I18N, 'locales', locale, name))));
      expect(compareCatalogues(english, theirs), locale).toEqual([]);
    }
  });

  it('every content overlay has every content text with the same placeholders', () => {
    const texts = contentTexts();
    expect(Object.keys(texts).length).toBeGreaterThan(300);
    let overlays: string[] = [];
    try {
      overlays = jsonIn(join(I18N, 'content'));
    } catch {
      // No overlay yet: English reads the content data itself.
    }
    for (const name of overlays) expect(compareCatalogues(texts, read(join(I18N, 'content', name)), textPlaceholders), name).toEqual([]);
  });

  it('the check itself finds a missing key, an extra key, a dropped or renamed placeholder and a broken message', () => {
    const source = { a: 'Hello {name}', b: '{count, plural, one {# card} other {# cards}}', c: 'Plain' };
    const broken = { a: 'Hallo', b: '{n, plural, one {# Karte} other {# Karten}}', d: 'Extra', c: 'Kaputt {x' };
    expect(compareCatalogues(source, broken).map((p) => `${p.key}:${p.problem}`).sort()).toEqual(['a:placeholders', 'b:placeholders', 'c:invalid', 'd:extra']);
    expect(compareCatalogues(source, { a: 'Hallo {name}', b: '{count, plural, one {# Karte} other {# Karten}}' })).toEqual([{ key: 'c', problem: 'missing' }]);
    expect(placeholdersOf('{kind, select, action {A {id}} other {B}}')).toEqual(['id', 'kind:select']);
  });
});

describe('a new language', () => {
  it('is listed in LOCALES exactly when it has message files (a translation nobody can choose, or a menu entry with nothing behind it, fails)', () => {
    const withFiles = dirs(join(I18N, 'locales')).sort();
    const listed = LOCALES.filter((l) => !l.hidden).map((l) => l.code).sort();
    expect(listed).toEqual(withFiles);
    let overlays: string[] = [];
    try {
      overlays = jsonIn(join(I18N, 'content')).map((name) => name.replace(/\.json$/, ''));
    } catch {
      // No overlay yet.
    }
    for (const code of overlays) expect(withFiles, `content/${code}.json`).toContain(code);
  });

  it('npm run new-locale writes every file with the English to replace, refuses a bad tag, and never overwrites', () => {
    const dir = mkdtempSync(join(tmpdir(), 'de-risk-locale-'));
    try {
      cpSync(join(I18N, 'locales/en'), join(dir, 'locales/en'), { recursive: true });
      const written = writeLocale('pt-BR', dir);
      expect(written.map((p) => p.slice(dir.length + 1)).sort()).toEqual(['content/pt-BR.json', ...jsonIn(join(I18N, 'locales/en')).map((n) => `locales/pt-BR/${n}`)].sort());
      const theirs: Catalogue = Object.assign({}, ...jsonIn(join(dir, 'locales/pt-BR')).map((name) => read(join(dir, 'locales/pt-BR', name))));
      expect(compareCatalogues(english, theirs)).toEqual([]);
      expect(compareCatalogues(contentTexts(), read(join(dir, 'content/pt-BR.json')), textPlaceholders)).toEqual([]);
      expect(() => writeLocale('pt-BR', dir)).toThrow(/Not overwriting/);
      for (const bad of ['', 'EN', 'fr_FR', '__proto__', 'constructor', '../en', 'fr/../../x', 'en']) expect(() => localeFiles(bad, dir), bad).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the pseudo-locale', () => {
  it('covers every message, bracketed, with no plain English letters outside its placeholders', () => {
    const pseudo = pseudoCatalogue(english);
    expect(Object.keys(pseudo).sort()).toEqual(Object.keys(english).sort());
    for (const [key, tokens] of Object.entries(pseudo)) {
      expect(tokens[0], key).toBe('⟦');
      expect(tokens.at(-1), key).toBe('⟧');
      const literal = tokens.filter((token): token is string => typeof token === 'string').join('');
      expect(literal, key).not.toMatch(/[a-zA-Z]/);
    }
  });

  it('when chosen, words messages and content visibly, keeps the values, and counts like English', async () => {
    const plain = t('side.hand', { count: 2 });
    await loadLocale(PSEUDO_LOCALE);
    expect(currentLocale()).toBe(PSEUDO_LOCALE);
    const one = t('side.hand', { count: 1 });
    const two = t('side.hand', { count: 2 });
    expect(two).not.toBe(plain);
    expect(two).toMatch(/^⟦.*2.*⟧$/);
    expect(one).not.toBe(two.replace('2', '1'));
    expect(t('top.date', { date: 'H1 2025', round: 1, length: 8 })).toContain('H1 2025');
    expect(contentText('card', 'x', 'title', 'Export controls')).toMatch(/^⟦[^a-zA-Z]+⟧$/);
    await loadLocale('en');
    expect(t('side.hand', { count: 2 })).toBe('2 cards in hand');
    expect(contentText('card', 'x', 'title', 'Export controls')).toBe('Export controls');
  });

  it('a locale that does not exist is refused, and the active one stays', async () => {
    await expect(loadLocale('xx')).rejects.toThrow(/No locale xx/);
    expect(currentLocale()).toBe('en');
  });
});

describe('plurals and numbers', () => {
  it('chooses the plural form by count and formats numbers the locale’s way', () => {
    const key: MessageKey = 'side.hand';
    expect(t(key, { count: 1 })).toBe('1 card in hand');
    expect(t(key, { count: 0 })).toBe('0 cards in hand');
    expect(formatNumber(12345.5)).toBe('12,345.5');
  });
});
