import { describe, it, expect, vi, beforeEach } from 'vitest';
import { BEIJING, MID, WASHINGTON, calmMatch, lastEntry, passRound, play, startMatch } from '../helpers/match';
import { fixedDice, makeState, resolution, trackChanges } from '../helpers/state';
import type { HeadlessMatch } from '../../src/sim/headless';
import { CONTENT, must } from '../../src/content';
import type { Effect, TrackId } from '../../src/content/types';
import { resolve } from '../../src/game/effects';
import { costOf, incomeOf, whyRefused } from '../../src/game/rules';
import { initialState } from '../../src/game/setup';
import type { DeRiskState, Tracks } from '../../src/game/state';
import type { WorkingState } from '../../src/game/working-copy';
import { refusalText } from '../../src/ui/bridge';

/** A refusal as a player reads it (the engine gives codes; the interface words them). */
const say = (refusal: Parameters<typeof refusalText>[0] | null) => (refusal ? refusalText(refusal) : null);

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

const action = (id: string) => must(CONTENT.actions, id, 'action');

interface EventCase {
  id: string;
  branch: string;
  tracks?: Partial<Tracks>;
  prepare?: (G: WorkingState) => void;
  /** Exactly these track changes, none elsewhere. */
  deltas: Partial<Record<TrackId, number>>;
  /** What else the text promises. */
  check?: (G: DeRiskState) => void;
}

const hasFlag = (flag: string, duration: string) => (G: DeRiskState) => expect(G.flags).toEqual([{ flag, duration }]);
const offers = (pending: number, approved: number, blocked: number, preempt = false) => (G: DeRiskState) =>
  expect(G.offers).toEqual({ pending, approved, blocked, preempt });
const discounted = (side: 'us' | 'cn', tag: string, duration: string, actionId: string, cost: number) => (G: DeRiskState) => {
  expect(G.discounts).toEqual([{ side, tag, amount: 1, duration }]);
  expect(costOf(G, side, action(actionId))).toBe(cost);
};
const unchanged = (G: DeRiskState) => {
  expect(G.flags).toEqual([]);
  expect(G.discounts).toEqual([]);
  expect(G.offers).toEqual({ pending: 0, approved: 0, blocked: 0, preempt: false });
  expect([G.sides.us.incomeBonus, G.sides.cn.incomeBonus]).toEqual([0, 0]);
};
const approved = (n: number) => (G: WorkingState) => void (G.offers.approved = n);

const ev = (id: string, branch: string, deltas: EventCase['deltas'], more: Partial<EventCase> = {}): EventCase => ({
  id,
  branch,
  deltas,
  ...more,
});
const pending = (n: number) => (G: WorkingState) => void (G.offers.pending = n);
const lasting = (side: 'us' | 'cn', bonus: number) => (G: DeRiskState) => expect(G.sides[side].incomeBonus).toBe(bonus);
const purchasesHalted = (G: DeRiskState) => {
  hasFlag('pandemic', 'round')(G);
  const refusal = whyRefused(G, { currentPlayer: BEIJING, gameover: undefined }, 'cn', { kind: 'action', id: 'buyFarm' });
  expect(refusal?.code).toBe('pandemic');
};

