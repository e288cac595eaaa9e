/** The computer opponents: legal, reproducible, blind to the other side's secrets, explained, and in character. */
import type { Ctx } from 'boardgame.io';
import { describe, expect, it } from 'vitest';
import { BOT_LEVELS, PERSONAS, decide, moodOf, type BotConfig, type BotLevel, type Persona } from '../../src/bots';
import { actingSide, botReasonSchema, other, reasonFits, toPlay, whyRefused, type BotReason, type DeRiskState, type GameLength, type ScenarioId, type Side } from '../../src/game';
import { HARD_BUDGET, searchPlays } from '../../src/bots/hard';
import { project } from '../../src/bots/position';
import { rankPlays, NORMAL_OPTIONS, type Candidate } from '../../src/bots/normal';
import { seededRandom } from '../../src/bots/random';
import { createHeadlessMatch, playerToAct } from '../../src/sim/headless';
import { main, mergeSummaries, parseArgs, simulate, splitGames, type SimSummary } from '../../scripts/simulate';
import { play, startMatch, BEIJING, WASHINGTON } from '../helpers/match';

const SCENARIOS: readonly ScenarioId[] = ['2025', '2018', '2020'];
const LENGTHS: readonly GameLength[] = [8, 6, 4];

interface Played {
  G: DeRiskState;
  moves: string[];
  reasons: BotReason[];
  positions: { G: DeRiskState; ctx: Ctx }[];
}

/**
 * Plays one game to the end with a bot on each side. Every decision is checked with the
 * engine's `whyRefused` on the full state and must be accepted by the reducer (R5.3).
 */
function playGame(seed: number, bots: Record<Side, Omit<BotConfig, 'seed'>>, scenario: ScenarioId, length: GameLength): Played {
  const match = createHeadlessMatch(`bots-${seed}`, { scenario, length });
  const out: Played = { G: match.state.G, moves: [], reasons: [], positions: [] };
  for (let n = 0; match.state.ctx.gameover === undefined; n += 1) {
    if (n > 1000) throw new Error(`seed ${seed}: the game did not end`);
    const { G, ctx } = match.state;
    const side = actingSide(G, ctx);
    if (!side) throw new Error(`seed ${seed}: nobody to act`);
    const decision = decide(G, ctx, { ...bots[side], seed: seed * 2 + (side === 'us' ? 0 : 1) });
    const why = JSON.stringify(decision.reason);
    const asPlay = toPlay(decision.move.move, decision.move.args);
    expect(asPlay, why).not.toBeNull();
    if (asPlay) expect(whyRefused(G, ctx, side, asPlay), `${side}: ${why}`).toBeNull();
    // R12: the reason is a well-formed code about this very play, and the move carries it.
    expect(botReasonSchema.safeParse(decision.reason).success, why).toBe(true);
    if (asPlay) expect(reasonFits(decision.reason, asPlay), why).toBe(true);
    expect(decision.move.args.at(-1)).toEqual(decision.reason);
    out.positions.push({ G, ctx });
    expect(match.move(playerToAct(match.state), decision.move.move, ...decision.move.args), why).toBe(true);
    out.moves.push(JSON.stringify(decision.move));
    out.reasons.push(decision.reason);
    // The chronicle keeps it, as the code, for the debrief to word.
    expect(match.state.G.chronicle.findLast((e) => e.reason)?.reason).toEqual({ side, code: decision.reason });
  }
  out.G = match.state.G;
  return out;
}

/** Small enough to travel with every move (R12): a reason is a few hundred bytes at most. */
function expectGoodReasons(reasons: readonly BotReason[]): void {
  for (const reason of reasons) {
    expect(botReasonSchema.safeParse(reason).success).toBe(true);
    expect(JSON.stringify(reason).length).toBeLessThan(600);
  }
}

describe('R5.3 bots make only legal moves, whole games long', () => {
  const GAMES: Record<BotLevel, number> = { easy: 8, normal: 8, hard: 4 };
  for (const level of BOT_LEVELS) {
    it.each(PERSONAS.map((p) => [p]))(`${level} bots (%s) play seeded games to the end, every move accepted`, (persona: Persona) => {
      for (let i = 0; i < GAMES[level]; i += 1) {
        const seed = 1000 * BOT_LEVELS.indexOf(level) + 100 * PERSONAS.indexOf(persona) + i;
        const opponent = { level: (['easy', 'normal'] as const)[i % 2] ?? 'normal', persona: PERSONAS[i % 4] ?? 'balanced' };
        const me = { level, persona };
        const bots = i % 2 === 0 ? { us: me, cn: opponent } : { us: opponent, cn: me };
        const length = level === 'hard' ? 4 : (LENGTHS[i % 3] ?? 8);
        const game = playGame(seed, bots, SCENARIOS[i % 3] ?? '2025', length);
        expect(game.G.finished || game.G.rupture !== null || game.G.tracks.usSupport === 0 || game.G.tracks.cnSupport === 0).toBe(true);
        expectGoodReasons(game.reasons);
      }
    });
  }
});

