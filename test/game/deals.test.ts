import { describe, it, expect, vi, beforeEach } from 'vitest';
import { BEIJING, WASHINGTON, calmMatch as sharedCalmMatch, lastEntry, passRound, play, playerToAct, startMatch, type MatchOptions } from '../helpers/match';
import { trackChanges } from '../helpers/state';
import type { HeadlessMatch } from '../../src/sim/headless';
import { hawkVerdict } from '../../src/game/deals';
import { whyRefused } from '../../src/game/rules';
import { scoreFor } from '../../src/game/scoring';
import type { GameResult } from '../../src/game/state';
import { refusalText } from '../../src/ui/bridge';

/** A refusal as a player reads it (the engine gives codes; the interface words them). */
const say = (refusal: Parameters<typeof refusalText>[0] | null) => (refusal ? refusalText(refusal) : null);

/** The shared calm position, with a relationship of 6 so that deals have room to move it. */
function calmMatch(options: MatchOptions = {}): HeadlessMatch {
  return sharedCalmMatch({ ...options, tracks: { relationship: 6, ...options.tracks } });
}

/** Washington proposes, Beijing signs; Beijing is then to act. */
function signed(terms: string[], options: MatchOptions = {}): HeadlessMatch {
  const match = calmMatch(options);
  play(match, WASHINGTON, 'proposeDeal', terms);
  play(match, BEIJING, 'acceptDeal');
  return match;
}

const endOfRound = (match: HeadlessMatch) => match.state.G.history.at(-1);

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('R7.1 proposing a deal', () => {
  it('R7.1 proposing costs 2 leverage and counts as one of the proposer’s actions', () => {
    const match = calmMatch();
    play(match, WASHINGTON, 'proposeDeal', ['appReprieve', 'buyLng']);
    const { G } = match.state;
    expect(G.tracks.usLeverage).toBe(4);
    expect(G.sides.us.actionsTaken).toBe(1);
    expect(G.proposal).toEqual({ by: 'us', terms: ['appReprieve', 'buyLng'] });
    expect(lastEntry(match)).toMatchObject({ kind: 'dealProposed', side: 'us', cost: 2 });
  });

  it.each([
    ['no Beijing term', ['appReprieve'], {}, 'A deal needs at least one term from Beijing.'],
    ['three Beijing terms', ['appReprieve', 'buyLng', 'buyFarm', 'buyMedical'], {}, 'at most 2 terms from Beijing'],
    ['an excluded pair', ['tariffCut1', 'tariffCut2', 'buyLng'], {}, 'cannot go with'],
    ['an unmet requirement', ['easeControls', 'buyLng'], { exportControls: 0 }, 'There are no export controls to ease.'],
    ['an unknown term', ['appReprieve', 'buyTofu'], {}, 'There is no deal term called “buyTofu”.'],
    ['a repeated term', ['appReprieve', 'buyLng', 'buyLng'], {}, '“LNG” appears twice in the deal.'],
    ['too little leverage', ['appReprieve', 'buyLng'], { usLeverage: 1 }, 'It costs 2 leverage and Washington has 1.'],
  ] as const)('R7.1 a proposal with %s is refused and changes nothing', (_label, terms, tracks, message) => {
    const match = calmMatch({ tracks });
    const before = structuredClone(match.state.G);
    const refusal = whyRefused(before, match.state.ctx, 'us', { kind: 'propose', terms });
    expect(say(refusal)).toContain(message);
    expect(match.move(WASHINGTON, 'proposeDeal', [...terms])).toBe(false);
    expect(match.state.G.tracks).toEqual(before.tracks);
    expect(match.state.G.proposal).toBeNull();
    expect(match.state.G.sides.us.actionsTaken).toBe(0);
  });

  it('R7.1 approveInvestment needs an offer on the table, or a factory investment in the same deal', () => {
    const match = calmMatch();
    const propose = (terms: string[]) => whyRefused(match.state.G, match.state.ctx, 'us', { kind: 'propose', terms });
    const refusal = propose(['approveInvestment', 'buyLng']);
    expect(refusal).toEqual({ code: 'requirement', kind: 'term', id: 'approveInvestment', index: 0 });
    expect(say(refusal)).toBe('“Approve a pending Chinese factory”: There is no Chinese factory offer on the table to approve.');
    expect(propose(['approveInvestment', 'factoryInvestment'])).toBeNull();
    play(match, WASHINGTON, 'proposeDeal', ['approveInvestment', 'factoryInvestment']);
    play(match, BEIJING, 'acceptDeal');
    expect(match.state.G.offers).toEqual({ pending: 0, approved: 1, blocked: 0, preempt: false });
  });

  it('R7.3 with an offer pending, Beijing’s factory offer is applied before Washington approves one', () => {
    const match = signed(['approveInvestment', 'factoryInvestment'], {
      prepare: (G) => {
        G.offers.pending = 1;
      },
    });
    const { G } = match.state;
    expect(G.offers).toEqual({ pending: 1, approved: 1, blocked: 0, preempt: false });
    const notes = lastEntry(match)?.notes.map((n) => n.kind) ?? [];
    expect(notes.indexOf('offerMade')).toBeGreaterThanOrEqual(0);
    expect(notes.indexOf('offerMade')).toBeLessThan(notes.indexOf('offerApproved'));
  });
});

