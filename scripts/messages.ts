/**
 * The message catalogues at build time (Vite and Vitest both use this plugin):
 * - each `src/ui/i18n/locales/<locale>/<namespace>.json` (ICU MessageFormat texts, the `{name}` placeholders
 *   and `{count, plural, …}` forms) is compiled once, at build, into Lingui's compiled form, so
 *   the page ships a 2 kB runtime and no message parser; a malformed message fails the build;
 * - the pseudo-locale (`virtual:de-risk/pseudo-catalogue`) is made from the English catalogues,
 *   every literal piece accented and lengthened and each message bracketed (src/ui/i18n/pseudo.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileMessageOrThrow, type CompiledMessage } from '@lingui/message-utils/compileMessage';
import type { Plugin } from 'vite';
import { pseudoText } from '../src/ui/i18n/pseudo.ts';

/** A catalogue: one namespace of one locale, `locales/<locale>/<namespace>.json`. */
const CATALOGUE = /\/src\/ui\/i18n\/locales\/[a-z]{2,3}(-[A-Za-z]+)?\/[a-z]+\.json$/;
const PSEUDO_ID = 'virtual:de-risk/pseudo-catalogue';
const ENGLISH = fileURLToPath(new URL('../src/ui/i18n/locales/en/', import.meta.url));

export type Catalogue = Readonly<Record<string, string>>;

/** Compiles every message of a catalogue; throws, naming the key, for one that is not valid ICU. */
export function compileCatalogue(messages: Catalogue, mapText?: (text: string) => string): Record<string, CompiledMessage> {
  return Object.fromEntries(
    Object.entries(messages).map(([key, text]) => {
      try {
        return [key, compileMessageOrThrow(text, mapText)];
      } catch (error) {
        throw new Error(`The message "${key}" is not valid ICU MessageFormat: ${(error as Error).message}`, { cause: error });
      }
    }),
  );
}

/** The pseudo-locale: English compiled with every literal piece pseudo-localised, each message bracketed. */
export function pseudoCatalogue(english: Catalogue): Record<string, CompiledMessage> {
  const compiled = compileCatalogue(english, pseudoText);
  return Object.fromEntries(Object.entries(compiled).map(([key, tokens]) => [key, ['⟦', ...tokens, '⟧']]));
}

export function messagesPlugin(): Plugin {
  return {
    name: 'de-risk-messages',
    enforce: 'pre',
    resolveId(id) {
      return id === PSEUDO_ID ? `\0${PSEUDO_ID}` : null;
    },
    load(id) {
      if (id !== `\0${PSEUDO_ID}`) return null;
      const files = readdirSync(ENGLISH).filter((name) => name.endsWith('.json'));
      const english: Record<string, string> = {};
      for (const name of files) {
        this.addWatchFile(join(ENGLISH, name));
        Object.assign(english, JSON.parse(readFileSync(join(ENGLISH, name), 'utf8')) as Catalogue);
      }
      return `export default ${JSON.stringify(pseudoCatalogue(english))};`;
    },
    // The result is JSON again: Vite's own JSON plugin turns it into a module after this.
    transform(code, id) {
      if (!CATALOGUE.test(id.split('?')[0] ?? '')) return null;
      return { code: JSON.stringify(compileCatalogue(JSON.parse(code) as Catalogue)), map: null };
    },
  };
}
