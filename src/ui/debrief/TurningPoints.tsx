import { useId } from 'react';
import { turningPoints, type DeRiskState, type TurningPoint } from '../../game';
import { dateLabel, isGoodFor, noteText, sideName } from '../bridge';
import { entryTitle, realityOf } from '../chronicleText';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { changeLabel } from './labels';

export const TURNING_POINTS = 5;

function TurningPointView({ point, scenario }: { point: TurningPoint; scenario: DeRiskState['scenario'] }) {
  const { round, side, entry, changes } = point;
  const reality = realityOf(entry);
  const notes = entry.notes.map(noteText).filter((n): n is string => n !== null);
  return (
    <li className={`debrief-tp debrief-tp-${side ?? 'world'}`}>
      <p className="debrief-tp-meta">
        <span>{t('debrief.tp.when', { round, date: dateLabel(scenario, round) })}</span>
        <span className="debrief-tp-who">
          <Icon name={side === 'us' ? 'washington' : side === 'cn' ? 'beijing' : 'event'} />{' '}
          {t('debrief.tp.who', { who: side ? sideName(side) : t('debrief.world') })}
        </span>
      </p>
      <p className="debrief-tp-title">{entryTitle(entry)}</p>
      <ul className="debrief-chips" aria-label={t('debrief.tp.changes')}>
        {changes.map((c) => (
          <li key={c.track} className={`debrief-chip ${isGoodFor(c, side) ? 'debrief-chip-good' : 'debrief-chip-bad'}`}>
            <Icon name={c.to > c.from ? 'arrow-up' : 'arrow-down'} /> {changeLabel(c)}
          </li>
        ))}
      </ul>
      {notes.length > 0 && <p className="debrief-tp-notes">{notes.join(' ')}</p>}
      {reality && (
        <details>
          <summary>{t('common.inReality')}</summary>
          <p>{reality}</p>
        </details>
      )}
    </li>
  );
}

/** The biggest swings of the game, biggest first, and who caused them. */
export function TurningPoints({ G }: { G: DeRiskState }) {
  const id = useId();
  const points = turningPoints(G, TURNING_POINTS);
  return (
    <section className="debrief-card debrief-turning" aria-labelledby={id}>
      <h2 id={id}>
        <Icon name="chronicle" /> {t('debrief.tp.title')}
      </h2>
      {points.length === 0 ? (
        <p>{t('debrief.tp.none')}</p>
      ) : (
        <>
          <p>{t('debrief.tp.intro')}</p>
          <ol className="debrief-tp-list">
            {points.map((point, i) => (
              <TurningPointView key={i} point={point} scenario={G.scenario} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