describe('R7.2 answering a deal', () => {
  it('R7.2 while a proposal waits, the responder is the only player who may move, and only to answer', () => {
    const match = calmMatch();
    play(match, WASHINGTON, 'proposeDeal', ['appReprieve', 'buyLng']);
    expect(match.state.ctx.activePlayers).toEqual({ [BEIJING]: 'respond' });
    expect(playerToAct(match.state)).toBe(BEIJING);
    expect(match.move(WASHINGTON, 'pass')).toBe(false);
    expect(match.move(WASHINGTON, 'acceptDeal')).toBe(false);
    expect(match.move(BEIJING, 'act', 'signLng')).toBe(false);
    expect(whyRefused(match.state.G, match.state.ctx, 'us', { kind: 'accept' })?.code).toBe('ownProposal');
    expect(match.state.G.proposal).not.toBeNull();
  });

  it('R7.2 answering is not an action, and play resumes with the responder’s own turn', () => {
    const match = signed(['appReprieve', 'buyLng']);
    expect(match.state.G.sides.cn.actionsTaken).toBe(0);
    expect(match.state.G.sides.us.actionsTaken).toBe(1);
    expect(match.state.ctx.activePlayers).toBeNull();
    expect(match.state.ctx.currentPlayer).toBe(BEIJING);
    play(match, BEIJING, 'act', 'signLng');
    expect(match.state.ctx.currentPlayer).toBe(WASHINGTON);
  });

  it.each([
    ['acts first', true, WASHINGTON],
    ['has passed', false, BEIJING],
  ])('R7.2 when Beijing proposes and Washington (who %s) answers, the right side acts next', (_label, acts, next) => {
    const match = calmMatch();
    if (acts) play(match, WASHINGTON, 'act', 'restrictConnectedTech');
    else play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'proposeDeal', ['appReprieve', 'buyLng']);
    expect(playerToAct(match.state)).toBe(WASHINGTON);
    play(match, WASHINGTON, 'rejectDeal');
    expect(playerToAct(match.state)).toBe(next);
    expect(match.state.G.sides.us.actionsTaken).toBe(acts ? 1 : 0);
  });

  it('R7.2 a rejection changes nothing but the proposer’s spent leverage', () => {
    const match = calmMatch();
    const before = structuredClone(match.state.G);
    play(match, WASHINGTON, 'proposeDeal', ['tariffCut1', 'buyLng']);
    play(match, BEIJING, 'rejectDeal');
    const { G } = match.state;
    expect(trackChanges(before.tracks, G.tracks)).toEqual({ usLeverage: -2 });
    expect(G.deal).toBeNull();
    expect(G.proposal).toBeNull();
    expect(G.offers).toEqual(before.offers);
    expect(G.flags).toEqual(before.flags);
    expect(lastEntry(match)).toMatchObject({ kind: 'dealRejected', side: 'cn', terms: ['tariffCut1', 'buyLng'] });
  });
});

