import { useId } from 'react';
import { forecastCheck, type DeRiskState, type ForecastCheck } from '../../game';
import { contentField } from '../bridge';
import { Icon } from '../common/Icon';
import { t, type MessageKey } from '../i18n';

/**
 * The verdict's message key: did this game bear out "de-risking continues whatever deal is
 * struck"? Held is measured by what the players did (`forecastCheck`): a fall that only a
 * scheduled event (the pandemic) made, or one while barriers came down, does not count.
 */
export function verdictKey(f: ForecastCheck): MessageKey {
  if (f.forecastHeld) {
    if (f.dealSurvived) return 'debrief.verdict.heldDeal';
    return f.dealsSigned > 0 ? 'debrief.verdict.heldBroken' : 'debrief.verdict.heldNoDeal';
  }
  if (!f.barriersKept && f.interdependenceUnscheduled < 0) return 'debrief.verdict.barriersDown';
  if (f.deRiskingContinued) return 'debrief.verdict.scheduledOnly';
  return f.interdependenceEnd > f.interdependenceStart ? 'debrief.verdict.rose' : 'debrief.verdict.same';
}

/** The scheduled events that changed interdependence, by name ("A pandemic shuts down trade"). */
function scheduledNames(f: ForecastCheck): string {
  return f.scheduledEvents.map((id) => t('debrief.forecast.eventName', { title: contentField('event', id, 'title') })).join(', ');
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** What "held" means in this game's scenario, and why, in one sentence. */
export function meaningText(f: ForecastCheck): string {
  return f.basis === 'withoutScheduled'
    ? t('debrief.forecast.meaning.withoutScheduled', { events: scheduledNames(f), drop: -f.scheduledInterdependence })
    : t('debrief.forecast.meaning.interdependence');
}

function Check({ yes, text }: { yes: boolean; text: string }) {
  return (
    <li className={yes ? 'debrief-check debrief-check-yes' : 'debrief-check debrief-check-no'}>
      <Icon name={yes ? 'check' : 'close'} /> {text}
    </li>
  );
}

/** How this game compares with the essay's forecast that de-risking continues whatever deal is struck. */
export function Forecast({ G }: { G: DeRiskState }) {
  const id = useId();
  const f = forecastCheck(G);
  const trend =
    f.interdependenceEnd < f.interdependenceStart
      ? t('debrief.forecast.fell')
      : f.interdependenceEnd > f.interdependenceStart
        ? t('debrief.forecast.rose')
        : t('debrief.forecast.same');
  return (
    <section className="debrief-card debrief-forecast" aria-labelledby={id}>
      <h2 id={id}>
        <Icon name="interdependence" /> {t('debrief.forecast.title')}
      </h2>
      <p>{t('debrief.forecast.intro')}</p>
      <p className="debrief-interdependence">
        <strong>{t('debrief.forecast.interdependence', { start: f.interdependenceStart, end: f.interdependenceEnd })}</strong> {trend}
      </p>
      {f.basis === 'withoutScheduled' && (
        <p>{t('debrief.forecast.withoutScheduled', { events: scheduledNames(f), drop: signed(f.scheduledInterdependence), change: signed(f.interdependenceUnscheduled) })}</p>
      )}
      <ul className="debrief-checks">
        <Check
          yes={f.dealsSigned > 0}
          text={f.dealsSigned === 0 ? t('debrief.forecast.signedNone') : t('debrief.forecast.signed', { count: f.dealsSigned })}
        />
        <Check
          yes={f.dealsCollapsed > 0}
          text={f.dealsCollapsed === 0 ? t('debrief.forecast.collapsedNone') : t('debrief.forecast.collapsed', { count: f.dealsCollapsed })}
        />
        <Check yes={f.dealSurvived} text={t(f.dealSurvived ? 'debrief.forecast.survived' : 'debrief.forecast.notSurvived')} />
        <Check yes={f.exportControlsRose} text={t(f.exportControlsRose ? 'debrief.forecast.controlsRose' : 'debrief.forecast.controlsFlat')} />
        <Check yes={f.mineralBansRose} text={t(f.mineralBansRose ? 'debrief.forecast.bansRose' : 'debrief.forecast.bansFlat')} />
        <Check yes={f.barriersKept} text={t('debrief.forecast.barriers', { start: f.barriersStart, end: f.barriersEnd })} />
      </ul>
      <h3>{t('debrief.forecast.verdictTitle')}</h3>
      <p className="debrief-meaning">{meaningText(f)}</p>
      <p className="debrief-verdict">{t(verdictKey(f), { events: scheduledNames(f) })}</p>
    </section>
  );
}
