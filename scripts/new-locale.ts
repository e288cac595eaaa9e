/**
 * Starts a translation: `npm run new-locale -- <code>` writes the files a new language needs,
 * filled with the English it replaces, so a translator edits text and never hunts for keys:
 *
 * - `src/ui/i18n/locales/<code>/<namespace>.json` for every English namespace (the messages);
 * - `src/ui/i18n/content/<code>.json` (the cards, actions, events and glossary by `kind.id.field`).
 *
 * It refuses a code that is not a BCP 47 language tag and never overwrites an existing file.
 * The language shows in the menu once it has a line in LOCALES (src/ui/i18n/index.ts);
 * test/ui/catalogues.test.ts then checks every key and placeholder. See docs/how-to-add.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentTexts } from './catalogues.ts';

const I18N = fileURLToPath(new URL('../src/ui/i18n/', import.meta.url));

/** A BCP 47 tag as LOCALES uses it: a language, then optional script and region (`fr`, `pt-BR`, `zh-Hant-TW`). */
const TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;

/** The files a new locale needs, by path, with their English starting text. */
export function localeFiles(code: string, i18nDir = I18N): Map<string, string> {
  if (!TAG.test(code)) throw new Error(`"${code}" is not a language tag such as fr, pt-BR or zh-Hant-TW.`);
  if (code === 'en') throw new Error('English is the source language; its files already exist.');
  const files = new Map<string, string>();
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const englishDir = join(i18nDir, 'locales', 'en');
  for (const name of readdirSync(englishDir).filter((n) => n.endsWith('.json')).sort()) {
    files.set(join(i18nDir, 'locales', code, name), readFileSync(join(englishDir, name), 'utf8'));
  }
  files.set(join(i18nDir, 'content', `${code}.json`), json(contentTexts()));
  return files;
}

/** Writes the files; refuses before writing anything if one of them exists. */
export function writeLocale(code: string, i18nDir = I18N): string[] {
  const files = localeFiles(code, i18nDir);
  const taken = [...files.keys()].filter((path) => existsSync(path));
  if (taken.length > 0) throw new Error(`Not overwriting ${taken.map((p) => relative(process.cwd(), p)).join(', ')}.`);
  for (const [path, text] of files) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, { flag: 'wx' });
  }
  return [...files.keys()];
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const code = process.argv[2];
  try {
    if (code === undefined) throw new Error('Usage: npm run new-locale -- <language tag>, for example fr or pt-BR.');
    for (const path of writeLocale(code)) console.log(`wrote ${relative(process.cwd(), path)}`);
    console.log(`Next: translate the text in those files, add { code: '${code}', name: '<the language in itself>', dir: 'ltr' } to LOCALES in src/ui/i18n/index.ts, and run npm test.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
