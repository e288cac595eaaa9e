/**
 * What the debrief reads from a finished game (issue 11): turning points ranked by how far they
 * moved the score gap and how near they brought a sudden end, the cause of a sudden end as the
 * engine records it (R11.1, R11.2), and the essay's forecast measured by what the players did.
 */
import { describe, expect, it, vi, beforeEach } from 'vitest';
import type { Side } from '../../src/content/types';
import { chargedSide, END_POINTS, entryCause, forecastCheck, scoreGap, suddenEnd, turningPoints } from '../../src/game/analysis';
import { gameResult, scoreFor } from '../../src/game/scoring';
import type { ChronicleEntry, Note, Tracks } from '../../src/game/state';
import type { WorkingState } from '../../src/game/working-copy';
import { BEIJING, calmMatch, passRound, play, startMatch, WASHINGTON } from '../helpers/match';
import { makeState } from '../helpers/state';

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

/** One step of a constructed chronicle: the entry without its changes, and the tracks it sets. */
type Step = { entry: Record<string, unknown> & { kind: ChronicleEntry['kind']; round: number }; set: Partial<Tracks>; notes?: Note[] };

const action = (side: Side, id: string, round: number, set: Partial<Tracks>): Step => ({ entry: { kind: 'action', side, action: id, cost: 1, round }, set });
const card = (side: Side, id: string, round: number, set: Partial<Tracks>): Step => ({ entry: { kind: 'card', side, card: id, cost: 1, round }, set });
const event = (id: string, round: number, set: Partial<Tracks>): Step => ({ entry: { kind: 'event', event: id, scheduled: false, round }, set });
const drift = (round: number, set: Partial<Tracks>): Step => ({ entry: { kind: 'drift', round }, set });

/**
 * A finished 2025 game made of these steps, with no agendas and no deal, so that the final score
 * is the tracks' alone: each step's changes are exact from → to values, as the engine writes them.
 */
function constructed(steps: readonly Step[], start: Partial<Tracks> = {}): WorkingState {
  const G = makeState({ tracks: { relationship: 6, usSupport: 5, cnSupport: 5, usInflation: 4, cnGrowth: 5, ...start } });
  G.sides.us.agenda = null;
  G.sides.cn.agenda = null;
  G.deal = null;
  G.history = [{ round: 0, tracks: { ...G.tracks }, dealHealth: null }];
  for (const { entry, set, notes = [] } of steps) {
    const changes = Object.entries(set).map(([track, to]) => ({ track, from: G.tracks[track as keyof Tracks], to }));
    Object.assign(G.tracks, set);
    G.chronicle.push({ ...entry, changes, notes } as unknown as ChronicleEntry);
    G.round = entry.round;
  }
  G.finished = true;
  return G;
}