const CASES: EventCase[] = [
  ev('chipBreakthrough', 'always', { cnChipDependence: -1 }),
  ev('surplusPushback', 'tariffs below 3', { cnGrowth: -1 }),
  ev('surplusPushback', 'tariffs 3+', { cnGrowth: -2 }, { tracks: { usTariff: 3 } }),
  ev('recordSurplus', 'tariffs 2 or less', { relationship: -1, usSupport: -1 }),
  ev('recordSurplus', 'tariffs 3+', { relationship: -1, usSupport: 1 }, { tracks: { usTariff: 3 } }),
  ev('lngDemand', 'always', {}, { check: discounted('cn', 'lng', 'round', 'signLng', 0) }),
  ev('autoSuppliers', 'no screening', {}, { check: offers(1, 0, 0) }),
  ev('autoSuppliers', 'screened in advance', {}, { prepare: (G) => void (G.offers.preempt = true), check: offers(0, 0, 1) }),
  ev('plantRecall', 'no plant approved', {}, { check: unchanged }),
  ev('plantRecall', 'a plant approved', { usSupport: -1 }, { prepare: approved(1) }),
  ev('techLobby', 'always', {}, { check: hasFlag('concessionWaiver', 'round') }),
  ev('hawkishCongress', 'relationship below 6', {}, { check: hasFlag('hawkishCongress', 'round') }),
  ev('hawkishCongress', 'relationship 6+', { usSupport: -1 }, { tracks: { relationship: 6 }, check: hasFlag('hawkishCongress', 'round') }),
  ev('taiwanTensions', 'always', { relationship: -1, interdependence: -1 }),
  ev('inflationSurprise', 'tariffs below 3', { usInflation: 1 }),
  ev('inflationSurprise', 'tariffs 3+', { usInflation: 1, usSupport: -1 }, { tracks: { usTariff: 3 } }),
  ev('deflationDeepens', 'tariffs below 3', { cnGrowth: -1 }),
  ev('deflationDeepens', 'tariffs 3+', { cnGrowth: -1, cnSupport: -1 }, { tracks: { usTariff: 3 } }),
  ev('g7Summit', 'always', {}, { check: discounted('us', 'minerals', 'round', 'coordinateG7', 2) }),
  ev('biotechSanction', 'controls below 4', { relationship: -1, interdependence: -1 }),
  ev('biotechSanction', 'controls 4+', { relationship: -2, interdependence: -1 }, { tracks: { exportControls: 4 } }),
  ev('brazilWorries', 'always', {}, { check: discounted('cn', 'farm', 'round', 'buyFarm', 0) }),
  ev('connectedCarsWiden', 'always', { interdependence: -1 }, { check: discounted('us', 'tech', 'round', 'tightenControls', 1) }),
  ev('medicalExports', 'always', { interdependence: 1 }, { check: discounted('cn', 'medical', 'round', 'buyMedical', 0) }),
  ev('japanPrecedent', 'no plant approved', {}, { check: offers(1, 0, 0) }),
  ev('japanPrecedent', 'a plant approved', { relationship: 1 }, { prepare: approved(1), check: offers(0, 1, 0) }),
  ev('xiWarmSignals', 'always', { relationship: 1 }, { check: discounted('cn', 'purchase', 'untilUsed', 'orderBoeing', 1) }),
  ev('biosecurePush', 'always', { interdependence: -1, cnGrowth: -1, usInflation: 1 }),
  ev('crownJewels', 'an offer pending', { relationship: -1 }, { prepare: pending(1), check: offers(0, 0, 1) }),
  ev('crownJewels', 'no offer pending', { relationship: -1 }, { check: offers(0, 0, 0, true) }),
  ev('dataLawSqueeze', 'always', { interdependence: -1 }, { check: discounted('cn', 'data', 'round', 'tightenDataRules', 0) }),
  ev('madeInChina10', 'chip dependence 3 or less', { cnSupport: 1 }),
  ev('madeInChina10', 'chip dependence 4+', { cnSupport: -1 }, { tracks: { cnChipDependence: 4 } }),
  ev('pandemic', 'always', { interdependence: -2 }, { check: purchasesHalted }),
  ev('midterms', 'Washington support 3', {}, { tracks: { usSupport: 3 }, check: lasting('us', -1) }),
  ev('midterms', 'Washington support 5', {}, { tracks: { usSupport: 5 }, check: lasting('us', 0) }),
  ev('midterms', 'Washington support 7', {}, { tracks: { usSupport: 7 }, check: lasting('us', 1) }),
  ev('partyCongress', 'Beijing support 3', {}, { tracks: { cnSupport: 3 }, check: lasting('cn', -1) }),
  ev('partyCongress', 'Beijing support 5', {}, { tracks: { cnSupport: 5 }, check: lasting('cn', 0) }),
  ev('partyCongress', 'Beijing support 7', {}, { tracks: { cnSupport: 7 }, check: lasting('cn', 1) }),
  ev('presidentialElection', 'inflation 6+', { usSupport: -1 }, { tracks: { usInflation: 6 } }),
  ev('presidentialElection', 'inflation 4–5', {}, { check: unchanged }),
  ev('presidentialElection', 'inflation 3 or less', { usSupport: 1 }, { tracks: { usInflation: 3 } }),
];

function hasCondition(effects: readonly Effect[]): boolean {
  return effects.some((e) => e.kind === 'if' || e.kind === 'roll');
}

