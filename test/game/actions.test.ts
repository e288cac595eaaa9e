/** The standard menus of both sides played through a real match, and the turn structure (R4.5, R5). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT } from '../../src/content';
import type { Side, TrackId } from '../../src/content/types';
import { whyRefused } from '../../src/game/rules';
import type { ChronicleEntry, Tracks } from '../../src/game/state';
import type { WorkingState } from '../../src/game/working-copy';
import { BEIJING, lastEntry, midMatch, passRound, play, WASHINGTON } from '../helpers/match';
import { trackChanges } from '../helpers/state';
import { refusalText } from '../../src/ui/bridge';

/** A refusal as a player reads it (the engine gives codes; the interface words them). */
const say = (refusal: Parameters<typeof refusalText>[0] | null) => (refusal ? refusalText(refusal) : null);


/** Round 1 in the MID position, with no flag, discount or offer left by the round's event. */
const begin = (tracks: Partial<Tracks> = {}, prepare?: (G: WorkingState) => void, seed = 'actions') => midMatch({ seed, tracks, prepare });

/** Plays a standard action for `side` (Washington passes first so that Beijing can act). */
function runAction(side: Side, id: string, tracks: Partial<Tracks> = {}, prepare?: (G: WorkingState) => void, seed?: string) {
  const match = begin(tracks, prepare, seed);
  if (side === 'cn') play(match, WASHINGTON, 'pass');
  const before = structuredClone(match.state.G);
  play(match, side === 'us' ? WASHINGTON : BEIJING, 'act', id);
  const entry = lastEntry(match);
  return { match, before, G: match.state.G, delta: trackChanges(before.tracks, match.state.G.tracks), entry };
}

function expectActionEntry(entry: ChronicleEntry | undefined, side: Side, id: string, cost: number): void {
  expect(entry).toMatchObject({ kind: 'action', round: 1, side, action: id, cost });
}

type Row = [string, Side, Partial<Tracks>, Partial<Record<TrackId, number>>, number];

const SIMPLE: Row[] = [
  // Up to 3 steps the hawks cheer; from 4, importers pass the cost on.
  ['raiseTariffs', 'us', { usTariff: 2 }, { usTariff: 1, cnGrowth: -1, relationship: -1, interdependence: -1, usSupport: 1, usLeverage: -1 }, 1],
  ['raiseTariffs', 'us', { usTariff: 3 }, { usTariff: 1, cnGrowth: -1, relationship: -1, interdependence: -1, usInflation: 1, usLeverage: -1 }, 1],
  ['cutTariffs', 'us', {}, { usTariff: -1, usInflation: -1, cnGrowth: 1, relationship: 1, usSupport: -1, usLeverage: -1 }, 1],
  ['restrictConnectedTech', 'us', {}, { interdependence: -1, relationship: -1, usSupport: 1, usLeverage: -1 }, 1],
  ['counterTariffs', 'cn', {}, { cnTariff: 1, usSupport: -1, relationship: -1, cnSupport: 1, cnLeverage: -1 }, 1],
  ['signLng', 'cn', {}, { relationship: 1, interdependence: 1, cnLeverage: -1 }, 1],
  ['buyFarm', 'cn', {}, { usSupport: 1, relationship: 1, interdependence: 1, cnLeverage: -1 }, 1],
  ['buyMedical', 'cn', {}, { relationship: 1, interdependence: 1, cnLeverage: -1 }, 1],
  ['sanctionFirm', 'cn', {}, { relationship: -1, interdependence: -1, cnSupport: 1, cnLeverage: -1 }, 1],
  ['tightenDataRules', 'cn', {}, { relationship: -1, interdependence: -1, cnSupport: 1, cnLeverage: -1 }, 1],
  ['stimulateDemand', 'cn', {}, { cnGrowth: 1, cnLeverage: -2 }, 2],
  ['tariffExclusions', 'us', { usInflation: 5 }, { usInflation: -1, usLeverage: -2 }, 2],
];

