/**
 * Three questions for the class's discussion, chosen from the class's own numbers: who won
 * and how evenly, the sudden ends, the deals, the essay's forecast, the favourite moves; the
 * single-game debrief's general questions fill any gap.
 */
import type { Side } from '../../content/types';
import { t, type MessageKey, type Values } from '../i18n';
import { sideName } from '../start/setupChoices';
import type { ClassResults } from './classApi';

export interface Question {
  readonly key: MessageKey;
  readonly values?: Values;
}

const other = (side: Side): Side => (side === 'us' ? 'cn' : 'us');

/** Who won, if the sides did not win about equally often. */
function balance(s: ClassResults['summary']): Question | null {
  const decided = s.wins.us + s.wins.cn;
  if (decided < 3) return null;
  const leader: Side = s.wins.us >= s.wins.cn ? 'us' : 'cn';
  if (s.wins[leader] * 3 >= decided * 2) {
    return { key: 'class.q.dominated', values: { side: sideName(leader), other: sideName(other(leader)), wins: s.wins[leader], count: decided } };
  }
  return Math.abs(s.wins.us - s.wins.cn) <= 1 ? { key: 'class.q.even' } : null;
}

function suddenEnds(s: ClassResults['summary']): Question | null {
  const count = s.suddenEnds.collapse + s.suddenEnds.rupture;
  return count > 0 ? { key: 'class.q.sudden', values: { count } } : null;
}

function deals(s: ClassResults['summary'], games: number): Question | null {
  if (s.dealsCollapsed > 0) return { key: 'class.q.dealsCollapsed', values: { collapsed: s.dealsCollapsed, count: s.dealsSigned } };
  if (s.dealsSigned === 0 && games > 0) return { key: 'class.q.noDeals' };
  return null;
}

function forecast(s: ClassResults['summary'], games: number): Question | null {
  if (games === 0) return null;
  return s.interdependenceFell * 2 > games ? { key: 'class.q.forecastHeld' } : { key: 'class.q.forecastMissed' };
}

function favourites(s: ClassResults['summary'], name: (id: string) => string): Question | null {
  const [us] = s.topMoves.us;
  const [cn] = s.topMoves.cn;
  return us && cn ? { key: 'class.q.favourites', values: { us: name(us.id), cn: name(cn.id) } } : null;
}

const GENERAL: readonly Question[] = [{ key: 'debrief.q.deRisking' }, { key: 'debrief.q.leverage' }, { key: 'debrief.q.reality' }];

/** The class's three questions, the most telling first. `moveName` words an action's or card's id. */
export function classQuestions(results: ClassResults, moveName: (id: string) => string): Question[] {
  const s = results.summary;
  const chosen = [balance(s), suddenEnds(s), deals(s, s.games), forecast(s, s.games), favourites(s, moveName)].filter((q): q is Question => q !== null);
  return [...chosen, ...GENERAL].slice(0, 3);
}

export const questionText = (q: Question): string => t(q.key, q.values);
