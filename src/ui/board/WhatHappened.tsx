import { useEffect, useRef } from 'react';
import type { ChronicleEntry, DeRiskState, Side } from '../../game';
import { dateLabel, sideName } from '../bridge';
import { entryTitle } from '../chronicleText';
import { EntryChanges, entryNotes } from './Chronicle';
import { Icon } from '../common/Icon';
import { fromAfterPlay, happenedSince, initialFrom, type HappenedGroup, type Viewer } from '../happened';
import { t } from '../i18n';
import { useMatchUi } from '../store/context';

/** At most this many entries are listed; older news stays in the chronicle. */
const MOST = 12;

export interface Happened {
  groups: HappenedGroup[];
  /** The viewer has taken it in: the panel closes until there is news again. */
  dismiss: () => void;
  /** The viewer is making a play now, with the chronicle `before` entries long. */
  played: (before: number) => void;
}

/**
 * What is news to `viewer` (null: nobody is looking, behind the hot-seat curtain). The first
 * time a viewer sees the board their starting point is fixed (`initialFrom`), so that news is
 * not re-counted as the chronicle grows.
 */
export function useHappened(chronicle: readonly ChronicleEntry[], viewer: Viewer | null): Happened {
  const stored = useMatchUi((s) => (viewer === null ? undefined : s.seen[viewer]));
  const setSeen = useMatchUi((s) => s.setSeen);
  const from = viewer === null ? null : (stored ?? initialFrom(chronicle, viewer));
  useEffect(() => {
    if (viewer !== null && stored === undefined && from !== null) setSeen(viewer, from);
  }, [viewer, stored, from, setSeen]);
  return {
    groups: from === null ? [] : happenedSince(chronicle, from),
    dismiss: () => {
      if (viewer !== null) setSeen(viewer, chronicle.length);
    },
    played: (before) => {
      if (viewer !== null) setSeen(viewer, fromAfterPlay(chronicle, from ?? before, before, viewer));
    },
  };
}

function groupTitle(G: DeRiskState, group: HappenedGroup): string {
  if (group.phase === 'roundEnd') return t('happened.roundEnd', { round: group.round });
  if (group.phase === 'roundStart') return t('happened.roundStart', { round: group.round, date: dateLabel(G.scenario, group.round) });
  return t('happened.moves', { round: group.round });
}

function EntryLine({ entry, viewer }: { entry: ChronicleEntry; viewer: Side | null }) {
  // Each note on a line of its own: the round end's reasons read as a list.
  const notes = entryNotes(entry);
  return (
    <li className="happened-entry">
      <p className="happened-title">{entryTitle(entry)}</p>
      <EntryChanges entry={entry} viewer={viewer} />
      {notes.length > 0 && (
        <ul className="happened-notes">
          {notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The last `MOST` entries of the groups, keeping their headings. */
function latest(groups: readonly HappenedGroup[]): { shown: HappenedGroup[]; hidden: number } {
  const total = groups.reduce((n, g) => n + g.entries.length, 0);
  let skip = Math.max(0, total - MOST);
  const shown: HappenedGroup[] = [];
  for (const group of groups) {
    if (skip >= group.entries.length) {
      skip -= group.entries.length;
      continue;
    }
    shown.push({ ...group, entries: group.entries.slice(skip) });
    skip = 0;
  }
  return { shown, hidden: Math.max(0, total - MOST) };
}

/**
 * "What just happened": each new chronicle entry since the viewer last looked, with every
 * changed track from → to named by its side, and why the round end moved what it moved. On the
 * board it sits above the chronicle and closes with "Got it"; in hot seat, after the last play
 * of a turn (`handover`), it is a dialog the player reads before the curtain drops.
 */
export function WhatHappened({ G, viewer, happened, handover }: {
  G: DeRiskState;
  viewer: Viewer;
  happened: Happened;
  /** Hot seat: the side the device goes to next; the button hands it over. */
  handover?: { to: Side; onDone: () => void };
}) {
  const done = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (handover) done.current?.focus();
  }, [handover]);
  const { shown, hidden } = latest(happened.groups);
  const colourFor = viewer === 'watch' ? null : viewer;
  const count = shown.reduce((n, g) => n + g.entries.length, 0);
  // Always in the page, so that news is announced when it arrives (a live region added
  // together with its text is often not read out). A log, not a status: it reports a new line
  // of the game's story, and leaves the page's status messages to the page.
  const announce = (
    <p className="visually-hidden" role="log" aria-live="polite">
      {count > 0 && !handover ? t('happened.announce', { count }) : ''}
    </p>
  );
  if (count === 0 && !handover) return announce;
  const body = (
    <>
      <div className="happened-head">
        <h2 id="happened-title">
          <Icon name="chronicle" /> {t('happened.title')}
        </h2>
        {!handover && (
          <button type="button" className="secondary small" onClick={happened.dismiss}>
            {t('happened.dismiss')}
          </button>
        )}
      </div>
      {hidden > 0 && <p className="muted">{t('happened.earlier', { count: hidden })}</p>}
      {shown.map((group) => (
        <section key={`${group.round}-${group.phase}-${group.entries[0]?.index ?? 0}`} className={`happened-group happened-${group.phase}`}>
          <h3>{groupTitle(G, group)}</h3>
          <ol>
            {group.entries.map(({ entry, index }) => (
              <EntryLine key={index} entry={entry} viewer={colourFor} />
            ))}
          </ol>
        </section>
      ))}
      {handover && (
        <div className="modal-buttons">
          <button ref={done} type="button" className="primary" onClick={handover.onDone}>
            <Icon name="eye-off" /> {t('happened.handover', { side: sideName(handover.to) })}
          </button>
        </div>
      )}
    </>
  );
  if (handover) {
    return (
      <div className="modal-backdrop happened-backdrop">
        <div className="modal what-happened" role="dialog" aria-modal="true" aria-labelledby="happened-title">
          {body}
        </div>
      </div>
    );
  }
  return (
    <>
      {announce}
      <section className="what-happened" aria-labelledby="happened-title">
        {body}
      </section>
    </>
  );
}
