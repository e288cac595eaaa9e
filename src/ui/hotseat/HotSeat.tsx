import { lazy, Suspense, useCallback, useEffect } from 'react';
import { actingSide, moverOf, PLAYER_OF, type Play, type Side } from '../../game';
import { Board } from '../board/Board';
import { t, withMessages } from '../i18n';
import { sendPlay } from '../moves';
import { MatchStoreProvider, useMatchUi } from '../store/context';
import type { DeRiskClient } from './client';
import { Curtain } from './Curtain';
import { useClientState } from './useClientState';

const Debrief = lazy(withMessages(['debrief'], () => import('../debrief/Debrief')));

export interface HotSeatProps {
  client: DeRiskClient;
  onPlayAgain: () => void;
  onOpenRules: () => void;
  onOpenGlossary: () => void;
}

function HotSeatMatch({ client, onPlayAgain, onOpenRules, onOpenGlossary }: HotSeatProps) {
  const state = useClientState(client);
  const revealed = useMatchUi((s) => s.revealed);
  const reveal = useMatchUi((s) => s.reveal);
  const conceal = useMatchUi((s) => s.conceal);
  const acting = state ? actingSide(state.G, state.ctx) : null;
  const seat = acting !== null && acting === revealed ? revealed : null;

  const showSide = useCallback(
    (side: Side | null) => {
      client.updatePlayerID((side ? PLAYER_OF[side] : null));
      if (side) reveal(side);
      else conceal();
    },
    [client, reveal, conceal],
  );

  // A match shown again (after the rules, say) starts behind the curtain.
  useEffect(() => {
    client.updatePlayerID(null);
  }, [client]);

  // Whenever the side to act is not the side on screen, bring the curtain down at once.
  useEffect(() => {
    if (revealed !== null && acting !== revealed) showSide(null);
  }, [acting, revealed, showSide]);

  const send = useCallback(
    (play: Play, reason?: string) => {
      sendPlay(client, play, reason);
      const after = client.getState();
      if (after && actingSide(after.G, after.ctx) !== revealed) showSide(null);
    },
    [client, revealed, showSide],
  );

  if (!state) return <p role="status">{t('common.loading')}</p>;
  if (state.ctx.gameover !== undefined) {
    return (
      <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
        <Debrief G={state.G} ctx={state.ctx} onPlayAgain={onPlayAgain} />
      </Suspense>
    );
  }
  const curtainUp = acting !== null && seat === null;
  const started = state.G.chronicle.some((e) => moverOf(e) !== null);
  return (
    <>
      <Board
        G={state.G}
        ctx={state.ctx}
        seat={seat}
        send={send}
        sharedScreen
        inert={curtainUp}
        onOpenRules={onOpenRules}
        onOpenGlossary={onOpenGlossary}
      />
      {curtainUp && (
        <Curtain next={acting} reason={state.G.proposal ? 'answer' : started ? 'turn' : 'start'} onReveal={() => showSide(acting)} />
      )}
    </>
  );
}

/** Two people, one device: the board, a curtain between the sides, and the debrief at the end. */
export function HotSeat(props: HotSeatProps) {
  return (
    <MatchStoreProvider>
      <HotSeatMatch {...props} />
    </MatchStoreProvider>
  );
}

export default HotSeat;
