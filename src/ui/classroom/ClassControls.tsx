import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import type { ClassAction, ClassStatus } from './classApi';

export interface ControlActions {
  /** Each resolves to an error message, or null when done. */
  act: (action: ClassAction) => Promise<string | null>;
  message: (text: string) => Promise<string | null>;
}

/** "Finish after this round", asked twice: the button, then a confirmation that takes focus. */
function FinishControl({ act, onError }: { act: ControlActions['act']; onError: (text: string | null) => void }) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button ref={opener} type="button" className="secondary" onClick={() => setAsking(true)}>
        <Icon name="pass" /> {t('class.controls.finish')}
      </button>
    );
  }
  const close = () => {
    setAsking(false);
    setTimeout(() => opener.current?.focus(), 0);
  };
  return (
    <div className="class-confirm" role="group" aria-labelledby={id}>
      <p id={id}>{t('class.controls.finishConfirm')}</p>
      <button
        ref={confirm}
        type="button"
        className="primary"
        onClick={() =>
          void act('finish').then((problem) => {
            onError(problem);
            setAsking(false);
          })
        }
      >
        {t('class.controls.finishYes')}
      </button>
      <button type="button" className="secondary" onClick={close}>
        {t('class.controls.finishNo')}
      </button>
    </div>
  );
}

function MessageForm({ current, send }: { current: ClassStatus['message']; send: ControlActions['message'] }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = (value: string) =>
    void send(value).then((problem) => {
      setError(problem);
      if (!problem) setText('');
    });
  return (
    <form
      className="class-message-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) submit(text.trim());
      }}
    >
      <label htmlFor={id}>{t('class.controls.message')}</label>
      <input id={id} value={text} maxLength={200} onChange={(e) => setText(e.target.value.replace(/[\r\n]+/g, ' '))} />
      <button type="submit" className="primary" disabled={text.trim() === ''}>
        {t('class.controls.send')}
      </button>
      {current && (
        <>
          <p className="class-message">
            <Icon name="event" /> {t('class.controls.onBoards', { text: current.text })}
          </p>
          <button type="button" className="secondary" onClick={() => submit('')}>
            {t('class.controls.clear')}
          </button>
        </>
      )}
      {error && (
        <p role="alert" className="class-error">
          {error}
        </p>
      )}
    </form>
  );
}

/** The class-wide controls: pause or resume every game, finish after this round, one line on every board. */
export function ClassControls({ status, actions }: { status: ClassStatus; actions: ControlActions }) {
  const [error, setError] = useState<string | null>(null);
  const playing = status.phase === 'playing';
  const headingId = useId();
  return (
    <section className="class-card class-controls" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('class.controls.title')}
      </h2>
      {playing && (
        <div className="class-control-row">
          {status.paused ? (
            <button type="button" className="primary" onClick={() => void actions.act('resume').then(setError)}>
              <Icon name="play" /> {t('class.controls.resume')}
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => void actions.act('pause').then(setError)}>
              <Icon name="pause" /> {t('class.controls.pause')}
            </button>
          )}
          {!status.finishing && <FinishControl act={actions.act} onError={setError} />}
        </div>
      )}
      <MessageForm current={status.message} send={actions.message} />
      {status.paused && (
        <p className="class-state class-state-paused">
          <Icon name="pause" /> {t('class.state.paused')}
        </p>
      )}
      {status.finishing && status.phase !== 'finished' && (
        <p className="class-state">
          <Icon name="pass" /> {t('class.state.finishing')}
        </p>
      )}
      {error && (
        <p role="alert" className="banner bad">
          {error}
        </p>
      )}
    </section>
  );
}
