/**
 * All game content, validated once when this module loads. A broken table throws here with
 * the offending entry named, so neither the server nor the browser starts with bad data.
 */
import type * as z from 'zod/mini';
import { BEIJING_ACTIONS, WASHINGTON_ACTIONS } from './actions';
import { AGENDAS } from './agendas';
import { BEIJING_CARDS } from './cards/beijing';
import { WASHINGTON_CARDS } from './cards/washington';
import { DEAL_TERMS } from './dealTerms';
import { EVENTS } from './events';
import { GLOSSARY } from './glossary';
import { SCENARIOS } from './scenarios';
import {
  agendaSchema,
  cardSchema,
  dealTermSchema,
  eventSchema,
  glossarySchema,
  playSchema,
  scenarioSchema,
} from './schema';
import type {
  ActionDef,
  AgendaDef,
  CardDef,
  DealTermDef,
  EventDef,
  GlossaryEntry,
  ScenarioDef,
  ScenarioId,
  Side,
} from './types';

export * from './types';

function validate<T extends { readonly id: string }>(table: string, schema: z.ZodMiniType, entries: readonly T[]): ReadonlyMap<string, T> {
  const byId = new Map<string, T>();
  for (const entry of entries) {
    const parsed = schema.safeParse(entry);
    if (!parsed.success) {
      throw new Error(`Invalid ${table} entry "${entry.id}": ${parsed.error.message}`);
    }
    if (byId.has(entry.id)) throw new Error(`Duplicate ${table} id "${entry.id}"`);
    byId.set(entry.id, entry);
  }
  return byId;
}

export interface Content {
  readonly actions: ReadonlyMap<string, ActionDef>;
  readonly cards: ReadonlyMap<string, CardDef>;
  readonly events: ReadonlyMap<string, EventDef>;
  readonly agendas: ReadonlyMap<string, AgendaDef>;
  readonly dealTerms: ReadonlyMap<string, DealTermDef>;
  readonly scenarios: ReadonlyMap<ScenarioId, ScenarioDef>;
  readonly glossary: ReadonlyMap<string, GlossaryEntry>;
  /** Standard actions of each side, in menu order. */
  readonly menus: Readonly<Record<Side, readonly ActionDef[]>>;
  /** Each side's deck as a list of card ids, one entry per copy. */
  readonly decks: Readonly<Record<Side, readonly string[]>>;
  readonly agendasOf: Readonly<Record<Side, readonly AgendaDef[]>>;
  readonly termsOf: Readonly<Record<Side, readonly DealTermDef[]>>;
}

function expect(ok: boolean, message: string): void {
  if (!ok) throw new Error(`Content: ${message}`);
}

function load(): Content {
  const actions = validate('action', playSchema, [...WASHINGTON_ACTIONS, ...BEIJING_ACTIONS]);
  const cards = validate('card', cardSchema, [...WASHINGTON_CARDS, ...BEIJING_CARDS]);
  const events = validate('event', eventSchema, EVENTS);
  const agendas = validate('agenda', agendaSchema, AGENDAS);
  const dealTerms = validate('deal term', dealTermSchema, DEAL_TERMS);
  const scenarios = validate('scenario', scenarioSchema, SCENARIOS) as ReadonlyMap<ScenarioId, ScenarioDef>;
  const glossary = validate('glossary', glossarySchema, GLOSSARY);

  for (const id of actions.keys()) expect(!cards.has(id), `"${id}" is both an action and a card`);
  for (const [id, card] of cards) {
    const menu = card.side === 'us' ? WASHINGTON_CARDS : BEIJING_CARDS;
    expect(menu.includes(card), `card "${id}" is in the wrong side's deck`);
  }
  for (const term of dealTerms.values()) {
    for (const x of term.excludes) expect(dealTerms.has(x), `deal term "${term.id}" excludes unknown "${x}"`);
  }
  for (const scenario of scenarios.values()) {
    for (const [round, eventId] of Object.entries(scenario.schedule)) {
      const event = events.get(eventId);
      expect(event !== undefined, `scenario ${scenario.id} schedules unknown event "${eventId}" in round ${round}`);
      expect(event?.scheduled === true, `scenario ${scenario.id} schedules "${eventId}", which is not a scheduled event`);
    }
    for (const termId of scenario.deal?.terms ?? []) {
      expect(dealTerms.has(termId), `scenario ${scenario.id} starts with unknown deal term "${termId}"`);
    }
  }

  const bySide = <T extends { readonly side: Side }>(iterable: Iterable<T>) => {
    const list = [...iterable];
    return { us: list.filter((x) => x.side === 'us'), cn: list.filter((x) => x.side === 'cn') };
  };
  const deckOf = (side: Side) => [...cards.values()].filter((c) => c.side === side).flatMap((c) => Array<string>(c.copies).fill(c.id));
  const agendasOf = bySide(agendas.values());
  expect(agendasOf.us.length === 4 && agendasOf.cn.length === 4, 'each side needs exactly four agendas');

  return {
    actions,
    cards,
    events,
    agendas,
    dealTerms,
    scenarios,
    glossary,
    menus: bySide(actions.values()),
    decks: { us: deckOf('us'), cn: deckOf('cn') },
    agendasOf,
    termsOf: bySide(dealTerms.values()),
  };
}

export const CONTENT: Content = load();

/** Looks up a definition that the engine put into the state itself; a miss is a bug. */
export function must<T>(map: ReadonlyMap<string, T>, id: string, what: string): T {
  const found = map.get(id);
  if (found === undefined) throw new Error(`Unknown ${what} "${id}"`);
  return found;
}
