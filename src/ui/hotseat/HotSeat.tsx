import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { actingSide, moverOf, PLAYER_OF, type ChronicleEntry, type Play, type Side } from '../../game';
import { Board } from '../board/Board';
import { useHappened, WhatHappened } from '../board/WhatHappened';
import { t, withMessages } from '../i18n';
import { sendPlay } from '../moves';
import { MatchStoreProvider, useMatchUi } from '../store/context';
import type { DeRiskClient } from './client';
import { Curtain } from './Curtain';
import { useClientState } from './useClientState';

const Debrief = lazy(withMessages(['debrief'], () => import('../debrief/Debrief')));

const NO_ENTRIES: readonly ChronicleEntry[] = [];

export interface HotSeatProps {
  client: DeRiskClient;
  onPlayAgain: () => void;
  /** Opens the finished game's replay. */
  onReplay?: () => void;
  onOpenRules: () => void;
  onOpenGlossary: () => void;
}

function HotSeatMatch({ client, onPlayAgain, onReplay, onOpenRules, onOpenGlossary }: HotSeatProps) {
  const state = useClientState(client);
  const revealed = useMatchUi((s) => s.revealed);
  const reveal = useMatchUi((s) => s.reveal);
  const conceal = useMatchUi((s) => s.conceal);
  const acting = state ? actingSide(state.G, state.ctx) : null;
  // After the last play of a turn the player who made it reads what it did before the curtain
  // drops: their side stays on screen (only theirs) until they hand the device over.
  const [handingOver, setHandingOver] = useState(false);
  const handover = handingOver && revealed !== null && acting !== null && acting !== revealed ? { from: revealed, to: acting } : null;
  const seat = acting !== null && (acting === revealed || handover) ? revealed : null;
  const happened = useHappened(state?.G.chronicle ?? NO_ENTRIES, handover ? handover.from : null);

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

  // Whenever the side to act is not the side on screen, bring the curtain down at once, unless
  // the player who just played is still reading what it did.
  useEffect(() => {
    if (revealed !== null && acting !== revealed && !handingOver) showSide(null);
  }, [acting, revealed, handingOver, showSide]);

  const send = useCallback(
    (play: Play, reason?: string) => {
      sendPlay(client, play, reason);
      const after = client.getState();
      if (after && after.ctx.gameover === undefined && actingSide(after.G, after.ctx) !== revealed) setHandingOver(true);
      return true;
    },
    [client, revealed],
  );
  const handOver = () => {
    happened.dismiss();
    setHandingOver(false);
    showSide(null);
  };

  if (!state) return <p role="status">{t('common.loading')}</p>;
  if (state.ctx.gameover !== undefined) {
    return (
      <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
        <Debrief G={state.G} ctx={state.ctx} onPlayAgain={onPlayAgain} {...(onReplay ? { onReplay } : {})} />
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
        inert={curtainUp || handover !== null}
        onOpenRules={onOpenRules}
        onOpenGlossary={onOpenGlossary}
      />
      {handover && <WhatHappened G={state.G} viewer={handover.from} happened={happened} handover={{ to: handover.to, onDone: handOver }} />}
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
