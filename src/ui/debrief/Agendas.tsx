import { useId } from 'react';
import { agendaMet, type DeRiskState, type ScoreBreakdown, type Side } from '../../game';
import { contentField, sideName } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';

const SIDES: readonly Side[] = ['us', 'cn'];

/** Both secret agendas, revealed, and whether each was met (R10). */
export function Agendas({
  G,
  agendas,
  scores,
  sudden,
}: {
  G: DeRiskState;
  agendas: Record<Side, string | null>;
  scores: Record<Side, ScoreBreakdown>;
  sudden: boolean;
}) {
  const id = useId();
  return (
    <section className="debrief-card debrief-agendas" aria-labelledby={id}>
      <h2 id={id}>
        <Icon name="agenda" /> {t('debrief.agendas.title')}
      </h2>
      {sudden && <p className="debrief-note">{t('debrief.agendas.sudden')}</p>}
      <ul className="debrief-agenda-list">
        {SIDES.map((side) => {
          const agenda = agendas[side];
          const met = agenda !== null && agendaMet(G, side);
          const status = !met
            ? t('debrief.agendas.notMet')
            : sudden
              ? t('debrief.agendas.metSudden')
              : t('debrief.agendas.met', { count: scores[side].agenda });
          return (
            <li key={side} className={`debrief-agenda debrief-agenda-${side}`}>
              <p className="debrief-agenda-side">
                <Icon name={side === 'us' ? 'washington' : 'beijing'} /> {t('debrief.agendas.side', { side: sideName(side) })}
              </p>
              <h3>{agenda ? contentField('agenda', agenda, 'title') : t('debrief.agendas.none')}</h3>
              {agenda && <p>{contentField('agenda', agenda, 'text')}</p>}
              <p className={`debrief-status ${met ? 'debrief-status-met' : 'debrief-status-missed'}`}>
                <Icon name={met ? 'check' : 'close'} /> {status}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
