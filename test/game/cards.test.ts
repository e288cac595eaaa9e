/** Every policy card played through a match (R6.2), and hand-checked effects of some of them. */
import { describe, expect, it } from 'vitest';
import { CONTENT } from '../../src/content';
import type { CardDef, Condition, Side } from '../../src/content/types';
import { allHold } from '../../src/game/conditions';
import type { HeadlessMatch } from '../../src/sim/headless';
import type { Tracks } from '../../src/game/state';
import type { WorkingState } from '../../src/game/working-copy';
import { SIDE_TRACKS } from '../../src/game/tracks';
import { BEIJING, lastEntry, midMatch, passRound, play, WASHINGTON } from '../helpers/match';
import { trackChanges } from '../helpers/state';

const PLAYER: Record<Side, string> = { us: WASHINGTON, cn: BEIJING };

/** Changes the state just enough for one condition to hold. */
function meet(G: WorkingState, c: Condition): void {
  switch (c.kind) {
    case 'atLeast':
      G.tracks[c.track] = Math.max(G.tracks[c.track], c.value);
      return;
    case 'atMost':
      G.tracks[c.track] = Math.min(G.tracks[c.track], c.value);
      return;
    case 'pendingOffer':
      G.offers.pending = Math.max(1, G.offers.pending);
      return;
    case 'noDeal':
      G.deal = null;
      return;
    case 'noFlag':
      G.flags = G.flags.filter((f) => f.flag !== c.flag);
      return;
    case 'flag':
      G.flags.push({ flag: c.flag, duration: 'game' });
      return;
    case 'approvedPlants':
    case 'dealCommitments':
    case 'dealInForce':
    case 'lowestRelationship':
    case 'purchases':
      throw new Error(`No position builder for a ${c.kind} requirement`);
  }
}

/**
 * Round 1, these cards in hand, the MID position with full leverage (any card affordable), met
 * for `card`'s requirements, no event leftovers.
 */
function begin(hands: Partial<Record<Side, string[]>>, tracks: Partial<Tracks> = {}, card?: CardDef, seed = 'cards'): HeadlessMatch {
  return midMatch({
    seed,
    hands: { us: [], cn: [], ...hands },
    tracks: { usLeverage: 10, cnLeverage: 10, ...tracks },
    prepare: (G) => {
      for (const req of card?.requires ?? []) if (!allHold(G, [req.when])) meet(G, req.when);
    },
  });
}

/** Plays `id` (Washington passes first for a Beijing card) and returns what it did. */
function playOne(match: HeadlessMatch, side: Side, id: string) {
  if (side === 'cn' && match.state.ctx.currentPlayer === WASHINGTON) play(match, WASHINGTON, 'pass');
  const before = structuredClone(match.state.G);
  const accepted = match.move(PLAYER[side], 'playCard', id);
  return { accepted, before, G: match.state.G, delta: trackChanges(before.tracks, match.state.G.tracks), entry: lastEntry(match) };
}

const count = (pile: readonly string[], id: string) => pile.filter((c) => c === id).length;
const CARDS = [...CONTENT.cards.values()];
const MENTIONS_TRACK_CHANGE = /[+−-]\s?\d/;

describe('R6.2 every policy card can be played', () => {
  it.each(CARDS.map((c) => [c.id, c] as const))('R6.2 %s: paid, discarded, chronicled, and it did something', (id, card) => {
    const match = begin({ [card.side]: [id] }, {}, card);
    const { accepted, before, G, entry } = playOne(match, card.side, id);
    expect(accepted).toBe(true);
    const leverage = SIDE_TRACKS[card.side].leverage;
    expect(before.tracks[leverage] - G.tracks[leverage]).toBe(card.cost);
    expect(count(G.sides[card.side].hand, id)).toBe(count(before.sides[card.side].hand, id) - 1);
    expect(count(G.sides[card.side].discard, id)).toBe(count(before.sides[card.side].discard, id) + 1);
    expect(entry).toMatchObject({ kind: 'card', round: 1, side: card.side, card: id, cost: card.cost });
    const effects = (entry?.changes ?? []).filter((c) => c.track !== leverage);
    expect(effects.length + (entry?.notes.length ?? 0)).toBeGreaterThan(0);
    if (MENTIONS_TRACK_CHANGE.test(card.text)) expect(effects.length).toBeGreaterThan(0);
  });

  it('R6.1 every card is in its own side’s deck, as many times as its copies', () => {
    for (const card of CARDS) expect(count([...CONTENT.decks[card.side]], card.id)).toBe(card.copies);
  });
});

