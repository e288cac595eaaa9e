import { describe, it, expect, vi, beforeEach } from 'vitest';
import { BEIJING, WASHINGTON, calmMatch, play, startMatch } from '../helpers/match';
import { fixedDice, makeState, resolution, trackChanges } from '../helpers/state';
import { resolve } from '../../src/game/effects';
import { finishingAfterThisRound } from '../../src/game/round';
import { lastRound } from '../../src/game/rules';
import type { HeadlessMatch } from '../../src/sim/headless';
import { CONTENT } from '../../src/content';
import type { TrackId } from '../../src/content/types';
import { makeDeal } from '../../src/game/deals';
import { agendaMet, gameResult, scoreFor } from '../../src/game/scoring';
import { PLAYER_OF } from '../../src/game/sides';
import type { DeRiskState, DriftId, GameResult, Tracks } from '../../src/game/state';
import type { WorkingState } from '../../src/game/working-copy';

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

const result = (match: HeadlessMatch) => match.state.ctx.gameover as GameResult | undefined;
const agendasOf = (G: DeRiskState) => ({ us: G.sides.us.agenda, cn: G.sides.cn.agenda });

describe('R11.3 final scoring', () => {
  it('R11.3 scoreFor adds 2 × support, economy, resilience, agenda points and the deal bonus', () => {
    const G = makeState({
      tracks: { usSupport: 6, usInflation: 4, usMineralDependence: 3, exportControls: 4 },
    });
    Object.assign(G.tracks, { cnSupport: 5, cnGrowth: 5, cnChipDependence: 4, usTariff: 2 });
    G.sides.us.agenda = 'techHawk';
    G.sides.cn.agenda = 'tariffRelief';
    G.deal = makeDeal(G, ['appReprieve', 'buyLng'], 'us');
    expect(scoreFor(G, 'us')).toEqual({ support: 12, economy: 6, resilience: 2, agenda: 4, deal: 3, total: 27, agendaMet: true });
    expect(scoreFor(G, 'cn')).toEqual({ support: 10, economy: 5, resilience: 1, agenda: 0, deal: 3, total: 19, agendaMet: false });
    G.deal = null;
    expect([scoreFor(G, 'us').total, scoreFor(G, 'cn').total]).toEqual([24, 16]);
  });

  type Setter = (G: WorkingState) => void;
  const tracks = (t: Partial<Tracks>): Setter => (G) => void Object.assign(G.tracks, t);
  const plants = (approved: number, usInflation: number): Setter => (G) => {
    G.offers.approved = approved;
    G.tracks.usInflation = usInflation;
  };
  const withDeal = (terms: string[]): Setter => (G) => void (G.deal = makeDeal(G, terms, 'us'));
  const AGENDA_CASES: [string, string, boolean, Setter][] = [
    ['farmBelt', '2 farm orders', true, (G) => void (G.purchases.farm = 2)],
    ['farmBelt', '1 farm order', false, (G) => void (G.purchases.farm = 1)],
    ['techHawk', 'export controls 4', true, tracks({ exportControls: 4 })],
    ['techHawk', 'export controls 3', false, tracks({ exportControls: 3 })],
    ['dealmaker', 'a deal with 2 commitments', true, withDeal(['appReprieve', 'buyLng', 'buyFarm'])],
    ['dealmaker', 'a deal with 1 commitment', false, withDeal(['appReprieve', 'buyLng'])],
    ['dealmaker', 'no deal', false, () => {}],
    ['reshoring', '1 plant and inflation 5', true, plants(1, 5)],
    ['reshoring', '2 plants and inflation 6', false, plants(2, 6)],
    ['reshoring', 'no plant and inflation 5', false, plants(0, 5)],
    ['selfReliance', 'chip dependence 2 and growth 4', true, tracks({ cnChipDependence: 2, cnGrowth: 4 })],
    ['selfReliance', 'chip dependence 2 and growth 3', false, tracks({ cnChipDependence: 2, cnGrowth: 3 })],
    ['selfReliance', 'chip dependence 3 and growth 6', false, tracks({ cnChipDependence: 3, cnGrowth: 6 })],
    ['exportEngine', 'growth 6', true, tracks({ cnGrowth: 6 })],
    ['exportEngine', 'growth 5', false, tracks({ cnGrowth: 5 })],
    ['tariffRelief', 'U.S. tariff 1 and counter-tariff 2', true, tracks({ usTariff: 1, cnTariff: 2 })],
    ['tariffRelief', 'U.S. tariff 2 and counter-tariff 0', false, tracks({ usTariff: 2, cnTariff: 0 })],
    ['tariffRelief', 'U.S. tariff 0 and counter-tariff 3', false, tracks({ usTariff: 0, cnTariff: 3 })],
    ['steadyHand', 'lowest relationship 3', true, (G) => void (G.lowestRelationship = 3)],
    ['steadyHand', 'lowest relationship 2', false, (G) => void (G.lowestRelationship = 2)],
  ];

  it.each(AGENDA_CASES)('R10 R11.3 agenda %s with %s: met = %s', (id, _label, met, set) => {
    const agenda = CONTENT.agendas.get(id);
    if (!agenda) throw new Error(`no agenda ${id}`);
    const G = makeState();
    G.sides[agenda.side].agenda = id;
    set(G);
    expect(agendaMet(G, agenda.side)).toBe(met);
    expect(scoreFor(G, agenda.side).agenda).toBe(met ? agenda.points : 0);
  });

  it('R10 every agenda is checked both met and not met, and a side without an agenda scores none', () => {
    for (const id of CONTENT.agendas.keys()) {
      expect(AGENDA_CASES.filter((c) => c[0] === id).map((c) => c[2]), id).toEqual(
        expect.arrayContaining([false, true]),
      );
    }
    const G = makeState({ tracks: { exportControls: 5 } });
    G.sides.us.agenda = null;
    expect(agendaMet(G, 'us')).toBe(false);
  });

  it('R11.4 equal totals at the end are a stalemate, a draw', () => {
    const G = makeState({ tracks: { cnGrowth: 6 } });
    G.sides.us.agenda = 'techHawk';
    G.sides.cn.agenda = 'selfReliance';
    expect(gameResult(G)).toBeUndefined();
    G.finished = true;
    const scores = { us: scoreFor(G, 'us'), cn: scoreFor(G, 'cn') };
    expect(scores.us.total).toBe(19);
    expect(gameResult(G)).toEqual({ kind: 'stalemate', draw: true, scores, agendas: { us: 'techHawk', cn: 'selfReliance' } });
    G.tracks.cnGrowth = 7;
    expect(gameResult(G)).toMatchObject({ kind: 'score', winner: '1', winnerSide: 'cn' });
  });

  it('R11.3 a game played to the end returns the typed result with scores and both agendas revealed', () => {
    const match = startMatch({ setup: { scenario: '2018', length: 4 } });
    while (match.state.ctx.gameover === undefined) {
      play(match, WASHINGTON, 'pass');
      play(match, BEIJING, 'pass');
    }
    const { G } = match.state;
    const scores = { us: scoreFor(G, 'us'), cn: scoreFor(G, 'cn') };
    expect(scores.us.total).not.toBe(scores.cn.total);
    const winnerSide = scores.us.total > scores.cn.total ? 'us' : 'cn';
    expect(result(match)).toEqual({ kind: 'score', winner: PLAYER_OF[winnerSide], winnerSide, scores, agendas: agendasOf(G) });
    expect(G.sides.us.agenda).not.toBeNull();
    expect(G.sides.cn.agenda).not.toBeNull();
  });
});