describe('R7.3 signing', () => {
  it('R7.3 accepting applies the terms, relationship +2 and the hawks’ verdict, and puts the deal in force', () => {
    const match = calmMatch();
    play(match, WASHINGTON, 'proposeDeal', ['tariffCut1', 'buyLng', 'buyFarm']);
    const before = structuredClone(match.state.G.tracks);
    play(match, BEIJING, 'acceptDeal');
    const { G } = match.state;
    // tariffCut1: tariff −1, inflation −1, growth +1; signing: relationship +2, interdependence +1;
    // hawks: Washington gave 1 and got 2 (+1), Beijing gave 2 and got 1 (−1).
    expect(trackChanges(before, G.tracks)).toEqual({
      usTariff: -1,
      usInflation: -1,
      cnGrowth: 1,
      relationship: 2,
      interdependence: 1,
      usSupport: 1,
      cnSupport: -1,
    });
    expect(G.deal).toEqual({
      terms: ['tariffCut1', 'buyLng', 'buyFarm'],
      proposedBy: 'us',
      signedRound: 1,
      health: 3,
      commitments: ['lng', 'farm'],
      ceilings: [{ track: 'usTariff', side: 'us', limit: 1 }],
    });
    expect(lastEntry(match)).toMatchObject({ kind: 'dealSigned', side: 'us' });
  });

  it.each([
    [['appReprieve', 'buyLng'], 0, 0],
    [['tariffCut1', 'buyLng', 'buyFarm'], 1, -1],
    [['tariffCut2', 'liftBan'], 0, 0],
    [['tariffCut2', 'easeControls', 'buyFarm'], -2, 2],
    [['appReprieve', 'liftBan', 'buyFarm'], 2, -2],
  ])('R7.3 hawkVerdict(%j) moves Washington %i and Beijing %i (capped at ±2)', (terms, us, cn) => {
    expect(hawkVerdict(terms)).toEqual({ us, cn });
  });

  it('R7.3 a lopsided deal moves each side’s support by exactly 2 at signing', () => {
    const match = calmMatch();
    play(match, WASHINGTON, 'proposeDeal', ['tariffCut2', 'easeControls', 'buyFarm']);
    play(match, BEIJING, 'acceptDeal');
    expect(match.state.G.tracks.usSupport).toBe(3);
    expect(match.state.G.tracks.cnSupport).toBe(7);
  });

  it('R7.3 signing a deal ends a tariff-escalation plan', () => {
    const match = signed(['appReprieve', 'buyLng'], {
      prepare: (G) => {
        G.flags.push({ flag: 'tariffEscalation', duration: 'untilDeal' });
      },
    });
    expect(match.state.G.flags.map((f) => f.flag)).not.toContain('tariffEscalation');
    passRound(match);
    expect(endOfRound(match)?.tracks.usTariff).toBe(2);
    expect(match.state.G.chronicle.some((e) => e.kind === 'escalation')).toBe(false);
  });
});

