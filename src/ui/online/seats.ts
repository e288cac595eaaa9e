/**
 * The seats this browser holds, kept per match in localStorage (never in cookies), so that a
 * refresh or a browser restart rejoins the match.
 */
export interface HeldSeat {
  playerID: '0' | '1';
  credentials: string;
  name: string;
}

const key = (matchID: string) => `de-risk:seat:${matchID}`;

export function heldSeat(matchID: string): HeldSeat | null {
  try {
    const raw = localStorage.getItem(key(matchID));
    if (!raw) return null;
    const seat = JSON.parse(raw) as Partial<HeldSeat>;
    if ((seat.playerID === '0' || seat.playerID === '1') && typeof seat.credentials === 'string' && typeof seat.name === 'string') {
      return seat as HeldSeat;
    }
  } catch {
    // A damaged entry is treated as no seat.
  }
  return null;
}

export function holdSeat(matchID: string, seat: HeldSeat): void {
  localStorage.setItem(key(matchID), JSON.stringify(seat));
}

export function releaseSeat(matchID: string): void {
  localStorage.removeItem(key(matchID));
}

const NAME_KEY = 'de-risk:name';
export const savedName = (): string => localStorage.getItem(NAME_KEY) ?? '';
export const saveName = (name: string): void => localStorage.setItem(NAME_KEY, name);