describe('R5.4 the standard menus', () => {
  it('R5.4 Washington has 8 standard actions and Beijing 11', () => {
    expect(CONTENT.menus.us.map((a) => a.id)).toEqual([
      'raiseTariffs', 'cutTariffs', 'tightenControls', 'restrictConnectedTech', 'screenInvestment', 'approveFactory', 'coordinateG7', 'tariffExclusions',
    ]);
    expect(CONTENT.menus.cn).toHaveLength(11);
  });

  it.each(SIMPLE)('R5.4 %s (%s) changes exactly its tracks and pays its cost', (id, side, tracks, expected, cost) => {
    const { delta, entry } = runAction(side, id, tracks);
    expect(delta).toEqual(expected);
    expectActionEntry(entry, side, id, cost);
  });

  it.each([
    ['signLng', 'lng'],
    ['buyFarm', 'farm'],
    ['buyMedical', 'medical'],
  ] as const)('R5.4 %s counts one %s purchase order for the game and the round', (id, good) => {
    const { G, before, entry } = runAction('cn', id);
    expect(G.purchases[good]).toBe(before.purchases[good] + 1);
    expect(G.roundPurchases[good]).toBe(1);
    expect(entry?.notes).toEqual([{ kind: 'purchase', good }]);
  });

  it.each([
    [3, { exportControls: 1, cnGrowth: -1, relationship: -1, interdependence: -1, usSupport: 1, usLeverage: -2 }],
    [2, { exportControls: 1, relationship: -1, interdependence: -1, usSupport: 1, usLeverage: -2 }],
  ])('R5.4 tightenControls with China chip dependence %i', (chips, expected) => {
    const { delta, entry } = runAction('us', 'tightenControls', { cnChipDependence: chips });
    expect(delta).toEqual(expected);
    expectActionEntry(entry, 'us', 'tightenControls', 2);
  });

  it.each([
    [3, { mineralBans: 1, usInflation: 1, usSupport: -1, relationship: -2, interdependence: -1, cnSupport: 1, cnLeverage: -2 }],
    [2, { mineralBans: 1, relationship: -2, interdependence: -1, cnSupport: 1, cnLeverage: -2 }],
  ])('R5.4 banMineral with U.S. mineral dependence %i', (dependence, expected) => {
    const { delta, entry } = runAction('cn', 'banMineral', { usMineralDependence: dependence });
    expect(delta).toEqual(expected);
    expectActionEntry(entry, 'cn', 'banMineral', 2);
  });

  it('R5.4 orderBoeing places a Boeing order and wins Washington support while the C919 is grounded', () => {
    const { delta, G, before, entry } = runAction('cn', 'orderBoeing');
    expect(delta).toEqual({ relationship: 1, usSupport: 1, cnSupport: -1, cnLeverage: -2 });
    expect(G.purchases.boeing).toBe(before.purchases.boeing + 1);
    expect(G.roundPurchases.boeing).toBe(1);
    expectActionEntry(entry, 'cn', 'orderBoeing', 2);
  });

  it('R5.4 R9.3 orderBoeing wins no Washington support once the c919 flag is set', () => {
    const { delta, G } = runAction('cn', 'orderBoeing', {}, (g) => g.flags.push({ flag: 'c919', duration: 'game' }));
    expect(delta).toEqual({ relationship: 1, cnSupport: -1, cnLeverage: -2 });
    expect(G.roundPurchases.boeing).toBe(1);
  });

  it('R5.4 R9.4 offerFactory puts a factory offer on the table', () => {
    const { delta, G, entry } = runAction('cn', 'offerFactory');
    expect(delta).toEqual({ relationship: 1, cnLeverage: -1 });
    expect(G.offers).toEqual({ pending: 1, approved: 0, blocked: 0, preempt: false });
    expectActionEntry(entry, 'cn', 'offerFactory', 1);
  });

  it('R5.4 R9.4 screenInvestment blocks a pending offer', () => {
    const { delta, G, entry } = runAction('us', 'screenInvestment', {}, (g) => {
      g.offers.pending = 1;
    });
    expect(delta).toEqual({ relationship: -1, usSupport: 1, usLeverage: -1 });
    expect(G.offers).toEqual({ pending: 0, approved: 0, blocked: 1, preempt: false });
    expect(entry?.notes).toContainEqual({ kind: 'offerBlocked' });
  });

  it('R5.4 R9.4 screenInvestment with no offer pending pre-empts the next offer', () => {
    const { match, delta, entry } = runAction('us', 'screenInvestment');
    expect(delta).toEqual({ relationship: -1, usSupport: 1, usLeverage: -1 });
    expect(match.state.G.offers).toEqual({ pending: 0, approved: 0, blocked: 0, preempt: true });
    expect(entry?.notes).toContainEqual({ kind: 'screening' });
    play(match, BEIJING, 'act', 'offerFactory');
    expect(match.state.G.offers).toEqual({ pending: 0, approved: 0, blocked: 1, preempt: false });
    expect(lastEntry(match)?.notes).toContainEqual({ kind: 'offerPreempted' });
  });

  /** Plays approveFactory with one offer pending under seeds until the backlash roll hits (or misses). */
  function approveUntil(hit: boolean) {
    for (let i = 0; i < 60; i += 1) {
      const run = runAction('us', 'approveFactory', {}, (g) => {
        g.offers.pending = 1;
      }, `factory-${i}`);
      const roll = run.entry?.notes.find((n) => n.kind === 'roll');
      if (roll?.kind === 'roll' && roll.hit === hit) return { ...run, roll };
    }
    throw new Error(`no seed found where the backlash roll ${hit ? 'hits' : 'misses'}`);
  }

  it('R5.4 R9.4 approveFactory: a backlash roll of 1–2 cancels the support gained', () => {
    const { delta, G, roll, entry } = approveUntil(true);
    expect(roll.value).toBeGreaterThanOrEqual(1);
    expect(roll.value).toBeLessThanOrEqual(2);
    expect(roll.atMost).toBe(2);
    expect(delta).toEqual({ interdependence: 1, cnGrowth: 1, relationship: 1, usLeverage: -1 });
    expect(G.offers).toEqual({ pending: 0, approved: 1, blocked: 0, preempt: false });
    expectActionEntry(entry, 'us', 'approveFactory', 1);
  });

  it('R5.4 R9.4 approveFactory: a roll of 3–6 keeps Washington support +1', () => {
    const { delta, G, roll } = approveUntil(false);
    expect(roll.value).toBeGreaterThanOrEqual(3);
    expect(roll.value).toBeLessThanOrEqual(6);
    expect(delta).toEqual({ interdependence: 1, cnGrowth: 1, relationship: 1, usSupport: 1, usLeverage: -1 });
    expect(G.offers.approved).toBe(1);
  });

  it.each([
    ['us', 'coordinateG7', 3, 'usMineralDependence', 'usLeverage', {}],
    ['cn', 'selfReliance', 3, 'cnChipDependence', 'cnLeverage', {}],
  ] as const)('R5.4 R4.1 %s %s applies its delayed effect at the start of the next round', (side, id, cost, track, leverage, now) => {
    const { match, delta, entry } = runAction(side, id);
    expect(delta).toEqual({ ...now, [leverage]: -cost });
    expectActionEntry(entry, side, id, cost);
    expect(entry?.notes).toContainEqual({ kind: 'delayed', round: 2 });
    passRound(match);
    const round2 = match.state.G.chronicle.filter((e) => e.round === 2);
    expect(round2[0]).toMatchObject({ kind: 'delayed', side, source: `action:${id}`, changes: [{ track, from: 3, to: 2 }] });
    expect(round2.findIndex((e) => e.kind === 'event')).toBeGreaterThan(0);
    expect(match.state.G.delayed).toEqual([]);
  });

  it('R5.4 tariffExclusions needs a tariff to exempt goods from and inflation of 3 or more, once a round', () => {
    const match = begin({ usTariff: 1, usInflation: 2 });
    expect(whyRefused(match.state.G, match.state.ctx, 'us', { kind: 'action', id: 'tariffExclusions' })?.code).toBe('requirement');
    expect(match.move(WASHINGTON, 'act', 'tariffExclusions')).toBe(false);
    const noTariff = begin({ usTariff: 0, usInflation: 6 });
    expect(say(whyRefused(noTariff.state.G, noTariff.state.ctx, 'us', { kind: 'action', id: 'tariffExclusions' }))).toMatch(/no U\.S\. tariff/);
    const once = begin({ usTariff: 1, usInflation: 6 });
    play(once, WASHINGTON, 'act', 'tariffExclusions');
    play(once, BEIJING, 'pass');
    expect(say(whyRefused(once.state.G, once.state.ctx, 'us', { kind: 'action', id: 'tariffExclusions' }))).toBe('Exclusions were already granted this round.');
    expect(once.move(WASHINGTON, 'act', 'tariffExclusions')).toBe(false);
    expect(once.state.G.tracks.usInflation).toBe(5);
  });

  it('R5.4 R8.5 cutting tariffs calls off a running escalation plan', () => {
    const { G, entry } = runAction('us', 'cutTariffs', {}, (S) => S.flags.push({ flag: 'tariffEscalation', duration: 'untilDeal' }));
    expect(G.flags.some((f) => f.flag === 'tariffEscalation')).toBe(false);
    expect(entry?.notes).toContainEqual({ kind: 'flagCleared', flag: 'tariffEscalation' });
  });

  it('R5.4 R9.3 stimulateDemand raises the tariffShield flag until used', () => {
    const { G, entry } = runAction('cn', 'stimulateDemand');
    expect(G.flags).toEqual([{ flag: 'tariffShield', duration: 'untilUsed' }]);
    expect(entry?.notes).toContainEqual({ kind: 'flag', flag: 'tariffShield', duration: 'untilUsed' });
  });
});

