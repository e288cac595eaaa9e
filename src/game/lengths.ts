/**
 * A game's setup (R2.1): which scenario, how many rounds, and the default. Kept apart from the
 * setup code and the content it loads, so that the start screen can read them without the
 * engine (src/ui/start/setupChoices.ts).
 */
import type { ScenarioId } from '../content/types';
import type { GameLength } from './state';

export const LENGTHS = [4, 6, 8] as const satisfies readonly GameLength[];

export interface SetupData {
  scenario: ScenarioId;
  length: GameLength;
}

export const DEFAULT_SETUP = { scenario: '2025', length: 8 } as const satisfies SetupData;
