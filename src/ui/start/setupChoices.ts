/**
 * What the start screen shows of the game, without loading the engine or the validated
 * content (zod, every card, boardgame.io): the first visit downloads only this slice. The
 * board and the engine load when a game starts. test/ui/startSlice.test.ts checks that every
 * value here is the engine's own.
 */
import { SCENARIOS } from '../../content/scenarios';
import type { ScenarioId, Side } from '../../content/types';
import { contentText, t } from '../i18n';

export { DEFAULT_SETUP, LENGTHS } from '../../game/lengths';
export { other } from '../../game/sides';

export interface ScenarioChoice {
  readonly id: ScenarioId;
  readonly title: string;
  readonly text: string;
}

/** The scenarios in the content's order, with their title and text in the active language. */
export function scenarioChoices(): ScenarioChoice[] {
  return SCENARIOS.map((s) => ({
    id: s.id,
    title: contentText('scenario', s.id, 'title', s.title),
    text: contentText('scenario', s.id, 'text', s.text),
  }));
}

/** A side's name in the active language (the bridge's `sideName`, without the engine). */
export const sideName = (side: Side): string => t(`side.${side}`);
