import { useId } from 'react';
import { forecastCheck, type DeRiskState, type ForecastCheck } from '../../game';
import { Icon } from '../common/Icon';
import { t, type MessageKey } from '../i18n';

/** The verdict's message key: did this game bear out "de-risking continues whatever deal is struck"? */
export function verdictKey(f: ForecastCheck): MessageKey {
  if (f.forecastHeld) {
    if (f.dealSurvived) return 'debrief.verdict.heldDeal';
    return f.dealsSigned > 0 ? 'debrief.verdict.heldBroken' : 'debrief.verdict.heldNoDeal';
  }
  return f.interdependenceEnd > f.interdependenceStart ? 'debrief.verdict.rose' : 'debrief.verdict.same';
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
      </ul>
      <h3>{t('debrief.forecast.verdictTitle')}</h3>
      <p className="debrief-verdict">{t(verdictKey(f))}</p>
    </section>
  );
}
