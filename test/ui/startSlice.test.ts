/**
 * The start screen's slice of the game (src/ui/start/setupChoices.ts) is the engine's and the
 * content's own data, so that the first download can leave both out without the start screen
 * offering anything the engine would refuse (R2.2: scenarios and lengths).
 */
import { describe, expect, it } from 'vitest';
import { CONTENT, SIDES } from '../../src/content';
import { DEFAULT_SETUP, LENGTHS, normalizeSetup, other } from '../../src/game';
import { contentField, sideName } from '../../src/ui/bridge';
import * as slice from '../../src/ui/start/setupChoices';

describe('the start screen’s slice of the game', () => {
  it('R2.2 offers the engine’s lengths and defaults, which the engine accepts', () => {
    expect(slice.LENGTHS).toEqual(LENGTHS);
    expect(slice.DEFAULT_SETUP).toEqual(DEFAULT_SETUP);
    for (const length of slice.LENGTHS) expect(normalizeSetup({ scenario: slice.DEFAULT_SETUP.scenario, length }).length).toBe(length);
  });

  it('R2.2 lists the validated scenarios in the content’s order, with the same words', () => {
    const choices = slice.scenarioChoices();
    expect(choices.map((c) => c.id)).toEqual([...CONTENT.scenarios.keys()]);
    for (const choice of choices) {
      expect(choice.title).toBe(contentField('scenario', choice.id, 'title'));
      expect(choice.text).toBe(contentField('scenario', choice.id, 'text'));
    }
  });

  it('names the sides and their opponents as the engine and the bridge do', () => {
    for (const side of SIDES) {
      expect(slice.other(side)).toBe(other(side));
      expect(slice.sideName(side)).toBe(sideName(side));
    }
  });
});
