/**
 * Plays De-Risk headless through boardgame.io's own reducer: the same code path the
 * server runs, without sockets or storage. Used by tests, benchmarks and simulations.
 */
import type { State } from 'boardgame.io';
import { CreateGameReducer, InitializeGame, ProcessGameConfig } from 'boardgame.io/internal';
import { seededRandom } from '../bots/random';
import { DeRisk, enumerate, recordProblem, workingCopy, type BotMove, type DeRiskState, type GameRecord, type RecordSetup, type SetupData, type WorkingState } from '../game';

export { seededRandom };

type Reducer = ReturnType<typeof CreateGameReducer>;

export interface HeadlessMatch {
  readonly state: State<DeRiskState>;
  /** Sends a move as `playerID`; returns false if the engine refused it. */
  move(playerID: string, move: string, ...args: unknown[]): boolean;
}

const reducers = new Map<string, { game: ReturnType<typeof ProcessGameConfig>; reduce: Reducer }>();

function gameFor(seed: string) {
  let found = reducers.get(seed);
  if (!found) {
    const game = ProcessGameConfig({ ...DeRisk, seed });
    found = { game, reduce: CreateGameReducer({ game, isClient: false }) };
    if (reducers.size > 64) reducers.clear();
    reducers.set(seed, found);
  }
  return found;
}

/**
 * Starts a match. `prepare` may adjust the state after setup and round 1's start, to begin
 * from a chosen position (tests, tutorials). A record's setup may say the round the game ended
 * after (`endsAfter`: a class game its teacher finished early, R4.7): it is set from the start,
 * as the server set it mid-game; the engine reads it only at a round end, so the moves play the same.
 */
export function createHeadlessMatch(
  seed: string,
  setupData?: Partial<RecordSetup>,
  prepare?: (G: WorkingState) => void,
): HeadlessMatch {
  const { game, reduce } = gameFor(seed);
  const { endsAfter, ...setup } = setupData ?? {};
  let state = InitializeGame({ game, numPlayers: 2, setupData: setupData ? setup : undefined }) as State<DeRiskState>;
  if (prepare) {
    const G = workingCopy(state.G);
    prepare(G);
    state = { ...state, G };
  }
  if (endsAfter !== undefined) state = { ...state, G: { ...state.G, endsAfter } };
  return driven(state, reduce);
}

/**
 * Goes on from a state a game reached (a replay's position, a fork): its own randomness
 * (boardgame.io's random plugin state) carries on from where it was.
 */
export function headlessFrom(start: State<DeRiskState>): HeadlessMatch {
  return driven(start, gameFor('from-state').reduce);
}

function driven(start: State<DeRiskState>, reduce: Reducer): HeadlessMatch {
  let state = start;
  return {
    get state() {
      return state;
    },
    move(playerID, move, ...args) {
      const next = reduce(state, { type: 'MAKE_MOVE', payload: { type: move, args, playerID } }) as State<DeRiskState> & {
        transients?: { error?: unknown };
      };
      if (next.transients?.error !== undefined || next === state) return false;
      const { transients: _ignored, ...clean } = next;
      state = clean;
      return true;
    },
  };
}

/** Who must move now: the responder in a deal stage, otherwise the current player. */
export function playerToAct(state: State<DeRiskState>): string {
  const active = state.ctx.activePlayers;
  const [first] = active ? Object.keys(active) : [];
  return first ?? state.ctx.currentPlayer;
}

export interface RandomGameOptions {
  seed: number;
  setupData?: Partial<SetupData>;
  /** Called after every accepted move, e.g. to check invariants. */
  afterMove?: (state: State<DeRiskState>, move: BotMove) => void;
  maxMoves?: number;
}

/** Plays one game with uniformly random legal moves from `ai.enumerate`. */
export function playRandomGame({ seed, setupData, afterMove, maxMoves = 2000 }: RandomGameOptions): {
  state: State<DeRiskState>;
  moves: number;
} {
  const match = createHeadlessMatch(`game-${seed}`, setupData);
  const rand = seededRandom(seed);
  let moves = 0;
  while (match.state.ctx.gameover === undefined) {
    if (moves >= maxMoves) throw new Error(`Game ${seed} did not end within ${maxMoves} moves`);
    const options = enumerate(match.state.G, match.state.ctx);
    const choice = options[Math.floor(rand() * options.length)];
    if (!choice) throw new Error(`Game ${seed}: no legal move in round ${match.state.G.round}`);
    if (!match.move(playerToAct(match.state), choice.move, ...choice.args)) {
      throw new Error(`Game ${seed}: enumerate offered a refused move ${JSON.stringify(choice)}`);
    }
    moves += 1;
    afterMove?.(match.state, choice);
  }
  return { state: match.state, moves };
}

/** A record played again: the state it reaches, or the first move the engine refused (a damaged or edited record). */
export type Replayed = { readonly state: State<DeRiskState> } | { readonly refused: number; readonly problem: string };

/**
 * Plays a game record again through the engine, move by move, from its setup and seed. A record
 * that is not one, was made under other rules, or holds a move the engine refuses, is answered
 * with why, never half played.
 */
export function replayRecord(value: unknown): Replayed {
  const problem = recordProblem(value);
  if (problem) return { refused: -1, problem };
  const record = value as GameRecord;
  const match = createHeadlessMatch(record.seed, record.setup);
  for (const [index, { playerID, move, args }] of record.moves.entries()) {
    if (match.state.ctx.gameover !== undefined || !match.move(playerID, move, ...args)) return { refused: index, problem: 'a move the rules refuse' };
  }
  return { state: match.state };
}
