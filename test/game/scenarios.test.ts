import { describe, it, expect, vi, beforeEach } from 'vitest';
import { BEIJING, WASHINGTON, play, startMatch } from '../helpers/match';
import { CONTENT, must } from '../../src/content';
import { SCENARIO_IDS, type ScenarioId, type TrackId } from '../../src/content/types';
import { TRACKS } from '../../src/game/tracks';
import { roundDate } from '../../src/game/dates';
import { DeRisk } from '../../src/game/game';
import { DEFAULT_SETUP, LENGTHS, normalizeSetup, validateSetupData } from '../../src/game/setup';
import type { GameLength, GameResult } from '../../src/game/state';

/** The scenarios the refusal lists: every scenario of the content, so a new one changes no test. */
const CHOICES = SCENARIO_IDS.map((id) => `"${id}"`).join(', ');

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('R2.1 setup data', () => {
  it.each([
    ['no setup data', undefined],
    ['an empty object', {}],
    ['scenario 2025', { scenario: '2025' }],
    ['scenario 2018', { scenario: '2018' }],
    ['scenario 2020', { scenario: '2020' }],
    ['length 4', { length: 4 }],
    ['length 6', { length: 6 }],
    ['length 8', { length: 8 }],
    ['both keys', { scenario: '2020', length: 6 }],
  ])('R2.1 accepts %s', (_label, data) => {
    expect(validateSetupData(data, 2)).toBeUndefined();
    expect(DeRisk.validateSetupData?.(data as never, 2)).toBeUndefined();
  });

  it.each([
    ['an unknown scenario', { scenario: '1999' }, `Unknown scenario "1999"; choose one of ${CHOICES}.`],
    ['a scenario given as a number', { scenario: 2025 }, `Unknown scenario 2025; choose one of ${CHOICES}.`],
    ['length 5', { length: 5 }, 'A game lasts 4, 6, 8 rounds (a number), not 5.'],
    ['a length given as a string', { length: '8' }, 'A game lasts 4, 6, 8 rounds (a number), not "8".'],
    ['an extra key', { scenario: '2025', rounds: 8 }, 'Unknown setup option: rounds.'],
    ['null', null, 'Setup data must be an object like { scenario: "2025", length: 8 }.'],
    ['a string', '2025', 'Setup data must be an object like { scenario: "2025", length: 8 }.'],
    ['an array', ['2025', 8], 'Setup data must be an object like { scenario: "2025", length: 8 }.'],
  ])('R2.1 refuses %s with a clear message', (_label, data, message) => {
    expect(validateSetupData(data, 2)).toBe(message);
    expect(() => normalizeSetup(data)).toThrow(message);
  });

  it('R2.1 refuses a scenario given as a number rather than a string', () => {
    expect(validateSetupData({ scenario: 2025 }, 2)).toMatch(/^Unknown scenario/);
  });

  it.each([1, 3])('R2.1 refuses %i players', (numPlayers) => {
    expect(validateSetupData(undefined, numPlayers)).toBe(`De-Risk is for exactly 2 players, not ${numPlayers}.`);
    expect(DeRisk.validateSetupData?.(undefined, numPlayers)).toBe(`De-Risk is for exactly 2 players, not ${numPlayers}.`);
  });

  it.each([
    [undefined, '2025', 8],
    [{}, '2025', 8],
    [{ length: 4 }, '2025', 4],
    [{ scenario: '2018' }, '2018', 8],
  ])('R2.1 %j defaults to scenario %s and %i rounds', (data, scenario, length) => {
    expect(DEFAULT_SETUP).toEqual({ scenario: '2025', length: 8 });
    expect(normalizeSetup(data)).toEqual({ scenario, length });
  });

  it('R2.1 a match started without setup data plays the 2025 scenario over 8 rounds', () => {
    const { G } = startMatch().state;
    expect([G.scenario, G.length]).toEqual(['2025', 8]);
  });
});

