/**
 * Which three discussion questions the debrief shows: picked by what happened in the game,
 * in a fixed order of priority, so the same game always gets the same questions.
 */
import { forecastCheck, type DeRiskState, type GameResult } from '../../game';
import type { MessageKey } from '../i18n';

/** Interdependence has "fallen a lot" when it ended this many points (or more) below its start. */
export const BIG_FALL = 3;
/** U.S. tariffs "ended high" at this many steps or more (the R8.2 threshold). */
export const HIGH_TARIFF = 4;
export const QUESTION_COUNT = 3;

/** Always-relevant questions, used (in this order) when the game gives fewer than three cues. */
const GENERAL = ['debrief.q.deRisking', 'debrief.q.reality', 'debrief.q.leverage'] as const;

function endingQuestion(result: GameResult): MessageKey | null {
  switch (result.kind) {
    case 'rupture':
      return 'debrief.q.rupture';
    case 'collapse':
      return 'debrief.q.votedOut';
    case 'stalemate':
      return 'debrief.q.stalemate';
    case 'score':
      return null;
  }
}

/** Three message keys of discussion questions for a finished game. */
export function chooseQuestions(G: DeRiskState, result: GameResult): MessageKey[] {
  const f = forecastCheck(G);
  const cues: (MessageKey | null)[] = [
    endingQuestion(result),
    f.dealsCollapsed > 0
      ? 'debrief.q.dealCollapsed'
      : f.dealSurvived
        ? 'debrief.q.dealSurvived'
        : f.dealsSigned === 0
          ? 'debrief.q.noDeal'
          : null,
    f.interdependenceEnd <= f.interdependenceStart - BIG_FALL
      ? 'debrief.q.interdependenceFell'
      : f.interdependenceEnd > f.interdependenceStart
        ? 'debrief.q.interdependenceRose'
        : null,
    G.tracks.usTariff >= HIGH_TARIFF ? 'debrief.q.tariffsHigh' : null,
    // A sudden end ignores agendas (R10), so they only make a question after final scoring.
    result.kind === 'score' || result.kind === 'stalemate'
      ? result.scores.us.agendaMet || result.scores.cn.agendaMet
        ? 'debrief.q.agendaMet'
        : 'debrief.q.agendaMissed'
      : null,
    f.exportControlsRose ? 'debrief.q.controlsRose' : null,
    f.mineralBansRose ? 'debrief.q.mineralBans' : null,
  ];
  const picked = cues.filter((key): key is MessageKey => key !== null);
  for (const key of GENERAL) if (!picked.includes(key)) picked.push(key);
  return picked.slice(0, QUESTION_COUNT);
}
