/** Every kind of effect in the content vocabulary, through the one interpreter (R13). */
import { describe, expect, it } from 'vitest';
import type { Effect, Side, TrackId } from '../../src/content/types';
import { HAND_LIMIT } from '../../src/game/cards';
import { resolve } from '../../src/game/effects';
import { startRound } from '../../src/game/round';
import { costOf, incomeOf } from '../../src/game/rules';
import type { WorkingState } from '../../src/game/working-copy';
import { TRACKS } from '../../src/game/tracks';
import { BEIJING, lastEntry, play, startMatch, WASHINGTON } from '../helpers/match';
import { fixedDice, makeState, resolution } from '../helpers/state';

/** Applies effects to a fresh 2025 state (with the given changes) and returns the state and outcome. */
function run(effects: Effect[], { actor = 'us', rolls = [], prep }: { actor?: Side | null; rolls?: number[]; prep?: (G: WorkingState) => void } = {}) {
  const G = makeState({ tracks: { relationship: 5, usSupport: 5, cnSupport: 5, cnGrowth: 5 } });
  prep?.(G);
  const r = resolution(G, actor, fixedDice(rolls));
  resolve(r, effects);
  return { G, out: r.out };
}

const track = (id: TrackId, delta: number): Effect => ({ kind: 'track', track: id, delta });

describe('R3.1 R13 track effects and clamping', () => {
  it('R13 a track effect moves the track and records the change', () => {
    const { G, out } = run([track('interdependence', -3)]);
    expect(G.tracks.interdependence).toBe(7);
    expect(out.changes).toEqual([{ track: 'interdependence', from: 10, to: 7 }]);
  });

  it('R13 two moves of one track are one change from first to last value', () => {
    const { out } = run([track('cnGrowth', 2), track('cnGrowth', -1)]);
    expect(out.changes).toEqual([{ track: 'cnGrowth', from: 5, to: 6 }]);
  });

  it.each(Object.values(TRACKS).filter((t) => t.id !== 'relationship'))('R3.1 $id is clamped to $min–$max', (info) => {
    const high = run([track(info.id, 99)]);
    expect(high.G.tracks[info.id]).toBe(info.max);
    const low = run([track(info.id, -99)]);
    expect(low.G.tracks[info.id]).toBe(info.min);
    const atMax = run([track(info.id, 1)], { prep: (G) => (G.tracks[info.id] = info.max) });
    expect(atMax.G.tracks[info.id]).toBe(info.max);
    expect(atMax.out.changes).toEqual([]);
  });

  it('R3.1 the relationship is clamped at 10', () => {
    const { G, out } = run([track('relationship', 8)]);
    expect(G.tracks.relationship).toBe(10);
    expect(out.changes).toEqual([{ track: 'relationship', from: 5, to: 10 }]);
  });

  it.each([NaN, Infinity, -Infinity])('R3.1 a delta of %s never leaves a track NaN or out of range', (delta) => {
    const { G } = run([track('interdependence', delta)]);
    expect(Number.isFinite(G.tracks.interdependence)).toBe(true);
    expect(G.tracks.interdependence).toBeGreaterThanOrEqual(0);
    expect(G.tracks.interdependence).toBeLessThanOrEqual(20);
  });
});

describe('R11.2 rupture bookkeeping', () => {
  it('R11.2 the relationship reaching 0 by a side’s play records that side', () => {
    const { G, out } = run([track('relationship', -9)], { actor: 'cn' });
    expect(G.tracks.relationship).toBe(0);
    expect(G.rupture).toEqual({ causedBy: 'cn' });
    expect(G.lastRelationshipCut).toBe('cn');
    expect(G.lowestRelationship).toBe(0);
    expect(out.notes).toContainEqual({ kind: 'rupture', causedBy: 'cn' });
  });

  it('R11.2 an event’s rupture is charged to the side that last cut the relationship', () => {
    const { G } = run([track('relationship', -5)], { actor: null, prep: (g) => (g.lastRelationshipCut = 'us') });
    expect(G.rupture).toEqual({ causedBy: 'us' });
  });

  it('R11.2 an event’s rupture with no earlier cut is charged to nobody', () => {
    const { G, out } = run([track('relationship', -5)], { actor: null });
    expect(G.rupture).toEqual({ causedBy: null });
    expect(out.notes).toContainEqual({ kind: 'rupture', causedBy: null });
  });

  it('R11.2 a cut that stops above 0 records the cutter but no rupture', () => {
    const { G } = run([track('relationship', -2)], { actor: 'us' });
    expect(G.rupture).toBeNull();
    expect(G.lastRelationshipCut).toBe('us');
    expect(G.lowestRelationship).toBe(3);
  });
});

