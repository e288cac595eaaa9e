/** Every refusal code: its words from whyRefused, and the same play rejected by the reducer with nothing changed (R5.3). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HeadlessMatch } from '../../src/sim/headless';
import type { RefusalCode } from '../../src/game/refusals';
import { whyRefused, type Play } from '../../src/game/rules';
import type { Side } from '../../src/content/types';
import { refusalText } from '../../src/ui/bridge';
import { BEIJING, play, startMatch, WASHINGTON, type MatchOptions } from '../helpers/match';

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A round-1 match with no flag, discount or offer left by the round's event. */
function begin(options: MatchOptions = {}): HeadlessMatch {
  return startMatch({
    seed: 'refusals',
    clean: true,
    ...options,
    tracks: { relationship: 5, usSupport: 5, cnSupport: 5, usLeverage: 6, cnLeverage: 6, ...options.tracks },
  });
}

const PLAYER: Record<Side, string> = { us: WASHINGTON, cn: BEIJING };

/** The move that carries out a play, with raw arguments (which may be malformed). */
type Sent = [move: string, ...args: unknown[]];

/**
 * Checks that whyRefused gives `code` with words matching `words`, and that the reducer
 * refuses the same move and leaves the state exactly as it was.
 */
function expectRefused(match: HeadlessMatch, side: Side, playOf: Play, code: RefusalCode, words: RegExp, sent: Sent): void {
  const refusal = whyRefused(match.state.G, match.state.ctx, side, playOf);
  expect(refusal?.code).toBe(code);
  expect(refusal && refusalText(refusal)).toMatch(words);
  const G = structuredClone(match.state.G);
  const ctx = structuredClone(match.state.ctx);
  expect(match.move(PLAYER[side], ...sent)).toBe(false);
  expect(match.state.G).toEqual(G);
  expect(match.state.ctx).toEqual(ctx);
}

const asTerms = (x: unknown) => x as readonly string[];
const asId = (x: unknown) => x as string;

