/**
 * The online table as the board shows it (issue 13): who sits in each capital, whether they are
 * connected, and the room code. Read from boardgame.io's match data (the seat list the server
 * sends with every sync and every change of a seat).
 */
import type { Side } from '../../game';
import { computerOf, seatHolder, type SeatInfo } from './computerSeat';

/** A seat's holder on the board: a name, and whether they are connected (null: not known, or not a person). */
export interface TablePlayer {
  name: string;
  connected: boolean | null;
}

const sideOfSeat = (id: number): Side | null => (id === 0 ? 'us' : id === 1 ? 'cn' : null);

/**
 * Who holds each side: a person's name with their connection, or the computer (no connection
 * mark; its panel says it is the computer). An empty seat is left out. This device's own
 * connection is known here better than from the server (`myConnection`); while it is down,
 * what the server last said of the other seat is old news, so it shows as not known.
 */
export function tablePlayers(players: readonly SeatInfo[], mySide: Side | null, myConnection: boolean): Partial<Record<Side, TablePlayer>> {
  const table: Partial<Record<Side, TablePlayer>> = {};
  for (const player of players) {
    const side = sideOfSeat(player.id);
    if (!side || !player.name) continue;
    const connected = computerOf(player) ? null : side === mySide ? myConnection : myConnection ? (player.isConnected ?? null) : null;
    table[side] = { name: seatHolder(player), connected };
  }
  return table;
}