describe('R9.1 R9.2 every event does what its text says', () => {
  it.each(CASES.map((c) => [c.id, c.branch, c] as const))('R9.1 %s (%s)', (id, _branch, c) => {
    // Tariffs below 3: the branch a tariff event's first case names.
    const G = makeState({ tracks: { ...MID, usTariff: 2, ...c.tracks } });
    c.prepare?.(G);
    const before = { ...G.tracks };
    resolve(resolution(G), must(CONTENT.events, id, 'event').effects);
    expect(trackChanges(before, G.tracks)).toEqual(c.deltas);
    if (Object.keys(c.deltas).length === 0) expect(c.check).toBeDefined();
    c.check?.(G);
  });

  it('R9.1 every event has a case, and every conditional event a case for each branch', () => {
    for (const event of CONTENT.events.values()) {
      const cases = CASES.filter((c) => c.id === event.id);
      expect(cases.length, event.id).toBeGreaterThanOrEqual(hasCondition(event.effects) ? 2 : 1);
    }
  });
});

describe('R9.1 R9.3 R9.4 event kinds in play', () => {

  it('R5.2 R9.1 a discount event makes Beijing’s LNG order 1 cheaper for that round only', () => {
    const match = calmMatch({ events: ['lngDemand'] });
    passRound(match);
    expect(match.state.G.currentEvent).toBe('lngDemand');
    play(match, WASHINGTON, 'pass');
    const leverage = match.state.G.tracks.cnLeverage;
    play(match, BEIJING, 'act', 'signLng');
    expect(match.state.G.tracks.cnLeverage).toBe(leverage);
    expect(lastEntry(match)).toMatchObject({ kind: 'action', action: 'signLng', cost: 0 });
    play(match, BEIJING, 'pass');
    expect(match.state.G.discounts).toEqual([]);
    play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'act', 'signLng');
    expect(lastEntry(match)).toMatchObject({ kind: 'action', action: 'signLng', cost: 1 });
  });

  it('R9.4 an offer event puts a factory offer on the table for Washington to approve', () => {
    const match = calmMatch({ events: ['autoSuppliers'] });
    expect(match.move(WASHINGTON, 'act', 'approveFactory')).toBe(false);
    passRound(match);
    expect(match.state.G.offers.pending).toBe(1);
    play(match, WASHINGTON, 'act', 'approveFactory');
    expect(match.state.G.offers).toMatchObject({ pending: 0, approved: 1 });
  });

  it.each([
    ['after Washington approved a plant', true, -1],
    ['with no plant approved', false, 0],
  ])('R9.4 the plant recall %s moves Washington support by %i', (_label, approve, delta) => {
    const match = calmMatch({ events: ['plantRecall'], prepare: (G) => void (G.offers.pending = 1) });
    if (approve) play(match, WASHINGTON, 'act', 'approveFactory');
    passRound(match);
    const endOfRound1 = match.state.G.history.at(-1)?.tracks.usSupport ?? NaN;
    expect(match.state.G.currentEvent).toBe('plantRecall');
    expect(match.state.G.tracks.usSupport).toBe(endOfRound1 + delta);
  });

  it('R9.3 a concession waiver makes the next tariff cut cost no support, the one after costs 1', () => {
    const match = calmMatch({ events: ['techLobby'] });
    passRound(match);
    const support = match.state.G.tracks.usSupport;
    play(match, WASHINGTON, 'act', 'cutTariffs');
    expect(match.state.G.tracks.usSupport).toBe(support);
    expect(lastEntry(match)?.notes).toContainEqual({ kind: 'waiverUsed' });
    expect(match.state.G.flags).toEqual([]);
    play(match, BEIJING, 'pass');
    play(match, WASHINGTON, 'act', 'cutTariffs');
    expect(match.state.G.tracks.usSupport).toBe(support - 1);
  });

  it('R9.3 an unused concession waiver expires at the round end', () => {
    const match = calmMatch({ events: ['techLobby'] });
    passRound(match);
    passRound(match);
    expect(match.state.G.flags).toEqual([]);
    const support = match.state.G.tracks.usSupport;
    play(match, WASHINGTON, 'act', 'cutTariffs');
    expect(match.state.G.tracks.usSupport).toBe(support - 1);
  });

  it('R9.3 a hawkish Congress costs support at once (relationship 6+) and makes concessions cost 1 more that round', () => {
    const match = calmMatch({ events: ['hawkishCongress'], tracks: { relationship: 6 } });
    passRound(match);
    const endOfRound1 = match.state.G.history.at(-1)?.tracks.usSupport ?? NaN;
    expect(match.state.G.tracks.usSupport).toBe(endOfRound1 - 1);
    play(match, WASHINGTON, 'act', 'cutTariffs');
    expect(match.state.G.tracks.usSupport).toBe(endOfRound1 - 3);
    play(match, BEIJING, 'pass');
    play(match, WASHINGTON, 'pass');
    play(match, WASHINGTON, 'act', 'cutTariffs');
    expect(match.state.G.tracks.usSupport).toBe(endOfRound1 - 4);
  });

  it('R5.5 the pandemic refuses purchase orders (actions and cards) for its round only', () => {
    const match = startMatch({ setup: { scenario: '2020' }, hands: { cn: ['boeingMegaOrder'] }, tracks: { cnLeverage: 6 } });
    play(match, WASHINGTON, 'pass');
    const { G, ctx } = match.state;
    expect(say(whyRefused(G, ctx, 'cn', { kind: 'action', id: 'buyFarm' }))).toBe(
      'The pandemic has halted purchase orders this round.',
    );
    expect(match.move(BEIJING, 'playCard', 'boeingMegaOrder')).toBe(false);
    expect(match.move(BEIJING, 'act', 'buyMedical')).toBe(false);
    play(match, BEIJING, 'pass');
    play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'act', 'buyMedical');
    expect(match.state.G.purchases.medical).toBe(1);
  });
});

