/**
 * A match against the computer: boardgame.io's `Local()` master with two clients, the
 * person's and the bot's. Each client's `getState()` is already its own seat's player view,
 * so the bot sees exactly what a person in its seat would (R12) and plays over the same
 * protocol; no privacy curtain is needed. The match owns the bot's worker (through the
 * bridge) and outlives its screen, so "back to the game" resumes it.
 */
import { Client } from 'boardgame.io/client';
import { Local } from 'boardgame.io/multiplayer';
import type { BotConfig } from '../../bots/types';
import { PLAYER_OF, other, type DeRiskState, type SetupData, type Side } from '../../game';
import { localGame, stopOnce, type DeRiskClient } from '../hotseat/client';
import { createBotBridge, type BotBridge, type BotWorkerPort } from './bridge';
import type { ComputerOpponent } from './opponent';

export interface ComputerMatch {
  readonly human: DeRiskClient;
  readonly bot: DeRiskClient;
  readonly humanSide: Side;
  readonly opponent: ComputerOpponent;
  /** The bot's settings for every decision of this match. */
  readonly config: BotConfig;
  readonly bridge: BotBridge;
  /** Stops both clients (once each) and the worker. */
  stop(): void;
}

export interface ComputerMatchOptions {
  /** The game's random seed (tests); a fresh one by default. */
  seed?: string;
  /** The bot's own seed (tests); random by default, so two games against it differ. */
  botSeed?: number;
  /** Starts the bot's worker (tests pass an in-process one). */
  makeWorker?: () => BotWorkerPort;
}

export function createComputerMatch(setup: SetupData, opponent: ComputerOpponent, options: ComputerMatchOptions = {}): ComputerMatch {
  const game = localGame(setup, options.seed);
  const multiplayer = Local();
  const seat = (side: Side): DeRiskClient => {
    const client = Client<DeRiskState>({ game, numPlayers: 2, multiplayer, playerID: PLAYER_OF[side], debug: false });
    client.start();
    return client;
  };
  const humanSide = other(opponent.side);
  const human = seat(humanSide);
  const bot = seat(opponent.side);
  const bridge = createBotBridge(options.makeWorker);
  return {
    human,
    bot,
    humanSide,
    opponent,
    config: { level: opponent.level, persona: opponent.persona, seed: options.botSeed ?? Math.floor(Math.random() * 2 ** 31) },
    bridge,
    stop() {
      stopOnce(human);
      stopOnce(bot);
      bridge.terminate();
    },
  };
}