describe('R11.1 support 0', () => {
  it.each([
    ['Washington’s card drives Beijing’s support to 0', { cnSupport: 1 }, 'us', ['playCard', 'huaweiCutoff'], 'cn'],
    ['Beijing’s own Boeing order drives its support to 0', { cnSupport: 1 }, 'cn', ['act', 'orderBoeing'], 'cn'],
    ['Beijing’s counter-tariffs drive Washington’s support to 0', { usSupport: 1 }, 'cn', ['act', 'counterTariffs'], 'us'],
  ] as const)('R11.1 %s: the game ends at once and the other side wins', (_label, tracks, mover, [move, id], loser) => {
    const match = calmMatch({ tracks, hands: { us: ['huaweiCutoff'] } });
    if (mover === 'cn') play(match, WASHINGTON, 'pass');
    play(match, PLAYER_OF[mover], move, id);
    const winnerSide = loser === 'us' ? 'cn' : 'us';
    expect(result(match)).toEqual({
      kind: 'collapse',
      winner: PLAYER_OF[winnerSide],
      winnerSide,
      losers: [loser],
      agendas: agendasOf(match.state.G),
    });
    // R8.6: no round-end snapshot, only the partial one taken when the game ended.
    expect(match.state.G.history.map((h) => [h.round, h.partial ?? false])).toEqual([[0, false], [1, true]]);
    expect(match.move(PLAYER_OF[winnerSide], 'pass')).toBe(false);
  });

  it('R11.1 both supports reaching 0 at once is a draw', () => {
    const match = calmMatch({ tracks: { usSupport: 1, cnSupport: 1, usInflation: 7, cnGrowth: 2 } });
    play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'pass');
    expect(result(match)).toEqual({ kind: 'collapse', draw: true, winnerSide: null, losers: ['us', 'cn'], agendas: agendasOf(match.state.G) });
    expect(match.state.G.round).toBe(1);
  });
});

