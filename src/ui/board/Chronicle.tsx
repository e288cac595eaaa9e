import { creditedTo, type ChronicleEntry, type DeRiskState, type Side } from '../../game';
import { noteText } from '../bridge';
import { ChangeChip, ChangeLegend } from '../common/ChangeChip';
import { entryTitle, realityOf, roundLabel } from '../chronicleText';
import { Icon } from '../common/Icon';
import { t } from '../i18n';

/** An entry's notes in words (die rolls, purchases, why the round end drifted…); some notes have none. */
export function entryNotes(entry: ChronicleEntry): string[] {
  return entry.notes.map(noteText).filter((n): n is string => n !== null);
}

/** An entry's changed tracks as chips, coloured for `viewer`; nothing when no track changed. */
export function EntryChanges({ entry, viewer }: { entry: ChronicleEntry; viewer: Side | null }) {
  if (entry.changes.length === 0) return null;
  return (
    <p className="log-changes">
      {entry.changes.map((c) => (
        <ChangeChip key={c.track} change={c} viewer={viewer} />
      ))}
    </p>
  );
}

/** One entry; its changes coloured for `viewer` (the side on screen, or null for an onlooker). */
export function ChronicleEntryView({ entry, viewer }: { entry: ChronicleEntry; viewer: Side | null }) {
  const side = creditedTo(entry);
  const note = realityOf(entry);
  const notes = entryNotes(entry);
  return (
    <li className={`log-entry log-${entry.kind}${side ? ` log-${side}` : ''}`}>
      <p className="log-title">{entryTitle(entry)}</p>
      <EntryChanges entry={entry} viewer={viewer} />
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

/**
 * The whole story so far, newest round first. On wide screens it scrolls inside its own
 * column, so it takes the focus (tabIndex) for scrolling by keyboard.
 */
export function Chronicle({ G, viewer }: { G: DeRiskState; viewer: Side | null }) {
  const rounds = [...new Set(G.chronicle.map((e) => e.round))].sort((a, b) => b - a);
  return (
    <section className="chronicle" aria-labelledby="chronicle-title" tabIndex={0} data-guide="log">
      <h2 id="chronicle-title">
        <Icon name="chronicle" /> {t('log.title')}
      </h2>
      <ChangeLegend viewer={viewer} />
      {rounds.map((round) => (
        <section key={round} aria-label={roundLabel(G, round)}>
          <h3>{roundLabel(G, round)}</h3>
          <ol reversed>
            {G.chronicle
              .map((entry, index) => ({ entry, index }))
              .filter(({ entry }) => entry.round === round && entry.kind !== 'income')
              .reverse()
              .map(({ entry, index }) => (
                <ChronicleEntryView key={index} entry={entry} viewer={viewer} />
              ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
