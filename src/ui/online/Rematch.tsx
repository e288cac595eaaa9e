/**
 * "Play again" online (issue 13): the same two people, in the same seats. The server makes one
 * rematch of a finished match however many ask, seats each person who asks on their old side,
 * keeps the other's seat for them for a while, and seats a computer opponent again by itself
 * (src/server/lobby/rematch.ts). Here: the player who presses Play again goes to their seat in
 * the rematch; the other player's debrief looks for the rematch every few seconds and, once
 * their opponent has taken their seat in it, invites them: "Washington (Ada) wants to play
 * again: Join (as Beijing)", which seats them on their old side in the same rematch.
 */
import { useEffect, useState } from 'react';
import type { SetupData, Side } from '../../game';
import { sideName } from '../bridge';
import { t } from '../i18n';
import { computerOf } from './computerSeat';
import { getMatch, lobbyError, playAgain } from './lobbyApi';
import { holdSeat, type HeldSeat } from './seats';

/** How often an open debrief asks whether the other player wants a rematch. */
export const REMATCH_POLL_MS = 2500;

export interface Invitation {
  nextMatchID: string;
  /** The opponent's side and name. */
  side: Side;
  name: string;
}

const sideOfSeat = (id: '0' | '1'): Side => (id === '0' ? 'us' : 'cn');
const otherSeat = (id: '0' | '1'): '0' | '1' => (id === '0' ? '1' : '0');

/**
 * The other player's invitation to the rematch of `code`: there is a rematch and the opponent
 * (a person) has taken their seat in it. Null while there is none.
 */
export async function invitationFor(code: string, seat: HeldSeat): Promise<Invitation | null> {
  const { nextMatchID } = await getMatch(code);
  if (!nextMatchID) return null;
  const rematch = await getMatch(nextMatchID);
  const opponentID = otherSeat(seat.playerID);
  const opponent = rematch.players.find((p) => String(p.id) === opponentID);
  if (!opponent?.name || computerOf(opponent)) return null;
  return { nextMatchID, side: sideOfSeat(opponentID), name: opponent.name };
}

/**
 * Watches for the other player's invitation while `active` (a seated player's debrief, against
 * a person): asks every `pollMs` until there is one. A failed look (the network) is tried again.
 */
export function useInvitation(code: string, seat: HeldSeat | null, active: boolean, pollMs = REMATCH_POLL_MS): Invitation | null {
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  useEffect(() => {
    if (!seat || !active) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = async () => {
      const found = await invitationFor(code, seat).catch(() => null);
      if (stopped) return;
      if (found) setInvitation(found);
      else timer = setTimeout(() => void look(), pollMs);
    };
    void look();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [code, seat, active, pollMs]);
  return invitation;
}

/**
 * Takes this player's seat in the rematch of `code` (making the rematch if nobody has yet) and
 * goes there; the server's refusal (the game is not over, the seat was given to someone else
 * after the wait, the rematch was given up) comes back in words.
 */
export async function joinRematch(code: string, seat: HeldSeat, setup: SetupData, onGoTo: (code: string, watch: boolean) => void): Promise<string | null> {
  try {
    const next = await playAgain(code, seat.playerID, seat.credentials, setup);
    holdSeat(next.nextMatchID, { playerID: next.playerID, credentials: next.playerCredentials, name: seat.name });
    onGoTo(next.nextMatchID, false);
    return null;
  } catch (error) {
    return lobbyError(error);
  }
}

/** The invitation, above the debrief: who wants to play again, and a button that seats this player on their side. */
export function RematchInvitation({ invitation, mySide, joining, onJoin }: { invitation: Invitation; mySide: Side; joining: boolean; onJoin: () => void }) {
  return (
    <div className="banner" role="status">
      <p>{t('online.rematch.invited', { side: sideName(invitation.side), name: invitation.name })}</p>
      <button type="button" onClick={onJoin} disabled={joining}>
        {joining ? t('online.rematch.joining') : t('online.rematch.join', { side: sideName(mySide) })}
      </button>
    </div>
  );
}