describe('R11.2 rupture', () => {
  it.each([
    ['Washington raises tariffs', 'us', ['act', 'raiseTariffs']],
    ['Beijing sanctions a U.S. firm', 'cn', ['act', 'sanctionFirm']],
  ] as const)('R11.2 at relationship 1, %s: the side that caused the rupture loses', (_label, mover, [move, id]) => {
    const match = calmMatch({ tracks: { relationship: 1 } });
    if (mover === 'cn') play(match, WASHINGTON, 'pass');
    play(match, PLAYER_OF[mover], move, id);
    const winnerSide = mover === 'us' ? 'cn' : 'us';
    expect(result(match)).toEqual({
      kind: 'rupture',
      winner: PLAYER_OF[winnerSide],
      winnerSide,
      causedBy: mover,
      agendas: agendasOf(match.state.G),
    });
  });

  it.each([
    ['Beijing cut it last', ['restrictConnectedTech', 'sanctionFirm', 'pass', 'pass'], 'cn'],
    ['Washington cut it last', ['recycle', 'sanctionFirm', 'restrictConnectedTech', 'pass', 'pass'], 'us'],
  ] as const)('R11.2 an event’s rupture is charged to the side that last lowered the relationship (%s)', (_label, moves, causedBy) => {
    const match = calmMatch({ tracks: { relationship: 3 }, prepare: (G) => void (G.eventDeck = ['taiwanTensions']) });
    moves.forEach((move, i) => {
      const player = i % 2 === 0 ? WASHINGTON : BEIJING;
      if (move === 'pass') play(match, player, 'pass');
      else if (move === 'recycle') play(match, player, 'recycle', match.state.G.sides.us.hand[0]);
      else play(match, player, 'act', move);
    });
    expect(match.state.G.round).toBe(2);
    expect(match.state.G.currentEvent).toBe('taiwanTensions');
    expect(result(match)).toMatchObject({ kind: 'rupture', causedBy, winnerSide: causedBy === 'us' ? 'cn' : 'us' });
    // The game ended before round 2's income.
    expect(match.state.G.chronicle.some((e) => e.kind === 'income' && e.round === 2)).toBe(false);
  });

  it('R11.2 an event’s rupture when neither side ever lowered the relationship is a draw', () => {
    const match = calmMatch({ tracks: { relationship: 1 }, prepare: (G) => void (G.eventDeck = ['taiwanTensions']) });
    play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'pass');
    expect(match.state.G.lastRelationshipCut).toBeNull();
    expect(result(match)).toEqual({ kind: 'rupture', draw: true, winnerSide: null, causedBy: null, agendas: agendasOf(match.state.G) });
  });
});

