// @vitest-environment happy-dom
/** The debrief after a real game: the result, the score, the agendas, the turning points, the forecast (R10, R11). */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT } from '../../src/content';
import { forecastCheck, gameResult, scoreFor, type DeRiskState, type GameResult, type Side } from '../../src/game';
import { suddenEnd, turningPoints } from '../../src/game/analysis';
import { playRandomGame } from '../../src/sim/headless';
import Debrief from '../../src/ui/debrief/Debrief';
import { meaningText } from '../../src/ui/debrief/Forecast';
import { causeText, describeResult } from '../../src/ui/debrief/Outcome';
import { BIG_FALL, candidates, chooseQuestions, QUESTION_COUNT, STRONG_FALL } from '../../src/ui/debrief/questions';
import { pointTitle } from '../../src/ui/debrief/TurningPoints';
import { BEIJING, calmMatch, play, WASHINGTON } from '../helpers/match';
import { TRACK_GROUPS } from '../../src/ui/debrief/TrackChart';
import { loadMessages, t } from '../../src/ui/i18n';
import english from '../../src/ui/i18n/locales/en/debrief.json';

// These screens are rendered here without the lazy route that loads their messages.
beforeAll(() => loadMessages('debrief'));

const charts = vi.hoisted(() => ({ configs: [] as { data: { datasets: unknown[] } }[] }));

vi.mock('chart.js', () => {
  class Chart {
    static register() {}
    constructor(_canvas: unknown, config: { data: { datasets: unknown[] } }) {
      charts.configs.push(config);
    }
    destroy() {}
  }
  const piece = {};
  return {
    Chart,
    LineController: piece,
    LineElement: piece,
    PointElement: piece,
    LinearScale: piece,
    CategoryScale: piece,
    Legend: piece,
    Tooltip: piece,
  };
});

const games = new Map<number, { G: DeRiskState; result: GameResult; ctx: ReturnType<typeof playRandomGame>['state']['ctx'] }>();
function game(seed: number) {
  let found = games.get(seed);
  if (!found) {
    const { state } = playRandomGame({ seed });
    found = { G: state.G, ctx: state.ctx, result: state.ctx.gameover as GameResult };
    games.set(seed, found);
  }
  return found;
}

/**
 * The first seed of the default game (2025, 8 rounds) whose random play has these facts. Seeds
 * are searched for, not fixed, so that new content or tuned rules (which change every random
 * game) cannot break the tests: each test names the facts it relies on.
 */
function seedWhere(what: string, facts: (g: ReturnType<typeof game>) => boolean): number {
  for (let seed = 1; seed <= 2000; seed += 1) if (facts(game(seed))) return seed;
  throw new Error(`No random game in 2000 has ${what}`);
}

function agendaMetAny(result: GameResult): boolean {
  return (result.kind === 'score' || result.kind === 'stalemate') && (result.scores.us.agendaMet || result.scores.cn.agendaMet);
}

const SEEDS = {
  /** Won on points; a deal collapsed; interdependence unchanged; no agenda met; export controls rose. */
  score: seedWhere('a points game with a broken deal', ({ G, result }) => {
    const f = forecastCheck(G);
    return result.kind === 'score' && f.dealsCollapsed > 0 && f.interdependenceEnd === f.interdependenceStart && !agendaMetAny(result) && f.exportControlsRose;
  }),
  /** A rupture a side caused; a deal broken in the open; interdependence fell a lot. */
  rupture: seedWhere('a caused rupture after a broken deal', ({ G, result }) => {
    const f = forecastCheck(G);
    return result.kind === 'rupture' && result.causedBy !== null && f.dealsCollapsed > 0 && f.interdependenceStart - f.interdependenceEnd >= BIG_FALL;
  }),
  collapse: seedWhere('a collapse', ({ result }) => result.kind === 'collapse'),
  stalemate: seedWhere('a stalemate', ({ result }) => result.kind === 'stalemate'),
} as const;