describe('bots value dice as chances', () => {
  // The Currency Accord's roll sits inside an `if` on the U.S. tariff (1–3 with tariffs at 4+,
  // else 1–2): the bot must expect its chance of success, not only the failure the preview shows.
  it.each([
    [4, 3 / 6],
    [2, 2 / 6],
  ])('with U.S. tariff %i, the Currency Accord is expected to succeed with chance %f', (usTariff, chance) => {
    const { G } = startMatch({ seed: 'accord', clean: true, tracks: { usTariff, relationship: 5, usSupport: 5, cnGrowth: 5 }, hands: { us: ['currencyAccord'] } }).state;
    const after = project(G, 'us', { kind: 'card', id: 'currencyAccord' }).G.tracks;
    expect(after.cnGrowth).toBeCloseTo(5 - chance);
    expect(after.usSupport).toBeCloseTo(5 + chance);
    // +1 on success, −1 on failure.
    expect(after.relationship).toBeCloseTo(5 + chance - (1 - chance));
  });

  it('a normal bot that can afford the Currency Accord ranks it above passing when it is likely to work', () => {
    const { G, ctx } = startMatch({ seed: 'accord', clean: true, tracks: { usTariff: 4, relationship: 6, usLeverage: 4 }, hands: { us: ['currencyAccord'] } }).state;
    const ranked = rankPlays(G, ctx, 'us', 'balanced', seededRandom(1), NORMAL_OPTIONS);
    const value = (kind: string, id?: string) => ranked.find((c) => c.play.kind === kind && (id === undefined || ('id' in c.play && c.play.id === id)))?.value ?? -Infinity;
    expect(value('card', 'currencyAccord')).toBeGreaterThan(value('pass'));
  });
});

describe('bots learn from refusals', () => {
  it('a bot expects a side that has refused two deals to refuse the next, and stops offering them', () => {
    const { G, ctx } = startMatch({ seed: 'refusals', clean: true, tracks: { relationship: 5, usLeverage: 6 } }).state;
    const refused = (by: Side): DeRiskState => ({
      ...G,
      chronicle: [...G.chronicle, ...[1, 2].map(() => ({ kind: 'dealRejected' as const, round: 1, side: by, terms: [], changes: [], notes: [] }))],
    });
    const proposals = (state: DeRiskState) => rankPlays(state, ctx, 'us', 'dealmaker', seededRandom(9), NORMAL_OPTIONS).filter((c) => c.play.kind === 'propose');
    const fresh = proposals(G);
    const after = proposals(refused('cn'));
    expect(fresh.length).toBeGreaterThan(0);
    const chance = (list: readonly Candidate[]) => new Map(list.map((c) => [JSON.stringify(c.play), c.acceptance ?? NaN]));
    const before = chance(fresh);
    expect([...chance(after).keys()].sort()).toEqual([...before.keys()].sort());
    for (const [play, odds] of chance(after)) expect(odds).toBeCloseTo((before.get(play) ?? NaN) / 4);
    // Its own refusals say nothing about the other side.
    expect(chance(proposals(refused('us')))).toEqual(before);
    expect(Math.max(...after.map((c) => c.value))).toBeLessThan(Math.max(...fresh.map((c) => c.value)));
  });

  it('the hard bot plays out both answers to its proposal, weighed by that chance, so refusals lower what a proposal is worth to it', () => {
    const { G, ctx } = startMatch({ seed: 'refusals', clean: true, tracks: { relationship: 5, usLeverage: 6 } }).state;
    const refused: DeRiskState = {
      ...G,
      chronicle: [...G.chronicle, ...[1, 2].map(() => ({ kind: 'dealRejected' as const, round: 1, side: 'cn' as const, terms: [], changes: [], notes: [] }))],
    };
    const budget = { ...HARD_BUDGET, candidates: 12 };
    const proposals = (state: DeRiskState) =>
      new Map(searchPlays(state, ctx, 'us', 'dealmaker', 5, seededRandom(5), budget).filter((s) => s.candidate.play.kind === 'propose').map((s) => [JSON.stringify(s.candidate.play), s.value]));
    const before = proposals(G);
    const after = proposals(refused);
    const common = [...before.keys()].filter((k) => after.has(k));
    expect(common.length).toBeGreaterThan(0);
    for (const play of common) expect(after.get(play) ?? Infinity, play).toBeLessThan(before.get(play) ?? -Infinity);
  });
});