describe('R9.2 scheduled events', () => {
  /** A match about to start round `round` (the previous round is played with passes). */
  function reach(round: number, tracks: Partial<Tracks>): HeadlessMatch {
    const match = startMatch({
      tracks: { relationship: 5, usSupport: 5, cnSupport: 5, usInflation: 5, cnGrowth: 5, mineralBans: 0, ...tracks },
      prepare: (G) => {
        G.eventDeck = [];
        G.round = round - 1;
      },
    });
    play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'pass');
    expect(match.state.G.round).toBe(round);
    return match;
  }
  const incomes = (match: HeadlessMatch, side: 'us' | 'cn') =>
    match.state.G.chronicle.filter((e) => e.kind === 'income' && e.side === side).map((e) => (e.kind === 'income' ? e.amount : NaN));

  it.each([
    ['midterms', 4, 'usSupport', 'us', 3, -1, 2],
    ['midterms', 4, 'usSupport', 'us', 5, 0, 3],
    ['midterms', 4, 'usSupport', 'us', 7, 1, 5],
    ['partyCongress', 6, 'cnSupport', 'cn', 3, -1, 2],
    ['partyCongress', 6, 'cnSupport', 'cn', 6, 0, 3],
    ['partyCongress', 6, 'cnSupport', 'cn', 7, 1, 5],
  ] as const)('R9.2 %s in round %i with %s %i: lasting income %i (income %i) to the end', (id, round, track, side, value, bonus, income) => {
    const match = reach(round, { [track]: value });
    expect(match.state.G.currentEvent).toBe(id);
    expect(match.state.G.chronicle.findLast((e) => e.kind === 'event')).toMatchObject({ round, event: id, scheduled: true });
    expect(match.state.G.sides[side].incomeBonus).toBe(bonus);
    expect(match.state.G.sides[side === 'us' ? 'cn' : 'us'].incomeBonus).toBe(0);
    play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'pass');
    expect(incomes(match, side).slice(-2)).toEqual([income, income]);
  });

  it.each([
    [6, -1],
    [5, 0],
    [4, 0],
    [3, 1],
  ])('R9.2 the presidential election in round 8 with U.S. inflation %i moves Washington support by %i', (inflation, delta) => {
    const match = reach(8, { usInflation: inflation });
    expect(match.state.G.currentEvent).toBe('presidentialElection');
    const endOfRound7 = match.state.G.history.at(-1)?.tracks.usSupport ?? NaN;
    expect(match.state.G.tracks.usSupport).toBe(endOfRound7 + delta);
  });

  it.each(['2025', '2018', '2020'] as const)('R4.2 the %s event deck holds every world event once and no scheduled event', (scenario) => {
    const G = initialState({ scenario }, fixedDice());
    const world = [...CONTENT.events.values()].filter((e) => !e.scheduled).map((e) => e.id);
    expect([...G.eventDeck].sort()).toEqual([...world].sort());
  });

  it('R4.2 each round’s event is recorded in G.currentEvent and the chronicle, scheduled ones in their rounds', () => {
    const match = startMatch({ seed: 'events', setup: { scenario: '2018' } });
    const seen: string[] = [];
    while (match.state.ctx.gameover === undefined) {
      const { G } = match.state;
      const entry = G.chronicle.findLast((e) => e.kind === 'event');
      expect(entry?.round).toBe(G.round);
      expect(entry?.kind === 'event' && entry.event).toBe(G.currentEvent);
      seen.push(G.currentEvent ?? '');
      play(match, WASHINGTON, 'pass');
      play(match, BEIJING, 'pass');
    }
    expect(seen).toHaveLength(8);
    // 2018 follows the calendar: midterms in H2 2018 (round 2), the presidential election in H2 2020 (round 6).
    expect([seen[1], seen[5]]).toEqual(['midterms', 'presidentialElection']);
    for (const i of [0, 2, 3, 4, 6, 7]) expect(CONTENT.events.get(seen[i] ?? '')?.scheduled).toBe(false);
    expect(new Set(seen).size).toBe(8);
  });
});

