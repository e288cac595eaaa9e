import { CONTENT } from '../../content';
import { SIDE_TRACKS, TRACKS, type BoardModel, type DeRiskState, type Side } from '../../game';
import { contentField, sideName, TRACK_ICONS, trackLabel, trackValueText } from '../bridge';
import { Icon } from '../common/Icon';
import { Meter } from '../common/Meter';
import { t } from '../i18n';
import { TrackHelp } from './TrackHelp';

/** Who holds a seat, for the capital's panel: a display name, and whether they are connected (null: not known, no mark). */
export interface SeatPlayer {
  name: string;
  connected: boolean | null;
}

/** A player's name and connection, in words beside a dot (filled or hollow), never by colour alone. */
function PlayerLine({ player }: { player: SeatPlayer }) {
  const { name, connected } = player;
  return (
    <p className="player-line">
      <span className="player-name">{name}</span>
      {connected !== null && (
        <span className={connected ? 'presence presence-on' : 'presence presence-off'}>
          <span className="presence-dot" aria-hidden="true" />
          {t(connected ? 'table.connected' : 'table.disconnected')}
        </span>
      )}
    </p>
  );
}

/**
 * The seat's own secret agenda (or both, after the game): its title and whether it is met in
 * one line, its long text folded away until asked for.
 */
function AgendaLine({ id, met, own }: { id: string; met: boolean; own: boolean }) {
  return (
    <details className="agenda">
      <summary>
        <span className="agenda-title">
          <Icon name="agenda" /> {own ? t('agenda.yours') : t('agenda.revealed')}: {contentField('agenda', id, 'title')}
        </span>{' '}
        <span className={met ? 'status good' : 'status'}>
          {met && <Icon name="check" />}
          {met ? t('agenda.onTrack', { points: CONTENT.agendas.get(id)?.points ?? 0 }) : t('agenda.notYet')}
        </span>
      </summary>
      <p>{contentField('agenda', id, 'text')}</p>
    </details>
  );
}

/** One capital's place at the table: who plays it, support, economy, leverage, dependence, hand size, score and (for its own seat) the agenda. */
export function SidePanel({ G, model, side, seat, computer = false, player }: {
  G: DeRiskState;
  model: BoardModel;
  side: Side;
  seat: Side | null;
  computer?: boolean;
  player?: SeatPlayer;
}) {
  const tracks = SIDE_TRACKS[side];
  const meter = (track: (typeof tracks)[keyof typeof tracks]) => (
    <Meter
      key={track}
      label={trackLabel(track)}
      value={G.tracks[track]}
      max={TRACKS[track].max}
      icon={TRACK_ICONS[track]}
      valueText={trackValueText(track, G.tracks[track])}
      warning={model.warnings.includes(track)}
      tone={side}
      help={<TrackHelp track={track} />}
      guide={seat === side && track === tracks.leverage ? 'leverage' : undefined}
    />
  );
  const { handCount, income, agenda, score, passed } = model.capitals[side];
  return (
    <section className={`side-panel side-${side}`} aria-labelledby={`side-${side}-title`} data-guide={seat === side ? 'capital' : undefined}>
      <div className="side-head">
        <h2 id={`side-${side}-title`}>
          <Icon name={side === 'us' ? 'washington' : 'beijing'} className="side-emblem" />
          {sideName(side)}
          {seat === side && <span className="you">{t('side.you')}</span>}
          {computer && <span className="you">{t('side.computer')}</span>}
        </h2>
        {player && <PlayerLine player={player} />}
      </div>
      <div className="side-meters">
        {meter(tracks.support)}
        {meter(tracks.economy)}
        {meter(tracks.leverage)}
        {meter(tracks.dependence)}
      </div>
      <p className="side-facts">
        <span>
          <Icon name="card" /> {t('side.hand', { count: handCount })}
        </span>
        <span>
          <Icon name="leverage" /> {t('side.income', { count: income.total })}
        </span>
        {passed && <span className="badge">{t('side.passed')}</span>}
      </p>
      {agenda && <AgendaLine id={agenda.id} met={agenda.met} own={seat === side} />}
      <p className="score-now">
        <Icon name="trophy" /> {t('side.scoreNow', { score: score.total })}
        {!agenda && ` ${t('side.agendaHidden')}`}
      </p>
    </section>
  );
}