describe('R2.3 the same seeds give the same game', () => {
  it('two runs with the same match seed and bot seeds play the same moves for the same reasons', () => {
    const bots = { us: { level: 'normal', persona: 'titForTat' }, cn: { level: 'easy', persona: 'balanced' } } as const;
    const a = playGame(7, bots, '2018', 6);
    const b = playGame(7, bots, '2018', 6);
    expect(b.moves).toEqual(a.moves);
    expect(b.reasons).toEqual(a.reasons);
    expect(b.G.tracks).toEqual(a.G.tracks);
  });

  it('a hard bot gives the same decision twice for the same position and config', () => {
    const { G, ctx } = startMatch({ seed: 'hard-twice' }).state;
    const config: BotConfig = { level: 'hard', persona: 'balanced', seed: 3 };
    expect(decide(G, ctx, config)).toEqual(decide(G, ctx, config));
  });

  it('R12 a hard bot’s reason says it thought ahead to the next round; a normal bot’s does not', () => {
    const { G, ctx } = startMatch({ seed: 'hard-ahead' }).state;
    expect(decide(G, ctx, { level: 'hard', persona: 'hawk', seed: 3 }).reason.ahead).toBe(true);
    expect(decide(G, ctx, { level: 'normal', persona: 'hawk', seed: 3 }).reason.ahead).toBeUndefined();
  });
});

/** The same position with the other side's hand, agenda and deck order changed (R12's secrets). */
function withOtherSecrets(G: DeRiskState, side: Side): DeRiskState {
  const them = other(side);
  const pile = G.sides[them];
  const pool = [...pile.deck, ...pile.hand];
  const hand = pool.slice(0, pile.hand.length);
  const deck = pool.slice(pile.hand.length).reverse();
  const agenda = them === 'us' ? (pile.agenda === 'techHawk' ? 'farmBelt' : 'techHawk') : pile.agenda === 'steadyHand' ? 'exportEngine' : 'steadyHand';
  return { ...G, sides: { ...G.sides, [them]: { ...pile, hand, deck, agenda } } };
}

