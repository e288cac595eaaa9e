/**
 * The one translation layer. Every string the interface shows comes from a message table
 * (`en.ts`) or, for game content, from the content data through `contentText`, so a second
 * language is a new table and a content overlay, not a code change.
 *
 * Messages use `{name}` placeholders. A key with `_one` and `_other` variants is chosen by
 * the `count` parameter.
 */
import { en } from './en';

type Params = Readonly<Record<string, string | number>>;
type Table = Readonly<Record<string, string>>;

const tables: Record<string, Table> = { en };
let active: Table = en;
export let locale = 'en';

/** Switches the active language (English is the fallback for anything missing). */
export function setLocale(code: string): void {
  active = tables[code] ?? en;
  locale = tables[code] ? code : 'en';
}

function lookup(key: string): string | undefined {
  return active[key] ?? en[key as keyof typeof en];
}

function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Translates `key`; with a `count`, picks the `_one` or `_other` form when there is one. */
export function t(key: string, params?: Params): string {
  if (params && typeof params.count === 'number') {
    const form = lookup(`${key}_${params.count === 1 ? 'one' : 'other'}`);
    if (form !== undefined) return fill(form, params);
  }
  const text = lookup(key);
  if (text === undefined) {
    if (import.meta.env.DEV) console.warn(`Missing message: ${key}`);
    return key;
  }
  return fill(text, params);
}

/** Whether a message exists (for optional texts, such as a refusal without its own message). */
export function has(key: string): boolean {
  return lookup(key) !== undefined;
}

/** Content overlays by locale: `{ "card.huaweiCutoff.title": "…" }`. English reads the data itself. */
const contentOverlays: Record<string, Table> = {};

/** A content text in the active language, falling back to the content data (English). */
export function contentText(kind: string, id: string, field: string, fallback: string): string {
  return contentOverlays[locale]?.[`${kind}.${id}.${field}`] ?? fallback;
}