describe('R13 tariff hits and concessions', () => {
  it('R13 a tariff hit lowers China growth', () => {
    const { G, out } = run([{ kind: 'tariffHit', amount: 1 }]);
    expect(G.tracks.cnGrowth).toBe(4);
    expect(out.notes).toEqual([]);
  });

  it.each([
    [1, 5],
    [2, 4],
  ])('R9.3 a tariff hit of %i against the tariffShield flag leaves growth %i and uses the shield', (amount, growth) => {
    const { G, out } = run([{ kind: 'tariffHit', amount }], {
      prep: (g) => g.flags.push({ flag: 'tariffShield', duration: 'untilUsed' }),
    });
    expect(G.tracks.cnGrowth).toBe(growth);
    expect(G.flags).toEqual([]);
    expect(out.notes).toEqual([{ kind: 'shieldUsed' }]);
  });

  it('R13 a Washington concession costs its support', () => {
    expect(run([{ kind: 'concession', side: 'us', amount: 1 }]).G.tracks.usSupport).toBe(4);
  });

  it('R9.3 concessionWaiver makes the next Washington concession free and is used up', () => {
    const { G, out } = run(
      [
        { kind: 'concession', side: 'us', amount: 1 },
        { kind: 'concession', side: 'us', amount: 1 },
      ],
      { prep: (g) => g.flags.push({ flag: 'concessionWaiver', duration: 'round' }) },
    );
    expect(G.tracks.usSupport).toBe(4);
    expect(G.flags).toEqual([]);
    expect(out.notes).toEqual([{ kind: 'waiverUsed' }]);
  });

  it('R9.3 hawkishCongress makes a Washington concession cost 1 more', () => {
    const { G, out } = run([{ kind: 'concession', side: 'us', amount: 1 }], {
      prep: (g) => g.flags.push({ flag: 'hawkishCongress', duration: 'round' }),
    });
    expect(G.tracks.usSupport).toBe(3);
    expect(G.flags).toEqual([{ flag: 'hawkishCongress', duration: 'round' }]);
    expect(out.notes).toEqual([{ kind: 'hawkishCongress' }]);
  });

  it('R9.3 a Beijing concession ignores Washington’s waiver', () => {
    const { G } = run([{ kind: 'concession', side: 'cn', amount: 2 }], {
      prep: (g) => g.flags.push({ flag: 'concessionWaiver', duration: 'round' }),
    });
    expect(G.tracks.cnSupport).toBe(3);
    expect(G.flags).toHaveLength(1);
  });
});

describe('R13 conditions, rolls and timing', () => {
  const cond: Effect = {
    kind: 'if',
    when: [{ kind: 'atLeast', track: 'usTariff', value: 3 }],
    then: [track('cnGrowth', -1)],
    otherwise: [track('cnGrowth', 1)],
  };

  it('R13 if: the then branch when every condition holds', () => {
    expect(run([cond], { prep: (g) => (g.tracks.usTariff = 3) }).G.tracks.cnGrowth).toBe(4);
  });

  it('R13 if: the otherwise branch when a condition fails, nothing without one', () => {
    expect(run([cond]).G.tracks.cnGrowth).toBe(6);
    const bare: Effect = { kind: 'if', when: [{ kind: 'dealInForce' }], then: [track('cnGrowth', -1)] };
    expect(run([bare]).out.changes).toEqual([]);
  });

  const roll: Effect = { kind: 'roll', atMost: 2, then: [track('usSupport', -1)], otherwise: [track('usSupport', 1)] };

  it.each([
    [1, true, 4],
    [2, true, 4],
    [3, false, 6],
    [6, false, 6],
  ])('R13 a roll of %i against 1–2: hit %s, support %i, note recorded', (value, hit, support) => {
    const { G, out } = run([roll], { rolls: [value] });
    expect(G.tracks.usSupport).toBe(support);
    expect(out.notes).toEqual([{ kind: 'roll', value, atMost: 2, hit }]);
  });

  it('R13 R4.1 nextRound schedules its effects for the next round’s start, charged to the actor', () => {
    const effects = [track('usMineralDependence', -1)];
    const { G, out } = run([{ kind: 'nextRound', effects }], { actor: 'us' });
    expect(G.tracks.usMineralDependence).toBe(4);
    expect(G.delayed).toEqual([{ round: 2, side: 'us', source: 'test', effects }]);
    expect(out.notes).toEqual([{ kind: 'delayed', round: 2 }]);
    startRound(G, fixedDice());
    expect(G.delayed).toEqual([]);
    expect(G.chronicle[0]).toMatchObject({ kind: 'delayed', round: 2, side: 'us', changes: [{ track: 'usMineralDependence', from: 4, to: 3 }] });
  });

  it('R9.3 flag sets a flag once, replacing an earlier duration', () => {
    const { G, out } = run([
      { kind: 'flag', flag: 'c919', duration: 'round' },
      { kind: 'flag', flag: 'c919', duration: 'game' },
    ]);
    expect(G.flags).toEqual([{ flag: 'c919', duration: 'game' }]);
    expect(out.notes).toContainEqual({ kind: 'flag', flag: 'c919', duration: 'game' });
  });

  it('R9.3 clearFlag removes a flag with a note, and is silent when it is absent', () => {
    const { G, out } = run([{ kind: 'clearFlag', flag: 'pandemic' }], {
      prep: (g) => g.flags.push({ flag: 'pandemic', duration: 'round' }, { flag: 'c919', duration: 'game' }),
    });
    expect(G.flags).toEqual([{ flag: 'c919', duration: 'game' }]);
    expect(out.notes).toEqual([{ kind: 'flagCleared', flag: 'pandemic' }]);
    expect(run([{ kind: 'clearFlag', flag: 'pandemic' }]).out.notes).toEqual([]);
  });
});