describe('R12 a bot never reads the other side’s secrets', () => {
  const bots = { us: { level: 'normal', persona: 'balanced' }, cn: { level: 'normal', persona: 'hawk' } } as const;
  const positions = playGame(21, bots, '2025', 8).positions.filter((_, i) => i % 5 === 0);

  it.each(BOT_LEVELS.map((l) => [l]))('%s: a different hidden hand, agenda and deck order give the same decision', (level: BotLevel) => {
    const sample = level === 'hard' ? positions.slice(0, 6) : positions;
    let checked = 0;
    for (const [i, { G, ctx }] of sample.entries()) {
      const side = actingSide(G, ctx);
      if (!side || G.sides[other(side)].hand.length === 0 || G.sides[other(side)].deck.length < 5) continue;
      const config: BotConfig = { level, persona: PERSONAS[i % 4] ?? 'balanced', seed: i };
      const changed = withOtherSecrets(G, side);
      expect(changed.sides[other(side)].hand).not.toEqual(G.sides[other(side)].hand);
      expect(decide(changed, ctx, config)).toEqual(decide(G, ctx, config));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(3);
  });
});

describe('Personas play in character', () => {
  /** Per game, with `persona` on `side` against a balanced bot: the final relationship and the deals signed. */
  function characterOf(persona: Persona, side: Side): { relationship: number; deals: number } {
    let relationship = 0;
    let deals = 0;
    const games = 20;
    for (let seed = 1; seed <= games; seed += 1) {
      const me = { level: 'normal', persona } as const;
      const balanced = { level: 'normal', persona: 'balanced' } as const;
      const game = playGame(500 + seed, side === 'us' ? { us: me, cn: balanced } : { us: balanced, cn: me }, '2025', 8);
      relationship += game.G.tracks.relationship;
      deals += game.G.chronicle.filter((e) => e.kind === 'dealSigned').length;
    }
    return { relationship: relationship / games, deals: deals / games };
  }

  // A hawk front-loads pressure and then has to mind the rupture (R11.2) like anyone else, so
  // the share of hostile plays over a whole game says little; what a class sees is the ending.
  it.each(['us', 'cn'] as const)('as %s, the hawk signs far fewer deals and leaves the relationship lower than the dealmaker', (side) => {
    const hawk = characterOf('hawk', side);
    const dealmaker = characterOf('dealmaker', side);
    expect(dealmaker.deals - hawk.deals).toBeGreaterThan(0.5);
    expect(dealmaker.relationship - hawk.relationship).toBeGreaterThan(1.5);
  });

  it('tit-for-tat cooperates at first, retaliates after a hostile play and forgives after a friendly one', () => {
    const match = startMatch({ seed: 'tft', tracks: { relationship: 6 } });
    expect(moodOf(match.state.G, 'cn')).toBe('cooperate');
    play(match, WASHINGTON, 'act', 'raiseTariffs');
    expect(moodOf(match.state.G, 'cn')).toBe('retaliate');
    play(match, BEIJING, 'act', 'stimulateDemand');
    play(match, WASHINGTON, 'act', 'cutTariffs');
    expect(moodOf(match.state.G, 'cn')).toBe('cooperate');
  });
});

describe('scripts/simulate.ts', () => {
  it('`--games 10 --json` prints one JSON object with every required field', () => {
    const printed: string[] = [];
    const returned = main(['--games', '10', '--bots', 'normal:easy/hawk', '--length', '4', '--json', '--seed', '5'], (t) => printed.push(t));
    expect(printed).toHaveLength(1);
    const summary = JSON.parse(printed[0] ?? '') as SimSummary;
    expect(summary).toEqual(returned);
    expect(summary.games).toBe(10);
    expect(summary.wins['0'] + summary.wins['1'] + summary.draws).toBe(10);
    expect(summary.suddenEnds).toBe(summary.results.collapse + summary.results.rupture);
    const shares = Object.values(summary.actionShare);
    for (const share of shares) expect(share).toBeGreaterThan(0);
    for (const share of shares) expect(share).toBeLessThanOrEqual(1);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(Object.keys(summary.averageTracks)).toContain('relationship');
    expect(summary.bots).toEqual({ '0': 'normal/balanced', '1': 'easy/hawk' });
  });

  it('`--jobs` splits the seeds evenly, and merging the parts gives the same figures as one run', () => {
    expect(splitGames(10, 5, 3)).toEqual([
      { games: 4, seed: 5 },
      { games: 3, seed: 9 },
      { games: 3, seed: 12 },
    ]);
    expect(splitGames(2, 1, 4)).toEqual([
      { games: 1, seed: 1 },
      { games: 1, seed: 2 },
    ]);
    const run = (games: number, seed: number) => simulate({ ...parseArgs(['--bots', 'easy:easy', '--length', '4']), games, seed });
    const whole = run(6, 1);
    const merged = mergeSummaries([run(4, 1), run(2, 5)]);
    for (const key of ['games', 'seed', 'wins', 'draws', 'suddenEnds', 'results', 'suddenLosers', 'dealsSigned', 'dealsInForce', 'moves', 'decisions', 'winRate'] as const) {
      expect(merged[key], key).toEqual(whole[key]);
    }
    for (const [track, value] of Object.entries(whole.averageTracks)) expect(merged.averageTracks[track as keyof typeof whole.averageTracks]).toBeCloseTo(value, 9);
    for (const [label, share] of Object.entries(whole.actionShare)) expect(merged.actionShare[label]).toBeCloseTo(share, 9);
    for (const [label, share] of Object.entries(whole.actionShareBySide['1'])) expect(merged.actionShareBySide['1'][label]).toBeCloseTo(share, 9);
  });

  it('refuses a bad --jobs with a clear message', () => {
    expect(() => parseArgs(['--jobs', '0'])).toThrow(/--jobs must be a whole number from 1 to 64/);
  });
});

describe('src/bots stays pure (it must also run in a Web Worker)', () => {
  it('imports no React, DOM, UI, server or Node module and touches no browser or Node global', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../src/bots/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');
      for (const source of imports) {
        expect(source, `${file} imports ${source}`).toMatch(/^(\.\.?\/|boardgame\.io$|boardgame\.io\/internal$)/);
        expect(source, `${file} imports ${source}`).not.toMatch(/\/(ui|server)\b/);
      }
      expect(text, file).not.toMatch(/\b(window|document|process|localStorage|setTimeout|Date\.now|performance)\b/);
    }
  });
});
