/**
 * The one translation layer, on Lingui's runtime. Every string the interface shows comes from
 * a message catalogue (`locales/<locale>/<namespace>.json`, ICU MessageFormat, compiled at build by
 * scripts/messages.ts) or, for game content, from the content data through `contentText`, so
 * a new language is data: its catalogues, a content overlay (`content/<locale>.json`, plain
 * texts by `kind.id.field`) and one line in LOCALES (docs/how-to-add.md).
 *
 * - `t(key, values)`: keys are checked at compile time (`MessageKey`: a missing or misspelt key
 *   fails `npm run typecheck`); placeholders are `{name}`, plurals `{count, plural, one {…} other {…}}`,
 *   chosen by the locale's own plural rules.
 * - English is built in; another locale's catalogue loads when it is chosen (`loadLocale`),
 *   anything it lacks falls back to English, and its numbers are formatted the locale's way.
 * - Screens a first visit never shows keep their messages in namespaces of their own
 *   (`board`, `classroom`, `debrief`), loaded with the screen's code (`withMessages`), so the start
 *   screen does not download them. In development and tests a message asked for before its
 *   namespace is loaded throws, naming the key; a built page shows the key instead.
 * - The pseudo-locale (pseudo.ts) proves the wiring: text that bypasses this layer stays
 *   plain English on a page that is otherwise accented and bracketed.
 */
import { i18n, type Messages } from '@lingui/core';
import app from './locales/en/app.json';
import bots from './locales/en/bots.json';
import type board from './locales/en/board.json';
import type classroom from './locales/en/classroom.json';
import type debrief from './locales/en/debrief.json';
import { PSEUDO_LOCALE, pseudoLocalise } from './pseudo';

/** The English catalogue a first visit needs, one JSON file a namespace (`locales/en/*.json`); every other locale has the same files. */
const english = { ...app, ...bots };

/** Namespaces loaded with the screens that use them, not with the start screen. */
interface LazyCatalogues {
  board: typeof board;
  classroom: typeof classroom;
  debrief: typeof debrief;
}
export type Namespace = keyof LazyCatalogues;

export type MessageKey = keyof typeof english | { [N in Namespace]: keyof LazyCatalogues[N] }[Namespace];
export type Values = Readonly<Record<string, string | number>>;

/**
 * The catalogue as compiled at build: its JSON type says strings (the source), the module holds
 * Lingui's compiled tokens. This is the one place that knows.
 */
const compiled = (messages: object): Messages => messages as Messages;

/** English as loaded so far: the first visit's namespaces, then each lazy one as it arrives. */
const ENGLISH: Messages = { ...compiled(english) };

const LAZY_ENGLISH: Readonly<Record<Namespace, () => Promise<{ default: object }>>> = {
  board: () => import('./locales/en/board.json'),
  classroom: () => import('./locales/en/classroom.json'),
  debrief: () => import('./locales/en/debrief.json'),
};
const namespaces = new Map<Namespace, Promise<void>>();

export interface LocaleInfo {
  /** BCP 47 tag, also the page's `lang`. */
  readonly code: string;
  /** The language's name in itself, for the language menu. */
  readonly name: string;
  readonly dir: 'ltr' | 'rtl';
  /** Offered in the menu only in development and when asked for (`?lang=`), never to players. */
  readonly hidden?: boolean;
}

interface Catalogue {
  readonly messages: Messages;
  /** Content texts in this language, by `kind.id.field`; English reads the content data itself. */
  readonly content?: (key: string, english: string) => string;
}

export const LOCALES: readonly LocaleInfo[] = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: PSEUDO_LOCALE, name: pseudoLocalise('Pseudo'), dir: 'ltr', hidden: true },
];

/** Another locale's catalogues (`locales/<locale>/<namespace>.json`) and content overlay (`content/<locale>.json`), fetched when chosen. */
const CATALOGUES = import.meta.glob<{ default: Messages }>(['./locales/*/*.json', '!./locales/en/*.json']);
const OVERLAYS = import.meta.glob<{ default: Record<string, string> }>('./content/*.json');

