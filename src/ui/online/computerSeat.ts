/**
 * Seats the server's computer plays: the match data records `{ bot: { level, persona } }` in
 * the seat's `data` (src/server/bots/botSeat.ts). The waiting room, the join page, the
 * spectator view and the debrief read it from here.
 */
import type { Side } from '../../game';
import { botSettingsIn, type BotSettings } from '../../bots/types';
import { t } from '../i18n';

/** A seat as the server shows it (boardgame.io's match data without credentials; `data` is ours). */
export interface SeatInfo {
  id: number;
  name?: string;
  data?: unknown;
  isConnected?: boolean;
}

/** The computer's settings if the computer plays this seat (a seated name and its settings), else null. */
export function computerOf(player: SeatInfo | undefined): BotSettings | null {
  return player?.name ? botSettingsIn(player.data) : null;
}

/** The sides the computer plays, for the debrief. */
export function computerSides(players: readonly SeatInfo[]): Partial<Record<Side, BotSettings>> {
  const sides: Partial<Record<Side, BotSettings>> = {};
  for (const player of players) {
    const computer = computerOf(player);
    if (computer) sides[player.id === 0 ? 'us' : 'cn'] = computer;
  }
  return sides;
}

/** The side the computer plays in this match, if it plays one (the board badges its panel). */
export function computerSide(players: readonly SeatInfo[]): Side | null {
  const [side] = Object.keys(computerSides(players)) as Side[];
  return side ?? null;
}

/** Who holds a seat, as shown: a person's name, the computer with its level and temperament, or a free seat. */
export function seatHolder(player: SeatInfo): string {
  const computer = computerOf(player);
  if (computer) return t('online.computer.seat', { level: t(`computer.level.${computer.level}`), persona: t(`computer.persona.${computer.persona}`) });
  return player.name ?? t('online.free');
}
