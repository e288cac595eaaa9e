/**
 * `decide`: the one entry point. Whoever must act now (R7.2, R4.5) looks at its own seat's
 * view only, chooses at its level, and gets back a legal move and its reason: data that the
 * client words in the reader's language (R12), never a sentence.
 */
import type { Ctx } from 'boardgame.io';
import type { Side } from '../content/types';
import { actingSide, toMove, toPlay, whyRefused, type BotReason, type DeRiskState, type Play } from '../game';
import { easyChoice } from './easy';
import { searchPlays } from './hard';
import { NORMAL_OPTIONS, explain, rankPlays } from './normal';
import { botView, lite } from './position';
import { seededRandom } from './random';
import { safeChoice } from './safe';
import type { BotConfig, BotDecision } from './types';

/** FNV-1a: a 32-bit hash of the text, to seed the bot's generator. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seed from the config and the position's public history: the same state, the same choice. */
export function decisionSeed(config: BotConfig, G: DeRiskState, side: Side): number {
  return hash(`${config.seed}|${config.level}|${config.persona}|${side}|${G.round}|${G.chronicle.length}`);
}

interface Choice {
  readonly play: Play;
  readonly reason: BotReason;
}

function choose(view: DeRiskState, ctx: Ctx, side: Side, config: BotConfig, seed: number): Choice {
  const rand = seededRandom(seed);
  switch (config.level) {
    case 'easy':
      return easyChoice(lite(view), ctx, side, config.persona, rand);
    case 'normal': {
      const ranked = rankPlays(view, ctx, side, config.persona, rand, NORMAL_OPTIONS);
      const [best] = ranked;
      if (!best) break;
      return { play: best.play, reason: explain(best, ranked, view, side, config.persona) };
    }
    case 'hard': {
      const searched = searchPlays(view, ctx, side, config.persona, seed, rand);
      const [best] = searched;
      if (!best) break;
      const reason = explain(best.candidate, searched.map((s) => s.candidate), view, side, config.persona);
      return { play: best.candidate.play, reason: { ...reason, ahead: true } };
    }
  }
  return safeChoice(view, { kind: 'nothingBetter' });
}

/**
 * The decision of the side that must act now in (G, ctx), for a bot with `config`. Works on
 * that side's player view only; throws if nobody must act (the game is over).
 */
export function decide(G: DeRiskState, ctx: Ctx, config: BotConfig): BotDecision {
  const side = actingSide(G, ctx);
  if (!side) throw new Error('No side must act: the game is over.');
  const view = botView(G, ctx, side);
  const chosen = choose(view, ctx, side, config, decisionSeed(config, view, side));
  const refusal = whyRefused(view, ctx, side, chosen.play);
  const { play, reason } = refusal ? safeChoice(view, { kind: 'refused', code: refusal.code }) : chosen;
  const move = toMove(play, reason);
  if (toPlay(move.move, move.args) === null) throw new Error(`The bot produced an unknown move ${move.move}`);
  return { move, reason };
}