describe('R5.2 discounts', () => {
  it('R5.2 a discount lowers costOf for its side and tag only, never below 0', () => {
    const { G, out } = run([{ kind: 'discount', side: 'us', tag: 'tariff', amount: 1, duration: 'round' }]);
    expect(G.discounts).toEqual([{ side: 'us', tag: 'tariff', amount: 1, duration: 'round' }]);
    expect(out.notes).toEqual([{ kind: 'discount', side: 'us', tag: 'tariff', amount: 1, duration: 'round' }]);
    expect(costOf(G, 'us', { cost: 3, tags: ['tariff'] })).toBe(2);
    expect(costOf(G, 'us', { cost: 1, tags: ['tariff', 'tariffCut'] })).toBe(0);
    expect(costOf(G, 'us', { cost: 3, tags: ['controls'] })).toBe(3);
    expect(costOf(G, 'cn', { cost: 3, tags: ['tariff'] })).toBe(3);
  });

  function discounted(duration: 'untilUsed' | 'round') {
    const match = startMatch({
      seed: 'discount',
      tracks: { usLeverage: 5, usTariff: 2, relationship: 6 },
      prepare: (G) => {
        G.flags = [];
        G.discounts = [{ side: 'us', tag: 'tariff', amount: 1, duration }];
      },
    });
    play(match, WASHINGTON, 'act', 'raiseTariffs');
    return match;
  }

  it('R5.2 an untilUsed discount is spent by the play it cheapened', () => {
    const match = discounted('untilUsed');
    expect(lastEntry(match)).toMatchObject({ kind: 'action', action: 'raiseTariffs', cost: 0 });
    expect(match.state.G.tracks.usLeverage).toBe(5);
    expect(match.state.G.discounts).toEqual([]);
    play(match, BEIJING, 'pass');
    play(match, WASHINGTON, 'act', 'raiseTariffs');
    expect(lastEntry(match)).toMatchObject({ cost: 1 });
    expect(match.state.G.tracks.usLeverage).toBe(4);
  });

  it('R5.2 a round-long discount keeps applying for the rest of the round', () => {
    const match = discounted('round');
    play(match, BEIJING, 'pass');
    play(match, WASHINGTON, 'act', 'raiseTariffs');
    expect(lastEntry(match)).toMatchObject({ cost: 0 });
    expect(match.state.G.tracks.usLeverage).toBe(5);
  });
});

