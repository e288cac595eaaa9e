import { useId } from 'react';
import { type ChronicleEntry, type DeRiskState, type Reason, type Side } from '../../game';
import { entryTitle } from '../chronicleText';
import { contentField, dateLabel, sideName } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { reasonText } from '../reasonText';

type Explained = ChronicleEntry & { reason: Reason };

/** What the side that gave the reason did; a signed deal is told from the side that accepted it. */
function whatWasDone(entry: Explained): string {
  const title = entry.kind === 'dealSigned' ? t('debrief.reasons.accepted', { side: sideName(entry.reason.side) }) : entryTitle(entry);
  if (entry.kind !== 'dealProposed' && entry.kind !== 'dealSigned' && entry.kind !== 'dealRejected') return title;
  const terms = entry.terms.map((id) => contentField('term', id, 'title')).join('; ');
  return t('debrief.reasons.withTerms', { title, terms });
}

/** "Beijing", or "Beijing (computer)" when the computer played that side. */
export function playerName(side: Side, computer: Partial<Record<Side, unknown>> | undefined): string {
  return computer?.[side] ? t('computer.name', { side: sideName(side) }) : sideName(side);
}

/**
 * Every move that came with its side's one-line reason (R12), in the order played and grouped
 * by round: why each side chose its moves (a person's words as typed, the computer's worded
 * in the reader's language). Hidden when nobody gave a reason (people at one
 * device rarely do).
 */
export function Reasons({ G, computer }: { G: DeRiskState; computer?: Partial<Record<Side, unknown>> }) {
  const id = useId();
  const explained = G.chronicle.filter((entry): entry is Explained => entry.reason !== undefined);
  if (explained.length === 0) return null;
  const rounds = [...new Set(explained.map((e) => e.round))];
  return (
    <section className="debrief-card debrief-reasons" aria-labelledby={id}>
      <h2 id={id}>
        <Icon name="eye" /> {t('debrief.reasons.title')}
      </h2>
      <p>{t('debrief.reasons.intro')}</p>
      {rounds.map((round) => (
        <section key={round} aria-label={t('debrief.reasons.round', { round, date: dateLabel(G.scenario, round) })}>
          <h3>{t('debrief.reasons.round', { round, date: dateLabel(G.scenario, round) })}</h3>
          <ol className="debrief-reason-list">
            {explained
              .filter((entry) => entry.round === round)
              .map((entry, i) => (
                <li key={i} className={`debrief-reason debrief-reason-${entry.reason.side}`}>
                  <p className="debrief-reason-who">
                    <Icon name={entry.reason.side === 'us' ? 'washington' : 'beijing'} /> {playerName(entry.reason.side, computer)}
                  </p>
                  <p className="debrief-reason-what">{whatWasDone(entry)}</p>
                  <p className="debrief-reason-why">
                    <strong>{t('debrief.reasons.why')}</strong> {reasonText(entry.reason)}
                  </p>
                </li>
              ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
