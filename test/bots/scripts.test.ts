/** The scripted students of the exploit table: legal, reproducible, and each does what its name says. */
import { describe, expect, it } from 'vitest';
import { actingSide, toPlay, whyRefused, type Play } from '../../src/game';
import { createHeadlessMatch, playerToAct } from '../../src/sim/headless';
import { SCRIPTS, scriptMove } from '../../src/sim/scripts';
import { parseArgs } from '../../scripts/simulate';
import { parseExploitArgs } from '../../scripts/exploits';

/** Plays a 4-round game with `us` and `cn` scripts; returns every play each side made and the final state. */
function playScripts(us: string, cn: string, seed: number) {
  const match = createHeadlessMatch(`script-${seed}`, { length: 4 });
  const plays: Record<'us' | 'cn', Play[]> = { us: [], cn: [] };
  const lows = { relationship: 99, usSupport: 99, cnSupport: 99 };
  for (let n = 0; match.state.ctx.gameover === undefined; n += 1) {
    if (n > 500) throw new Error('the game did not end');
    const { G, ctx } = match.state;
    const side = actingSide(G, ctx);
    if (!side) throw new Error('nobody to act');
    const move = scriptMove(side === 'us' ? us : cn, G, ctx, seed);
    const play = toPlay(move.move, move.args);
    expect(play).not.toBeNull();
    if (play) expect(whyRefused(G, ctx, side, play)).toBeNull();
    expect(match.move(playerToAct(match.state), move.move, ...move.args)).toBe(true);
    if (play) plays[side].push(play);
    for (const t of ['relationship', 'usSupport', 'cnSupport'] as const) lows[t] = Math.min(lows[t], match.state.G.tracks[t]);
  }
  return { plays, G: match.state.G, lows };
}

describe('scripted students', () => {
  it.each(SCRIPTS.map((s) => [s]))('%s plays whole games, every move legal, the same way twice', (script) => {
    const a = playScripts(script, 'careful-greedy', 3);
    const b = playScripts(script, 'careful-greedy', 3);
    expect(a.plays).toEqual(b.plays);
    const c = playScripts('random', script, 4);
    expect(c.plays.cn.length).toBeGreaterThan(0);
  });

  it('pass only passes and rejects; sameDeal proposes the same deal and signs every deal', () => {
    const { plays } = playScripts('pass', 'sameDeal', 5);
    expect(plays.us.every((p) => p.kind === 'pass' || p.kind === 'reject')).toBe(true);
    const proposals = plays.cn.filter((p) => p.kind === 'propose');
    expect(proposals.length).toBeGreaterThan(0);
    expect(new Set(proposals.map((p) => JSON.stringify(p))).size).toBe(1);
  });

  it('the tariff script raises barriers and never signs; its careful variant keeps the relationship and its support above 1 by its own plays', () => {
    const reckless = playScripts('tariffs', 'pass', 6);
    expect(reckless.plays.us.some((p) => p.kind === 'action' && p.id === 'raiseTariffs')).toBe(true);
    expect(reckless.plays.us.every((p) => p.kind !== 'accept' && p.kind !== 'propose')).toBe(true);
    const careful = playScripts('careful-tariffs', 'pass', 6);
    // Against a passive Beijing nothing but Washington's own plays and drift move these tracks.
    expect(careful.lows.relationship).toBeGreaterThan(1);
    expect(careful.lows.usSupport).toBeGreaterThan(1);
    expect(reckless.lows.relationship).toBeLessThanOrEqual(careful.lows.relationship);
  });

  it('hoard passes until the last round', () => {
    const { plays, G } = playScripts('hoard', 'pass', 7);
    const firstSpend = G.chronicle.find((e) => e.kind !== 'pass' && 'side' in e && e.side === 'us' && (e.kind === 'action' || e.kind === 'card'));
    expect(plays.us.length).toBeGreaterThan(3);
    if (firstSpend) expect(firstSpend.round).toBe(G.length);
  });

  it('the command lines take scripts and refuse unknown ones', () => {
    expect(parseArgs(['--bots', 'script/careful-tariffs:hard']).bots).toEqual({ us: { script: 'careful-tariffs' }, cn: { level: 'hard', persona: 'balanced' } });
    expect(() => parseArgs(['--bots', 'script/cheat:hard'])).toThrow(/Unknown script "cheat"/);
    expect(() => parseArgs(['--bots', 'script/__proto__:hard'])).toThrow(/Unknown script/);
    expect(() => scriptMove('constructor', createHeadlessMatch('x').state.G, createHeadlessMatch('x').state.ctx, 1)).toThrow(/Unknown script/);
    const o = parseExploitArgs(['--scripts', 'tariffs,careful-tariffs', '--opponents', 'hard', '--lengths', '4,6']);
    expect([o.scripts, o.opponents, o.lengths, o.games]).toEqual([['tariffs', 'careful-tariffs'], ['hard'], [4, 6], 400]);
    expect(() => parseExploitArgs(['--lengths', '5'])).toThrow(/--lengths/);
    expect(() => parseExploitArgs(['--scripts', 'cheat'])).toThrow(/--scripts/);
  });
});
