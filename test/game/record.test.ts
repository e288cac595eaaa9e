/**
 * A game record (setup, seed, moves) plays again to exactly the state the game reached, through
 * a plain client (hot seat) and through a Local master with a client per seat (against the
 * computer, where each seat's log withholds the other's arguments); a damaged, edited or
 * foreign record is refused with its reason and never half played.
 */
import type { State } from 'boardgame.io';
import { Client } from 'boardgame.io/client';
import { Local } from 'boardgame.io/multiplayer';
import { describe, expect, it } from 'vitest';
import { CONTENT } from '../../src/content';
import {
  DeRisk,
  enumerate,
  LENGTHS,
  newRecord,
  recordedMoves,
  recordProblem,
  rulesVersionOf,
  RULES_VERSION,
  type DeRiskState,
  type GameRecord,
  type SetupData,
} from '../../src/game';
import { playerToAct, replayRecord, seededRandom } from '../../src/sim/headless';

const SCENARIOS = ['2025', '2018', '2020'] as const;

function gameOf(setup: SetupData, seed: string): typeof DeRisk {
  const setupGame = DeRisk.setup;
  if (!setupGame) throw new Error('no setup');
  return { ...DeRisk, seed, setup: (context: Parameters<typeof setupGame>[0]) => setupGame(context, setup) };
}

/** A hot-seat game: one plain client, the seat switched before each move, random legal moves; stops after `limit` moves. */
function playHotSeat(setup: SetupData, seed: string, limit: number) {
  const client = Client<DeRiskState>({ game: gameOf(setup, seed), numPlayers: 2, debug: false });
  client.start();
  const rand = seededRandom(seed.length * 7919 + limit);
  for (let i = 0; i < limit; i += 1) {
    const state = client.store.getState() as State<DeRiskState>;
    if (state.ctx.gameover !== undefined) break;
    const options = enumerate(state.G, state.ctx);
    const choice = options[Math.floor(rand() * options.length)];
    if (!choice) break;
    client.updatePlayerID(playerToAct(state));
    client.moves[choice.move]?.(...choice.args, ...(rand() < 0.3 ? [`because ${i}`] : []));
  }
  const full = client.store.getState() as State<DeRiskState>;
  const record = newRecord(setup, seed, recordedMoves(client.log));
  client.stop();
  return { full, record };
}

