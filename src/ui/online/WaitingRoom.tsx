import { useState } from 'react';
import type { FilteredMetadata } from 'boardgame.io';
import { sideName } from '../bridge';
import { t } from '../i18n';
import { leaveMatch, lobbyError } from './lobbyApi';
import type { HeldSeat } from './seats';

/** The room code to read aloud, the link to share, who has joined and who is connected. */
export function WaitingRoom({ code, players, seat, onLeft }: { code: string; players: FilteredMetadata; seat: HeldSeat; onLeft: () => void }) {
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
      <ul className="players">
        {players.map((p) => (
          <li key={p.id}>
            <strong>{sideName(p.id === 0 ? 'us' : 'cn')}:</strong> {p.name ?? t('online.free')}{' '}
            {p.name && <span className={p.isConnected ? 'chip good' : 'chip bad'}>{p.isConnected ? t('online.connected') : t('online.away')}</span>}
          </li>
        ))}
      </ul>
      {error && <p role="alert" className="banner bad">{error}</p>}
      <button
        type="button"
        className="secondary"
        onClick={() => leaveMatch(code, seat.playerID, seat.credentials).then(onLeft, (e: unknown) => setError(lobbyError(e)))}
      >
        {t('online.leave')}
      </button>
    </section>
  );
}
