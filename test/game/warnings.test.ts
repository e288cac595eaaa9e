/** The board's warnings: tracks that will cost someone at the round end (R8) or end the game (R11). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRACK_IDS, type TrackId } from '../../src/content/types';
import { foreseeRoundEnd, TRACKS, warnings } from '../../src/game';
import { endRound } from '../../src/game/round';
import { CALM } from '../helpers/match';
import { fixedDice, makeState } from '../helpers/state';

describe('warnings', () => {
  it('a calm position warns about nothing', () => {
    expect(warnings(makeState({ tracks: CALM }))).toEqual([]);
  });

  it.each([
    ['R8.1 tariffs of 3 will raise inflation', { usTariff: 3 }, ['usTariff']],
    ['R8.2 export controls of 4 will slow China', { exportControls: 4 }, ['exportControls']],
    ['R8.2 export controls of 4 are no threat once China chip dependence is 2', { exportControls: 4, cnChipDependence: 2 }, []],
    ['R8.3 two bans with dependence 3 will raise U.S. inflation', { mineralBans: 2, usMineralDependence: 3 }, ['usMineralDependence']],
    ['R8.4 inflation 7', { usInflation: 7 }, ['usInflation']],
    ['R8.4 growth 2', { cnGrowth: 2 }, ['cnGrowth']],
    ['R8.7 interdependence 5', { interdependence: 5 }, ['interdependence']],
    ['R11.1 support 1 is one step from collapse', { usSupport: 1, cnSupport: 1 }, ['usSupport', 'cnSupport']],
    ['R11.2 relationship 1 is one step from rupture', { relationship: 1 }, ['relationship']],
  ])('%s', (_label, tracks, expected) => {
    expect(warnings(makeState({ tracks: { ...CALM, ...tracks } }))).toEqual(expected);
  });
});

describe('R8 the engine’s round-end forecast', () => {
  const arbitraryTracks = fc.record(
    Object.fromEntries(TRACK_IDS.map((id) => [id, fc.integer({ min: TRACKS[id].min, max: TRACKS[id].max })])) as Record<TrackId, fc.Arbitrary<number>>,
  );

  it('R8 foreseeRoundEnd gives exactly the tracks the round end leaves (no deal), with or without an escalation plan and a shield', () => {
    fc.assert(
      fc.property(arbitraryTracks, fc.boolean(), fc.boolean(), (tracks, escalating, shielded) => {
        // Supports of at least 2 keep the game from ending suddenly mid-way (R8: then no steps run).
        const start = { ...tracks, usSupport: Math.max(2, tracks.usSupport), cnSupport: Math.max(2, tracks.cnSupport), relationship: Math.max(2, tracks.relationship) };
        const G = makeState({ tracks: start });
        G.deal = null;
        if (escalating) G.flags.push({ flag: 'tariffEscalation', duration: 'untilDeal' });
        if (shielded) G.flags.push({ flag: 'tariffShield', duration: 'untilUsed' });
        const forecast = { ...G.tracks };
        foreseeRoundEnd(G, forecast);
        endRound(G, fixedDice());
        expect(forecast).toEqual(G.tracks);
      }),
      { numRuns: 300 },
    );
  });

  it('R8.2 tariffs of 4 with loose controls mark the tariff, not the controls', () => {
    expect(warnings(makeState({ tracks: { ...CALM, usTariff: 4 } }))).toEqual(['usTariff']);
  });
});
