import { CONTENT } from '../../content';
import { DEAL_HEALTH, TRACKS, erosion, type DeRiskState, type TrackId } from '../../game';
import { contentField, sideName, TRACK_ICONS, trackLabel, trackValueText } from '../bridge';
import { Icon } from '../common/Icon';
import { Meter, useChange } from '../common/Meter';
import { t } from '../i18n';
import { RelationshipBridge } from './RelationshipBridge';
import { TrackHelp } from './TrackHelp';

function SharedMeter({ G, track, warned, tone }: { G: DeRiskState; track: TrackId; warned: readonly TrackId[]; tone?: 'us' | 'cn' }) {
  return (
    <Meter
      label={trackLabel(track)}
      value={G.tracks[track]}
      max={TRACKS[track].max}
      icon={TRACK_ICONS[track]}
      valueText={trackValueText(track, G.tracks[track])}
      warning={warned.includes(track)}
      tone={tone ?? 'shared'}
      help={<TrackHelp track={track} />}
    />
  );
}

/**
 * The shared relationship, the centrepiece of the table: a bridge between the two capitals,
 * one plank a point, with its band name beneath. The element around the drawing is the meter
 * (its name, value and band for assistive technology); the help button sits beside it.
 */
export function RelationshipPanel({ G, warnings }: { G: DeRiskState; warnings: readonly TrackId[] }) {
  const value = G.tracks.relationship;
  const { max } = TRACKS.relationship;
  const change = useChange(value);
  const warned = warnings.includes('relationship');
  const text = trackValueText('relationship', value);
  return (
    <section className="relationship-panel" aria-labelledby="relationship-title" data-guide="relationship">
      <div className="bridge-head">
        <h2 id="relationship-title">
          <Icon name="relationship" /> {trackLabel('relationship')}
        </h2>
        <TrackHelp track="relationship" />
      </div>
      <div
        className={`bridge${warned ? ' meter-danger' : ''}${change ? ` meter-changed-${change}` : ''}`}
        role="meter"
        aria-label={trackLabel('relationship')}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={text}
      >
        <RelationshipBridge value={value} max={max} />
        <p className="band" aria-hidden="true">
          {warned && <Icon name="warning" className="meter-warning" />}
          <span className="band-text">{text}</span>
          {change && <Icon name={change === 'up' ? 'arrow-up' : 'arrow-down'} className="meter-arrow" />}
        </p>
      </div>
    </section>
  );
}

/**
 * The trade war as a strip under the bridge: Washington's tools on its side (left), Beijing's
 * on its side (right), interdependence across both, then factory offers and effects in play.
 */
export function TradeWarPanel({ G, warnings }: { G: DeRiskState; warnings: readonly TrackId[] }) {
  const { pending, approved, blocked } = G.offers;
  return (
    <section className="trade-war" aria-labelledby="trade-war-title">
      <h2 id="trade-war-title" className="strip-title">
        {t('panel.tradeWar')}
      </h2>
      <div className="strip">
        <div className="strip-side strip-us">
          <SharedMeter G={G} track="usTariff" tone="us" warned={warnings} />
          <SharedMeter G={G} track="exportControls" tone="us" warned={warnings} />
        </div>
        <div className="strip-side strip-cn">
          <SharedMeter G={G} track="cnTariff" tone="cn" warned={warnings} />
          <SharedMeter G={G} track="mineralBans" tone="cn" warned={warnings} />
        </div>
        <div className="strip-across">
          <SharedMeter G={G} track="interdependence" warned={warnings} />
        </div>
      </div>
      <p className="offers">
        <Icon name="investment" /> {t('panel.offers', { pending, approved, blocked })}
        {G.offers.preempt && <span className="badge">{t('panel.screening')}</span>}
      </p>
      {G.flags.length > 0 && (
        <ul className="flags" aria-label={t('panel.flags')}>
          {G.flags.map((f) => (
            <li key={f.flag}>
              <Icon name="warning" /> {t(`flag.${f.flag}`)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The deal in force, compact: its health, its promises, and whether this round is wearing it down (R7.4). */
export function DealPanel({ G }: { G: DeRiskState }) {
  const deal = G.deal;
  const wearing = erosion(G);
  return (
    <section className={deal ? 'deal-panel' : 'deal-panel deal-none'} aria-labelledby="deal-title">
      <h2 id="deal-title">
        <Icon name="deal" /> {t('panel.deal')}
      </h2>
      {!deal && <p className="muted">{t('deal.none')}</p>}
      {deal && (
        <>
          <Meter
            label={t('deal.health')}
            value={deal.health}
            max={DEAL_HEALTH}
            icon="health"
            valueText={t('meter.value', { value: deal.health, max: DEAL_HEALTH })}
          />
          <ul className="terms">
            {deal.terms.map((id) => (
              <li key={id} className={`term term-${CONTENT.dealTerms.get(id)?.side ?? 'us'}`}>
                {contentField('term', id, 'title')}
              </li>
            ))}
          </ul>
          <p className="deal-note muted">
            {deal.commitments.length > 0 && t('deal.commitments', { goods: deal.commitments.map((g) => t(`good.${g}`)).join(', ') })}{' '}
            {deal.ceilings.map((c) => t('deal.ceiling', { side: sideName(c.side), track: trackLabel(c.track), limit: c.limit })).join(' ')}
          </p>
          {wearing ? (
            <p className="deal-wearing" role="status">
              <Icon name="warning" /> {t('deal.wearing', { from: wearing.from, to: wearing.to })}
            </p>
          ) : (
            <p className="deal-note muted">{t('deal.wearRule')}</p>
          )}
        </>
      )}
    </section>
  );
}
