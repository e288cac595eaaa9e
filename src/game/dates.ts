/** The calendar: each round is half a year from the scenario's start (R4). */
import { CONTENT, must } from '../content';
import type { ScenarioId } from '../content/types';

/** A round's half-year; the interface words it ("H1 2025" in English, src/ui/bridge.ts). */
export interface RoundDate {
  year: number;
  half: 1 | 2;
}

export function roundDate(scenario: ScenarioId, round: number): RoundDate {
  const start = must(CONTENT.scenarios, scenario, 'scenario').startYear;
  const index = Math.max(0, round - 1);
  const year = start + Math.floor(index / 2);
  const half = index % 2 === 0 ? 1 : 2;
  return { year, half };
}
