/**
 * Where a finished online or class match's replay file is downloaded: the lobby's route on the
 * page's own server (src/server/lobby/replay.ts). It answers only once the game is over (R12),
 * with the file as an attachment, which the Replay page (`#/replay`) opens on any device.
 * Kept apart from lobbyApi.ts (and from the engine) so the teacher's screens link to it
 * without loading either.
 */

/** The game's name in the lobby's paths (`DeRisk.name`; test/ui/replayFileLink.test.tsx checks they agree). */
export const LOBBY_GAME = 'de-risk';

export function replayFileUrl(matchID: string): string {
  return `/games/${LOBBY_GAME}/${encodeURIComponent(matchID)}/replay`;
}