describe('R4.7 R11.3 a class finished early', () => {
  it('R4.7 finishingAfterThisRound ends the game after the current round, and only if that is earlier', () => {
    const G = makeState({});
    G.round = 3;
    expect(finishingAfterThisRound(G)).toMatchObject({ endsAfter: 3 });
    expect(lastRound({ length: 8, endsAfter: 3 })).toBe(3);
    G.round = G.length;
    expect(finishingAfterThisRound(G)).toBeNull();
    G.round = 0;
    expect(finishingAfterThisRound(G)).toBeNull();
  });

  it('R11.3 the game is scored after the round end of the round it was finished in', () => {
    const match = calmMatch({ prepare: (G) => void Object.assign(G, { endsAfter: 1 }) });
    play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'pass');
    expect(match.state.G.round).toBe(1);
    expect(result(match)).toMatchObject({ kind: expect.stringMatching(/score|stalemate/) });
  });
});

describe('R11.1 R11.2 the first sudden end decides', () => {
  it('R11.2 a rupture caused after a side was already voted out does not change the result', () => {
    // The Huawei cut-off costs Beijing its last support point, then takes the relationship to 0.
    const match = calmMatch({ tracks: { cnSupport: 1, relationship: 2, usLeverage: 5 }, hands: { us: ['huaweiCutoff'] } });
    play(match, WASHINGTON, 'playCard', 'huaweiCutoff');
    expect(match.state.G.tracks.relationship).toBe(0);
    expect(result(match)).toMatchObject({ kind: 'collapse', losers: ['cn'], winnerSide: 'us' });
    expect(match.state.G.rupture).toBeNull();
  });

  it('R11.2 a rupture that came first decides even if the same play then takes a support to 0', () => {
    const G = makeState({ tracks: { relationship: 1, cnSupport: 1 } });
    resolve(resolution(G, 'us', fixedDice([])), [
      { kind: 'track', track: 'relationship', delta: -1 },
      { kind: 'track', track: 'cnSupport', delta: -1 },
    ]);
    expect(G.tracks.cnSupport).toBe(0);
    expect(gameResult(G)).toMatchObject({ kind: 'rupture', causedBy: 'us', winnerSide: 'cn' });
  });

  it('R11.2 a rupture that came first decides even if a support then reaches 0 in the same round end', () => {
    const match = calmMatch({
      tracks: { relationship: 1, cnGrowth: 2, cnSupport: 1, usTariff: 2 },
      prepare: (G) => void G.flags.push({ flag: 'tariffEscalation', duration: 'untilDeal' }),
    });
    play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'pass');
    // The escalation (Washington's plan) ruptures the relationship; drift would then have
    // cost Beijing its last support point, but the game is already over.
    expect(result(match)).toMatchObject({ kind: 'rupture', causedBy: 'us', winnerSide: 'cn' });
    expect(match.state.G.tracks.cnSupport).toBe(1);
  });
});