describe('turning points: the score gap and the danger of a sudden end', () => {
  // Washington wins: its tariffs (four times) and a world event that hit Beijing's support decide it.
  // The gap (Washington minus Beijing) each step moves is in its comment.
  const game = () =>
    constructed([
      action('us', 'raiseTariffs', 1, { usTariff: 3, cnGrowth: 4, usSupport: 6 }), // +3
      card('cn', 'informalBoycott', 1, { cnSupport: 6, usSupport: 5, relationship: 5 }), // −4
      drift(1, { usInflation: 5 }), // −1
      event('deflationDeepens', 2, { cnSupport: 2, cnGrowth: 3 }), // +9, Beijing's support to 2
      action('us', 'raiseTariffs', 2, { usTariff: 4, cnGrowth: 2, usSupport: 6 }), // +3
      action('cn', 'stimulateDemand', 3, { cnGrowth: 3 }), // −1
      action('us', 'raiseTariffs', 4, { usTariff: 5, cnGrowth: 2, usSupport: 7 }), // +3
      action('cn', 'sanctionFirm', 5, { relationship: 1, cnSupport: 1 }), // +2, the relationship to 1, Beijing's support to 1
      action('us', 'raiseTariffs', 5, { usTariff: 6, usSupport: 8 }), // +2
    ]);

  it('the gap is Washington’s total minus Beijing’s, agendas aside', () => {
    const G = game();
    expect(gameResult(G)).toMatchObject({ kind: 'score', winnerSide: 'us' });
    expect(scoreGap(G, G.tracks)).toBe(scoreFor(G, 'us').total - scoreFor(G, 'cn').total);
    G.sides.us.agenda = 'techHawk';
    G.tracks.exportControls = 4;
    expect(scoreFor(G, 'us').agenda).toBeGreaterThan(0);
    expect(scoreGap(G, G.tracks)).toBe(scoreFor(G, 'us').total - scoreFor(G, 'us').agenda - scoreFor(G, 'cn').total);
  });

  it('a world event that is the biggest swing is among the turning points, credited to nobody', () => {
    const G = game();
    const world = turningPoints(G).filter((p) => p.role === 'world');
    expect(world[0]?.entry).toMatchObject({ kind: 'event', event: 'deflationDeepens' });
    expect(world[0]?.side).toBeNull();
    // Beijing's support 6 → 2 and growth 4 → 3: 9 points toward Washington, and one step of danger (2 points).
    expect(world[0]?.gap).toBe(9);
    expect(world[0]?.swing).toBe(11);
    // The drift moved the gap less than the event, so the world's list is the event alone.
    expect(world).toHaveLength(1);
  });

  it('repeats of a play collapse into one item with the summed effect and the rounds', () => {
    const G = game();
    const tariffs = turningPoints(G).find((p) => p.entry.kind === 'action' && p.entry.action === 'raiseTariffs');
    expect(tariffs).toMatchObject({ side: 'us', count: 4, rounds: [1, 2, 4, 5], role: 'helped' });
    expect(tariffs?.entries).toHaveLength(4);
    expect(tariffs?.deltas).toEqual(
      expect.arrayContaining([
        { track: 'usTariff', delta: 4 },
        { track: 'usSupport', delta: 4 },
        { track: 'cnGrowth', delta: -3 },
      ]),
    );
    expect(tariffs?.gap).toBe(11);
    expect(tariffs?.value).toBe(11);
    // The same play is never listed twice.
    const keys = turningPoints(G).map((p) => JSON.stringify([p.side, p.entry.kind, 'action' in p.entry ? p.entry.action : 'card' in p.entry ? p.entry.card : '']));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names the winner’s decisive plays and the loser’s costliest ones separately', () => {
    const G = game();
    const points = turningPoints(G);
    const helped = points.filter((p) => p.role === 'helped');
    const cost = points.filter((p) => p.role === 'cost');
    expect(helped.length).toBeGreaterThan(0);
    expect(helped.every((p) => p.side === 'us' && p.value > 0)).toBe(true);
    expect(cost.every((p) => p.side === 'cn' && p.value < 0)).toBe(true);
    // Beijing's sanction took the relationship from 5 to 1 (two steps of danger on its own play) and
    // its support from 2 to 1 (one more): its costliest play, though it moved the gap by only 2.
    expect(cost[0]?.entry).toMatchObject({ kind: 'action', action: 'sanctionFirm' });
    expect(cost[0]?.gap).toBe(2);
    expect(cost[0]?.value).toBe(-2 - 2 * 1 - 2 * 2);
    // Its boycott and stimulus helped it: they are not among its costly plays.
    expect(cost).toHaveLength(1);
    // Helped first, then cost, then the world; at most 3, 2 and 1 (+ the drift when bigger).
    expect(points.map((p) => p.role)).toEqual([...helped.map(() => 'helped'), ...cost.map(() => 'cost'), ...points.filter((p) => p.role === 'world').map(() => 'world')]);
    expect(helped.length).toBeLessThanOrEqual(3);
    expect(cost.length).toBeLessThanOrEqual(2);
  });

  it('the play that ended the game leads its list, even when it barely moved the points', () => {
    const G = constructed(
      [
        action('us', 'raiseTariffs', 1, { usTariff: 3, cnGrowth: 2, usSupport: 8 }),
        action('cn', 'stimulateDemand', 1, { cnGrowth: 3 }),
        action('us', 'raiseTariffs', 2, { usTariff: 4, cnGrowth: 2, usSupport: 9 }),
        { ...action('cn', 'sanctionFirm', 2, { relationship: 0 }), notes: [{ kind: 'rupture', causedBy: 'cn', cause: { kind: 'action', side: 'cn', id: 'sanctionFirm' } }] },
      ],
      { relationship: 1 },
    );
    G.finished = false;
    G.rupture = { causedBy: 'cn', cause: { kind: 'action', side: 'cn', id: 'sanctionFirm' } };
    expect(gameResult(G)).toMatchObject({ kind: 'rupture', winnerSide: 'us' });
    const cost = turningPoints(G).filter((p) => p.role === 'cost');
    expect(cost[0]).toMatchObject({ ended: true, gap: 0 });
    expect(cost[0]?.value).toBe(-END_POINTS - 2);
  });

  it('after a draw, each side’s most helpful plays', () => {
    const G = constructed([action('us', 'raiseTariffs', 1, { usTariff: 3, usSupport: 6 }), action('cn', 'stimulateDemand', 1, { cnGrowth: 6 })]);
    // A tie on points, by a change no entry made (the analysis reads only the chronicle).
    G.tracks.usInflation += scoreFor(G, 'us').total - scoreFor(G, 'cn').total;
    const result = gameResult(G);
    if (result?.kind !== 'stalemate') throw new Error(`expected a stalemate, got ${JSON.stringify(result)}`);
    const points = turningPoints(G);
    expect(points.filter((p) => p.role === 'helped').map((p) => p.side)).toEqual(['us', 'cn']);
  });
});