async function loadFiles(code: string): Promise<Catalogue> {
  const files = Object.entries(CATALOGUES).filter(([path]) => path.startsWith(`./locales/${code}/`));
  const messages = Object.assign({}, ...(await Promise.all(files.map(async ([, load]) => (await load()).default)))) as Messages;
  const overlay = (await OVERLAYS[`./content/${code}.json`]?.())?.default ?? {};
  return { messages, content: (key, text) => overlay[key] ?? text };
}

const LOADERS: Readonly<Record<string, () => Promise<Catalogue>>> = {
  en: () => Promise.resolve({ messages: ENGLISH }),
  [PSEUDO_LOCALE]: async () => {
    const { default: messages } = await import('virtual:de-risk/pseudo-catalogue');
    return { messages: messages as Messages, content: (_key, text) => pseudoLocalise(text) };
  },
};

/** A locale listed in LOCALES with no loader of its own is read from its files. */
const loaderOf = (code: string): (() => Promise<Catalogue>) => LOADERS[code] ?? (() => loadFiles(code));

let active: { info: LocaleInfo; messages: Messages; content: Catalogue['content'] } = { info: LOCALES[0] as LocaleInfo, messages: {}, content: undefined };
i18n.load('en', { ...ENGLISH });
i18n.activate('en');

/** Gives Lingui the active locale's messages over the English loaded so far. */
function install(code: string, messages: Messages): void {
  i18n.load(code, { ...ENGLISH, ...messages });
}

/**
 * Loads namespaces' English (once each; the active locale's own texts came with it) and adds
 * them to what `t` knows. Resolves once every one is in.
 */
export function loadMessages(...wanted: readonly Namespace[]): Promise<void> {
  return Promise.all(
    wanted.map((namespace) => {
      let loading = namespaces.get(namespace);
      if (!loading) {
        loading = LAZY_ENGLISH[namespace]().then(({ default: messages }) => {
          Object.assign(ENGLISH, compiled(messages));
          install(active.info.code, active.messages);
        });
        // A failed load (a dropped connection) is tried again the next time.
        loading.catch(() => namespaces.delete(namespace));
        namespaces.set(namespace, loading);
      }
      return loading;
    }),
  ).then(() => undefined);
}

/** For `React.lazy`: a screen's code together with the namespaces its texts are in. */
export function withMessages<M>(wanted: readonly Namespace[], load: () => Promise<M>): () => Promise<M> {
  return async () => (await Promise.all([load(), loadMessages(...wanted)]))[0];
}

export function localeInfo(code: string): LocaleInfo | undefined {
  return LOCALES.find((l) => l.code === code);
}

/** The active locale's tag. */
export function currentLocale(): string {
  return active.info.code;
}

/** Loads a locale's catalogue (English fills any gap) and makes it the active one. Unknown tags are refused. */
export async function loadLocale(code: string): Promise<LocaleInfo> {
  const info = localeInfo(code);
  if (!info) throw new Error(`No locale ${code}`);
  const catalogue = await loaderOf(code)();
  install(code, catalogue.messages);
  // Plural rules and numbers: the locale's own; the pseudo-locale counts like English.
  i18n.activate(code, code === PSEUDO_LOCALE ? ['en'] : [code, 'en']);
  active = { info, messages: catalogue.messages, content: catalogue.content };
  return info;
}

/** A message in the active language. */
export function t(key: MessageKey, values?: Values): string {
  if (import.meta.env.DEV && !Object.prototype.hasOwnProperty.call(ENGLISH, key)) {
    throw new Error(`No message "${key}" is loaded: load its namespace first (withMessages, loadMessages).`);
  }
  return i18n._(key, values as Record<string, unknown> | undefined);
}

/** A number the active language's way (digits, grouping). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(active.info.code === PSEUDO_LOCALE ? 'en' : active.info.code).format(value);
}

/** A content text in the active language, falling back to the content data (English). */
export function contentText(kind: string, id: string, field: string, fallback: string): string {
  return active.content ? active.content(`${kind}.${id}.${field}`, fallback) : fallback;
}
