/** The board's warnings: tracks that will cost someone at the round end (R8) or end the game (R11). */
import { describe, expect, it } from 'vitest';
import { warnings } from '../../src/game';
import { makeState } from '../helpers/state';

const CALM = {
  relationship: 5, usSupport: 5, cnSupport: 5, usInflation: 4, cnGrowth: 5, interdependence: 10,
  usTariff: 2, exportControls: 3, mineralBans: 0, usMineralDependence: 4,
};

describe('warnings', () => {
  it('a calm position warns about nothing', () => {
    expect(warnings(makeState({ tracks: CALM }))).toEqual([]);
  });

  it.each([
    ['R8.1 tariffs of 3 will raise inflation', { usTariff: 3 }, ['usTariff']],
    ['R8.2 export controls of 4 will slow China', { exportControls: 4 }, ['exportControls']],
    ['R8.3 a ban with dependence 3 will cost Washington support', { mineralBans: 1, usMineralDependence: 3 }, ['usMineralDependence']],
    ['R8.4 inflation 7', { usInflation: 7 }, ['usInflation']],
    ['R8.4 growth 2', { cnGrowth: 2 }, ['cnGrowth']],
    ['R8.7 interdependence 5', { interdependence: 5 }, ['interdependence']],
    ['R11.1 support 1 is one step from collapse', { usSupport: 1, cnSupport: 1 }, ['usSupport', 'cnSupport']],
    ['R11.2 relationship 1 is one step from rupture', { relationship: 1 }, ['relationship']],
  ])('%s', (_label, tracks, expected) => {
    expect(warnings(makeState({ tracks: { ...CALM, ...tracks } }))).toEqual(expected);
  });
});
