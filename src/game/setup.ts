/** Setup data, its validation, and the starting state of each scenario (R2). */
import { CONTENT, must } from '../content';
import { SCENARIO_IDS, type ScenarioDef, type ScenarioId, type Side } from '../content/types';
import type { Dice } from './cards';
import { makeDeal } from './deals';
import { snapshot } from './round';
import type { DeRiskState, GameLength, Tracks } from './state';
import type { WorkingSide, WorkingState } from './working-copy';

import { DEFAULT_SETUP, LENGTHS, type SetupData } from './lengths';

export { DEFAULT_SETUP, LENGTHS, type SetupData };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** boardgame.io's `validateSetupData`: an error message, or undefined when the data is good. */
export function validateSetupData(setupData: unknown, numPlayers: number): string | undefined {
  if (numPlayers !== 2) return `De-Risk is for exactly 2 players, not ${numPlayers}.`;
  if (setupData === undefined) return undefined;
  if (!isRecord(setupData)) return 'Setup data must be an object like { scenario: "2025", length: 8 }.';
  const unknownKeys = Object.keys(setupData).filter((k) => k !== 'scenario' && k !== 'length');
  if (unknownKeys.length > 0) return `Unknown setup option: ${unknownKeys.join(', ')}.`;
  const { scenario, length } = setupData;
  if (scenario !== undefined && !SCENARIO_IDS.includes(scenario as ScenarioId)) {
    return `Unknown scenario ${JSON.stringify(scenario)}; choose one of ${SCENARIO_IDS.map((s) => `"${s}"`).join(', ')}.`;
  }
  if (length !== undefined && !LENGTHS.includes(length as GameLength)) {
    return `A game lasts ${LENGTHS.join(', ')} rounds (a number), not ${JSON.stringify(length)}.`;
  }
  return undefined;
}

/** Fills in the defaults; throws on data that `validateSetupData` would refuse. */
export function normalizeSetup(setupData: unknown): SetupData {
  const problem = validateSetupData(setupData, 2);
  if (problem) throw new Error(problem);
  const data = isRecord(setupData) ? setupData : {};
  return {
    scenario: (data.scenario as ScenarioId | undefined) ?? DEFAULT_SETUP.scenario,
    length: (data.length as GameLength | undefined) ?? DEFAULT_SETUP.length,
  };
}

function sideState(side: Side, dice: Dice): WorkingSide {
  const [agenda] = dice.shuffle([...CONTENT.agendasOf[side]]);
  return {
    hand: [],
    deck: dice.shuffle([...CONTENT.decks[side]]),
    discard: [],
    agenda: agenda?.id ?? null,
    actionsTaken: 0,
    passed: false,
    incomeBonus: 0,
  };
}

/** A scenario's starting tracks for a game of `length` rounds (R2.2). */
export function startingTracks(def: ScenarioDef, length: GameLength): Tracks {
  const key = String(length);
  const adjusted = key === '4' || key === '6' ? def.shorterGames?.[key] : undefined;
  return { ...def.tracks, ...adjusted };
}

/** The state before round 1: the scenario's tracks, shuffled decks, dealt agendas (R2). */
export function initialState(setupData: unknown, dice: Dice): DeRiskState {
  const { scenario, length } = normalizeSetup(setupData);
  const def = must(CONTENT.scenarios, scenario, 'scenario');
  const scheduled = new Set(Object.values(def.schedule));
  const G: WorkingState = {
    scenario,
    length,
    round: 0,
    tracks: startingTracks(def, length),
    sides: { us: sideState('us', dice), cn: sideState('cn', dice) },
    eventDeck: dice.shuffle([...CONTENT.events.values()].filter((e) => !e.scheduled && !scheduled.has(e.id)).map((e) => e.id)),
    currentEvent: null,
    flags: [],
    discounts: [],
    delayed: [],
    offers: { pending: def.pendingOffers, approved: 0, blocked: 0, preempt: false },
    purchases: { boeing: 0, lng: 0, farm: 0, medical: 0 },
    roundPurchases: { boeing: 0, lng: 0, farm: 0, medical: 0 },
    deal: null,
    proposal: null,
    lowestRelationship: startingTracks(def, length).relationship,
    lastRelationshipCut: null,
    rupture: null,
    finished: false,
    history: [],
    chronicle: [],
  };
  if (def.deal) G.deal = makeDeal(G, def.deal.terms, null);
  G.history.push(snapshot(G));
  return G;
}
