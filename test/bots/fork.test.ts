/**
 * "What if?" (issue 14): forking a finished game at a move, the plays offered instead, and the
 * two futures played from there; the command line that prints them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { legalPlays, toMove, toPlay, type GameRecord } from '../../src/game';
import { alternatives, compareFutures, forkPoint, forkRecord, parsePlay, playKey, type ForkPoint } from '../../src/sim/fork';
import { createHeadlessMatch, headlessFrom, replayRecord } from '../../src/sim/headless';
import { whatIfMain } from '../../scripts/whatIf';
import { finishedGame } from '../helpers/finishedGame';

function pointOf(record: GameRecord, at: number): ForkPoint {
  const point = forkPoint(record, at);
  if ('problem' in point) throw new Error(point.problem);
  return point;
}

const game = finishedGame('fork-test');
const dir = mkdtempSync(join(tmpdir(), 'de-risk-fork-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a fork of a finished game', () => {
  it('stands just before the move, with the side that made it and the play it made', () => {
    const point = pointOf(game, 3);
    expect(toMove(point.real).move).toBe(game.moves[3]?.move);
    // The real continuation from the fork reproduces the real game exactly.
    const match = headlessFrom(point.state);
    for (const { playerID, move, args } of game.moves.slice(3)) expect(match.move(playerID, move, ...args)).toBe(true);
    const whole = createHeadlessMatch(game.seed, game.setup);
    for (const { playerID, move, args } of game.moves) whole.move(playerID, move, ...args);
    expect(match.state.G).toEqual(whole.state.G);
    expect(match.state.ctx.gameover).toEqual(whole.state.ctx.gameover);
  });

  it('offers exactly the engine’s legal plays at that moment, the real one left out', () => {
    const point = pointOf(game, 0);
    const legal = legalPlays(point.state.G, point.state.ctx, point.side).map(playKey);
    const offered = alternatives(point).map(playKey);
    expect(offered).not.toContain(playKey(point.real));
    expect([...offered, playKey(point.real)].sort()).toEqual([...new Set(legal)].sort());
  });

  it('refuses a move number the game does not have, and a record whose move does not fit', () => {
    expect(forkPoint(game, game.moves.length)).toEqual({ problem: expect.stringMatching(/^there is no move/) });
    expect(forkPoint(game, -1)).toEqual({ problem: expect.stringMatching(/^there is no move/) });
    const swapped = { ...game, moves: game.moves.map((m, i) => (i === 2 ? { ...m, playerID: m.playerID === '0' ? ('1' as const) : ('0' as const) } : m)) };
    expect('problem' in forkPoint(swapped, 2)).toBe(true);
  });

  it('plays both futures from the same seeds: the real move’s future is the same whichever play it is compared with, and a rerun is identical', () => {
    const point = pointOf(game, 1);
    const [first, second] = alternatives(point);
    if (!first || !second) throw new Error('too few plays to compare');
    const options = { playouts: 6, level: 'easy' as const, persona: 'balanced' as const, seed: 5 };
    const a = compareFutures(point, first, options);
    const b = compareFutures(point, second, options);
    expect(a.real).toEqual(b.real);
    expect(compareFutures(point, first, options)).toEqual(a);
    expect(a.real.playouts).toBe(6);
    expect(a.real.wins.us + a.real.wins.cn + a.real.draws).toBe(6);
    expect(a.instead.play).toBe(playKey(first));
    // One value a round from the fork's round to the last, for every track, with its middle half around it.
    expect(a.real.rounds).toEqual([point.state.G.round, ...Array.from({ length: 4 - point.state.G.round }, (_, k) => point.state.G.round + k + 1)]);
    for (const [k, mean] of a.real.tracks.relationship.mean.entries()) {
      expect(a.real.tracks.relationship.low[k]).toBeLessThanOrEqual(mean + 1e-9);
      expect(a.real.tracks.relationship.high[k]).toBeGreaterThanOrEqual(mean - 1e-9);
    }
    expect(a.real.winRate.us.low).toBeLessThanOrEqual(a.real.winRate.us.rate);
  });

  it('makes a record of the fork for people to play on: the real moves, then the other play, to the last round', () => {
    const point = pointOf(game, 4);
    const instead = alternatives(point).at(-1);
    if (!instead) throw new Error('no other play');
    const fork = forkRecord({ ...game, setup: { ...game.setup, endsAfter: 2 } }, point, instead);
    expect(fork.setup).toEqual({ scenario: game.setup.scenario, length: game.setup.length });
    expect(fork.moves.slice(0, 4)).toEqual(game.moves.slice(0, 4));
    expect(fork.moves).toHaveLength(5);
    const last = fork.moves[4];
    expect(last && toPlay(last.move, last.args)).toEqual(instead);
    const played = replayRecord(fork);
    if (!('state' in played)) throw new Error(played.problem);
    expect(played.state.ctx.gameover).toBeUndefined();
  });

  it('reads plays back from their one-line form, and nothing else', () => {
    for (const play of legalPlays(pointOf(game, 0).state.G, pointOf(game, 0).state.ctx, 'us')) expect(playKey(parsePlay(playKey(play)) ?? { kind: 'pass' })).toBe(playKey(play));
    for (const bad of ['', 'action:', 'action:../../x', 'card:a b', 'pass:now', 'propose:', '__proto__', 'constructor:x']) expect(parsePlay(bad), bad).toBeNull();
  });
});

describe('npm run simulate -- --from', () => {
  const file = join(dir, 'game.json');
  writeFileSync(file, JSON.stringify(game));

  it('lists the plays possible at a move when no --instead is given', () => {
    const out: string[] = [];
    expect(whatIfMain(['--from', file, '--at', '1'], (line) => out.push(line))).toBeNull();
    expect(out[0]).toMatch(/^At move 1 \(round 1\) Washington played /);
    expect(out.length).toBe(1 + alternatives(pointOf(game, 0)).length);
  });

  it('prints both futures side by side, with a one-line summary', () => {
    const instead = playKey(alternatives(pointOf(game, 0))[0] ?? { kind: 'pass' });
    const out: string[] = [];
    const comparison = whatIfMain(['--from', file, '--at', '1', '--instead', instead, '--playouts', '4', '--level', 'easy'], (text) => out.push(text));
    expect(comparison?.instead.play).toBe(instead);
    expect(out[0]).toMatch(/Washington wins \(95% interval\)/);
    expect(out[0]).toMatch(/^Instead of .+, Washington wins \d+% instead of \d+%; the relationship ends \d+\.\d points (higher|lower)\.$/m);
  });

  it('refuses a tampered file, a file from other rules, a play that was not possible, and a missing move, each with its reason', () => {
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify({ ...game, moves: game.moves.map((m, i) => (i === 4 ? { ...m, move: 'act', args: ['noSuchAction'] } : m)) }));
    expect(() => whatIfMain(['--from', tampered, '--at', '1'], () => undefined)).toThrow(/move 5 is a move the rules refuse/);
    const otherRules = join(dir, 'other.json');
    writeFileSync(otherRules, JSON.stringify({ ...game, rules: '0.00000000' }));
    expect(() => whatIfMain(['--from', otherRules, '--at', '1'], () => undefined)).toThrow(/cannot be replayed: made under other rules/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format": 1,');
    expect(() => whatIfMain(['--from', broken, '--at', '1'], () => undefined)).toThrow(/is not a readable JSON file/);
    expect(() => whatIfMain(['--from', file, '--at', '1', '--instead', 'action:noSuchAction'], () => undefined)).toThrow(/is not a play Washington could make instead/);
    expect(() => whatIfMain(['--from', file, '--at', String(game.moves.length + 1)], () => undefined)).toThrow(/there is no move/);
    expect(() => whatIfMain(['--from', file, '--at', '0'], () => undefined)).toThrow(/--at must be a move number/);
  });
});
