/** Content is valid, complete and traceable (every entry has a source and a reality note). */
import { describe, expect, it } from 'vitest';
import { CONTENT } from '../../src/content';
import { AGENDAS } from '../../src/content/agendas';
import { BEIJING_CARDS } from '../../src/content/cards/beijing';
import { WASHINGTON_CARDS } from '../../src/content/cards/washington';
import { EVENTS } from '../../src/content/events';
import { cardSchema, eventSchema } from '../../src/content/schema';

const teaching = [...CONTENT.actions.values(), ...CONTENT.cards.values(), ...CONTENT.events.values(), ...CONTENT.agendas.values(), ...CONTENT.dealTerms.values()];

describe('content', () => {
  it('has at least 15 cards per side, 20 world events and the three scheduled events', () => {
    expect(WASHINGTON_CARDS.length).toBeGreaterThanOrEqual(15);
    expect(BEIJING_CARDS.length).toBeGreaterThanOrEqual(15);
    expect(EVENTS.filter((e) => !e.scheduled).length).toBeGreaterThanOrEqual(20);
    for (const id of ['midterms', 'partyCongress', 'presidentialElection']) {
      expect(CONTENT.events.get(id)?.scheduled).toBe(true);
    }
  });

  it('has 8 + 11 standard actions and four agendas per side (R5.4, R10)', () => {
    expect(CONTENT.menus.us).toHaveLength(8);
    expect(CONTENT.menus.cn).toHaveLength(11);
    expect(AGENDAS.filter((a) => a.side === 'us')).toHaveLength(4);
    expect(AGENDAS.filter((a) => a.side === 'cn')).toHaveLength(4);
  });

  it('ids are unique within each table, and no card shares an id with a standard action', () => {
    for (const table of [WASHINGTON_CARDS.concat(BEIJING_CARDS), EVENTS, AGENDAS, [...CONTENT.dealTerms.values()], [...CONTENT.actions.values()]]) {
      const ids = table.map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    for (const id of CONTENT.cards.keys()) expect(CONTENT.actions.has(id), id).toBe(false);
  });

  it.each(teaching.map((t) => [t.id, t] as const))('%s has a title, text, source and in-reality note', (_id, t) => {
    expect(t.title.trim().length).toBeGreaterThan(2);
    expect(t.text.trim().length).toBeGreaterThan(10);
    expect(t.source.trim().length).toBeGreaterThan(10);
    expect(t.reality.trim().length).toBeGreaterThan(10);
  });

  it('the glossary covers the essay’s key terms', () => {
    const terms = [...CONTENT.glossary.values()].map((g) => g.term.toLowerCase()).join(' | ');
    for (const word of ['de-risking', 'decoupling', 'export control', 'entity list', 'phase one', 'plaza', 'smithsonian', 'screening', 'critical mineral', 'surplus']) {
      expect(terms).toContain(word);
    }
  });

  it('the schema refuses a malformed card and an unknown effect kind', () => {
    const good = WASHINGTON_CARDS[0];
    expect(cardSchema.safeParse(good).success).toBe(true);
    expect(cardSchema.safeParse({ ...good, cost: -1 }).success).toBe(false);
    expect(cardSchema.safeParse({ ...good, effects: [{ kind: 'explode' }] }).success).toBe(false);
    expect(cardSchema.safeParse({ ...good, effects: [{ kind: 'track', track: 'mood', delta: 1 }] }).success).toBe(false);
    expect(eventSchema.safeParse({ ...EVENTS[0], scheduled: 'yes' }).success).toBe(false);
  });

  it('every card and action that names a purchase carries the purchase tag (so the pandemic can halt it, R5.5)', () => {
    const plays = [...CONTENT.actions.values(), ...CONTENT.cards.values()];
    const hasPurchase = (effects: readonly { kind: string }[]): boolean =>
      effects.some((e) => e.kind === 'purchase' || ('then' in e && hasPurchase(e.then as { kind: string }[])));
    for (const p of plays.filter((x) => hasPurchase(x.effects))) expect(p.tags, p.id).toContain('purchase');
  });
});