describe('R4.1–R4.4 the round start', () => {
  it('R4.1 R4.2 R4.3 delayed effects apply before the event, and the event before income', () => {
    const match = startMatch({
      tracks: { cnChipDependence: 4, cnSupport: 6, cnGrowth: 5, mineralBans: 0, cnLeverage: 2 },
      prepare: (G) => {
        G.eventDeck = ['madeInChina10'];
        G.delayed.push({ round: 2, side: 'cn', source: 'test', effects: [{ kind: 'track', track: 'cnChipDependence', delta: -1 }] });
      },
    });
    play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'pass');
    const round2 = match.state.G.chronicle.filter((e) => e.round === 2).map((e) => e.kind);
    expect(round2).toEqual(['delayed', 'event', 'income', 'income']);
    // Dependence 3 after the delayed effect: the event hails success, support 7 earns +1 income.
    expect(match.state.G.tracks.cnSupport).toBe(7);
    expect(match.state.G.tracks.cnLeverage).toBe(2 + 4);
  });

  it('R4.4 hands are refilled to 5 at the round start', () => {
    const match = startMatch({ hands: { us: ['huaweiCutoff', 'appReprieve'], cn: [] }, tracks: { usLeverage: 5 } });
    play(match, WASHINGTON, 'playCard', 'appReprieve');
    play(match, BEIJING, 'pass');
    play(match, WASHINGTON, 'pass');
    const income = match.state.G.chronicle.filter((e) => e.kind === 'income' && e.round === 2);
    expect(income.map((e) => (e.kind === 'income' ? [e.side, e.drew] : null))).toEqual([
      ['us', 4],
      ['cn', 5],
    ]);
    expect(match.state.G.sides.us.hand).toHaveLength(5);
    expect(match.state.G.sides.cn.hand).toHaveLength(5);
  });

  it.each([
    ['us', { usSupport: 6, usInflation: 4 }, 0, 3],
    ['us', { usSupport: 7, usInflation: 4 }, 0, 4],
    ['us', { usSupport: 6, usInflation: 3 }, 0, 4],
    ['us', { usSupport: 7, usInflation: 3 }, 1, 6],
    ['us', { usSupport: 5, usInflation: 5 }, -1, 2],
    ['cn', { cnSupport: 6, cnGrowth: 5 }, 0, 3],
    ['cn', { cnSupport: 7, cnGrowth: 6 }, 0, 5],
    ['cn', { cnSupport: 2, cnGrowth: 1 }, -4, 0],
  ] as const)('R4.3 %s income with %j and lasting bonus %i is %i', (side, tracks, bonus, total) => {
    const G = makeState({ tracks });
    G.sides[side].incomeBonus = bonus;
    expect(incomeOf(G, side).total).toBe(total);
  });

  it('R4.3 R3.3 income is added at the round start and leverage is capped at 10', () => {
    const match = startMatch({
      tracks: { usLeverage: 9, cnLeverage: 4, usSupport: 7, usInflation: 3, cnSupport: 5, cnGrowth: 6, mineralBans: 0 },
      prepare: (G) => void (G.eventDeck = []),
    });
    play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'pass');
    expect(match.state.G.tracks.usLeverage).toBe(10);
    expect(match.state.G.tracks.cnLeverage).toBe(8);
  });
});
