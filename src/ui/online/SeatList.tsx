import { sideName } from '../bridge';
import { t } from '../i18n';
import { seatHolder, type SeatInfo } from './computerSeat';

/** Both seats: the side, who holds it (a person, the computer, or nobody yet) and, if asked, whether they are connected. */
export function SeatList({ players, connection = false }: { players: readonly SeatInfo[]; connection?: boolean }) {
  return (
    <ul className="players">
      {players.map((p) => (
        <li key={p.id}>
          <strong>{sideName(p.id === 0 ? 'us' : 'cn')}:</strong> {seatHolder(p)}{' '}
          {connection && p.name && <span className={p.isConnected ? 'chip good' : 'chip bad'}>{p.isConnected ? t('online.connected') : t('online.away')}</span>}
        </li>
      ))}
    </ul>
  );
}
