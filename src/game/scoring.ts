/** Sudden ends, final scoring and the game-over result (R11). */
import { CONTENT, must } from '../content';
import type { Side } from '../content/types';
import { allHold } from './conditions';
import { PLAYER_OF, other } from './sides';
import type { DeRiskState, GameResult, ScoreBreakdown } from './state';
import { SIDE_TRACKS } from './tracks';

export const AGENDA_BONUS_DEFAULT = 4;
export const DEAL_BONUS = 3;
export const RESILIENCE_BASE = 5;

function agendas(G: DeRiskState): Record<Side, string | null> {
  return { us: G.sides.us.agenda, cn: G.sides.cn.agenda };
}

export function agendaMet(G: DeRiskState, side: Side): boolean {
  const id = G.sides[side].agenda;
  return id !== null && allHold(G, must(CONTENT.agendas, id, 'agenda').goal);
}

/** A side's score if the game ended now (R11.3). */
export function scoreFor(G: DeRiskState, side: Side): ScoreBreakdown {
  const t = SIDE_TRACKS[side];
  const support = 2 * G.tracks[t.support];
  const economy = side === 'us' ? 10 - G.tracks.usInflation : G.tracks.cnGrowth;
  const resilience = RESILIENCE_BASE - G.tracks[t.dependence];
  const met = agendaMet(G, side);
  const agendaId = G.sides[side].agenda;
  const agenda = met && agendaId ? must(CONTENT.agendas, agendaId, 'agenda').points : 0;
  const deal = G.deal ? DEAL_BONUS : 0;
  return { support, economy, resilience, agenda, deal, total: support + economy + resilience + agenda + deal, agendaMet: met };
}

/**
 * A sudden end, if one has happened: a side voted out, or a rupture (R11.1, R11.2). The first
 * decides: a rupture is only ever recorded while both supports are above 0 (effects.ts), so a
 * recorded rupture came first even if the same play or round end then took a support to 0.
 */
export function suddenResult(G: DeRiskState): GameResult | undefined {
  if (G.rupture) {
    const { causedBy } = G.rupture;
    if (causedBy === null) return { kind: 'rupture', draw: true, winnerSide: null, causedBy, agendas: agendas(G) };
    const winnerSide = other(causedBy);
    return { kind: 'rupture', winner: PLAYER_OF[winnerSide], winnerSide, causedBy, agendas: agendas(G) };
  }
  const losers = (['us', 'cn'] as const).filter((s) => G.tracks[SIDE_TRACKS[s].support] <= 0);
  if (losers.length === 2) return { kind: 'collapse', draw: true, winnerSide: null, losers, agendas: agendas(G) };
  const [loser] = losers;
  if (!loser) return undefined;
  const winnerSide = other(loser);
  return { kind: 'collapse', winner: PLAYER_OF[winnerSide], winnerSide, losers, agendas: agendas(G) };
}

/** The game's result once it is over, else undefined: boardgame.io's `endIf` (R11). */
export function gameResult(G: DeRiskState): GameResult | undefined {
  const sudden = suddenResult(G);
  if (sudden) return sudden;
  if (!G.finished) return undefined;
  const scores = { us: scoreFor(G, 'us'), cn: scoreFor(G, 'cn') };
  if (scores.us.total === scores.cn.total) return { kind: 'stalemate', draw: true, scores, agendas: agendas(G) };
  const winnerSide: Side = scores.us.total > scores.cn.total ? 'us' : 'cn';
  return { kind: 'score', winner: PLAYER_OF[winnerSide], winnerSide, scores, agendas: agendas(G) };
}
