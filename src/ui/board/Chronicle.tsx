import type { ChronicleEntry, DeRiskState } from '../../game';
import { roundDate } from '../../game';
import { changeText, contentField, isGoodFor, noteText, sideName } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';

/** The headline of one chronicle entry, in words. */
export function entryTitle(entry: ChronicleEntry): string {
  switch (entry.kind) {
    case 'action':
      return t('log.action', { side: sideName(entry.side), title: contentField('action', entry.action, 'title'), cost: entry.cost });
    case 'card':
      return t('log.card', { side: sideName(entry.side), title: contentField('card', entry.card, 'title'), cost: entry.cost });
    case 'recycle':
      return t('log.recycle', { side: sideName(entry.side) });
    case 'pass':
      return t('log.pass', { side: sideName(entry.side) });
    case 'event':
      return t(entry.scheduled ? 'log.scheduled' : 'log.event', { title: contentField('event', entry.event, 'title') });
    case 'income':
      return t('log.income', { side: sideName(entry.side), amount: entry.amount });
    case 'delayed':
      return t('log.delayed');
    case 'dealProposed':
      return t('log.proposed', { side: sideName(entry.side), count: entry.terms.length });
    case 'dealSigned':
      return t('log.signed');
    case 'dealRejected':
      return t('log.rejected', { side: sideName(entry.side) });
    case 'dealUpkeep':
      return t('log.upkeep', { health: entry.health });
    case 'dealCollapsed':
      return t('log.collapsed', { side: sideName(entry.breachedBy) });
    case 'drift':
      return t('log.drift');
    case 'escalation':
      return t('log.escalation');
  }
}

function reality(entry: ChronicleEntry): string | null {
  if (entry.kind === 'card') return contentField('card', entry.card, 'reality');
  if (entry.kind === 'event') return contentField('event', entry.event, 'reality');
  if (entry.kind === 'action') return contentField('action', entry.action, 'reality');
  return null;
}

function actorOf(entry: ChronicleEntry) {
  return 'side' in entry && entry.side ? entry.side : null;
}

export function ChronicleEntryView({ entry }: { entry: ChronicleEntry }) {
  const side = actorOf(entry);
  const note = reality(entry);
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
        <section key={round} aria-label={t('log.round', { round, date: roundDate(G.scenario, round).label })}>
          <h3>{t('log.round', { round, date: roundDate(G.scenario, round).label })}</h3>
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
