/**
 * Replay files (issue 14): a finished game written as a small JSON file and read back plays to
 * exactly the same final state, for every scenario and length (fast-check over random games); a
 * file from other rules, an edited move, a move after the end and an unfinished game are
 * refused with their reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enumerate, finishingAfterThisRound, LENGTHS, newRecord, recordProblem, RULES_VERSION, type GameRecord, type RecordedMove } from '../../src/game';
import { SCENARIO_IDS } from '../../src/content/types';
import { createHeadlessMatch, headlessFrom, playerToAct, seededRandom, type HeadlessMatch } from '../../src/sim/headless';
import { readReplay, replayFileName, replayFileText, type Replay } from '../../src/sim/replay';

/** A random game (uniform legal moves), played to its end or cut after `cut` moves, as a record and its final state. */
/** Plays uniformly random legal moves while `until` holds and the game is on; returns the moves played. */
function playUniform(match: HeadlessMatch, rand: () => number, until: () => boolean): RecordedMove[] {
  const moves: RecordedMove[] = [];
  while (match.state.ctx.gameover === undefined && until()) {
    const options = enumerate(match.state.G, match.state.ctx);
    const choice = options[Math.floor(rand() * options.length)];
    if (!choice) throw new Error('no legal move');
    const playerID = playerToAct(match.state) as '0' | '1';
    expect(match.move(playerID, choice.move, ...choice.args)).toBe(true);
    moves.push({ playerID, move: choice.move, args: choice.args });
  }
  return moves;
}

function randomGame(seed: number, scenario: (typeof SCENARIO_IDS)[number], length: (typeof LENGTHS)[number], cut = Infinity) {
  const setup = { scenario, length };
  const match = createHeadlessMatch(`replay-${seed}`, setup);
  let played = 0;
  const moves = playUniform(match, seededRandom(seed), () => played++ < cut);
  return { record: newRecord(setup, `replay-${seed}`, moves), final: match.state };
}

const replayed = (text: string): Replay => {
  const read = readReplay(text);
  if ('problem' in read) throw new Error(read.problem);
  return read;
};

describe('a replay file', () => {
  it('plays back to exactly the final state, for every scenario and length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(...SCENARIO_IDS), fc.constantFrom(...LENGTHS), (seed, scenario, length) => {
        const { record, final } = randomGame(seed, scenario, length);
        const replay = replayed(replayFileText(record));
        expect(replay.states).toHaveLength(record.moves.length + 1);
        expect(replay.states.at(-1)?.G).toEqual(final.G);
        expect(replay.states.at(-1)?.ctx.gameover).toEqual(final.ctx.gameover);
      }),
      { numRuns: 24 },
    );
  });

  it('is the record alone, small, and named for its game', () => {
    const { record } = randomGame(7, '2018', 6);
    const text = replayFileText({ ...record, extra: 'not kept' } as GameRecord);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['format', 'rules', 'setup', 'seed', 'moves']);
    expect(text).not.toContain('not kept');
    expect(text.length).toBeLessThan(12_000);
    expect(replayFileName(record)).toBe('de-risk-2018-6-rounds.json');
    // An online or class game's file carries its room code, so a teacher's many files do not share one name.
    expect(replayFileName(record, 'K7MX3AB')).toBe('de-risk-2018-6-rounds-K7MX3AB.json');
  });

  it('of a class game its teacher finished early (R4.7) keeps the round it ended after, and plays to that same end', () => {
    let checked = 0;
    let scored = 0;
    for (let seed = 1; checked < 3 && seed < 40; seed += 1) {
      const setup = { scenario: '2025', length: 8 } as const;
      const rand = seededRandom(seed);
      const start = createHeadlessMatch(`early-${seed}`, setup);
      const before = playUniform(start, rand, () => start.state.G.round < 2 || start.state.G.chronicle.length % 3 !== 0);
      const G = start.state.ctx.gameover === undefined ? finishingAfterThisRound(start.state.G) : null;
      if (!G) continue;
      // As the server does (transport.changeState): the state changes outside any move.
      const rest = headlessFrom({ ...start.state, G });
      const after = playUniform(rest, rand, () => true);
      const record = newRecord({ ...setup, endsAfter: G.round }, `early-${seed}`, [...before, ...after]);
      const text = replayFileText(record);
      expect(JSON.parse(text)).toMatchObject({ setup: { scenario: '2025', length: 8, endsAfter: G.round } });
      const replay = replayed(text);
      expect(replay.states.at(-1)?.G).toEqual(rest.state.G);
      expect(replay.states.at(-1)?.ctx).toEqual(rest.state.ctx);
      // Without the early end the moves stop before the game is over.
      const { endsAfter: _dropped, ...plain } = record.setup;
      const { kind } = rest.state.ctx.gameover as { kind: string };
      if (kind === 'score' || kind === 'stalemate') {
        expect(rest.state.G.round).toBe(G.round);
        expect(readReplay(replayFileText({ ...record, setup: plain }))).toEqual({ problem: 'a game that is not over: only a finished game can be replayed' });
        scored += 1;
      }
      checked += 1;
    }
    expect(checked).toBe(3);
    expect(scored).toBeGreaterThan(0);
    const { record } = randomGame(5, '2018', 4);
    for (const endsAfter of [0, 4, 5, 1.5, '2', null]) {
      expect(recordProblem({ ...record, setup: { ...record.setup, endsAfter } }), String(endsAfter)).toBe('a bad early end');
    }
    expect(recordProblem({ ...record, setup: { ...record.setup, endsAfter: 3 } })).toBeNull();
  });

  it('refuses a file from other rules, an edited move, an unfinished game and what is not a file, each with its reason', () => {
    const { record } = randomGame(11, '2025', 4);
    expect(readReplay(replayFileText({ ...record, rules: `${RULES_VERSION}x` }))).toEqual({ problem: 'made under other rules' });
    const edited = { ...record, moves: record.moves.map((m, i) => (i === 3 ? { ...m, move: 'act', args: ['noSuchAction'] } : m)) };
    expect(readReplay(replayFileText(edited))).toEqual({ problem: 'a move the rules refuse', move: 4 });
    const unfinished = randomGame(11, '2025', 4, 5).record;
    expect(readReplay(replayFileText(unfinished))).toEqual({ problem: 'a game that is not over: only a finished game can be replayed' });
    const extra = { ...record, moves: [...record.moves, { playerID: '0' as const, move: 'pass', args: [] }] };
    expect(readReplay(replayFileText(extra))).toEqual({ problem: 'a move after the end of the game', move: record.moves.length + 1 });
    expect(readReplay('{"format": 1,')).toEqual({ problem: 'not a replay file (it is not JSON)' });
    for (const hostile of ['{"__proto__": {"format": 1}}', '{"constructor": {"prototype": {}}}', '[]', 'null']) {
      expect('problem' in readReplay(hostile), hostile).toBe(true);
    }
    // Reading hostile keys polluted nothing.
    expect(({} as Record<string, unknown>).format).toBeUndefined();
  });
});
