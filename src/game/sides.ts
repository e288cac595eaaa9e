/** Washington is player "0", Beijing player "1" (R1). */
import type { Side } from '../content/types';

export const PLAYER_OF: Readonly<Record<Side, '0' | '1'>> = { us: '0', cn: '1' };

export const SIDE_NAMES: Readonly<Record<Side, string>> = { us: 'Washington', cn: 'Beijing' };

export function sideOf(playerID: string | null | undefined): Side | null {
  if (playerID === '0') return 'us';
  if (playerID === '1') return 'cn';
  return null;
}

export function other(side: Side): Side {
  return side === 'us' ? 'cn' : 'us';
}
