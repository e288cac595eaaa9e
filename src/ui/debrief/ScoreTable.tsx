import { useId } from 'react';
import type { ScoreBreakdown, Side } from '../../game';
import { sideName } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';

const SIDES: readonly Side[] = ['us', 'cn'];
const PARTS = [
  ['support', 'debrief.score.support'],
  ['economy', 'debrief.score.economy'],
  ['resilience', 'debrief.score.resilience'],
  ['agenda', 'debrief.score.agenda'],
  ['deal', 'debrief.score.deal'],
] as const satisfies readonly (readonly [keyof ScoreBreakdown, string])[];

/** Both sides' points, part by part (R11.3); after a sudden end, the points at that moment. */
export function ScoreTable({ scores, sudden }: { scores: Record<Side, ScoreBreakdown>; sudden: boolean }) {
  const id = useId();
  const caption = t(sudden ? 'debrief.score.captionSudden' : 'debrief.score.caption');
  return (
    <section className="debrief-card debrief-score" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <Icon name="trophy" /> {t('debrief.score.title')}
      </h2>
      {sudden && <p className="debrief-note">{t('debrief.score.sudden')}</p>}
      <div className="debrief-table-wrap" role="region" tabIndex={0} aria-labelledby={`${id}-caption`}>
        <table className="debrief-table debrief-score-table">
          <caption id={`${id}-caption`}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('debrief.score.part')}</th>
              {SIDES.map((side) => (
                <th key={side} scope="col" className={`debrief-col-${side}`}>
                  {sideName(side)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PARTS.map(([part, key]) => (
              <tr key={part}>
                <th scope="row">{t(key)}</th>
                {SIDES.map((side) => (
                  <td key={side}>{scores[side][part]}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="debrief-total">
              <th scope="row">{t('debrief.score.total')}</th>
              {SIDES.map((side) => (
                <td key={side} data-side={side}>
                  {scores[side].total}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
