/**
 * Checks a translation against English, for the tests (test/ui/catalogues.test.ts) and for
 * translators: every message and content text present, nothing extra, and the same
 * placeholders (a `{name}` or a plural's `count` that a translation drops or misspells would
 * show a hole or a raw brace to players).
 */
import { compileMessageOrThrow, type CompiledMessage } from '@lingui/message-utils/compileMessage';
import { CONTENT } from '../src/content/index.ts';

export type Catalogue = Readonly<Record<string, string>>;

/** The placeholders of an ICU message with their formats (`count:plural`, `kind:select`, `name`), sorted. */
export function placeholdersOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (tokens: CompiledMessage) => {
    for (const token of tokens) {
      if (typeof token === 'string') continue;
      const [name, type, format] = token;
      found.add(type ? `${name}:${type}` : name);
      if (format && typeof format === 'object') {
        for (const [key, branch] of Object.entries(format)) if (key !== 'offset' && Array.isArray(branch)) walk(branch as CompiledMessage);
      }
    }
  };
  walk(compileMessageOrThrow(message));
  return [...found].sort();
}

/** The `{name}` placeholders of a plain content text. */
export function textPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

export interface Problem {
  key: string;
  problem: 'missing' | 'extra' | 'placeholders' | 'invalid';
  detail?: string;
}

/** What a translated catalogue (or content overlay) gets wrong against English. */
export function compareCatalogues(english: Catalogue, translated: Catalogue, placeholders: (text: string) => string[] = placeholdersOf): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(english)) if (!(key in translated)) problems.push({ key, problem: 'missing' });
  for (const [key, text] of Object.entries(translated)) {
    const source = english[key];
    if (source === undefined) {
      problems.push({ key, problem: 'extra' });
      continue;
    }
    let theirs: string[];
    try {
      theirs = placeholders(text);
    } catch (error) {
      problems.push({ key, problem: 'invalid', detail: (error as Error).message });
      continue;
    }
    const ours = placeholders(source);
    if (ours.join() !== theirs.join()) problems.push({ key, problem: 'placeholders', detail: `${ours.join(', ')} ≠ ${theirs.join(', ')}` });
  }
  return problems;
}

/** Every content text a player reads, by the key a content overlay uses (`kind.id.field`), in English. */
export function contentTexts(): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (kind: string, id: string, fields: Record<string, string>) => {
    for (const [field, text] of Object.entries(fields)) out[`${kind}.${id}.${field}`] = text;
  };
  const requires = (kind: string, id: string, list: readonly { reason: string }[]) => list.forEach((r, i) => add(kind, id, { [`requires.${i}`]: r.reason }));
  for (const a of CONTENT.actions.values()) {
    add('action', a.id, { title: a.title, text: a.text, reality: a.reality, source: a.source });
    requires('action', a.id, a.requires);
  }
  for (const c of CONTENT.cards.values()) {
    add('card', c.id, { title: c.title, text: c.text, reality: c.reality, source: c.source });
    requires('card', c.id, c.requires);
  }
  for (const e of CONTENT.events.values()) add('event', e.id, { title: e.title, text: e.text, reality: e.reality, source: e.source });
  for (const g of CONTENT.agendas.values()) add('agenda', g.id, { title: g.title, text: g.text, reality: g.reality, source: g.source });
  for (const d of CONTENT.dealTerms.values()) {
    add('term', d.id, { title: d.title, text: d.text, reality: d.reality, source: d.source });
    requires('term', d.id, d.requires);
  }
  for (const s of CONTENT.scenarios.values()) add('scenario', s.id, { title: s.title, text: s.text, reality: s.reality, source: s.source });
  for (const g of CONTENT.glossary.values()) add('glossary', g.id, { term: g.term, definition: g.definition, example: g.example });
  return out;
}