describe('R4.5 R5.1 the turn structure', () => {
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('R4.5 Washington acts first and Beijing may not', () => {
    const match = begin();
    expect(match.state.ctx.currentPlayer).toBe(WASHINGTON);
    expect(match.move(BEIJING, 'act', 'sanctionFirm')).toBe(false);
    expect(match.state.G.sides.cn.actionsTaken).toBe(0);
  });

  it('R4.5 R5.1 turns alternate, one action a turn', () => {
    const match = begin();
    play(match, WASHINGTON, 'act', 'restrictConnectedTech');
    expect(match.state.ctx.currentPlayer).toBe(BEIJING);
    expect(match.move(WASHINGTON, 'act', 'restrictConnectedTech')).toBe(false);
    play(match, BEIJING, 'act', 'buyMedical');
    expect(match.state.ctx.currentPlayer).toBe(WASHINGTON);
    expect(match.state.G.sides.us.actionsTaken).toBe(1);
    expect(match.state.G.sides.cn.actionsTaken).toBe(1);
  });

  it('R5.1 R4.5 a side that used 3 actions is skipped until the round ends', () => {
    const match = begin();
    for (let i = 0; i < 3; i += 1) {
      play(match, WASHINGTON, 'act', 'restrictConnectedTech');
      play(match, BEIJING, 'act', 'buyMedical');
    }
    const round1 = match.state.G.chronicle.filter((e) => e.round === 1 && e.kind === 'action');
    expect(round1.map((e) => (e.kind === 'action' ? e.side : null))).toEqual(['us', 'cn', 'us', 'cn', 'us', 'cn']);
    expect(match.state.G.round).toBe(2);
    expect(match.state.G.sides.us.actionsTaken).toBe(0);
  });

  it('R5.1 after its 3rd action Washington is refused and Beijing keeps the turn', () => {
    const match = begin();
    for (let i = 0; i < 2; i += 1) {
      play(match, WASHINGTON, 'act', 'restrictConnectedTech');
      play(match, BEIJING, 'act', 'buyMedical');
    }
    play(match, WASHINGTON, 'act', 'restrictConnectedTech');
    expect(match.state.ctx.currentPlayer).toBe(BEIJING);
    expect(whyRefused(match.state.G, { ...match.state.ctx, currentPlayer: WASHINGTON }, 'us', { kind: 'pass' })?.code).toBe(
      'noActionsLeft',
    );
    expect(match.move(WASHINGTON, 'act', 'restrictConnectedTech')).toBe(false);
    play(match, BEIJING, 'act', 'buyMedical');
    expect(match.state.G.round).toBe(2);
  });

  it('R5.1 with Beijing passed, Washington takes its remaining actions in a row, then the round ends', () => {
    const match = begin();
    play(match, WASHINGTON, 'act', 'restrictConnectedTech');
    play(match, BEIJING, 'pass');
    play(match, WASHINGTON, 'act', 'restrictConnectedTech');
    expect(match.state.ctx.currentPlayer).toBe(WASHINGTON);
    play(match, WASHINGTON, 'act', 'restrictConnectedTech');
    expect(match.state.G.round).toBe(2);
  });

  it('R5.1 passing ends a side’s actions: the other side then acts turn after turn', () => {
    const match = begin();
    play(match, WASHINGTON, 'pass');
    expect(lastEntry(match)).toMatchObject({ kind: 'pass', side: 'us' });
    play(match, BEIJING, 'act', 'buyMedical');
    expect(match.state.ctx.currentPlayer).toBe(BEIJING);
    expect(match.move(WASHINGTON, 'act', 'restrictConnectedTech')).toBe(false);
    play(match, BEIJING, 'act', 'buyMedical');
    expect(match.state.ctx.currentPlayer).toBe(BEIJING);
    expect(match.state.G.round).toBe(1);
  });

  it('R4.5 R4.3 R4.4 when neither side can act, round 2 starts with income, full hands and Washington first', () => {
    const match = begin({ usLeverage: 2, cnLeverage: 2, usSupport: 4, usInflation: 5, cnSupport: 5, cnGrowth: 3, usTariff: 2 });
    play(match, WASHINGTON, 'act', 'restrictConnectedTech');
    play(match, BEIJING, 'pass');
    play(match, WASHINGTON, 'pass');
    const { G, ctx } = match.state;
    expect(G.round).toBe(2);
    expect(ctx.currentPlayer).toBe(WASHINGTON);
    expect(G.sides.us).toMatchObject({ actionsTaken: 0, passed: false });
    expect(G.sides.cn).toMatchObject({ actionsTaken: 0, passed: false });
    const income = G.chronicle.filter((e) => e.round === 2 && e.kind === 'income');
    expect(income).toMatchObject([
      { side: 'us', amount: 3, changes: [{ track: 'usLeverage', from: 1, to: 4 }] },
      { side: 'cn', amount: 3, changes: [{ track: 'cnLeverage', from: 2, to: 5 }] },
    ]);
    expect(G.tracks.usLeverage).toBe(4);
    expect(G.tracks.cnLeverage).toBe(5);
    expect(G.sides.us.hand).toHaveLength(5);
    expect(G.sides.cn.hand).toHaveLength(5);
  });
});
