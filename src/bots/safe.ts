/**
 * The play always open to the side that must act (R5.1, R7.2): reject a deal on the table,
 * else pass. A module of its own so that the server's bot runner can use it without loading
 * the bots themselves (they run in the decision thread).
 */
import { toMove, type BotMove, type BotReason, type DeRiskState, type Fallback, type Play } from '../game';

export function safeChoice(G: DeRiskState, because: Fallback): { play: Play; reason: BotReason } {
  return G.proposal ? { play: { kind: 'reject' }, reason: { kind: 'reject', why: because } } : { play: { kind: 'pass' }, reason: { kind: 'pass', why: because } };
}

/** The always-legal move with its reason, for a caller whose first choice was refused. */
export function safeMove(G: DeRiskState, because: Fallback): BotMove {
  const { play, reason } = safeChoice(G, because);
  return toMove(play, reason);
}
