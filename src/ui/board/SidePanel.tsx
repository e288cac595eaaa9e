import { CONTENT } from '../../content';
import { SIDE_TRACKS, TRACKS, type BoardModel, type DeRiskState, type Side } from '../../game';
import { contentField, sideName, TRACK_ICONS, trackLabel, trackValueText } from '../bridge';
import { Icon } from '../common/Icon';
import { Meter } from '../common/Meter';
import { t } from '../i18n';

/** One capital: support, economy, leverage, dependence, hand size and (for its own seat) the agenda. */
export function SidePanel({ G, model, side, seat, computer = false }: { G: DeRiskState; model: BoardModel; side: Side; seat: Side | null; computer?: boolean }) {
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
    />
  );
  const { handCount, income, agenda, score, passed } = model.capitals[side];
  return (
    <section className={`side-panel side-${side}`} aria-labelledby={`side-${side}-title`}>
      <h2 id={`side-${side}-title`}>
        <Icon name={side === 'us' ? 'washington' : 'beijing'} className="side-emblem" />
        {sideName(side)}
        {seat === side && <span className="you">{t('side.you')}</span>}
        {computer && <span className="you">{t('side.computer')}</span>}
      </h2>
      {meter(tracks.support)}
      {meter(tracks.economy)}
      {meter(tracks.leverage)}
      {meter(tracks.dependence)}
      <p className="side-facts">
        <span>
          <Icon name="card" /> {t('side.hand', { count: handCount })}
        </span>
        <span>
          <Icon name="leverage" /> {t('side.income', { count: income.total })}
        </span>
        {passed && <span className="badge">{t('side.passed')}</span>}
      </p>
      {agenda && (
        <div className="agenda">
          <h3>
            <Icon name="agenda" /> {seat === side ? t('agenda.yours') : t('agenda.revealed')}: {contentField('agenda', agenda.id, 'title')}
          </h3>
          <p>{contentField('agenda', agenda.id, 'text')}</p>
          <p className={agenda.met ? 'status good' : 'status'}>
            {agenda.met ? t('agenda.onTrack', { points: CONTENT.agendas.get(agenda.id)?.points ?? 0 }) : t('agenda.notYet')}
          </p>
        </div>
      )}
      <p className="score-now">
        {t('side.scoreNow', { score: score.total })}
        {!agenda && ` ${t('side.agendaHidden')}`}
      </p>
    </section>
  );
}
