/**
 * What every lobby handler works with, and how it answers. Handlers are plain async functions
 * from a checked body to an `Answer`; the HTTP guard (http.ts) has already checked the origin,
 * the rate limits, the route, the content type and the body's shape before any of them runs.
 * Every handler that changes a match does so inside `queue.run(matchID, …)` (one writer per
 * match, shared with the socket transport and the bots).
 */
import type { Game } from 'boardgame.io';
import type { LobbyErrorCode } from '../../game';
import type { BotRegistry } from '../bots/registry';
import type { MatchQueue } from '../matchQueue';
import type { MatchStore } from '../storage/types';

export interface Lobby {
  db: MatchStore;
  queue: MatchQueue;
  game: Game;
  gameName: string;
  bots: BotRegistry;
  /** A fresh room code. */
  newMatchID: () => string;
  now: () => number;
  /** How long a rematch keeps its seats for the players of the finished match. */
  rematchHoldMs: number;
  /** Removes a match and stops its computer; the caller holds the match's place in the queue. */
  removeMatch: (matchID: string) => Promise<void>;
}

export interface Answer {
  status: number;
  body: unknown;
  /** Headers of an answer that is not a JSON value (a file: its Content-Type and Content-Disposition). */
  headers?: Readonly<Record<string, string>>;
}

export const ok = (body: unknown): Answer => ({ status: 200, body });
/** A refusal: its code, which the client words in its player's language, and the same in English for developers. */
export const refuse = (status: number, code: LobbyErrorCode, error: string): Answer => ({ status, body: { code, error } });

export const NO_MATCH = ['noMatch', 'There is no match with that code.'] as const;
export const WRONG_CREDENTIALS = ['wrongCredentials', 'Those credentials do not hold that seat.'] as const;
export const GAME_OVER = ['gameOver', 'The game is over.'] as const;
