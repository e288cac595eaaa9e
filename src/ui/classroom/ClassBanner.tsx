import { useState } from 'react';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { classOfMatch } from './classKeys';
import { useStudentView } from './useStudentView';

/** How often a class match's board asks whether the teacher paused, finished or wrote (ms). */
export const BANNER_POLL_MS = 3000;

/**
 * On the board of a match this browser was seated in through a class: "Paused by your teacher",
 * the teacher's message, and the end after this round. Nothing for any other match.
 */
export function ClassBanner({ matchID }: { matchID: string }) {
  const [joined] = useState(() => classOfMatch(matchID));
  const { view } = useStudentView(joined?.code ?? null, joined?.pass.studentKey ?? null, BANNER_POLL_MS);
  if (!joined) return null;
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
