/**
 * The board's model: everything the board shows that the rules decide, computed in one query
 * for one render (as chessops' `compat` hands chessground only the legal destinations). For
 * each thing a seat could do it says the play, what it costs, whether it is refused and why,
 * and what it would change; for each capital its income, score and agenda; and the tracks in
 * danger. Board components display this and send `play`s; they never ask the rules
 * themselves, so the board can never disagree with the moves the engine accepts.
 */
import { CONTENT } from '../content';
import type { DealTermDef, PlayDef, Side, TrackId } from '../content/types';
import { termAvailability, hawkVerdict } from './deals';
import { previewDeal, previewPlay, type Preview } from './preview';
import { ACTIONS_PER_ROUND, actingSide, actionMenu, costOf, dealCost, incomeOf, RECYCLE_COST, whyRefused, type IncomeBreakdown, type Play, type TurnInfo } from './rules';
import type { Refusal } from './refusals';
import { warnings } from './round';
import { agendaMet, scoreFor } from './scoring';
import type { DeRiskState, ScoreBreakdown } from './state';

/** Something the seat could do now, as the rules judge it. */
export interface PlayOption {
  readonly play: Play;
  /** Leverage it costs now, discounts included (0 for plays that cost nothing). */
  readonly cost: number;
  readonly refusal: Refusal | null;
  /** What it would change, for an allowed play that changes tracks (R5.3's projected effects). */
  readonly preview: Preview | null;
}

export interface ActionOption extends PlayOption {
  readonly def: PlayDef;
}

export interface CardOption {
  readonly id: string;
  readonly def: PlayDef;
  readonly play: PlayOption;
  readonly recycle: PlayOption;
}

export interface TermOption {
  readonly def: DealTermDef;
  readonly chosen: boolean;
  /** Why it cannot be added to the terms chosen so far (null when chosen or possible). */
  readonly problem: Refusal | null;
}

/** The deal composer (R7.1): the terms on offer given those chosen, and the proposal they make. */
export interface DealDesk {
  readonly cost: number;
  readonly terms: Readonly<Record<Side, readonly TermOption[]>>;
  readonly chosen: readonly string[];
  readonly propose: PlayOption;
  /** How each side's hawks would take the chosen terms (R7.4), once they make a proposal that may be made. */
  readonly hawks: Readonly<Record<Side, number>> | null;
}

/** The answer to a deal on the table (R7.2), for the responder. */
export interface DealAnswer {
  readonly by: Side;
  readonly terms: Readonly<Record<Side, readonly DealTermDef[]>>;
  readonly preview: Preview;
  readonly hawks: Readonly<Record<Side, number>>;
  readonly accept: PlayOption;
  readonly reject: PlayOption;
}

/** What the seat on screen may do. */
export interface Desk {
  readonly seat: Side;
  readonly acting: boolean;
  readonly actions: readonly ActionOption[];
  readonly hand: readonly CardOption[];
  readonly pass: PlayOption;
  readonly deal: DealDesk;
  readonly answer: DealAnswer | null;
}

export interface CapitalModel {
  readonly income: IncomeBreakdown;
  readonly score: ScoreBreakdown;
  /** The side's agenda when this view may see it, and whether it is met now. */
  readonly agenda: { readonly id: string; readonly met: boolean } | null;
  readonly handCount: number;
  readonly passed: boolean;
}

export interface BoardModel {
  /** The side that must act now (the responder while a deal waits), or null when the game is over. */
  readonly acting: Side | null;
  /** Actions the acting side has left this round. */
  readonly actionsLeft: number;
  /** Tracks close to a sudden end or to round-end drift (R8). */
  readonly warnings: readonly TrackId[];
  readonly capitals: Readonly<Record<Side, CapitalModel>>;
  /** Null when no seat is on screen (the curtain is down, or a spectator). */
  readonly desk: Desk | null;
}