describe('turning points of real games', () => {
  it('every item is measured from the chronicle: helped, cost and world lists stay within their sides and sizes', () => {
    for (const seed of ['tp-1', 'tp-2', 'tp-3']) {
      const match = startMatch({ seed });
      while (match.state.ctx.gameover === undefined && match.state.G.round <= 8) passRound(match);
      const G = match.state.G;
      const result = gameResult(G);
      const winner = result && 'winnerSide' in result ? result.winnerSide : null;
      for (const p of turningPoints(G)) {
        if (p.role === 'world') expect(p.side).toBeNull();
        if (p.role === 'helped' && winner) expect(p.side).toBe(winner);
        expect(p.swing).toBeGreaterThan(0);
        expect(p.entries.every((e) => e.kind !== 'income')).toBe(true);
      }
    }
  });
});

describe('R11 the cause of a sudden end, as the engine records it', () => {
  it('R11.2 a rupture by a play records the play and who made it', () => {
    const match = calmMatch({ tracks: { relationship: 1 } });
    play(match, WASHINGTON, 'act', 'raiseTariffs');
    const { G } = match.state;
    expect(G.rupture).toEqual({ causedBy: 'us', cause: { kind: 'action', side: 'us', id: 'raiseTariffs' } });
    expect(G.chronicle.at(-1)?.notes).toContainEqual({ kind: 'rupture', causedBy: 'us', cause: { kind: 'action', side: 'us', id: 'raiseTariffs' } });
    expect(suddenEnd(G)).toMatchObject({ kind: 'rupture', side: 'us', from: 1, round: 1, lastCut: null });
  });

  it('R11.2 a rupture by an event records the event; the loser is still the side that last cut it, by that play', () => {
    const match = calmMatch({ tracks: { relationship: 3 }, prepare: (G) => void (G.eventDeck = ['taiwanTensions']) });
    play(match, WASHINGTON, 'act', 'restrictConnectedTech');
    play(match, BEIJING, 'act', 'sanctionFirm');
    play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'pass');
    const { G } = match.state;
    expect(G.rupture).toEqual({ causedBy: 'cn', cause: { kind: 'event', event: 'taiwanTensions' } });
    expect(gameResult(G)).toMatchObject({ kind: 'rupture', causedBy: 'cn', winnerSide: 'us' });
    expect(suddenEnd(G)).toEqual({
      kind: 'rupture',
      track: 'relationship',
      side: 'cn',
      cause: { kind: 'event', event: 'taiwanTensions' },
      round: 2,
      from: 1,
      lastCut: { cause: { kind: 'action', side: 'cn', id: 'sanctionFirm' }, round: 1 },
    });
    // The event is the game's biggest world turning point, and it ended the game.
    expect(turningPoints(G).find((p) => p.role === 'world')).toMatchObject({ ended: true, side: null, entry: { kind: 'event', event: 'taiwanTensions' } });
  });

  it('R11.2 R7.5 a rupture by a deal’s collapse records the collapse and the play that broke the deal', () => {
    const match = calmMatch({ tracks: { relationship: 1 } });
    play(match, WASHINGTON, 'proposeDeal', ['appReprieve', 'buyLng']);
    play(match, BEIJING, 'acceptDeal');
    play(match, BEIJING, 'act', 'sanctionFirm');
    expect(match.state.G.tracks.relationship).toBe(3);
    // Raising tariffs takes it to 2 and breaks the deal's tariff promise; the collapse takes it to 0.
    play(match, WASHINGTON, 'act', 'raiseTariffs');
    const cause = { kind: 'collapse', breachedBy: 'us', trigger: { kind: 'action', side: 'us', id: 'raiseTariffs' } };
    expect(match.state.G.rupture).toEqual({ causedBy: 'us', cause });
    expect(suddenEnd(match.state.G)).toMatchObject({ kind: 'rupture', side: 'us', cause, from: 3 });
  });

  it('R11.1 R8.4 a side voted out at the round end records the drift', () => {
    const match = calmMatch({ tracks: { usInflation: 7, usSupport: 1 } });
    passRound(match);
    const { G } = match.state;
    expect(gameResult(G)).toMatchObject({ kind: 'collapse', losers: ['us'] });
    expect(G.supportLost).toEqual({ us: { kind: 'drift' } });
    expect(suddenEnd(G)).toMatchObject({ kind: 'collapse', track: 'usSupport', side: 'us', cause: { kind: 'drift' }, from: 1, round: 1 });
  });

  it('entryCause and chargedSide read a cause from an entry the way the engine charges it (R11.2)', () => {
    const entry = { kind: 'event', round: 2, event: 'recordSurplus', scheduled: false, changes: [], notes: [{ kind: 'breach', side: 'cn', track: 'cnTariff', limit: 1 }] } as const;
    const cause = entryCause(entry);
    expect(cause).toEqual({ kind: 'collapse', breachedBy: 'cn', trigger: { kind: 'event', event: 'recordSurplus' } });
    expect(cause && chargedSide(cause)).toBe('cn');
    expect(chargedSide({ kind: 'event', event: 'recordSurplus' })).toBeNull();
    expect(chargedSide({ kind: 'escalation' })).toBe('us');
  });
});