describe('R7.4 obligations and upkeep', () => {
  it('R7.4 commitments start the round after signing: the signing round costs no health', () => {
    const match = signed(['appReprieve', 'buyLng']);
    passRound(match);
    expect(endOfRound(match)?.dealHealth).toBe(3);
    expect(match.state.G.chronicle.some((e) => e.kind === 'dealUpkeep')).toBe(false);
  });

  it('R7.4 buying every committed good in a round keeps the deal’s health', () => {
    const match = signed(['appReprieve', 'buyLng', 'buyFarm']);
    passRound(match);
    play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'act', 'signLng');
    play(match, BEIJING, 'act', 'buyFarm');
    play(match, BEIJING, 'pass');
    expect(match.state.G.round).toBe(3);
    expect(endOfRound(match)?.dealHealth).toBe(3);
    expect(match.state.G.deal?.health).toBe(3);
  });

  it('R7.4 a round with missed commitments costs exactly 1 health, however many are missed', () => {
    const match = signed(['appReprieve', 'buyLng', 'buyFarm']);
    passRound(match);
    play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'act', 'signLng');
    play(match, BEIJING, 'pass');
    expect(match.state.G.deal?.health).toBe(2);
    expect(match.state.G.chronicle.findLast((e) => e.kind === 'dealUpkeep')).toMatchObject({
      round: 2,
      health: 2,
      notes: [{ kind: 'missed', goods: ['farm'] }],
    });
    passRound(match);
    expect(match.state.G.deal?.health).toBe(1);
    expect(match.state.G.chronicle.findLast((e) => e.kind === 'dealUpkeep')).toMatchObject({
      round: 3,
      notes: [{ kind: 'missed', goods: ['lng', 'farm'] }],
    });
  });

  it('R7.5 at health 0 the deal collapses: relationship −2 and Beijing support −1', () => {
    const match = signed(['appReprieve', 'buyLng']);
    for (let round = 1; round <= 3; round += 1) passRound(match);
    expect(match.state.G.deal?.health).toBe(1);
    play(match, WASHINGTON, 'pass');
    const before = structuredClone(match.state.G.tracks);
    play(match, BEIJING, 'pass');
    const end = endOfRound(match);
    expect(end?.round).toBe(4);
    expect(trackChanges(before, end?.tracks ?? before)).toEqual({ relationship: -2, cnSupport: -1 });
    expect(end?.dealHealth).toBeNull();
    expect(match.state.G.deal).toBeNull();
    expect(match.state.G.lastRelationshipCut).toBe('cn');
    expect(match.state.G.chronicle.findLast((e) => e.kind === 'dealCollapsed')).toMatchObject({ round: 4, breachedBy: 'cn' });
  });
});

describe('R7.4 decoupling wears a deal down', () => {
  /** A deal with no purchase promise, signed in round 1; its upkeep is due from round 2. */
  const noPurchases = () => signed(['tariffCut1', 'currencyPledge'], { tracks: { relationship: 8, usLeverage: 9 } });

  it('R7.4 a round that ends with interdependence lower costs the deal 1 health, with the fall noted; a round that keeps it costs nothing', () => {
    const match = noPurchases();
    passRound(match);
    expect(match.state.G.deal?.health).toBe(3);
    const start = match.state.G.tracks.interdependence;
    play(match, WASHINGTON, 'act', 'restrictConnectedTech');
    passRound(match);
    expect(match.state.G.deal?.health).toBe(2);
    expect(match.state.G.chronicle.findLast((e) => e.kind === 'dealUpkeep')).toMatchObject({
      round: 2,
      health: 2,
      notes: [{ kind: 'eroded', from: start, to: start - 1 }],
    });
    passRound(match);
    expect(match.state.G.deal?.health).toBe(2);
  });

  it('R7.4 ties cut and mended in the same round cost nothing; a missed promise and cut ties together cost 1', () => {
    const match = signed(['tariffCut1', 'buyLng'], { tracks: { relationship: 8 } });
    passRound(match);
    expect(match.state.G.deal?.health).toBe(3);
    play(match, WASHINGTON, 'act', 'restrictConnectedTech');
    play(match, BEIJING, 'act', 'signLng');
    passRound(match);
    expect(match.state.G.deal?.health).toBe(3);
    play(match, WASHINGTON, 'act', 'restrictConnectedTech');
    passRound(match);
    expect(match.state.G.deal?.health).toBe(2);
    expect(match.state.G.chronicle.findLast((e) => e.kind === 'dealUpkeep')?.notes.map((n) => n.kind)).toEqual(['missed', 'eroded']);
  });

  it('R7.5 a deal that wears away collapses charged to nobody: relationship −2, no support lost, and nobody is its breaker', () => {
    const match = noPurchases();
    passRound(match);
    for (let round = 2; round <= 3; round += 1) {
      play(match, WASHINGTON, 'act', 'restrictConnectedTech');
      passRound(match);
    }
    expect(match.state.G.deal?.health).toBe(1);
    play(match, WASHINGTON, 'act', 'restrictConnectedTech');
    play(match, BEIJING, 'pass');
    const before = structuredClone(match.state.G.tracks);
    play(match, WASHINGTON, 'pass');
    expect(match.state.G.deal).toBeNull();
    expect(trackChanges(before, endOfRound(match)?.tracks ?? before)).toEqual({ relationship: -2 });
    expect(match.state.G.chronicle.findLast((e) => e.kind === 'dealCollapsed')).toMatchObject({ round: 4, breachedBy: null, notes: [{ kind: 'eroded' }] });
  });

  it('R2.4 R9.2 in 2020 the pandemic’s fall in interdependence wears Phase One down in round 1 (it also halts the LNG orders)', () => {
    const match = startMatch({ setup: { scenario: '2020' } });
    expect(match.state.G.deal?.health).toBe(3);
    passRound(match);
    expect(match.state.G.deal?.health).toBe(2);
    expect(match.state.G.chronicle.findLast((e) => e.kind === 'dealUpkeep')?.notes.map((n) => n.kind)).toEqual(['missed', 'eroded']);
  });
});

