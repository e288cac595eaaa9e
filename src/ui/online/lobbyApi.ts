/** The lobby API, through boardgame.io's LobbyClient, on the page's own server. */
import { LobbyClient, LobbyClientError } from 'boardgame.io/client';
import type { LobbyAPI } from 'boardgame.io';
import type { BotLevel, Persona } from '../../bots/types';
import { DeRisk, LOBBY_ERROR_CODES, type LobbyErrorCode, type SetupData } from '../../game';
import { t } from '../i18n';

const GAME = DeRisk.name ?? 'de-risk';
const lobby = new LobbyClient({ server: window.location.origin });

export type MatchInfo = LobbyAPI.Match;

const isLobbyCode = (code: unknown): code is LobbyErrorCode => typeof code === 'string' && (LOBBY_ERROR_CODES as readonly string[]).includes(code);

/** Why a lobby call failed, in the player's language: the server's code worded here; a network failure as such. */
export function lobbyError(error: unknown): string {
  const details = error instanceof LobbyClientError ? (error.details as { code?: unknown } | undefined) : (error as { details?: { code?: unknown } } | null)?.details;
  if (isLobbyCode(details?.code)) return t(`lobby.${details.code}`);
  return t(error instanceof LobbyClientError ? 'lobby.serverError' : 'lobby.unreachable');
}

export const createMatch = (setupData: SetupData, unlisted: boolean) =>
  lobby.createMatch(GAME, { numPlayers: 2, setupData, unlisted }).then((r) => r.matchID);

export const listOpenMatches = () =>
  lobby.listMatches(GAME, { isGameover: false }).then((r) => r.matches.filter((m) => m.players.some((p) => !p.name)));

export const getMatch = (matchID: string) => lobby.getMatch(GAME, matchID);

export const joinMatch = (matchID: string, playerID: '0' | '1', playerName: string) =>
  lobby.joinMatch(GAME, matchID, { playerID, playerName });

export const leaveMatch = (matchID: string, playerID: string, credentials: string) =>
  lobby.leaveMatch(GAME, matchID, { playerID, credentials });

/** A rematch, with this player's seat in it (the server seats each player of the finished match on their old side). */
export interface Rematch {
  nextMatchID: string;
  playerID: '0' | '1';
  playerCredentials: string;
}

function isRematch(value: unknown): value is Rematch {
  const r = value as Partial<Rematch> | null;
  return typeof r?.nextMatchID === 'string' && (r.playerID === '0' || r.playerID === '1') && typeof r.playerCredentials === 'string';
}

export async function playAgain(matchID: string, playerID: string, credentials: string, setupData: SetupData): Promise<Rematch> {
  const answer: unknown = await lobby.playAgain(GAME, matchID, { playerID, credentials, numPlayers: 2, setupData });
  // An answer of the wrong shape is the server's failure, worded as such.
  if (!isRematch(answer)) throw Object.assign(new Error('The rematch answer has the wrong shape'), { details: { code: 'serverError' } });
  return answer;
}

/**
 * Gives the empty seat to the computer, which then plays on the server (our own lobby route:
 * boardgame.io's LobbyClient has no call for it). Refusals carry the server's words.
 */
export async function seatComputer(matchID: string, playerID: string, credentials: string, level: BotLevel, persona: Persona): Promise<void> {
  const response = await fetch(`${window.location.origin}/games/${GAME}/${encodeURIComponent(matchID)}/bot`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ playerID, credentials, level, persona }),
  });
  if (response.ok) return;
  const body = (await response.json().catch(() => ({}))) as { code?: unknown };
  throw Object.assign(new Error(`The lobby answered ${response.status}`), { details: body });
}
