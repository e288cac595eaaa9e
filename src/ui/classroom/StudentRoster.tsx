import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { sideName } from '../start/setupChoices';
import type { StudentStatus } from './classApi';

export interface RosterActions {
  /** Resolves to an error message, or null when done. */
  rename: (student: StudentStatus, name: string) => Promise<string | null>;
  remove: (student: StudentStatus) => Promise<string | null>;
}

function RenameForm({ student, onDone, rename }: { student: StudentStatus; onDone: () => void; rename: RosterActions['rename'] }) {
  const [name, setName] = useState(student.name);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => input.current?.select(), []);
  return (
    <form
      className="class-rename"
      onSubmit={(e) => {
        e.preventDefault();
        void rename(student, name.trim()).then((problem) => (problem ? setError(problem) : onDone()));
      }}
    >
      <label htmlFor={id}>{t('class.roster.newName', { name: student.name })}</label>
      <input id={id} ref={input} value={name} maxLength={24} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="primary" disabled={name.trim() === ''}>
        {t('class.roster.save')}
      </button>
      <button type="button" className="secondary" onClick={onDone}>
        {t('class.roster.cancel')}
      </button>
      {error && (
        <span role="alert" className="class-error">
          {error}
        </span>
      )}
    </form>
  );
}

function StudentItem({ student, actions, onNotice }: { student: StudentStatus; actions: RosterActions; onNotice: (text: string) => void }) {
  const [renaming, setRenaming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const done = () => {
    setRenaming(false);
    // Back to the button that opened the form.
    setTimeout(() => renameButton.current?.focus(), 0);
  };
  if (renaming) {
    return (
      <li className="class-student">
        <RenameForm student={student} onDone={done} rename={actions.rename} />
      </li>
    );
  }
  return (
    <li className="class-student">
      <span className="class-student-name">{student.name}</span>
      {student.side && (
        <span className={`class-student-side class-turn-${student.side}`}>
          <Icon name={student.side === 'us' ? 'washington' : 'beijing'} /> {sideName(student.side)}
        </span>
      )}
      <span className="class-student-buttons">
        <button ref={renameButton} type="button" className="secondary" onClick={() => setRenaming(true)} aria-label={t('class.roster.renameLabel', { name: student.name })}>
          {t('class.roster.rename')}
        </button>
        {!student.matchID && (
          <button
            type="button"
            className="secondary"
            aria-label={t('class.roster.removeLabel', { name: student.name })}
            onClick={() =>
              void actions.remove(student).then((problem) => {
                if (problem) setError(problem);
                else onNotice(t('class.roster.removed', { name: student.name }));
              })
            }
          >
            {t('class.roster.remove')}
          </button>
        )}
      </span>
      {error && (
        <span role="alert" className="class-error">
          {error}
        </span>
      )}
    </li>
  );
}

/** The students who joined, each with rename and (before they are seated) remove. */
export function StudentRoster({ students, actions, onNotice, joinLink }: { students: readonly StudentStatus[]; actions: RosterActions; onNotice: (text: string) => void; joinLink: string }) {
  if (students.length === 0) return <p className="class-empty">{t('class.roster.empty', { link: joinLink })}</p>;
  return (
    <ol className="class-roster">
      {students.map((s) => (
        <StudentItem key={s.id} student={s} actions={actions} onNotice={onNotice} />
      ))}
    </ol>
  );
}
