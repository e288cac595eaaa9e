import { CONTENT } from '../../content';
import { agendaMet, incomeOf, scoreFor, SIDE_TRACKS, TRACKS, warnings, type DeRiskState, type Side } from '../../game';
import { contentField, sideName, TRACK_ICONS, trackLabel, trackValueText } from '../bridge';
import { Icon } from '../common/Icon';
import { Meter } from '../common/Meter';
import { t } from '../i18n';

/** One capital: support, economy, leverage, dependence, hand size and (for its own seat) the agenda. */
export function SidePanel({ G, side, seat, computer = false }: { G: DeRiskState; side: Side; seat: Side | null; computer?: boolean }) {
  const tracks = SIDE_TRACKS[side];
  const warned = warnings(G);
  const meter = (track: (typeof tracks)[keyof typeof tracks]) => (
    <Meter
      key={track}
      label={trackLabel(track)}
      value={G.tracks[track]}
      max={TRACKS[track].max}
      icon={TRACK_ICONS[track]}
      valueText={trackValueText(track, G.tracks[track])}
      warning={warned.includes(track)}
      tone={side}
    />
  );
  const hand = G.view ? G.view.handCounts[side] : G.sides[side].hand.length;
  const agenda = G.sides[side].agenda;
  const income = incomeOf(G, side);
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
          <Icon name="card" /> {t('side.hand', { count: hand })}
        </span>
        <span>
          <Icon name="leverage" /> {t('side.income', { count: income.total })}
        </span>
        {G.sides[side].passed && <span className="badge">{t('side.passed')}</span>}
      </p>
      {agenda && (
        <div className="agenda">
          <h3>
            <Icon name="agenda" /> {seat === side ? t('agenda.yours') : t('agenda.revealed')}: {contentField('agenda', agenda, 'title')}
          </h3>
          <p>{contentField('agenda', agenda, 'text')}</p>
          <p className={agendaMet(G, side) ? 'status good' : 'status'}>
            {agendaMet(G, side) ? t('agenda.onTrack', { points: CONTENT.agendas.get(agenda)?.points ?? 0 }) : t('agenda.notYet')}
          </p>
        </div>
      )}
      <p className="score-now">
        {t('side.scoreNow', { score: scoreFor(G, side).total })}
        {!agenda && ` ${t('side.agendaHidden')}`}
      </p>
    </section>
  );
}