describe('R8.1–R8.4 round-end drift', () => {
  it.each<[string, Partial<Tracks>, Partial<Record<TrackId, number>>, DriftId[]]>([
    ['R8.1 U.S. tariffs 3 raise U.S. inflation by 1', { usTariff: 3 }, { usInflation: 1 }, ['tariffPrices']],
    ['R8.1 U.S. tariffs 2 leave inflation alone', { usTariff: 2 }, {}, []],
    ['R8.2 U.S. tariffs 4 also cut China growth by 1', { usTariff: 4 }, { usInflation: 1, cnGrowth: -1 }, ['tariffPrices', 'tariffGrowth']],
    ['R8.2 export controls 4 cut China growth by 1', { exportControls: 4 }, { cnGrowth: -1 }, ['tariffGrowth']],
    ['R8.2 tariffs 4 and controls 5 together still cut growth by 1', { usTariff: 4, exportControls: 5 }, { usInflation: 1, cnGrowth: -1 }, ['tariffPrices', 'tariffGrowth']],
    ['R8.2 export controls 4 cost nothing once China chip dependence is 2', { exportControls: 4, cnChipDependence: 2 }, {}, []],
    ['R8.3 two mineral bans with U.S. dependence 3 raise U.S. inflation by 1', { mineralBans: 2, usMineralDependence: 3 }, { usInflation: 1 }, ['mineralPrices']],
    ['R8.3 a single ban costs nothing even at dependence 5', { mineralBans: 1, usMineralDependence: 5 }, {}, []],
    ['R8.3 bans with U.S. dependence 2 cost nothing', { mineralBans: 3, usMineralDependence: 2 }, {}, []],
    ['R8.3 no ban costs nothing even at dependence 5', { mineralBans: 0, usMineralDependence: 5 }, {}, []],
    ['R8.4 U.S. inflation 7 costs Washington 1 support', { usInflation: 7 }, { usSupport: -1 }, ['inflationSupport']],
    ['R8.4 U.S. inflation 6 costs nothing', { usInflation: 6 }, {}, []],
    ['R8.4 China growth 2 costs Beijing 1 support', { cnGrowth: 2 }, { cnSupport: -1 }, ['growthSupport']],
    ['R8.4 China growth 3 costs nothing', { cnGrowth: 3 }, {}, []],
    ['R8.3 R8.4 bans lift inflation to 7, which then costs Washington support in the same round end', { mineralBans: 2, usMineralDependence: 3, usInflation: 6 }, { usInflation: 1, usSupport: -1 }, ['mineralPrices', 'inflationSupport']],
    ['R8.7 interdependence 5 costs both economies', { interdependence: 5 }, { usInflation: 1, cnGrowth: -1 }, ['deRisking']],
    ['R8.7 interdependence 6 costs nothing', { interdependence: 6 }, {}, []],
  ])('%s', (_label, tracks, expected, rules) => {
    const match = calmMatch({ tracks });
    play(match, WASHINGTON, 'pass');
    const before = structuredClone(match.state.G.tracks);
    play(match, BEIJING, 'pass');
    const end = match.state.G.history.at(-1);
    expect(end?.round).toBe(1);
    expect(end && trackChanges(before, end.tracks)).toEqual(expected);
    const drift = match.state.G.chronicle.find((e) => e.kind === 'drift');
    expect(drift?.changes.map((c) => [c.track, c.to - c.from]) ?? []).toEqual(Object.entries(expected));
    // The entry names the rules that moved a track, for the round-end summary.
    expect(drift?.notes.flatMap((n) => (n.kind === 'drift' ? [n.rule] : [])) ?? []).toEqual(rules);
  });

  it('R8.4 a rule whose track is already at its limit is not named', () => {
    // Tariffs at 3 would raise inflation (R8.1), but it is already at 10; only R8.4 bites.
    const match = calmMatch({ tracks: { usInflation: 10, usSupport: 3, usTariff: 3 } });
    play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'pass');
    const drift = match.state.G.chronicle.find((e) => e.kind === 'drift');
    expect(drift?.changes).toEqual([{ track: 'usSupport', from: 3, to: 2 }]);
    expect(drift?.notes).toEqual([{ kind: 'drift', rule: 'inflationSupport' }]);
  });

  it('R8 drift does not run when the game has already ended suddenly', () => {
    const match = calmMatch({ tracks: { usTariff: 3, usInflation: 4, cnGrowth: 5, relationship: 1 } });
    play(match, WASHINGTON, 'act', 'raiseTariffs');
    expect(result(match)).toMatchObject({ kind: 'rupture', causedBy: 'us' });
    const { G } = match.state;
    // The play itself raised inflation (a fourth tariff step); drift would have raised it and cut growth once more.
    expect(G.tracks.usInflation).toBe(5);
    expect(G.tracks.cnGrowth).toBe(4);
    expect(G.chronicle.some((e) => e.kind === 'drift')).toBe(false);
    expect(G.history.map((h) => [h.round, h.partial ?? false])).toEqual([[0, false], [1, true]]);
  });
});