describe('R7.5 open breach', () => {
  it('R7.5 Washington raising tariffs above the deal’s ceiling collapses it at once, charged to Washington', () => {
    const match = signed(['appReprieve', 'buyLng']);
    play(match, BEIJING, 'pass');
    const before = structuredClone(match.state.G.tracks);
    play(match, WASHINGTON, 'act', 'raiseTariffs');
    const { G } = match.state;
    expect(G.deal).toBeNull();
    // raiseTariffs: tariff +1, growth −1, relationship −1, interdependence −1, support +1;
    // collapse charged to Washington: relationship −2, support −1.
    expect(trackChanges(before, G.tracks)).toEqual({
      usTariff: 1,
      cnGrowth: -1,
      relationship: -3,
      interdependence: -1,
      usLeverage: -1,
    });
    expect(lastEntry(match)?.notes).toContainEqual({ kind: 'breach', side: 'us', track: 'usTariff', limit: 2 });
    expect(G.lastRelationshipCut).toBe('us');
  });

  it('R7.5 Beijing banning a mineral above the liftBan ceiling collapses the deal, charged to Beijing', () => {
    const match = signed(['appReprieve', 'liftBan'], { tracks: { mineralBans: 1, usMineralDependence: 2 } });
    expect(match.state.G.deal?.ceilings).toContainEqual({ track: 'mineralBans', side: 'cn', limit: 0 });
    const before = structuredClone(match.state.G.tracks);
    play(match, BEIJING, 'act', 'banMineral');
    const { G } = match.state;
    expect(G.deal).toBeNull();
    // banMineral: bans +1, relationship −2, interdependence −1, support +1;
    // collapse charged to Beijing: relationship −2, support −1.
    expect(trackChanges(before, G.tracks)).toEqual({
      mineralBans: 1,
      relationship: -4,
      interdependence: -1,
      cnLeverage: -2,
    });
    expect(lastEntry(match)?.notes).toContainEqual({ kind: 'breach', side: 'cn', track: 'mineralBans', limit: 0 });
  });

  it('R7.5 Beijing raising counter-tariffs above the cutCounterTariffs ceiling collapses the deal, charged to Beijing', () => {
    const match = signed(['appReprieve', 'cutCounterTariffs'], { tracks: { cnTariff: 2 } });
    expect(match.state.G.tracks.cnTariff).toBe(1);
    expect(match.state.G.deal?.ceilings).toContainEqual({ track: 'cnTariff', side: 'cn', limit: 1 });
    const supportBefore = match.state.G.tracks.cnSupport;
    play(match, BEIJING, 'act', 'counterTariffs');
    expect(match.state.G.deal).toBeNull();
    // counterTariffs gives support +1; the collapse takes 1 back from the breaching side.
    expect(match.state.G.tracks.cnSupport).toBe(supportBefore);
    expect(lastEntry(match)?.notes).toContainEqual({ kind: 'breach', side: 'cn', track: 'cnTariff', limit: 1 });
  });

  it.each([
    ['without easeControls, tightening controls keeps the deal', ['appReprieve', 'buyLng'], true],
    ['with easeControls, tightening controls is a breach', ['easeControls', 'buyLng'], false],
  ])('R7.5 %s', (_label, terms, survives) => {
    const match = signed(terms);
    play(match, BEIJING, 'pass');
    play(match, WASHINGTON, 'act', 'tightenControls');
    expect(match.state.G.deal !== null).toBe(survives);
  });
});

