import { creditedTo, type ChronicleEntry, type DeRiskState } from '../../game';
import { changeText, isGoodFor, noteText } from '../bridge';
import { entryTitle, realityOf, roundLabel } from '../chronicleText';
import { Icon } from '../common/Icon';
import { t } from '../i18n';

export function ChronicleEntryView({ entry }: { entry: ChronicleEntry }) {
  const side = creditedTo(entry);
  const note = realityOf(entry);
  const notes = entry.notes.map(noteText).filter((n): n is string => n !== null);
  return (
    <li className={`log-entry log-${entry.kind}${side ? ` log-${side}` : ''}`}>
      <p className="log-title">{entryTitle(entry)}</p>
      {entry.changes.length > 0 && (
        <p className="log-changes">
          {entry.changes.map((c) => (
            <span key={c.track} className={isGoodFor(c, side) ? 'chip good' : 'chip bad'}>
              {changeText(c)}
            </span>
          ))}
        </p>
      )}
      {notes.length > 0 && <p className="log-notes">{notes.join(' ')}</p>}
      {note && (
        <details>
          <summary>{t('common.inReality')}</summary>
          <p>{note}</p>
        </details>
      )}
    </li>
  );
}

/** The whole story so far, newest round first. */
export function Chronicle({ G }: { G: DeRiskState }) {
  const rounds = [...new Set(G.chronicle.map((e) => e.round))].sort((a, b) => b - a);
  return (
    <section className="chronicle" aria-labelledby="chronicle-title">
      <h2 id="chronicle-title">
        <Icon name="chronicle" /> {t('log.title')}
      </h2>
      {rounds.map((round) => (
        <section key={round} aria-label={roundLabel(G, round)}>
          <h3>{roundLabel(G, round)}</h3>
          <ol reversed>
            {G.chronicle
              .map((entry, index) => ({ entry, index }))
              .filter(({ entry }) => entry.round === round && entry.kind !== 'income')
              .reverse()
              .map(({ entry, index }) => (
                <ChronicleEntryView key={index} entry={entry} />
              ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