describe('a game record plays again to the same state', () => {
  for (const scenario of SCENARIOS) {
    for (const length of LENGTHS) {
      it(`${scenario}, ${length} rounds: whole games and games cut short, over several seeds`, () => {
        for (const [seed, limit] of [[`rec-${scenario}-${length}-a`, 2000], [`rec-${scenario}-${length}-b`, 37], [`rec-${scenario}-${length}-c`, 2000]] as const) {
          const { full, record } = playHotSeat({ scenario, length }, seed, limit);
          expect(record.moves.length).toBeGreaterThan(0);
          const replayed = replayRecord(JSON.parse(JSON.stringify(record)));
          if (!('state' in replayed)) throw new Error(`refused: ${replayed.problem} at ${replayed.refused}`);
          expect(replayed.state.G).toEqual(full.G);
          expect(replayed.state.ctx).toEqual(full.ctx);
          expect(replayed.state._stateID).toBe(full._stateID);
        }
      });
    }
  }

  it('against the computer: the two seats’ logs together give every move whole, and play again to the same game', async () => {
    const setup: SetupData = { scenario: '2025', length: 4 };
    const game = gameOf(setup, 'rec-local');
    const multiplayer = Local();
    const seats = (['0', '1'] as const).map((playerID) => {
      const client = Client<DeRiskState>({ game, numPlayers: 2, multiplayer, playerID, debug: false });
      client.start();
      return client;
    });
    const rand = seededRandom(5);
    for (let i = 0; i < 60; i += 1) {
      const view = seats[0]?.getState();
      if (!view || view.ctx.gameover !== undefined) break;
      const actor = seats[Number(playerToAct(view))];
      const own = actor?.getState();
      if (!own) break;
      const options = enumerate(own.G, own.ctx);
      const choice = options[Math.floor(rand() * options.length)];
      if (!choice) break;
      actor?.moves[choice.move]?.(...choice.args);
      // The Local master answers asynchronously.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const [us, cn] = seats;
    if (!us || !cn) throw new Error('no seats');
    // One seat's log alone withholds the other's arguments.
    expect(recordedMoves(us.log).length).toBeLessThan(recordedMoves(us.log, cn.log).length);
    const record = newRecord(setup, 'rec-local', recordedMoves(us.log, cn.log));
    const replayed = replayRecord(record);
    if (!('state' in replayed)) throw new Error(replayed.problem);
    const seen = us.getState();
    expect(replayed.state._stateID).toBe(seen?._stateID);
    expect(replayed.state.G.tracks).toEqual(seen?.G.tracks);
    expect(replayed.state.G.chronicle).toEqual(seen?.G.chronicle);
    for (const client of seats) client.stop();
  });
});

describe('a record that cannot be played again is refused with its reason', () => {
  const { record } = playHotSeat({ scenario: '2025', length: 4 }, 'rec-refuse', 30);
  const edited = (change: (r: Record<string, unknown>) => void): unknown => {
    const copy = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
    change(copy);
    return copy;
  };

  it('names what is wrong with a damaged, edited or foreign record', () => {
    expect(recordProblem(record)).toBeNull();
    expect(recordProblem(null)).toBe('not a game record');
    expect(recordProblem('{"format":1}')).toBe('not a game record');
    expect(recordProblem(edited((r) => (r.format = 2)))).toBe('an unknown record format');
    expect(recordProblem(edited((r) => (r.rules = '1.00000000')))).toBe('made under other rules');
    expect(recordProblem(edited((r) => (r.setup = { scenario: '1999', length: 4 })))).toBe('an unknown scenario or length');
    expect(recordProblem(edited((r) => (r.setup = { scenario: '2025', length: 5 })))).toBe('an unknown scenario or length');
    expect(recordProblem(edited((r) => (r.setup = { scenario: 'constructor', length: 4 })))).toBe('an unknown scenario or length');
    expect(recordProblem(edited((r) => (r.seed = '')))).toBe('a bad seed');
    expect(recordProblem(edited((r) => ((r.moves as unknown[])[0] = { playerID: '0', move: '__proto__', args: [] })))).toBe('bad moves');
    expect(recordProblem(edited((r) => ((r.moves as unknown[])[0] = { playerID: '2', move: 'pass', args: [] })))).toBe('bad moves');
    expect(recordProblem(edited((r) => ((r.moves as unknown[])[0] = { playerID: '0', move: 'pass', args: 'x' })))).toBe('bad moves');
    expect(recordProblem(edited((r) => (r.moves = Array.from({ length: 2001 }, () => ({ playerID: '0', move: 'pass', args: [] })))))).toBe('bad moves');
    // A prototype key read from JSON is an own key; it is ignored, never followed.
    expect(recordProblem(JSON.parse(JSON.stringify(record).replace('{', '{"__proto__":{"polluted":true},')))).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a move the rules refuse (a tampered record) stops the replay at that move', () => {
    const tampered = edited((r) => {
      const moves = r.moves as { playerID: string }[];
      const first = moves[0];
      if (first) first.playerID = first.playerID === '0' ? '1' : '0';
    }) as GameRecord;
    expect(replayRecord(tampered)).toEqual({ refused: 0, problem: 'a move the rules refuse' });
    expect(replayRecord(edited((r) => (r.rules = 'old')))).toEqual({ refused: -1, problem: 'made under other rules' });
  });

  it('the rules version follows the content’s numbers, not its words', () => {
    const card = [...CONTENT.cards.values()][0];
    if (!card) throw new Error('no card');
    const reworded = { ...CONTENT, cards: new Map([...CONTENT.cards].map(([id, c]) => [id, c === card ? { ...c, title: `${c.title}!` } : c])) };
    const renumbered = { ...CONTENT, cards: new Map([...CONTENT.cards].map(([id, c]) => [id, c === card ? { ...c, cost: c.cost + 1 } : c])) };
    expect(rulesVersionOf(CONTENT)).toBe(RULES_VERSION);
    expect(rulesVersionOf(reworded)).toBe(RULES_VERSION);
    expect(rulesVersionOf(renumbered)).not.toBe(RULES_VERSION);
  });
});