describe('R7.1 one deal at a time, R7.6 scoring', () => {
  it('R7.1 while a deal is in force no other deal can be proposed', () => {
    const match = signed(['appReprieve', 'buyLng']);
    const refusal = whyRefused(match.state.G, match.state.ctx, 'cn', { kind: 'propose', terms: ['appReprieve', 'buyFarm'] });
    expect(refusal).toEqual({ code: 'dealInForce' });
    expect(say(refusal)).toBe('A deal is already in force; only one deal at a time.');
    expect(match.move(BEIJING, 'proposeDeal', ['appReprieve', 'buyFarm'])).toBe(false);
    expect(match.state.G.deal?.terms).toEqual(['appReprieve', 'buyLng']);
  });

  it('R7.6 a deal in force at the end of the game scores 3 for each side', () => {
    const match = signed(['appReprieve', 'currencyPledge'], { setup: { length: 4 } });
    while (match.state.ctx.gameover === undefined) passRound(match);
    const result = match.state.ctx.gameover as GameResult;
    expect(result.kind === 'score' || result.kind === 'stalemate').toBe(true);
    if (result.kind !== 'score' && result.kind !== 'stalemate') return;
    expect(result.scores.us.deal).toBe(3);
    expect(result.scores.cn.deal).toBe(3);
    const noDeal = { ...match.state.G, deal: null };
    expect(scoreFor(noDeal, 'us').total).toBe(result.scores.us.total - 3);
    expect(scoreFor(noDeal, 'cn').total).toBe(result.scores.cn.total - 3);
  });
});

describe('R2.4 the 2020 Phase One deal and R5.5 the pandemic', () => {
  const phaseOne = () => startMatch({ setup: { scenario: '2020' }, prepare: (G) => void (G.eventDeck = []) });

  it('R2.4 the 2020 scenario starts with Phase One in force, its terms already in the starting tracks', () => {
    const { G } = phaseOne().state;
    expect(G.deal).toEqual({
      terms: ['tariffCut1', 'buyLng'],
      proposedBy: null,
      signedRound: 0,
      health: 3,
      commitments: ['lng'],
      ceilings: [{ track: 'usTariff', side: 'us', limit: 2 }],
    });
    expect(G.history[0]?.tracks.usTariff).toBe(2);
  });

  it('R5.5 R9.2 the pandemic makes Phase One’s first-round commitments impossible; later rounds can meet them', () => {
    const match = phaseOne();
    expect(match.state.G.currentEvent).toBe('pandemic');
    play(match, WASHINGTON, 'pass');
    expect(match.move(BEIJING, 'act', 'buyFarm')).toBe(false);
    expect(match.move(BEIJING, 'act', 'signLng')).toBe(false);
    play(match, BEIJING, 'pass');
    expect(match.state.G.deal?.health).toBe(2);
    expect(match.state.G.chronicle.findLast((e) => e.kind === 'dealUpkeep')).toMatchObject({
      round: 1,
      notes: [{ kind: 'missed', goods: ['lng'] }, { kind: 'eroded', from: 14, to: 12 }],
    });
    play(match, WASHINGTON, 'pass');
    play(match, BEIJING, 'act', 'signLng');
    play(match, BEIJING, 'pass');
    expect(match.state.G.round).toBe(3);
    expect(match.state.G.deal?.health).toBe(2);
  });
});
