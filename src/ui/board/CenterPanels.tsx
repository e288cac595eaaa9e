import { CONTENT } from '../../content';
import { DEAL_HEALTH, TRACKS, erosion, type DeRiskState, type TrackId } from '../../game';
import { contentField, sideName, TRACK_ICONS, trackLabel, trackValueText } from '../bridge';
import { Icon } from '../common/Icon';
import { Meter } from '../common/Meter';
import { t } from '../i18n';

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
      compact
    />
  );
}

/** The shared relationship, large, with its band name. */
export function RelationshipPanel({ G, warnings }: { G: DeRiskState; warnings: readonly TrackId[] }) {
  return (
    <section className="relationship-panel" aria-labelledby="relationship-title">
      <h2 id="relationship-title" className="visually-hidden">
        {trackLabel('relationship')}
      </h2>
      <Meter
        label={trackLabel('relationship')}
        value={G.tracks.relationship}
        max={TRACKS.relationship.max}
        icon="relationship"
        valueText={trackValueText('relationship', G.tracks.relationship)}
        warning={warnings.includes('relationship')}
      />
      <p className="band" aria-hidden="true">
        {trackValueText('relationship', G.tracks.relationship)}
      </p>
    </section>
  );
}

/** Tariffs both ways, export controls, mineral bans, interdependence and investment offers. */
export function TradeWarPanel({ G, warnings }: { G: DeRiskState; warnings: readonly TrackId[] }) {
  const { pending, approved, blocked } = G.offers;
  return (
    <section className="trade-war" aria-labelledby="trade-war-title">
      <h2 id="trade-war-title">{t('panel.tradeWar')}</h2>
      <SharedMeter G={G} track="usTariff" tone="us" warned={warnings} />
      <SharedMeter G={G} track="cnTariff" tone="cn" warned={warnings} />
      <SharedMeter G={G} track="exportControls" tone="us" warned={warnings} />
      <SharedMeter G={G} track="mineralBans" tone="cn" warned={warnings} />
      <SharedMeter G={G} track="interdependence" warned={warnings} />
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

/** The deal in force, its promises, its health, and whether this round is wearing it down (R7.4). */
export function DealPanel({ G }: { G: DeRiskState }) {
  const deal = G.deal;
  const wearing = erosion(G);
  return (
    <section className="deal-panel" aria-labelledby="deal-title">
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
            compact
          />
          <ul className="terms">
            {deal.terms.map((id) => (
              <li key={id} className={`term term-${CONTENT.dealTerms.get(id)?.side ?? 'us'}`}>
                {contentField('term', id, 'title')}
              </li>
            ))}
          </ul>
          <p className="muted">
            {deal.commitments.length > 0 && t('deal.commitments', { goods: deal.commitments.map((g) => t(`good.${g}`)).join(', ') })}{' '}
            {deal.ceilings.map((c) => t('deal.ceiling', { side: sideName(c.side), track: trackLabel(c.track), limit: c.limit })).join(' ')}
          </p>
          {wearing ? (
            <p className="deal-wearing" role="status">
              <Icon name="warning" /> {t('deal.wearing', { from: wearing.from, to: wearing.to })}
            </p>
          ) : (
            <p className="muted">{t('deal.wearRule')}</p>
          )}
        </>
      )}
    </section>
  );
}
