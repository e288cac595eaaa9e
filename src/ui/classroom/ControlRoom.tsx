import { useEffect, useId, useMemo, useState } from 'react';
import { Icon } from '../common/Icon';
import { useProjectorType } from '../common/projector';
import { t } from '../i18n';
import { hashOf } from '../router';
import { scenarioChoices } from '../start/setupChoices';
import {
  classAction,
  classError,
  classStatus,
  followClass,
  removeStudent,
  renameStudent,
  sendMessage,
  type ClassAction,
  type ClassStatus,
  type LiveState,
} from './classApi';
import { keepTeacherKey, teacherKey } from './classKeys';
import { ClassControls, type ControlActions } from './ClassControls';
import { useFocusedHeading } from './focus';
import { MatchTable } from './MatchTable';
import { rowOf } from './matchRows';
import { StudentRoster, type RosterActions } from './StudentRoster';
import './classroom.css';

/** How often the table's clocks (whose turn, for how long) are brought up to date (ms). */
const CLOCK_MS = 5000;

export interface ControlRoomProps {
  code: string;
  /** The teacher's key from the teacher link (`#/class/teach/CODE/KEY`): kept, then taken out of the address. */
  linkKey?: string;
  onHome: () => void;
}

/** The live status of a class and when it arrived; the feed's state; a refusal that stopped it. */
function useLiveClass(code: string, key: string | null) {
  const [status, setStatus] = useState<{ status: ClassStatus; at: number } | null>(null);
  const [live, setLive] = useState<LiveState>('connecting');
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => {
    if (!key) return undefined;
    return followClass(code, key, {
      onStatus: (s) => setStatus({ status: s, at: Date.now() }),
      onState: setLive,
      onRefused: (error) => setRefused(classError(error)),
    });
  }, [code, key]);
  const apply = (s: ClassStatus) => setStatus({ status: s, at: Date.now() });
  return { status, live, refused, apply };
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** The control room of a class: its code for the projector, its students, its matches, its controls. */
export default function ControlRoom({ code, linkKey, onHome }: ControlRoomProps) {
  useProjectorType();
  const key = linkKey ?? teacherKey(code);
  useEffect(() => {
    if (!linkKey) return;
    // A URL fragment never reaches the server; it is kept here and taken out of the address bar and history.
    keepTeacherKey(code, linkKey);
    window.history.replaceState(window.history.state, '', hashOf({ page: 'classTeach', code }));
  }, [code, linkKey]);
  if (!key) return <NoKey code={code} onHome={onHome} />;
  return <Room code={code} teacherKey={key} />;
}

function NoKey({ code, onHome }: { code: string; onHome: () => void }) {
  const heading = useFocusedHeading();
  return (
    <main className="page class-page">
      <h1 ref={heading} tabIndex={-1}>
        {t('class.room.title', { code })}
      </h1>
      <p role="alert" className="banner bad">
        {t('class.room.noKey')}
      </p>
      <p>
        <a href={hashOf({ page: 'classNew' })}>{t('class.room.newClass')}</a>
      </p>
      <button type="button" className="link-button" onClick={onHome}>
        {t('nav.backToStart')}
      </button>
    </main>
  );
}

function LiveBadge({ state }: { state: LiveState }) {
  return (
    <p className={`class-live class-live-${state}`} role="status">
      <Icon name={state === 'live' ? 'check' : 'warning'} /> {t(`class.live.${state}`)}
    </p>
  );
}

