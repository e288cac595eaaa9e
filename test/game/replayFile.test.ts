/**
 * Replay files (issue 14): a finished game written as a small JSON file and read back plays to
 * exactly the same final state, for every scenario and length (fast-check over random games); a
 * file from other rules, an edited move, a move after the end and an unfinished game are
 * refused with their reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enumerate, LENGTHS, newRecord, RULES_VERSION, type GameRecord, type RecordedMove } from '../../src/game';
import { SCENARIO_IDS } from '../../src/content/types';
import { createHeadlessMatch, playerToAct, seededRandom } from '../../src/sim/headless';
import { readReplay, replayFileName, replayFileText, type Replay } from '../../src/sim/replay';

/** A random game (uniform legal moves), played to its end or cut after `cut` moves, as a record and its final state. */
function randomGame(seed: number, scenario: (typeof SCENARIO_IDS)[number], length: (typeof LENGTHS)[number], cut = Infinity) {
  const setup = { scenario, length };
  const match = createHeadlessMatch(`replay-${seed}`, setup);
  const rand = seededRandom(seed);
  const moves: RecordedMove[] = [];
  while (match.state.ctx.gameover === undefined && moves.length < cut) {
    const options = enumerate(match.state.G, match.state.ctx);
    const choice = options[Math.floor(rand() * options.length)];
    if (!choice) throw new Error('no legal move');
    const playerID = playerToAct(match.state) as '0' | '1';
    expect(match.move(playerID, choice.move, ...choice.args)).toBe(true);
    moves.push({ playerID, move: choice.move, args: choice.args });
  }
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
