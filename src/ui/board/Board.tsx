import { useMemo, useState, type ReactNode } from 'react';
import { boardModel, consequencesOf, REASON_MAX, type Consequences, type Play, type Side } from '../../game';
import { contentField } from '../bridge';
import { t } from '../i18n';
import { reasonLine } from '../moves';
import { useMatchUi } from '../store/context';
import { DealPanel, RelationshipPanel, TradeWarPanel } from './CenterPanels';
import { Chronicle } from './Chronicle';
import { ConfirmPlay } from './ConfirmPlay';
import { DealResponse } from './DealResponse';
import { EventBanner } from './EventBanner';
import { FirstGameGuide } from './FirstGameGuide';
import { PlayerDesk } from './PlayerDesk';
import { ReasonField } from './ReasonField';
import { SidePanel, type SeatPlayer } from './SidePanel';
import { TopBar } from './TopBar';
import type { BoardProps } from './types';
import { useHappened, WhatHappened } from './WhatHappened';

export interface BoardViewProps extends BoardProps {
  onOpenRules: () => void;
  onOpenGlossary: () => void;
  /** Hidden from assistive technology and the keyboard (behind the curtain). */
  inert?: boolean;
  /** The side the computer plays, if any: its panel says so. */
  computer?: Side | null;
  /** Whether "What just happened" is shown (a replay says what each move did itself). */
  news?: boolean;
  /** Both sides share this screen (hot seat): the reason field says what stays private there. */
  sharedScreen?: boolean;
  /** The computer is choosing its move: the desk says so, in its flow. */
  thinking?: boolean;
  /**
   * Who sits at the table, for screens that know (online): the room code in the top bar, each
   * capital's player with a connection mark (null: no mark), and the screen's own controls
   * (a sound toggle, say) in the top bar.
   */
  table?: { room?: string; players?: Partial<Record<Side, SeatPlayer>>; controls?: ReactNode };
}

/**
 * The seat's optional reason for its next play (R12), as typed. It belongs to the seat on
 * screen: it is dropped as soon as another seat (or the curtain) comes on screen, so one side
 * never finds the other's words in the field, and it is cleared by each play.
 */
function useReason(seat: Side | null) {
  const [draft, setDraft] = useState<{ seat: Side | null; text: string }>({ seat, text: '' });
  // Adjusting state to a changed prop while rendering (React's own pattern), so the other
  // side's words are never rendered even once.
  if (draft.seat !== seat) setDraft({ seat, text: '' });
  const text = draft.seat === seat ? draft.text : '';
  const setText = (next: string) => setDraft({ seat, text: next.slice(0, REASON_MAX) });
  return [text, setText] as const;
}

/** A play's name for the confirmation: the action's or card's title, or the deal. */
function playTitle(play: Play): string {
  if (play.kind === 'action') return contentField('action', play.id, 'title');
  if (play.kind === 'card') return contentField('card', play.id, 'title');
  return t('deal.propose');
}

/**
 * The game board, laid out as a table: the two capitals facing each other across the bridge of
 * their relationship and the trade-war strip, the desk under the table, and the chronicle in a
 * column of its own beside them (under them on narrow screens). The top of that column is kept
 * for what just happened. The engine's board model is computed once here; the parts below only show it.
 * Every play the board makes goes with what is in the "Why?" field, if anything (`reasonLine`).
 */
export function Board({ onOpenRules, onOpenGlossary, inert, computer = null, sharedScreen = false, news = true, thinking = false, table, G, ctx, seat, send }: BoardViewProps) {
  const composer = useMatchUi((s) => s.composer);
  const model = useMemo(() => boardModel(G, ctx, seat, composer), [G, ctx, seat, composer]);
  const [reason, setReason] = useReason(seat);
  // Who is looking at the board: its seat, or an onlooker; nobody behind the curtain.
  const viewer = inert || !news ? null : (seat ?? 'watch');
  const happened = useHappened(G.chronicle, viewer);
  // A play that would end the game or break the deal waits here for "Play it anyway".
  const [asking, setAsking] = useState<{ play: Play; consequences: Consequences; actor: Side } | null>(null);
  const commit = (chosen: Play) => {
    setAsking(null);
    happened.played(G.chronicle.length);
    // A play that was not sent (offline) keeps its reason for the next try.
    if (send(chosen, reasonLine(reason))) setReason('');
  };
  const play = (chosen: Play) => {
    const actor = model.desk?.seat;
    if (actor && (chosen.kind === 'action' || chosen.kind === 'card' || chosen.kind === 'propose')) {
      const consequences = consequencesOf(G, actor, chosen);
      if (consequences.ends || consequences.breaksDeal) {
        setAsking({ play: chosen, consequences, actor });
        return;
      }
    }
    commit(chosen);
  };
  const why = (side: Side) => <ReasonField value={reason} onChange={setReason} seat={side} shared={sharedScreen} />;
  return (
    <div className="board" inert={inert || undefined} aria-hidden={inert || undefined}>
      <TopBar G={G} model={model} room={table?.room} controls={table?.controls} onOpenRules={onOpenRules} onOpenGlossary={onOpenGlossary} />
      <div className="board-body">
        <main className="table" aria-label={t('board.label')}>
          <EventBanner G={G} />
          <div className="table-grid">
            <SidePanel G={G} model={model} side="us" seat={seat} computer={computer === 'us'} player={table?.players?.us} />
            <div className="table-centre">
              <RelationshipPanel G={G} warnings={model.warnings} />
              <TradeWarPanel G={G} warnings={model.warnings} />
              <DealPanel G={G} />
            </div>
            <SidePanel G={G} model={model} side="cn" seat={seat} computer={computer === 'cn'} player={table?.players?.cn} />
          </div>
          {model.warnings.length > 0 && <p className="meter-legend muted">{t('meter.legend')}</p>}
        </main>
        {model.desk && (
          <PlayerDesk desk={model.desk} acting={model.acting} send={play} why={model.desk.answer ? null : why(model.desk.seat)} thinking={thinking} />
        )}
        <div className="log-column">
          {viewer !== null && <WhatHappened G={G} viewer={viewer} happened={happened} />}
          <Chronicle G={G} viewer={seat} />
        </div>
      </div>
      {seat && !inert && model.desk?.acting && <FirstGameGuide seat={seat} />}
      {model.desk?.answer && <DealResponse answer={model.desk.answer} seat={model.desk.seat} send={play} why={why(model.desk.seat)} />}
      {asking && (
        <ConfirmPlay
          title={playTitle(asking.play)}
          consequences={asking.consequences}
          actor={asking.actor}
          onConfirm={() => commit(asking.play)}
          onCancel={() => setAsking(null)}
        />
      )}
    </div>
  );
}
