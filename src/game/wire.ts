/**
 * What the server tells a client when it refuses a socket message: one of the engine's own
 * refusals (why a move breaks the rules), or the connection's, each a code the client words in
 * its player's language (src/ui/bridge.ts). Nothing here is a sentence.
 */
import type { Refusal } from './refusals';

export type ConnectionRefusalCode =
  /** The message is not one this game's client sends (shape, size, an unknown move). */
  | 'malformedMessage'
  /** The credentials do not hold the seat asked for. */
  | 'unauthorized'
  /** A move from a connection that has not synced as that seat. */
  | 'notSeated'
  /** The seat was given up in the lobby, and perhaps taken by someone else. */
  | 'seatLost'
  | 'unknownMatch'
  /** The game moved on before the move arrived; the sender has been sent the new state. */
  | 'stale'
  /** Storage or another part of the server failed; nothing changed. */
  | 'serverError'
  /** A move refused for a reason the engine does not name (the seat may not move now). */
  | 'notAccepted'
  /** The teacher has paused every match of the class. */
  | 'paused'
  /** A seat of the match is still empty: the game starts once both players have joined. */
  | 'waitingForOpponent'
  /**
   * A move that reached the server before its connection had synced: socket.io keeps what a
   * client emits while the connection is down and sends it on reconnecting, ahead of the sync.
   * It was made offline, on a board that may be out of date, and is not played.
   */
  | 'sentOffline';

export type ServerRefusal = Refusal | { readonly code: ConnectionRefusalCode };

/**
 * Why the lobby refused a request, beside its English `error` (for developers and logs). The
 * client words the code; `badRequest` is a request this game's client never sends.
 */
export type LobbyErrorCode =
  | 'noMatch'
  | 'wrongCredentials'
  | 'gameOver'
  | 'seatTaken'
  | 'seatHeld'
  | 'otherSeatTaken'
  | 'otherSeatHeld'
  | 'serverFull'
  | 'notOver'
  /** A finished match whose moves do not play again to its end (other rules): it has no replay file. */
  | 'noReplay'
  | 'rematchGone'
  | 'rematchSeatTaken'
  | 'badName'
  | 'tooMany'
  | 'originRefused'
  | 'badRequest'
  | 'serverError'
  // Classroom mode (src/server/classes):
  | 'noClass'
  | 'notTeacher'
  | 'notStudent'
  | 'classFinished'
  | 'classFull'
  | 'nameTaken'
  | 'noStudent'
  | 'alreadyPlaying'
  | 'alreadyStarted'
  | 'noStudents'
  | 'notPlaying';

export const LOBBY_ERROR_CODES: readonly LobbyErrorCode[] = [
  'noMatch',
  'wrongCredentials',
  'gameOver',
  'seatTaken',
  'seatHeld',
  'otherSeatTaken',
  'otherSeatHeld',
  'serverFull',
  'notOver',
  'noReplay',
  'rematchGone',
  'rematchSeatTaken',
  'badName',
  'tooMany',
  'originRefused',
  'badRequest',
  'serverError',
  'noClass',
  'notTeacher',
  'notStudent',
  'classFinished',
  'classFull',
  'nameTaken',
  'noStudent',
  'alreadyPlaying',
  'alreadyStarted',
  'noStudents',
  'notPlaying',
];
