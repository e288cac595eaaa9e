/**
 * The boardgame.io client of a hot-seat match. There is no server: the client runs the game
 * itself, and its player ID decides which side's secrets `getState()` shows (its player view).
 * While the curtain is down the player ID is null, so the state on screen holds no hand and
 * no agenda.
 */
import { Client } from 'boardgame.io/client';
import type { Ctx } from 'boardgame.io';
import { DeRisk, type DeRiskState, type SetupData } from '../../game';

export type DeRiskClient = ReturnType<typeof Client<DeRiskState>>;

export interface ClientSnapshot {
  G: DeRiskState;
  ctx: Ctx;
  /** Whether an online client is connected to its server (always true locally). */
  isConnected: boolean;
}

/**
 * The game of one local match: De-Risk with the chosen setup built in (a local client has no
 * lobby to pass setup data), and a fixed seed when given (tests).
 */
export function localGame(setup: SetupData, seed?: string): typeof DeRisk {
  const { setup: setupGame } = DeRisk;
  if (!setupGame) throw new Error('The De-Risk game has no setup');
  return {
    ...DeRisk,
    ...(seed ? { seed } : {}),
    setup: (context: Parameters<typeof setupGame>[0]) => setupGame(context, setup),
  };
}

export function createHotSeatClient(setup: SetupData, seed?: string): DeRiskClient {
  const client = Client<DeRiskState>({ game: localGame(setup, seed), numPlayers: 2, debug: false });
  client.start();
  client.updatePlayerID(null);
  return client;
}

const stopped = new WeakSet<object>();

/** Stops a client once; boardgame.io's `stop()` throws when called twice (docs/boardgame-io-traps.md, trap 10). */
export function stopOnce(client: DeRiskClient): void {
  if (stopped.has(client)) return;
  stopped.add(client);
  client.stop();
}
