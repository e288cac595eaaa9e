import { useEffect } from 'react';
import { t } from '../i18n';

/**
 * While it is this player's move (online, or against the computer), the tab's title says so,
 * so a player in another tab sees it is their turn; otherwise `waiting` (the screen's own title).
 */
export function useTurnTitle(myTurn: boolean, waiting: string): void {
  useEffect(() => {
    document.title = myTurn ? t('title.yourMove') : waiting;
  }, [myTurn, waiting]);
}