describe('R9.4 purchases and factory offers', () => {
  it('R13 purchase counts an order for the game and the round', () => {
    const { G, out } = run([{ kind: 'purchase', good: 'farm' }, { kind: 'purchase', good: 'farm' }]);
    expect(G.purchases).toEqual({ boeing: 0, lng: 0, farm: 2, medical: 0 });
    expect(G.roundPurchases).toEqual({ boeing: 0, lng: 0, farm: 2, medical: 0 });
    expect(out.notes).toEqual([
      { kind: 'purchase', good: 'farm' },
      { kind: 'purchase', good: 'farm' },
    ]);
  });

  it('R9.4 offer puts an offer on the table', () => {
    const { G, out } = run([{ kind: 'offer' }]);
    expect(G.offers).toEqual({ pending: 1, approved: 0, blocked: 0, preempt: false });
    expect(out.notes).toEqual([{ kind: 'offerMade' }]);
  });

  it('R9.4 an offer against a pre-emptive screening is blocked on arrival', () => {
    const { G, out } = run([{ kind: 'offer' }], { prep: (g) => (g.offers.preempt = true) });
    expect(G.offers).toEqual({ pending: 0, approved: 0, blocked: 1, preempt: false });
    expect(out.notes).toEqual([{ kind: 'offerPreempted' }]);
  });

  it('R9.4 blockOffer blocks a pending offer, or else pre-empts the next one', () => {
    const pending = run([{ kind: 'blockOffer' }], { prep: (g) => (g.offers.pending = 2) });
    expect(pending.G.offers).toEqual({ pending: 1, approved: 0, blocked: 1, preempt: false });
    expect(pending.out.notes).toEqual([{ kind: 'offerBlocked' }]);
    const none = run([{ kind: 'blockOffer' }]);
    expect(none.G.offers).toEqual({ pending: 0, approved: 0, blocked: 0, preempt: true });
    expect(none.out.notes).toEqual([{ kind: 'screening' }]);
  });

  it('R9.4 approveOffer builds a plant from a pending offer, and notes when there is none', () => {
    const pending = run([{ kind: 'approveOffer' }], { prep: (g) => (g.offers.pending = 1) });
    expect(pending.G.offers).toEqual({ pending: 0, approved: 1, blocked: 0, preempt: false });
    expect(pending.out.notes).toEqual([{ kind: 'offerApproved' }]);
    const none = run([{ kind: 'approveOffer' }]);
    expect(none.G.offers).toEqual({ pending: 0, approved: 0, blocked: 0, preempt: false });
    expect(none.out.notes).toEqual([{ kind: 'noOffer' }]);
  });
});

describe('R4.3 R6 income and drawing', () => {
  it('R4.3 income changes a side’s lasting income, and incomeOf reflects it', () => {
    const before = incomeOf(makeState(), 'cn').total;
    const { G, out } = run([{ kind: 'income', side: 'cn', delta: 1 }]);
    expect(G.sides.cn.incomeBonus).toBe(1);
    expect(incomeOf(G, 'cn')).toMatchObject({ lasting: 1, total: before + 1 });
    expect(incomeOf(G, 'us').total).toBe(incomeOf(makeState(), 'us').total);
    expect(out.notes).toEqual([{ kind: 'income', side: 'cn', delta: 1 }]);
    expect(incomeOf(run([{ kind: 'income', side: 'us', delta: -9 }]).G, 'us').total).toBe(0);
  });

  it('R4.4 draw takes cards from the deck top, never above the hand limit of 5', () => {
    const { G, out } = run([{ kind: 'draw', side: 'us', count: 3 }], {
      prep: (g) => g.sides.us.hand.push(...g.sides.us.deck.splice(0, 3)),
    });
    expect(HAND_LIMIT).toBe(5);
    expect(G.sides.us.hand).toHaveLength(5);
    expect(out.notes).toEqual([{ kind: 'drew', side: 'us', count: 2 }]);
  });

  it('R6.4 draw reshuffles the discard pile when the deck is empty', () => {
    const { G, out } = run([{ kind: 'draw', side: 'cn', count: 2 }], {
      prep: (g) => {
        g.sides.cn.discard = ['warmSignals', 'c919Rollout', 'informalBoycott'];
        g.sides.cn.deck = [];
        g.sides.cn.hand = [];
      },
    });
    expect(G.sides.cn.hand).toEqual(['informalBoycott', 'c919Rollout']);
    expect(G.sides.cn.deck).toEqual(['warmSignals']);
    expect(G.sides.cn.discard).toEqual([]);
    expect(out.notes).toEqual([{ kind: 'drew', side: 'cn', count: 2 }]);
  });

  it('R6.4 draw stops when both deck and discard are empty', () => {
    const { G, out } = run([{ kind: 'draw', side: 'cn', count: 2 }], {
      prep: (g) => {
        g.sides.cn.deck = [];
        g.sides.cn.discard = [];
        g.sides.cn.hand = [];
      },
    });
    expect(G.sides.cn.hand).toEqual([]);
    expect(out.notes).toEqual([{ kind: 'drew', side: 'cn', count: 0 }]);
  });
});
