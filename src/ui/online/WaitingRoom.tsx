import { useState } from 'react';
import { t } from '../i18n';
import { ComputerSeatForm } from './ComputerSeatForm';
import type { SeatInfo } from './computerSeat';
import { leaveMatch, lobbyError } from './lobbyApi';
import { SeatList } from './SeatList';
import type { HeldSeat } from './seats';

/**
 * The room code to read aloud, the link to share, who has joined and who is connected; and,
 * while the other seat is empty, the offer to play against the computer instead.
 */
export function WaitingRoom({ code, players, seat, onLeft }: { code: string; players: readonly SeatInfo[]; seat: HeldSeat; onLeft: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const link = `${window.location.origin}/#/m/${code}`;
  return (
    <section className="waiting-room" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('online.waiting')}</h2>
      <p>
        {t('online.code')} <strong className="room-code">{code.split('').join(' ')}</strong>
      </p>
      <p className="share">
        <label>
          {t('online.link')} <input readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        </label>
      </p>
      <SeatList players={players} connection />
      {players.some((p) => String(p.id) !== seat.playerID && !p.name) && <ComputerSeatForm code={code} seat={seat} />}
      {error && <p role="alert" className="banner bad">{error}</p>}
      <button
        type="button"
        className="secondary"
        onClick={() => void leaveMatch(code, seat.playerID, seat.credentials).then(onLeft, (e: unknown) => setError(lobbyError(e)))}
      >
        {t('online.leave')}
      </button>
    </section>
  );
}
