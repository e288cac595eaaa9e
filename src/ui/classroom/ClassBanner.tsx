import { useState } from 'react';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { classStatus, studentView, type ClassPhase } from './classApi';
import { classOfMatch, teacherKey } from './classKeys';
import { usePolled } from './useStudentView';

/** How often a class match's board asks whether the teacher paused, finished or wrote (ms). */
export const BANNER_POLL_MS = 3000;

/** What a board shows of its class: the same in a student's "where is my seat" and the teacher's status. */
interface ClassNotices {
  readonly paused: boolean;
  readonly phase: ClassPhase;
  readonly finishing: boolean;
  readonly message: { readonly text: string } | null;
}

/**
 * Where this board learns about its class: the teacher's own status when the teacher opened
 * the spectator view from the control room (this browser holds the class's teacher key), else
 * the student's "where is my seat" when this browser was seated in the match through a class.
 */
function noticesOf(matchID: string, watchedIn: string | undefined): (() => Promise<ClassNotices>) | null {
  const key = watchedIn ? teacherKey(watchedIn) : null;
  if (watchedIn && key) return () => classStatus(watchedIn, key);
  const joined = classOfMatch(matchID);
  return joined ? () => studentView(joined.code, joined.pass.studentKey) : null;
}

/**
 * On the board of a class match, a student's or the teacher's projector: "Paused by your
 * teacher", the teacher's message, and the end after this round. Nothing for any other match.
 */
export function ClassBanner({ matchID, watchedIn }: { matchID: string; watchedIn?: string }) {
  const [read] = useState(() => noticesOf(matchID, watchedIn));
  const { view } = usePolled(read, BANNER_POLL_MS);
  if (!read) return null;
  return (
    <div className="class-banner" role="status">
      {view?.paused && (
        <p className="banner bad class-banner-paused">
          <Icon name="warning" /> {t('class.banner.paused')}
        </p>
      )}
      {view?.finishing && view.phase === 'playing' && (
        <p className="banner">
          <Icon name="pass" /> {t('class.banner.finishing')}
        </p>
      )}
      {view?.message && (
        <p className="banner">
          <Icon name="event" /> {t('class.teacherMessage', { text: view.message.text })}
        </p>
      )}
    </div>
  );
}
