/**
 * What each seat may see (R12). A player sees their own hand and agenda; nobody sees a
 * deck's order, the event deck, the face-down discards or the other side's secrets; a
 * spectator sees neither hand. Agendas are revealed to everyone once the game is over.
 */
import type { Ctx, PlayerID } from 'boardgame.io';
import type { Side } from '../content/types';
import { sideOf } from './sides';
import type { ChronicleEntry, DeRiskState, SideState } from './state';

function sideView(state: SideState, visible: boolean, revealAgenda: boolean): SideState {
  return {
    ...state,
    hand: visible ? state.hand : [],
    deck: [],
    discard: [],
    agenda: visible || revealAgenda ? state.agenda : null,
  };
}

function withoutReason(entry: ChronicleEntry): ChronicleEntry {
  const { reason: _hidden, ...rest } = entry;
  return rest;
}

export function playerView({ G, ctx, playerID }: { G: DeRiskState; ctx: Ctx; playerID: PlayerID | null }): DeRiskState {
  const seat = sideOf(playerID);
  const over = ctx.gameover !== undefined;
  const count = (f: (s: SideState) => readonly string[]) => ({ us: f(G.sides.us).length, cn: f(G.sides.cn).length });
  const sees = (side: Side) => seat === side;
  return {
    ...G,
    sides: { us: sideView(G.sides.us, sees('us'), over), cn: sideView(G.sides.cn, sees('cn'), over) },
    eventDeck: [],
    // A move's reason is its side's secret until the game ends.
    chronicle: over || G.chronicle.every((e) => !e.reason || sees(e.reason.side)) ? G.chronicle : G.chronicle.map((e) => (e.reason && !sees(e.reason.side) ? withoutReason(e) : e)),
    view: {
      seat,
      handCounts: count((s) => s.hand),
      deckCounts: count((s) => s.deck),
      discardCounts: count((s) => s.discard),
      eventDeckCount: G.eventDeck.length,
    },
  };
}