function renderDebrief(seed: number) {
  const { G, ctx } = game(seed);
  const onPlayAgain = vi.fn();
  const view = render(<Debrief G={G} ctx={ctx} onPlayAgain={onPlayAgain} />);
  return { ...view, onPlayAgain, user: userEvent.setup() };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const section = (name: string | RegExp) => screen.getByRole('region', { name });
const headline = () => screen.getByRole('heading', { level: 2, name: /wins|Stalemate/ }).textContent;
/** The totals row of the score table, Washington then Beijing. */
function totals(): number[] {
  const table = screen.getByRole('table', { name: /Points/ });
  const row = within(table).getByRole('row', { name: /Total/ });
  return within(row).getAllByRole('cell').map((c) => Number(c.textContent));
}
const agendaTitle = (id: string | null) => (id ? (CONTENT.agendas.get(id)?.title ?? id) : 'No agenda');

afterEach(() => {
  cleanup();
  charts.configs.length = 0;
  vi.restoreAllMocks();
});

describe('debrief after a game decided on points (R11.3)', () => {
  const seed = SEEDS.score;

  it('names the winner in one sentence, with totals equal to scoreFor', () => {
    const { G, result } = game(seed);
    expect(result.kind).toBe('score');
    if (result.kind !== 'score') return;
    const us = scoreFor(G, 'us').total;
    const cn = scoreFor(G, 'cn').total;
    renderDebrief(seed);
    const [winner, loser] = result.winnerSide === 'us' ? [us, cn] : [cn, us];
    const name = result.winnerSide === 'us' ? 'Washington' : 'Beijing';
    expect(headline()).toBe(`${name} wins, ${winner} to ${loser}`);
    expect(screen.getByRole('table', { name: 'Points after the last round' })).toBeTruthy();
    expect(totals()).toEqual([us, cn]);
  });

  it('R10 reveals both agendas and says whether each was met', () => {
    const { G, result } = game(seed);
    renderDebrief(seed);
    const agendas = section('The secret agendas, revealed');
    for (const side of ['us', 'cn'] as const) {
      const card = within(agendas).getByText(`${side === 'us' ? 'Washington' : 'Beijing'}’s agenda`).closest('li');
      expect(card).not.toBeNull();
      expect(within(card as HTMLElement).getByRole('heading', { level: 3 }).textContent).toBe(agendaTitle(result.agendas[side]));
      expect(within(card as HTMLElement).getByText(scoreFor(G, side).agendaMet ? /^\s*Met/ : /Not met/)).toBeTruthy();
    }
  });

  it('lists the turning points of turningPoints(G): what won it for the winner, what cost the loser, the world', () => {
    const { G, result } = game(seed);
    if (result.kind !== 'score') throw new Error('seed no longer ends on points');
    renderDebrief(seed);
    const expected = turningPoints(G);
    expect(expected.length).toBeGreaterThan(0);
    const turning = section('Turning points');
    const winner = result.winnerSide === 'us' ? 'Washington' : 'Beijing';
    const loser = result.winnerSide === 'us' ? 'Beijing' : 'Washington';
    const groups: [string, typeof expected][] = [
      [`What won it for ${winner}`, expected.filter((p) => p.role === 'helped')],
      [`What cost ${loser} most`, expected.filter((p) => p.role === 'cost')],
      ['The world: events and round ends', expected.filter((p) => p.role === 'world')],
    ];
    for (const [name, points] of groups) {
      if (points.length === 0) continue;
      const group = within(turning).getByRole('region', { name });
      const items = within(group).getAllByRole('listitem').filter((li) => li.classList.contains('debrief-tp'));
      expect(items).toHaveLength(points.length);
      points.forEach((point, i) => {
        const text = items[i]?.textContent ?? '';
        expect(text).toContain(pointTitle(point));
        expect(text).toContain(`Round ${point.round} `);
        expect(text).toContain(`Caused by: ${point.side === 'us' ? 'Washington' : point.side === 'cn' ? 'Beijing' : 'The world'}`);
        expect(text).toMatch(/score gap/);
      });
    }
  });

  it('compares the game with the essay’s forecast, from forecastCheck', () => {
    const { G } = game(seed);
    const f = forecastCheck(G);
    renderDebrief(seed);
    const forecast = section('Did the game follow the essay’s forecast?');
    expect(within(forecast).getByText(`Interdependence went from ${f.interdependenceStart} to ${f.interdependenceEnd}.`)).toBeTruthy();
    expect(within(forecast).getByText(f.dealSurvived ? 'A deal was still in force at the end.' : 'No deal was in force at the end.')).toBeTruthy();
    expect(within(forecast).getByRole('heading', { name: 'Verdict' })).toBeTruthy();
    // What "held" means in this scenario, in one sentence.
    expect(within(forecast).getByText(meaningText(f))).toBeTruthy();
  });

  it('shows exactly three discussion questions, those chooseQuestions picks', () => {
    const { G, result } = game(seed);
    renderDebrief(seed);
    const items = within(section('Questions for the class')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(chooseQuestions(G, result).map((key) => t(key)));
    expect(items).toHaveLength(3);
  });

  it('Play again calls back; Print opens the print dialog', async () => {
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true, writable: true });
    const { user, onPlayAgain } = renderDebrief(seed);
    await user.click(screen.getByRole('button', { name: 'Play again' }));
    expect(onPlayAgain).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Print this debrief' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('charts one group of tracks at a time, and tables every track for every round', async () => {
    const { G } = game(seed);
    const { user } = renderDebrief(seed);
    const chart = section('Every track, round by round');
    await waitFor(() => expect(charts.configs).toHaveLength(1));
    expect(charts.configs[0]?.data.datasets).toHaveLength(TRACK_GROUPS.relations.length);
    expect(within(chart).getByRole('img', { name: /^Line chart of Relationship, Washington: Support at home, Beijing: Support at home, round by round \(Start to Round 8\)/ })).toBeTruthy();

    const trade = within(chart).getByRole('button', { name: 'Trade war' });
    expect(trade.getAttribute('aria-pressed')).toBe('false');
    await user.click(trade);
    expect(trade.getAttribute('aria-pressed')).toBe('true');
    expect(within(chart).getByRole('button', { name: /Relationship and support/ }).getAttribute('aria-pressed')).toBe('false');
    await waitFor(() => expect(charts.configs.at(-1)?.data.datasets).toHaveLength(TRACK_GROUPS.tradeWar.length));

    const table = within(chart).getByRole('table', { name: 'Every track at the start and at the end of each round', hidden: true });
    const relationship = within(table).getByRole('row', { name: /^Relationship( \d+)+$/, hidden: true });
    const cells = within(relationship).getAllByRole('cell', { hidden: true }).map((c) => Number(c.textContent));
    expect(cells).toEqual(G.history.map((s) => s.tracks.relationship));
    // Every track has a row, under its group's heading row.
    const groups = Object.values(TRACK_GROUPS);
    expect(within(table).getAllByRole('rowheader', { hidden: true })).toHaveLength(groups.length + groups.flat().length);
    expect(new Set(groups.flat()).size).toBe(Object.keys(G.tracks).length);
  });

  it('has no accessibility violations that axe can see without layout', async () => {
    const { container } = renderDebrief(seed);
    await waitFor(() => expect(charts.configs).toHaveLength(1));
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

describe('debrief after a sudden end (R11.1, R11.2)', () => {
  it('R11.2 a rupture names the side that caused it and shows the points at that moment', async () => {
    const { G, result } = game(SEEDS.rupture);
    expect(result.kind).toBe('rupture');
    if (result.kind !== 'rupture' || result.causedBy === null) throw new Error('seed no longer ends in a caused rupture');
    renderDebrief(SEEDS.rupture);
    const name = (side: Side) => (side === 'us' ? 'Washington' : 'Beijing');
    const end = suddenEnd(G);
    const root = end?.cause?.kind === 'collapse' ? end.cause.trigger : end?.cause;
    expect(headline()).toBe(
      root?.kind === 'event'
        ? `${name(result.winnerSide ?? 'us')} wins: the relationship broke, and the rules charge ${name(result.causedBy)} with it`
        : `${name(result.winnerSide ?? 'us')} wins: ${name(result.causedBy)} caused a rupture`,
    );
    // The reason names what broke it.
    if (!end?.cause) throw new Error('the engine did not record what broke the relationship');
    expect(screen.getByText(new RegExp(`when ${escape(causeText(end.cause))} took it from ${end.from} to 0`))).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Points at the moment the game ended' })).toBeTruthy();
    expect(totals()).toEqual([scoreFor(G, 'us').total, scoreFor(G, 'cn').total]);
    const agendas = section('The secret agendas, revealed');
    for (const side of ['us', 'cn'] as const) expect(within(agendas).getByText(agendaTitle(result.agendas[side]))).toBeTruthy();
    // The history has no snapshot of the round the rupture happened in: the chart adds that moment.
    const table = screen.getByRole('table', { name: /Every track/, hidden: true });
    const row = within(table).getByRole('row', { name: /^Relationship( \d+)+$/, hidden: true });
    expect(within(row).getAllByRole('cell', { hidden: true }).at(-1)?.textContent).toBe('0');
    expect(within(section('Questions for the class')).getAllByRole('listitem')).toHaveLength(3);
    await waitFor(() => expect(charts.configs).toHaveLength(1));
  });

  it('R11.1 a side voted out loses; R11.4 a tie is a stalemate', async () => {
    const collapse = game(SEEDS.collapse).result;
    expect(collapse.kind).toBe('collapse');
    renderDebrief(SEEDS.collapse);
    const winner = collapse.kind === 'collapse' && collapse.winnerSide === 'cn' ? 'Beijing' : 'Washington';
    expect(headline()).toMatch(new RegExp(`^${winner} wins: `));
    await waitFor(() => expect(charts.configs).toHaveLength(1));
    cleanup();

    expect(game(SEEDS.stalemate).result.kind).toBe('stalemate');
    renderDebrief(SEEDS.stalemate);
    expect(headline()).toBe('Stalemate: de-risking continues');
    await waitFor(() => expect(charts.configs).toHaveLength(2));
  });
});

describe('a sudden end names its real cause (R11.1, R11.2)', () => {
  it('R11.2 a rupture an event caused is worded as the event, with whom the rules charge and why', () => {
    // Beijing's sanction cuts the relationship last; round 2's event takes it from 1 to 0.
    const match = calmMatch({ tracks: { relationship: 3 }, prepare: (G) => void (G.eventDeck = ['taiwanTensions']) });
    play(match, WASHINGTON, 'act', 'restrictConnectedTech');
    play(match, BEIJING, 'act', 'sanctionFirm');
    play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'pass');
    const { G } = match.state;
    const { headline, why, rule, tone } = describeResult(G, gameResult(G));
    expect(headline).toBe('Washington wins: the relationship broke, and the rules charge Beijing with it');
    expect(why).toContain('The relationship broke in round 2 (H2 2025) when the world event “Tensions flare in the Taiwan Strait” took it from 1 to 0.');
    expect(why).toContain('No side chose the event, so the rules charge the side that last lowered the relationship by its own play: Beijing, with Beijing’s action “');
    expect(why).toContain('in round 1. So Beijing loses.');
    expect(why).not.toMatch(/own play that took it/);
    expect({ rule, tone }).toEqual({ rule: 'R11.2', tone: 'us' });
  });

  it('R11.2 a rupture by a side’s own play says it was that play', () => {
    const match = calmMatch({ tracks: { relationship: 1 } });
    play(match, WASHINGTON, 'act', 'raiseTariffs');
    const { headline, why } = describeResult(match.state.G, gameResult(match.state.G));
    expect(headline).toBe('Beijing wins: Washington caused a rupture');
    expect(why).toMatch(/^The relationship broke in round 1 \(.+\) when Washington’s action “Raise tariffs[^”]*” took it from 1 to 0\. That was Washington’s own doing/);
  });

  it('R11.1 a side voted out at the round end names the drift', () => {
    const match = calmMatch({ tracks: { usInflation: 7, usSupport: 1 } });
    play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'pass');
    const { why } = describeResult(match.state.G, gameResult(match.state.G));
    expect(why).toBe(
      'Washington’s support at home fell to 0 in round 1 (H1 2025) when the round end (U.S. inflation at 7 or more costs Washington support) took it from 1 to 0. Congress and the voters turned against Washington, so Washington loses at once.',
    );
  });
});

describe('chooseQuestions', () => {
  const keys = new Set(Object.keys(english));
  const DEAL = new Set(['debrief.q.dealCollapsed', 'debrief.q.dealEroded', 'debrief.q.dealWornAway', 'debrief.q.noDeal', 'debrief.q.dealSurvived']);
  const ESSAY = new Set(['debrief.q.deRisking', 'debrief.q.tariffInflation', 'debrief.q.selfReliance', 'debrief.q.dealEroded', 'debrief.q.dealWornAway']);
  const sample = () => Array.from({ length: 24 }, (_, i) => game(i + 1));

  it('always gives three different questions that exist, at most one about the deal and at least one of the essay’s themes, the same for the same game', () => {
    for (const { G, result } of [...Object.values(SEEDS).map(game), ...sample()]) {
      const picked = chooseQuestions(G, result);
      expect(picked).toHaveLength(QUESTION_COUNT);
      expect(new Set(picked).size).toBe(QUESTION_COUNT);
      for (const key of picked) expect(keys.has(key)).toBe(true);
      expect(picked.filter((k) => DEAL.has(k)).length).toBeLessThanOrEqual(1);
      expect(picked.some((k) => ESSAY.has(k))).toBe(true);
      expect(chooseQuestions(structuredClone(G), result)).toEqual(picked);
    }
  });

  it('R7.4 a deal that wore away asks whether a deal can last while both sides de-risk, not about missed orders', () => {
    const match = calmMatch({ tracks: { relationship: 8, usLeverage: 9 } });
    play(match, WASHINGTON, 'proposeDeal', ['tariffCut1', 'currencyPledge']);
    play(match, BEIJING, 'acceptDeal');
    for (let round = 1; round <= 4; round += 1) {
      if (round > 1) play(match, WASHINGTON, 'act', 'restrictConnectedTech');
      while (match.state.G.round === round) play(match, match.state.ctx.currentPlayer, 'pass');
    }
    const { G } = match.state;
    expect(G.chronicle.findLast((e) => e.kind === 'dealCollapsed')).toMatchObject({ breachedBy: null });
    const result: GameResult = { kind: 'stalemate', draw: true, scores: { us: scoreFor(G, 'us'), cn: scoreFor(G, 'cn') }, agendas: { us: null, cn: null } };
    const cues = new Map(candidates(G, result).map((c) => [c.key, c.strength]));
    expect(cues.get('debrief.q.dealWornAway')).toBeGreaterThan(0.8);
    expect(cues.has('debrief.q.dealEroded')).toBe(false);
    expect(cues.has('debrief.q.dealCollapsed')).toBe(false);
    expect(chooseQuestions(G, result)).toContain('debrief.q.dealWornAway');
  });

  it('asks what the game showed: different games get different questions, a sudden end asks about it', () => {
    const sets = new Set(sample().map(({ G, result }) => chooseQuestions(G, result).join()));
    expect(sets.size).toBeGreaterThan(4);
    const rupture = game(SEEDS.rupture);
    expect(chooseQuestions(rupture.G, rupture.result)).toContain('debrief.q.rupture');
    const collapse = game(SEEDS.collapse);
    expect(chooseQuestions(collapse.G, collapse.result)).toContain('debrief.q.votedOut');
    expect(chooseQuestions(game(SEEDS.score).G, game(SEEDS.score).result)).not.toEqual(chooseQuestions(rupture.G, rupture.result));
  });

  it('a game whose players cut interdependence a lot gets the de-risking question; one where it rose does not', () => {
    const fell = game(seedWhere('a big fall by the players', ({ G }) => forecastCheck(G).interdependenceUnscheduled <= -STRONG_FALL));
    expect(chooseQuestions(fell.G, fell.result)).toContain('debrief.q.deRisking');
    const rose = game(seedWhere('a rise', ({ G }) => forecastCheck(G).interdependenceUnscheduled >= BIG_FALL));
    const strength = (g: typeof rose) => candidates(g.G, g.result).find((c) => c.key === 'debrief.q.deRisking')?.strength ?? 0;
    expect(strength(rose)).toBeLessThan(strength(fell));
  });
});