describe('R6.2 Washington cards, hand-checked', () => {
  it('R6.2 R4.1 huaweiCutoff: controls +1, growth −1 (chips 3+), Beijing support −1, relationship −2, support +1, then chip dependence −1 next round', () => {
    const match = begin({ us: ['huaweiCutoff'] });
    const { delta, entry } = playOne(match, 'us', 'huaweiCutoff');
    expect(delta).toEqual({ exportControls: 1, cnGrowth: -1, cnSupport: -1, relationship: -2, usSupport: 1, usLeverage: -3 });
    expect(entry?.notes).toContainEqual({ kind: 'delayed', round: 2 });
    passRound(match);
    const delayed = match.state.G.chronicle.find((e) => e.kind === 'delayed' && e.round === 2);
    expect(delayed).toMatchObject({ side: 'us', source: 'card:huaweiCutoff', changes: [{ track: 'cnChipDependence', from: 3, to: 2 }] });
  });

  it('R6.2 huaweiCutoff spares China growth when chip dependence is below 3', () => {
    const match = begin({ us: ['huaweiCutoff'] }, { cnChipDependence: 2 });
    expect(playOne(match, 'us', 'huaweiCutoff').delta).not.toHaveProperty('cnGrowth');
  });

  it('R6.2 R8.5 monthlyTariffPlan: tariff +1 now and +1 more at the round end', () => {
    const match = begin({ us: ['monthlyTariffPlan'] });
    const { delta, G } = playOne(match, 'us', 'monthlyTariffPlan');
    expect(delta).toEqual({ usTariff: 1, cnGrowth: -1, relationship: -1, usSupport: 1, usLeverage: -3 });
    expect(G.flags).toEqual([{ flag: 'tariffEscalation', duration: 'untilDeal' }]);
    passRound(match);
    const escalation = match.state.G.chronicle.find((e) => e.kind === 'escalation');
    expect(escalation?.round).toBe(1);
    expect(escalation?.changes).toContainEqual({ track: 'usTariff', from: 4, to: 5 });
    expect(match.state.G.flags).toContainEqual({ flag: 'tariffEscalation', duration: 'untilDeal' });
  });

  it('R7.3 R8.5 monthlyTariffPlan: the escalation ends when a deal is signed', () => {
    const match = begin({ us: ['monthlyTariffPlan'] });
    playOne(match, 'us', 'monthlyTariffPlan');
    play(match, BEIJING, 'proposeDeal', ['appReprieve', 'buyMedical']);
    play(match, WASHINGTON, 'acceptDeal');
    expect(match.state.G.flags).toEqual([]);
    expect(lastEntry(match)?.notes).toContainEqual({ kind: 'flagCleared', flag: 'tariffEscalation' });
    const tariff = match.state.G.tracks.usTariff;
    passRound(match);
    expect(match.state.G.chronicle.some((e) => e.kind === 'escalation')).toBe(false);
    expect(match.state.G.history.at(-1)?.tracks.usTariff).toBe(tariff);
  });

  it('R6.2 R9.3 techCeoBackChannel: the next tariff cut this round costs no support', () => {
    const match = begin({ us: ['techCeoBackChannel'] });
    expect(playOne(match, 'us', 'techCeoBackChannel').delta).toEqual({ relationship: 1, usLeverage: -1 });
    play(match, BEIJING, 'pass');
    const before = structuredClone(match.state.G.tracks);
    play(match, WASHINGTON, 'act', 'cutTariffs');
    expect(trackChanges(before, match.state.G.tracks)).toEqual({ usTariff: -1, usInflation: -1, cnGrowth: 1, relationship: 1, usLeverage: -1 });
    expect(match.state.G.flags).toEqual([]);
  });

  it('R6.2 R5.2 appReprieve: relationship +1, support −1, and a deal costs 1 this round', () => {
    const match = begin({ us: ['appReprieve'] });
    expect(playOne(match, 'us', 'appReprieve').delta).toEqual({ relationship: 1, usSupport: -1, usLeverage: -1 });
    play(match, BEIJING, 'pass');
    play(match, WASHINGTON, 'proposeDeal', ['tariffCut1', 'buyFarm']);
    expect(lastEntry(match)).toMatchObject({ kind: 'dealProposed', cost: 1 });
    expect(match.state.G.tracks.usLeverage).toBe(8);
  });
});