describe('R2.2 R2.3 starting position', () => {
  it.each(SCENARIO_IDS)('R2.2 scenario %s starts from the tracks in scenarios.ts', (scenario) => {
    const def = must(CONTENT.scenarios, scenario, 'scenario');
    const { G } = startMatch({ setup: { scenario } }).state;
    expect(G.scenario).toBe(scenario);
    expect(G.history[0]).toMatchObject({ round: 0, tracks: def.tracks });
    expect(G.offers.pending).toBe(def.pendingOffers);
    expect(G.lowestRelationship).toBe(def.tracks.relationship);
  });

  it.each(SCENARIO_IDS.flatMap((scenario) => LENGTHS.map((length) => [scenario, length] as const)))(
    'R2.2 scenario %s over %i rounds starts from its tracks with the shorter-game changes, all in range',
    (scenario, length) => {
      const def = must(CONTENT.scenarios, scenario, 'scenario');
      const { G } = startMatch({ setup: { scenario, length } }).state;
      const changes = length === 8 ? {} : (def.shorterGames?.[String(length) as '4' | '6'] ?? {});
      expect(G.history[0]?.tracks).toEqual({ ...def.tracks, ...changes });
      expect(G.lowestRelationship).toBe(G.history[0]?.tracks.relationship);
      for (const [track, value] of Object.entries(G.history[0]?.tracks ?? {})) {
        const { min, max } = TRACKS[track as TrackId];
        expect(value, `${scenario} ${track}`).toBeGreaterThanOrEqual(min);
        expect(value, `${scenario} ${track}`).toBeLessThanOrEqual(max);
      }
    },
  );

  it.each(SCENARIO_IDS)('R2.3 in scenario %s each side holds one agenda of its own and its whole deck', (scenario) => {
    const { G } = startMatch({ setup: { scenario } }).state;
    for (const side of ['us', 'cn'] as const) {
      const mine = CONTENT.agendasOf[side].map((a) => a.id);
      expect(mine).toContain(G.sides[side].agenda);
      expect(must(CONTENT.agendas, G.sides[side].agenda ?? '', 'agenda').side).toBe(side);
      expect(G.sides[side].hand).toHaveLength(5);
      expect(G.sides[side].discard).toEqual([]);
      expect([...G.sides[side].deck, ...G.sides[side].hand].sort()).toEqual([...CONTENT.decks[side]].sort());
    }
  });

  it('R2.3 the decks are shuffled with the match’s seed', () => {
    const orders = ['a', 'b', 'c'].map((seed) => startMatch({ seed }).state.G.sides.us.deck.join());
    expect(new Set(orders).size).toBe(3);
    expect(startMatch({ seed: 'a' }).state.G.sides.us.deck.join()).toBe(orders[0]);
  });
});

describe('R8.6 game length', () => {
  it.each([
    ['2018', 4],
    ['2018', 6],
    ['2018', 8],
    ['2020', 4],
    ['2020', 6],
    ['2020', 8],
    ['2025', 4],
  ] as const)('R8.6 a %s game of %i rounds (passes only) ends after exactly that many rounds', (scenario, length) => {
    const match = startMatch({ setup: { scenario, length } });
    let rounds = 0;
    while (match.state.ctx.gameover === undefined) {
      expect(match.state.G.round).toBe(rounds + 1);
      play(match, WASHINGTON, 'pass');
      play(match, BEIJING, 'pass');
      rounds += 1;
    }
    const result = match.state.ctx.gameover as GameResult;
    expect(['score', 'stalemate']).toContain(result.kind);
    expect(rounds).toBe(length);
    expect(match.state.G.round).toBe(length);
    expect(match.state.G.finished).toBe(true);
    expect(match.state.G.history.map((s) => s.round)).toEqual(Array.from({ length: length + 1 }, (_, i) => i));
    expect(match.move(WASHINGTON, 'pass')).toBe(false);
  });

  it('R8.6 a shorter game is not over before its last round', () => {
    const length: GameLength = 6;
    const match = startMatch({ setup: { scenario: '2018', length } });
    for (let round = 1; round < length; round += 1) {
      play(match, WASHINGTON, 'pass');
      play(match, BEIJING, 'pass');
    }
    expect(match.state.ctx.gameover).toBeUndefined();
    expect(match.state.G.finished).toBe(false);
  });
});

describe('R4 round dates', () => {
  it.each([
    ['2025', 1, 'H1 2025'],
    ['2025', 2, 'H2 2025'],
    ['2025', 3, 'H1 2026'],
    ['2025', 8, 'H2 2028'],
    ['2018', 1, 'H1 2018'],
    ['2018', 3, 'H1 2019'],
    ['2020', 4, 'H2 2021'],
  ] as const)('R4 scenario %s round %i is %s', (scenario: ScenarioId, round, label) => {
    const { half, year } = roundDate(scenario, round);
    expect(`H${half} ${year}`).toBe(label);
  });

  it('R4 a round date has its year and half', () => {
    expect(roundDate('2018', 4)).toEqual({ year: 2019, half: 2 });
  });
});

describe('R9.2 scheduled events follow each scenario’s calendar', () => {
  it.each([
    ['2025', { 4: 'midterms', 6: 'partyCongress', 8: 'presidentialElection' }],
    ['2018', { 2: 'midterms', 6: 'presidentialElection' }],
    ['2020', { 1: 'pandemic', 2: 'presidentialElection', 6: 'partyCongress' }],
  ] as const)('R9.2 scenario %s schedules its events in the right half-years', (scenario, schedule) => {
    expect(CONTENT.scenarios.get(scenario)?.schedule).toEqual(schedule);
    for (const [round, id] of Object.entries(schedule)) {
      const date = roundDate(scenario, Number(round));
      const title = CONTENT.events.get(id)?.title ?? '';
      expect(title.length, `${id} in H${date.half} ${date.year}`).toBeGreaterThan(0);
      // Elections and congresses happen in the second half of a year; the pandemic in the first.
      expect(date.half).toBe(id === 'pandemic' ? 1 : 2);
    }
  });
});

