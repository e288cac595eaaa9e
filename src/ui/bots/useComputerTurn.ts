import { useCallback, useEffect, useState } from 'react';
import { actingSide, reasonProblem, toPlay, whyRefused, type BotMove, type Side } from '../../game';
import { refusalText } from '../bridge';
import { useClientState } from '../hotseat/useClientState';
import { t } from '../i18n';
import type { ComputerMatch } from './computerMatch';

/** How long a sent move may go unanswered before it counts as refused (no error comes back: docs/boardgame-io-traps.md, trap 9). */
const ACCEPT_WAIT_MS = 2000;

export interface ComputerTurn {
  /** The computer's side must act and is deciding, or pausing before it moves. */
  readonly thinking: boolean;
  /** Why the last attempt failed, until the player retries; the game itself is untouched. */
  readonly failure: string | null;
  readonly retry: () => void;
}

/** The game moved on while the bot was deciding: its move is dropped, not reported. */
const STALE = Symbol('stale');

/** Why the bot's move must not be sent now: a message, STALE if the game moved on, or null if it may go. */
function problemWith(match: ComputerMatch, side: Side, move: BotMove, stateID: number): string | typeof STALE | null {
  const now = match.bot.getState();
  if (!now || now._stateID !== stateID) return STALE;
  // A refused move gets no answer, so check with the engine before sending (docs/boardgame-io-traps.md, trap 9).
  const play = toPlay(move.move, move.args);
  if (!play) return t('computer.unknownMove', { move: move.move });
  const refusal = reasonProblem(move.move, move.args) ?? whyRefused(now.G, now.ctx, side, play);
  return refusal ? t('computer.refusedMove', { reason: refusalText(refusal) }) : null;
}

/**
 * Plays the computer's side. Whenever that side must act (its turn, or its answer to a deal
 * the person proposed; R4.5, R7.2), asks the worker for a decision from the bot's own view,
 * lets at least `pauseMs` pass since the turn began so a person can follow, checks the move
 * with the engine and sends it through the bot's client. A failure keeps the game as it was
 * and waits for `retry`, which asks again with a fresh seed (the same seed would only repeat
 * the same choice).
 */
export function useComputerTurn(match: ComputerMatch, pauseMs: number): ComputerTurn {
  const state = useClientState(match.bot);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);
  const side = match.opponent.side;
  const mustAct = state !== null && actingSide(state.G, state.ctx) === side;
  // One key per position and attempt: a failure belongs to the attempt that made it.
  const stateID = match.bot.getState()?._stateID ?? -1;
  const key = `${stateID}:${attempt}`;

  useEffect(() => {
    const position = match.bot.getState();
    if (!mustAct || !position) return undefined;
    // Asked through a function each time: the effect's clean-up clears it while `play` is awaiting.
    const run = { live: true };
    const live = () => run.live;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const after = (ms: number) => new Promise<void>((resolve) => timers.push(setTimeout(resolve, ms)));
    const began = Date.now();
    const play = async () => {
      // A tick first: StrictMode's throwaway first run is cleaned up before it asks the worker.
      await after(0);
      const config = { ...match.config, seed: match.config.seed + attempt };
      const decision = await match.bridge.decide({ side, config, G: position.G, ctx: position.ctx });
      await after(Math.max(0, pauseMs - (Date.now() - began)));
      if (!live()) return;
      const problem = problemWith(match, side, decision.move, position._stateID);
      if (problem === STALE) return;
      if (problem) throw new Error(problem);
      match.bot.moves[decision.move.move]?.(...decision.move.args);
      // An accepted move changes the state, and this run is cleaned up before the wait ends.
      await after(ACCEPT_WAIT_MS);
      if (live() && match.bot.getState()?._stateID === position._stateID) throw new Error(t('computer.notAccepted'));
    };
    play().catch((error: unknown) => {
      if (live()) setFailure({ key, message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      run.live = false;
      timers.forEach(clearTimeout);
    };
  }, [match, side, mustAct, key, attempt, pauseMs]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const failed = failure !== null && failure.key === key;
  return { thinking: mustAct && !failed, failure: failed ? failure.message : null, retry };
}