describe('R6.2 Beijing cards, hand-checked', () => {
  it('R6.2 R9.3 c919Rollout: support +1, interdependence −1, and Boeing orders no longer win Washington support', () => {
    const match = begin({ cn: ['c919Rollout', 'boeingMegaOrder'] });
    const { delta, G } = playOne(match, 'cn', 'c919Rollout');
    expect(delta).toEqual({ cnSupport: 1, interdependence: -1, cnLeverage: -2 });
    expect(G.flags).toEqual([{ flag: 'c919', duration: 'game' }]);
    expect(playOne(match, 'cn', 'boeingMegaOrder').delta).toEqual({ relationship: 2, interdependence: 1, cnSupport: -1, cnLeverage: -3 });
    play(match, BEIJING, 'act', 'orderBoeing');
    const order = match.state.G.chronicle.find((e) => e.kind === 'action' && e.action === 'orderBoeing');
    expect(order?.changes.map((c) => c.track)).toEqual(['cnLeverage', 'relationship', 'cnSupport']);
    expect(match.state.G.purchases.boeing).toBe(2);
    expect(match.state.G.round).toBe(2);
    expect(match.state.G.flags).toContainEqual({ flag: 'c919', duration: 'game' });
  });

  it('R6.2 boeingMegaOrder without the C919: Washington support +2', () => {
    const match = begin({ cn: ['boeingMegaOrder'] });
    expect(playOne(match, 'cn', 'boeingMegaOrder').delta).toEqual({
      relationship: 2,
      interdependence: 1,
      usSupport: 2,
      cnSupport: -1,
      cnLeverage: -3,
    });
  });

  it('R6.2 R9.3 taiwanStraitDrills: support +2, relationship −2, and a Washington concession this round costs 2', () => {
    const match = begin({ cn: ['taiwanStraitDrills'] });
    play(match, WASHINGTON, 'act', 'restrictConnectedTech');
    expect(playOne(match, 'cn', 'taiwanStraitDrills').delta).toEqual({ cnSupport: 2, relationship: -2, cnLeverage: -2 });
    const before = structuredClone(match.state.G.tracks);
    play(match, WASHINGTON, 'act', 'cutTariffs');
    expect(trackChanges(before, match.state.G.tracks)).toMatchObject({ usSupport: -2 });
    expect(lastEntry(match)?.notes).toContainEqual({ kind: 'hawkishCongress' });
  });

  it('R6.2 R9.3 R4.1 domesticDemandStimulus: growth +1 now and next round, and the next tariff hit is 1 smaller', () => {
    const match = begin({ cn: ['domesticDemandStimulus'] });
    play(match, WASHINGTON, 'act', 'restrictConnectedTech');
    expect(playOne(match, 'cn', 'domesticDemandStimulus').delta).toEqual({ cnGrowth: 1, cnLeverage: -3 });
    const before = structuredClone(match.state.G.tracks);
    play(match, WASHINGTON, 'act', 'raiseTariffs');
    expect(trackChanges(before, match.state.G.tracks)).not.toHaveProperty('cnGrowth');
    expect(lastEntry(match)?.notes).toContainEqual({ kind: 'shieldUsed' });
    expect(match.state.G.flags).toEqual([]);
    passRound(match);
    const delayed = match.state.G.chronicle.find((e) => e.kind === 'delayed' && e.round === 2);
    expect(delayed).toMatchObject({ side: 'cn', source: 'card:domesticDemandStimulus' });
    expect(delayed?.changes).toHaveLength(1);
    expect(delayed?.changes[0]).toMatchObject({ track: 'cnGrowth' });
    expect((delayed?.changes[0]?.to ?? 0) - (delayed?.changes[0]?.from ?? 0)).toBe(1);
  });

  it('R6.2 R7.4 lngLongTermContract: an LNG purchase now and another at the start of next round', () => {
    const match = begin({ cn: ['lngLongTermContract'] });
    const { delta, G } = playOne(match, 'cn', 'lngLongTermContract');
    expect(delta).toEqual({ relationship: 1, interdependence: 1, cnLeverage: -2 });
    expect(G.roundPurchases.lng).toBe(1);
    passRound(match);
    expect(match.state.G.roundPurchases.lng).toBe(1);
    expect(match.state.G.purchases.lng).toBe(2);
  });

  it('R6.2 rareEarthLicensing with U.S. mineral dependence 3+: inflation +1, Washington support −2', () => {
    const match = begin({ cn: ['rareEarthLicensing'] });
    expect(playOne(match, 'cn', 'rareEarthLicensing').delta).toEqual({
      mineralBans: 1,
      usInflation: 1,
      usSupport: -2,
      relationship: -2,
      cnSupport: 1,
      cnLeverage: -3,
    });
  });
});