function Room({ code, teacherKey: key }: { code: string; teacherKey: string }) {
  const { status: received, live, refused, apply } = useLiveClass(code, key);
  const [notice, setNotice] = useState('');
  const now = useNow(CLOCK_MS);
  const heading = useFocusedHeading();
  const ids = { students: useId(), link: useId() };
  const origin = window.location.origin;
  const joinLink = `${origin}/${hashOf({ page: 'classJoin', code })}`;
  const teacherLink = `${origin}/${hashOf({ page: 'classTeach', code, key })}`;

  /** Runs a teacher's call, then reads the status at once (the live feed follows too); an error comes back worded. */
  const run = async (work: () => Promise<unknown>, done?: string): Promise<string | null> => {
    try {
      await work();
      if (done) setNotice(done);
      classStatus(code, key).then(apply, () => undefined);
      return null;
    } catch (error) {
      return classError(error);
    }
  };
  const controls: ControlActions = {
    act: (action: ClassAction) => run(() => classAction(code, key, action), t(`class.done.${action}`)),
    message: (text) => run(() => sendMessage(code, key, text), text ? t('class.done.message') : t('class.done.cleared')),
  };
  const roster: RosterActions = {
    rename: (student, name) => run(() => renameStudent(code, key, student.id, name), t('class.done.renamed', { from: student.name, to: name })),
    remove: (student) => run(() => removeStudent(code, key, student.id)),
  };

  const status = received?.status ?? null;
  const rows = useMemo(
    () => (received ? received.status.matches.map((m) => rowOf(m, received.status, (now - received.at) / 1000)) : []),
    [received, now],
  );
  const scenario = status ? scenarioChoices().find((s) => s.id === status.settings.scenario)?.title : undefined;
  const [startError, setStartError] = useState<string | null>(null);
  const students = status?.students ?? [];
  const games = Math.ceil(students.length / 2);

  return (
    <main className="class-room">
      <header className="class-room-head">
        <div className="class-room-title">
          <p className="eyebrow">{t('class.room.eyebrow')}</p>
          <h1 ref={heading} tabIndex={-1}>
            {status?.title || t('class.room.title', { code })}
          </h1>
          {status && (
            <p className="class-room-setup">
              {t('class.room.setup', {
                scenario: scenario ?? status.settings.scenario,
                count: status.settings.length,
                timer: status.settings.timer === 0 ? t('class.setup.timerOff') : t('class.setup.timerSeconds', { seconds: status.settings.timer }),
              })}
            </p>
          )}
          <LiveBadge state={live} />
        </div>
        <div className="class-code-box">
          <p className="class-code-label">{t('class.room.joinAt')}</p>
          <p className="class-join-link">{joinLink.replace(/^https?:\/\//, '')}</p>
          <p className="class-code-label">{t('class.room.codeLabel')}</p>
          <p className="class-code" aria-label={t('class.room.codeSpelled', { code: code.split('').join(' ') })}>
            {code}
          </p>
        </div>
      </header>
      {refused && (
        <p role="alert" className="banner bad">
          {refused}
        </p>
      )}
      <p role="status" className="class-notice">
        {notice}
      </p>
      {!status && !refused && <p role="status">{t('common.loading')}</p>}
      {status && (
        <>
          <ClassControls status={status} actions={controls} />
          {status.phase === 'gathering' ? (
            <section className="class-card" aria-labelledby={ids.students}>
              <h2 id={ids.students}>{t('class.roster.title', { count: students.length })}</h2>
              <StudentRoster students={students} actions={roster} onNotice={setNotice} joinLink={joinLink} />
              {startError && (
                <p role="alert" className="banner bad">
                  {startError}
                </p>
              )}
              <p className="class-start">
                <button
                  type="button"
                  className="primary big"
                  disabled={students.length === 0}
                  onClick={() => void controls.act('start').then(setStartError)}
                >
                  {t('class.controls.start')}
                </button>{' '}
                {students.length > 0 && (
                  <span className="class-hint">{t('class.controls.startHint', { count: students.length, games, odd: students.length % 2 })}</span>
                )}
              </p>
            </section>
          ) : (
            <>
              <MatchTable rows={rows} classCode={code} />
              <details className="class-card class-late">
                <summary>{t('class.roster.title', { count: students.length })}</summary>
                <p className="class-hint">{t('class.roster.late')}</p>
                <StudentRoster students={students} actions={roster} onNotice={setNotice} joinLink={joinLink} />
              </details>
            </>
          )}
          <nav className="class-links" aria-label={t('class.room.links')}>
            <a href={hashOf({ page: 'classResults', code })} className="class-debrief-link">
              <Icon name="chart" /> {t('class.room.debrief')}
            </a>
          </nav>
          <details className="class-card class-teacher-link">
            <summary>{t('class.room.teacherLink')}</summary>
            <p className="class-hint">{t('class.room.teacherLinkText')}</p>
            <label htmlFor={ids.link}>{t('class.room.teacherLinkLabel')}</label>{' '}
            <input id={ids.link} readOnly value={teacherLink} onFocus={(e) => e.currentTarget.select()} />
          </details>
        </>
      )}
    </main>
  );
}
