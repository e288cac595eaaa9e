/**
 * The two seats of a match, "0" (Washington) and "1" (Beijing), and the one way the server
 * reads a seat's record: as an own property of `players`, never through a prototype (an id like
 * "__proto__" or "constructor" finds nothing).
 */
import type { Server as ServerTypes } from 'boardgame.io';

export type SeatID = '0' | '1';
export type Player = ServerTypes.MatchData['players'][number];

export const SEATS: readonly SeatID[] = ['0', '1'];
export const otherSeat = (seat: SeatID): SeatID => (seat === '0' ? '1' : '0');

export function seatOf(metadata: ServerTypes.MatchData, seat: SeatID): Player | undefined {
  const index = seat === '0' ? 0 : 1;
  return Object.prototype.hasOwnProperty.call(metadata.players, index) ? metadata.players[index] : undefined;
}