describe('the essay’s forecast, measured by what the players did', () => {
  function passedGame(scenario: '2025' | '2020') {
    const match = startMatch({ setup: { scenario, length: 4 }, events: [] });
    while (match.state.ctx.gameover === undefined) passRound(match);
    return match.state.G;
  }

  it('2020: the pandemic’s own drop does not count; a game where nobody de-risked did not bear the forecast out', () => {
    const G = passedGame('2020');
    const f = forecastCheck(G);
    expect(f.scheduledEvents).toEqual(['pandemic']);
    expect(f.scheduledInterdependence).toBe(-2);
    expect(f.deRiskingContinued).toBe(true);
    expect(f.interdependenceUnscheduled).toBe(0);
    expect(f.basis).toBe('withoutScheduled');
    expect(f.forecastHeld).toBe(false);
  });

  it('2025: nothing scheduled touches interdependence, so the basis is the fall itself, world events included', () => {
    const f = forecastCheck(passedGame('2025'));
    expect(f).toMatchObject({ basis: 'interdependence', scheduledInterdependence: 0, scheduledEvents: [] });
    expect(f.interdependenceUnscheduled).toBe(f.interdependenceEnd - f.interdependenceStart);
    const tensions = forecastCheck(constructed([event('taiwanTensions', 1, { relationship: 5, interdependence: 9 })]));
    expect(tensions).toMatchObject({ basis: 'interdependence', interdependenceUnscheduled: -1, barriersKept: true, forecastHeld: true });
  });

  it('held: ties cut by the players while no barrier came down; not held when barriers came down', () => {
    const cut = constructed([action('us', 'raiseTariffs', 1, { usTariff: 3, interdependence: 9 })]);
    expect(forecastCheck(cut)).toMatchObject({ interdependenceUnscheduled: -1, barriersRaised: true, barriersKept: true, forecastHeld: true });
    const eased = constructed([action('us', 'cutTariffs', 1, { usTariff: 0, exportControls: 2, interdependence: 9 })]);
    expect(forecastCheck(eased)).toMatchObject({ interdependenceUnscheduled: -1, barriersKept: false, forecastHeld: false });
  });
});
