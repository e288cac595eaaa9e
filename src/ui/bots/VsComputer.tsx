import { lazy, Suspense, useCallback, useLayoutEffect, useRef } from 'react';
import { actingSide, type Play } from '../../game';
import { sendPlay } from '../moves';
import { Board } from '../board/Board';
import { useTurnTitle } from '../common/turnTitle';
import type { ComputerPlayers } from '../debrief/Debrief';
import { useClientState } from '../hotseat/useClientState';
import { t, withMessages } from '../i18n';
import { MatchStoreProvider } from '../store/context';
import type { ComputerMatch } from './computerMatch';
import { ComputerStatus } from './ComputerStatus';
import { useComputerTurn } from './useComputerTurn';

const Debrief = lazy(withMessages(['debrief'], () => import('../debrief/Debrief')));

/** How long, at least, the computer's turn stays on screen, so a person can follow it. */
export const COMPUTER_PAUSE_MS = 500;

export interface VsComputerProps {
  match: ComputerMatch;
  onPlayAgain: () => void;
  /** Opens the finished game's replay. */
  onReplay?: () => void;
  onOpenRules: () => void;
  onOpenGlossary: () => void;
  /** The least time a computer's turn takes on screen (0 in tests). */
  pauseMs?: number;
}

/**
 * Gives the focus back after the board was inert: the button the person last used (Pass,
 * say) would otherwise lose the focus to the page while the computer thinks.
 */
function useFocusReturn(inert: boolean) {
  const saved = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (inert) {
      const active = document.activeElement;
      if (active instanceof HTMLElement && active !== document.body) saved.current = active;
      return;
    }
    const element = saved.current;
    saved.current = null;
    if (element?.isConnected && document.activeElement === document.body) element.focus({ preventScroll: true });
  }, [inert]);
}

function ComputerGame({ match, onPlayAgain, onReplay, onOpenRules, onOpenGlossary, pauseMs = COMPUTER_PAUSE_MS }: VsComputerProps) {
  const state = useClientState(match.human);
  const turn = useComputerTurn(match, pauseMs);
  useFocusReturn(turn.thinking);
  useTurnTitle(state !== null && state.ctx.gameover === undefined && actingSide(state.G, state.ctx) === match.humanSide, t('title.play'));
  // A local game: every play is sent.
  const send = useCallback(
    (play: Play, reason?: string) => {
      sendPlay(match.human, play, reason);
      return true;
    },
    [match],
  );

  if (!state) return <p role="status">{t('common.loading')}</p>;
  if (state.ctx.gameover !== undefined) {
    const { side, level, persona } = match.opponent;
    const computer: ComputerPlayers = side === 'us' ? { us: { level, persona } } : { cn: { level, persona } };
    return (
      <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
        <Debrief G={state.G} ctx={state.ctx} onPlayAgain={onPlayAgain} computer={computer} {...(onReplay ? { onReplay } : {})} />
      </Suspense>
    );
  }
  // The status comes first and stays in the flow: its live region speaks for screen readers
  // (the board is inert while the computer thinks), a failure shows above the board, and the
  // visible "thinking" line is the desk's own (`thinking`), so nothing floats over a button.
  return (
    <>
      <ComputerStatus G={state.G} side={match.opponent.side} thinking={turn.thinking} failure={turn.failure} onRetry={turn.retry} />
      <Board
        G={state.G}
        ctx={state.ctx}
        seat={match.humanSide}
        send={send}
        inert={turn.thinking}
        thinking={turn.thinking}
        computer={match.opponent.side}
        onOpenRules={onOpenRules}
        onOpenGlossary={onOpenGlossary}
      />
    </>
  );
}

/** One person against the computer: the board for the person's side, the computer thinking in a worker, and the debrief. */
export default function VsComputer(props: VsComputerProps) {
  return (
    <MatchStoreProvider>
      <ComputerGame {...props} />
    </MatchStoreProvider>
  );
}