describe('R5.3 whyRefused and the reducer agree on every refusal', () => {
  it.each([
    ['a non-array', 'tariffCut1'],
    ['non-string terms', [42, 'buyFarm']],
    ['null terms', [null, 'tariffCut1']],
  ])('R7.1 malformed: proposing a deal with %s', (_label, terms) => {
    const match = begin();
    expectRefused(match, 'us', { kind: 'propose', terms: asTerms(terms) }, 'malformed', /list of terms/, ['proposeDeal', terms]);
  });

  it('R11.2 gameOver: nothing is accepted after a rupture', () => {
    const match = begin({ tracks: { relationship: 1 } });
    play(match, WASHINGTON, 'act', 'raiseTariffs');
    expect(match.state.ctx.gameover).toMatchObject({ kind: 'rupture', causedBy: 'us', winner: BEIJING });
    expectRefused(match, 'cn', { kind: 'action', id: 'sanctionFirm' }, 'gameOver', /game is over/, ['act', 'sanctionFirm']);
    expectRefused(match, 'us', { kind: 'pass' }, 'gameOver', /game is over/, ['pass']);
  });

  it('R4.5 notYourTurn: Beijing may not act on Washington’s turn', () => {
    const match = begin();
    expectRefused(match, 'cn', { kind: 'action', id: 'sanctionFirm' }, 'notYourTurn', /Washington’s turn/, ['act', 'sanctionFirm']);
    expectRefused(match, 'cn', { kind: 'pass' }, 'notYourTurn', /Washington’s turn/, ['pass']);
  });

  it('R7.2 ownProposal: the proposer may not answer its own deal', () => {
    const match = begin();
    play(match, WASHINGTON, 'proposeDeal', ['appReprieve', 'buyMedical']);
    expectRefused(match, 'us', { kind: 'accept' }, 'ownProposal', /Beijing must answer/, ['acceptDeal']);
  });

  it('R7.2 awaitingAnswer: no one plays on while a deal waits for an answer', () => {
    const match = begin();
    play(match, WASHINGTON, 'proposeDeal', ['appReprieve', 'buyMedical']);
    expectRefused(match, 'us', { kind: 'action', id: 'raiseTariffs' }, 'awaitingAnswer', /Waiting for Beijing to answer/, ['act', 'raiseTariffs']);
    expectRefused(match, 'cn', { kind: 'action', id: 'sanctionFirm' }, 'awaitingAnswer', /Waiting for Beijing/, ['act', 'sanctionFirm']);
  });

  it.each([
    ['accept', 'acceptDeal'],
    ['reject', 'rejectDeal'],
  ] as const)('R7.2 noProposal: %s with no deal on the table', (kind, move) => {
    const match = begin();
    expectRefused(match, 'cn', { kind }, 'noProposal', /no deal on the table/, [move]);
    expectRefused(match, 'us', { kind }, 'noProposal', /no deal on the table/, [move]);
  });

  it('R5.1 passed: a side that passed may not act again this round', () => {
    const match = begin({ prepare: (G) => (G.sides.us.passed = true) });
    expectRefused(match, 'us', { kind: 'action', id: 'raiseTariffs' }, 'passed', /passed for the rest of this round/, ['act', 'raiseTariffs']);
  });

  it('R5.1 noActionsLeft: at most 3 actions a round', () => {
    const match = begin({ prepare: (G) => (G.sides.us.actionsTaken = 3) });
    expectRefused(match, 'us', { kind: 'action', id: 'raiseTariffs' }, 'noActionsLeft', /all 3 actions/, ['act', 'raiseTariffs']);
  });

  it('R5.4 unknown: an action id that is not on any menu', () => {
    const match = begin();
    expectRefused(match, 'us', { kind: 'action', id: 'nuke' }, 'unknown', /no action called “nuke”/, ['act', 'nuke']);
  });

  it('R6.2 unknown: a card id that does not exist', () => {
    const match = begin();
    expectRefused(match, 'us', { kind: 'card', id: 'nope' }, 'unknown', /no card called “nope”/, ['playCard', 'nope']);
  });

  it.each([42, null, {}, undefined])('R5.3 unknown: a non-string id %j sent to act or playCard', (id) => {
    const match = begin();
    expectRefused(match, 'us', { kind: 'action', id: asId(id) }, 'unknown', /no action called/, ['act', id]);
    expectRefused(match, 'us', { kind: 'card', id: asId(id) }, 'unknown', /no card called/, ['playCard', id]);
  });

  it('R5.4 wrongSide: Washington sending a Beijing action', () => {
    const match = begin();
    expectRefused(match, 'us', { kind: 'action', id: 'counterTariffs' }, 'wrongSide', /Counter-tariffs.*belongs to Beijing/, ['act', 'counterTariffs']);
  });

  it('R6.2 notInHand: playing a card that is not in the hand', () => {
    const match = begin({ hands: { us: ['biosecureBill'] } });
    expectRefused(match, 'us', { kind: 'card', id: 'huaweiCutoff' }, 'notInHand', /Cut Off a National Champion.*not in your hand/, [
      'playCard',
      'huaweiCutoff',
    ]);
  });

  it('R6.3 notInHand: recycling a card that is not in the hand', () => {
    const match = begin({ hands: { us: ['biosecureBill'] } });
    expectRefused(match, 'us', { kind: 'recycle', id: 'huaweiCutoff' }, 'notInHand', /Cut Off a National Champion.*not in your hand/, ['recycle', 'huaweiCutoff']);
  });

  it('R6.2 R6.1 notInHand: Washington sending a Beijing card', () => {
    const match = begin();
    expectRefused(match, 'us', { kind: 'card', id: 'c919Rollout' }, 'notInHand', /not in your hand/, ['playCard', 'c919Rollout']);
  });

  it('R5.2 cannotAfford: an action costing more leverage than the side has', () => {
    const match = begin({ tracks: { usLeverage: 1 } });
    expectRefused(match, 'us', { kind: 'action', id: 'tightenControls' }, 'cannotAfford', /costs 2 leverage and Washington has 1/, [
      'act',
      'tightenControls',
    ]);
  });

  it('R6.2 cannotAfford: a card costing more leverage than the side has', () => {
    const match = begin({ tracks: { usLeverage: 2 }, hands: { us: ['huaweiCutoff'] } });
    expectRefused(match, 'us', { kind: 'card', id: 'huaweiCutoff' }, 'cannotAfford', /costs 3 leverage and Washington has 2/, ['playCard', 'huaweiCutoff']);
  });

  it('R7.1 cannotAfford: a deal costs 2 leverage', () => {
    const match = begin({ tracks: { usLeverage: 1 } });
    const terms = ['appReprieve', 'buyMedical'];
    expectRefused(match, 'us', { kind: 'propose', terms }, 'cannotAfford', /costs 2 leverage and Washington has 1/, ['proposeDeal', terms]);
  });

  it('R5.3 requirement: the refusal carries the requirement’s reason', () => {
    const match = begin({ tracks: { usTariff: 6 } });
    expectRefused(match, 'us', { kind: 'action', id: 'raiseTariffs' }, 'requirement', /^U\.S\. tariffs are already at the top step\.$/, [
      'act',
      'raiseTariffs',
    ]);
  });

  it('R5.3 requirement: a card’s requirement reason', () => {
    const match = begin({ tracks: { usTariff: 1 }, hands: { us: ['currencyAccord'] } });
    expectRefused(match, 'us', { kind: 'card', id: 'currencyAccord' }, 'requirement', /U\.S\. tariff must be 2 steps or more/, ['playCard', 'currencyAccord']);
  });

  it.each(['orderBoeing', 'signLng', 'buyFarm', 'buyMedical'])('R5.5 pandemic: %s is halted', (id) => {
    const match = begin({ prepare: (G) => G.flags.push({ flag: 'pandemic', duration: 'round' }) });
    play(match, WASHINGTON, 'pass');
    expectRefused(match, 'cn', { kind: 'action', id }, 'pandemic', /pandemic has halted purchase orders/, ['act', id]);
  });

  it('R5.5 pandemic: a purchase card is halted too', () => {
    const match = begin({ hands: { cn: ['boeingMegaOrder'] }, prepare: (G) => G.flags.push({ flag: 'pandemic', duration: 'round' }) });
    play(match, WASHINGTON, 'pass');
    expectRefused(match, 'cn', { kind: 'card', id: 'boeingMegaOrder' }, 'pandemic', /pandemic/, ['playCard', 'boeingMegaOrder']);
  });

  it('R7.1 R2.4 dealInForce: only one deal at a time (2020 starts with Phase One)', () => {
    const match = begin({ setup: { scenario: '2020' } });
    expect(match.state.G.deal?.terms).toEqual(['tariffCut1', 'buyLng']);
    const terms = ['appReprieve', 'buyMedical'];
    expectRefused(match, 'us', { kind: 'propose', terms }, 'dealInForce', /already in force/, ['proposeDeal', terms]);
  });

  it.each([
    ['an unknown term', ['appReprieve', 'buyGold'], 'unknown', /no deal term called “buyGold”/],
    ['two tariff cuts', ['tariffCut1', 'tariffCut2', 'buyFarm'], 'termsClash', /Cut tariffs by one step.*cannot go with.*Cut tariffs by two steps/],
    ['no Beijing term', ['appReprieve', 'tariffCut1'], 'termsNeeded', /at least one term from Beijing/],
    ['no Washington term', ['buyFarm'], 'termsNeeded', /at least one term from Washington/],
    ['3 Washington terms', ['appReprieve', 'tariffCut1', 'easeControls', 'buyFarm'], 'tooManyTerms', /at most 2 terms from Washington/],
    ['3 Beijing terms', ['appReprieve', 'buyFarm', 'buyLng', 'buyMedical'], 'tooManyTerms', /at most 2 terms from Beijing/],
    ['a duplicate term', ['appReprieve', 'buyFarm', 'buyFarm'], 'termTwice', /appears twice/],
    ['an unmet term requirement', ['approveInvestment', 'buyFarm'], 'requirement', /Approve a pending Chinese factory.*no Chinese factory offer/],
    ['no terms at all', [], 'noTerms', /at least one term for each side/],
  ] as const)('R7.1 a proposal with %s is refused', (_label, terms, code, words) => {
    const match = begin();
    expectRefused(match, 'us', { kind: 'propose', terms }, code, words, ['proposeDeal', terms]);
  });

  it('R7.1 a tariff cut with no tariff to cut is refused', () => {
    const match = begin({ tracks: { usTariff: 0 } });
    const terms = ['tariffCut1', 'buyFarm'];
    expectRefused(match, 'us', { kind: 'propose', terms }, 'requirement', /Cut tariffs by one step.*There is no U\.S\. tariff step to cut/, [
      'proposeDeal',
      terms,
    ]);
  });
});

describe('R5.3 a legal play is not refused', () => {
  it('R5.3 whyRefused gives null and the reducer accepts the same play', () => {
    const match = begin();
    expect(whyRefused(match.state.G, match.state.ctx, 'us', { kind: 'action', id: 'raiseTariffs' })).toBeNull();
    expect(match.move(WASHINGTON, 'act', 'raiseTariffs')).toBe(true);
    expect(match.state.G.sides.us.actionsTaken).toBe(1);
  });
});