function option(G: DeRiskState, ctx: TurnInfo, side: Side, play: Play, cost: number): PlayOption {
  const refusal = whyRefused(G, ctx, side, play);
  return { play, cost, refusal, preview: refusal ? null : previewPlay(G, side, play) };
}

function termsBySide<T extends { readonly side: Side }>(items: readonly T[]): Record<Side, T[]> {
  return { us: items.filter((i) => i.side === 'us'), cn: items.filter((i) => i.side === 'cn') };
}

function dealDesk(G: DeRiskState, ctx: TurnInfo, seat: Side, composer: readonly string[]): DealDesk {
  const chosen = composer.filter((id) => CONTENT.dealTerms.has(id));
  const terms = (side: Side): TermOption[] =>
    CONTENT.termsOf[side].map((def) => {
      const picked = chosen.includes(def.id);
      return { def, chosen: picked, problem: picked ? null : termAvailability(G, def.id, chosen) };
    });
  const cost = dealCost(G, seat);
  const propose = option(G, ctx, seat, { kind: 'propose', terms: chosen }, cost);
  return {
    cost,
    chosen,
    terms: { us: terms('us'), cn: terms('cn') },
    propose,
    hawks: chosen.length > 0 && !propose.refusal ? hawkVerdict(chosen) : null,
  };
}

function dealAnswer(G: DeRiskState, ctx: TurnInfo, seat: Side): DealAnswer | null {
  const proposal = G.proposal;
  if (!proposal || whyRefused(G, ctx, seat, { kind: 'accept' })) return null;
  const defs = proposal.terms.flatMap((id) => CONTENT.dealTerms.get(id) ?? []);
  return {
    by: proposal.by,
    terms: termsBySide(defs),
    preview: previewDeal(G, proposal.terms, proposal.by),
    hawks: hawkVerdict(proposal.terms),
    accept: option(G, ctx, seat, { kind: 'accept' }, 0),
    reject: option(G, ctx, seat, { kind: 'reject' }, 0),
  };
}

function desk(G: DeRiskState, ctx: TurnInfo, seat: Side, composer: readonly string[]): Desk {
  return {
    seat,
    acting: actingSide(G, ctx) === seat,
    actions: actionMenu(G, ctx, seat).map(({ def, cost, refusal }) => ({
      def,
      play: { kind: 'action', id: def.id },
      cost,
      refusal,
      preview: refusal ? null : previewPlay(G, seat, { kind: 'action', id: def.id }),
    })),
    hand: G.sides[seat].hand.flatMap((id) => {
      const def = CONTENT.cards.get(id);
      if (!def) return [];
      return [{ id, def, play: option(G, ctx, seat, { kind: 'card', id }, costOf(G, seat, def)), recycle: option(G, ctx, seat, { kind: 'recycle', id }, RECYCLE_COST) }];
    }),
    pass: option(G, ctx, seat, { kind: 'pass' }, 0),
    deal: dealDesk(G, ctx, seat, composer),
    answer: dealAnswer(G, ctx, seat),
  };
}

function capital(G: DeRiskState, side: Side): CapitalModel {
  const agenda = G.sides[side].agenda;
  return {
    income: incomeOf(G, side),
    score: scoreFor(G, side),
    agenda: agenda ? { id: agenda, met: agendaMet(G, side) } : null,
    handCount: G.view ? G.view.handCounts[side] : G.sides[side].hand.length,
    passed: G.sides[side].passed,
  };
}

/**
 * The board's model for `seat` (null: nobody's secrets on screen), with the deal terms the
 * seat has picked in its composer so far.
 */
export function boardModel(G: DeRiskState, ctx: TurnInfo, seat: Side | null, composer: readonly string[] = []): BoardModel {
  const acting = actingSide(G, ctx);
  return {
    acting,
    actionsLeft: acting ? Math.max(0, ACTIONS_PER_ROUND - G.sides[acting].actionsTaken) : 0,
    warnings: warnings(G),
    capitals: { us: capital(G, 'us'), cn: capital(G, 'cn') },
    desk: seat ? desk(G, ctx, seat, composer) : null,
  };
}
