import { useEffect, useId, useState } from 'react';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { holdSeat, savedName, saveName } from '../online/seats';
import { scenarioChoices } from '../start/setupChoices';
import { classError, cleanClassCode, isClassCode, joinClass, keyRefused, leaveClass, type StudentView } from './classApi';
import { forgetStudentPass, keepStudentPass, studentPass, type StudentPass } from './classKeys';
import { useFocusedHeading } from './focus';
import { useStudentView } from './useStudentView';
import './classroom.css';

/** How often the waiting screen asks for the student's seat (ms). */
export const WAIT_POLL_MS = 2000;

export interface JoinClassProps {
  /** The code from the address (`#/class/join/CODE`), prefilled. */
  code?: string;
  /** After joining: the class's own address, so that a reload comes back to the waiting screen. */
  onJoined: (code: string) => void;
  /** The seat is ready: open the match. */
  onSeated: (matchID: string) => void;
  onHome: () => void;
}

/** A student joins a class with its code and a display name, then waits to be seated. */
export default function JoinClass({ code, onJoined, onSeated, onHome }: JoinClassProps) {
  const held = code && isClassCode(code) ? studentPass(code) : null;
  const [joined, setJoined] = useState<{ code: string; pass: StudentPass } | null>(code && held ? { code, pass: held } : null);
  const [lost, setLost] = useState<string | null>(null);
  if (joined) {
    return (
      <WaitingForTeacher
        code={joined.code}
        pass={joined.pass}
        onSeated={onSeated}
        onLost={(message) => {
          forgetStudentPass(joined.code);
          setLost(message);
          setJoined(null);
        }}
      />
    );
  }
  return (
    <JoinForm
      code={code ?? ''}
      notice={lost}
      onJoined={(joinedCode, pass) => {
        setJoined({ code: joinedCode, pass });
        onJoined(joinedCode);
      }}
      onHome={onHome}
    />
  );
}

function JoinForm({ code: given, notice, onJoined, onHome }: { code: string; notice: string | null; onJoined: (code: string, pass: StudentPass) => void; onHome: () => void }) {
  const [code, setCode] = useState(given);
  const [name, setName] = useState(savedName);
  const [error, setError] = useState<string | null>(notice);
  const [busy, setBusy] = useState(false);
  const ids = { code: useId(), codeHint: useId(), name: useId(), nameHint: useId() };
  const heading = useFocusedHeading();
  const codeWrong = error !== null && !isClassCode(code);

  const join = async () => {
    const trimmed = name.trim();
    if (!isClassCode(code)) {
      setError(t('class.join.badCode'));
      return;
    }
    if (trimmed === '') {
      setError(t('class.join.noName'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const joined = await joinClass(code, trimmed);
      const pass = { studentKey: joined.studentKey, name: joined.name };
      keepStudentPass(code, pass);
      saveName(joined.name);
      onJoined(code, pass);
    } catch (e) {
      setError(classError(e));
      setBusy(false);
    }
  };

  return (
    <main className="page class-page class-join">
      <h1 ref={heading} tabIndex={-1}>
        {t('class.join.title')}
      </h1>
      <p>{t('class.join.intro')}</p>
      <form
        className="class-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void join();
        }}
      >
        <p className="class-field">
          <label htmlFor={ids.code}>{t('class.join.code')}</label>
          <input
            id={ids.code}
            className="class-code-input"
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            aria-describedby={ids.codeHint}
            aria-invalid={codeWrong || undefined}
            onChange={(e) => setCode(cleanClassCode(e.target.value))}
          />
          <span id={ids.codeHint} className="class-hint">
            {t('class.join.codeHint')}
          </span>
        </p>
        <p className="class-field">
          <label htmlFor={ids.name}>{t('class.join.name')}</label>
          <input id={ids.name} value={name} maxLength={24} autoComplete="nickname" aria-describedby={ids.nameHint} onChange={(e) => setName(e.target.value)} />
          <span id={ids.nameHint} className="class-hint">
            {t('class.join.nameHint')}
          </span>
        </p>
        {error && (
          <p role="alert" className="banner bad">
            {error}
          </p>
        )}
        <button type="submit" className="primary big" disabled={busy}>
          {busy ? t('class.join.joining') : t('class.join.submit')}
        </button>
      </form>
      <p>
        <button type="button" className="link-button" onClick={onHome}>
          {t('nav.backToStart')}
        </button>
      </p>
    </main>
  );
}

/** What the waiting screen says about the class's state. */
function waitingText(view: StudentView | null, failed: boolean): string {
  if (failed) return t('class.wait.offline');
  if (!view) return t('class.wait.checking');
  if (view.seat) return t('class.wait.ready');
  if (view.phase === 'finished') return t('class.wait.finished');
  if (view.phase === 'playing') return t('class.wait.pairing');
  return t('class.wait.gathering');
}

function WaitingForTeacher({ code, pass, onSeated, onLost }: { code: string; pass: StudentPass; onSeated: (matchID: string) => void; onLost: (message: string) => void }) {
  const { view, error } = useStudentView(code, pass.studentKey, WAIT_POLL_MS);
  const heading = useFocusedHeading();
  const refused = keyRefused(error);

  useEffect(() => {
    if (refused) onLost(classError(error));
  }, [refused, error, onLost]);

  useEffect(() => {
    const seat = view?.seat;
    if (!view || !seat) return;
    // The seat is kept exactly as the online join keeps it, so the match page finds it.
    holdSeat(seat.matchID, { playerID: seat.playerID, credentials: seat.credentials, name: view.name });
    saveName(view.name);
    keepStudentPass(code, { studentKey: pass.studentKey, name: view.name, matchID: seat.matchID });
    onSeated(seat.matchID);
  }, [view, code, pass.studentKey, onSeated]);

  const name = view?.name ?? pass.name;
  const scenario = view ? scenarioChoices().find((s) => s.id === view.settings.scenario)?.title : undefined;
  return (
    <main className="page class-page class-wait">
      <h1 ref={heading} tabIndex={-1}>
        <Icon name="check" /> {t('class.wait.title')}
      </h1>
      <p className="class-wait-name">{t('class.wait.as', { name })}</p>
      <dl className="class-facts">
        {view?.title && (
          <div>
            <dt>{t('class.wait.class')}</dt>
            <dd>{view.title}</dd>
          </div>
        )}
        <div>
          <dt>{t('class.wait.code')}</dt>
          <dd className="class-code-small">{code}</dd>
        </div>
        {view && (
          <>
            <div>
              <dt>{t('start.scenario')}</dt>
              <dd>{scenario ?? view.settings.scenario}</dd>
            </div>
            <div>
              <dt>{t('start.length')}</dt>
              <dd>{t('class.rounds', { count: view.settings.length })}</dd>
            </div>
          </>
        )}
      </dl>
      {view?.message && (
        <p className="class-message">
          <Icon name="event" /> {t('class.teacherMessage', { text: view.message.text })}
        </p>
      )}
      {view?.paused && <p className="banner">{t('class.banner.paused')}</p>}
      <p role="status" className="class-wait-status">
        {waitingText(view, error !== null && !refused)}
      </p>
      <p className="class-hint">{t('class.wait.keepOpen')}</p>
      <p>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            // The place is given up on the server too, so the teacher's list loses the name; if that fails, the teacher can remove it.
            void leaveClass(code, pass.studentKey).catch(() => undefined);
            onLost(t('class.wait.leftNotice'));
          }}
        >
          {t('class.wait.notMe', { name })}
        </button>
      </p>
    </main>
  );
}
