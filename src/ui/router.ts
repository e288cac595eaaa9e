import { useEffect, useState } from 'react';
import { cleanClassCode, isClassCode } from './classroom/classCode';

export type Route =
  | { page: 'start' }
  | { page: 'play' }
  /** The rulebook; `at` a rule's anchor ("r2-2") to open it there, or "summary" for the rules on one card. */
  | { page: 'rules'; at?: string }
  | { page: 'glossary' }
  /**
   * An online match by room code; `watch` for the spectator (projector) view, with `classCode`
   * when a teacher opened it from the control room (the board then shows the class's pause and message).
   */
  | { page: 'match'; code: string; watch: boolean; classCode?: string }
  /** A student joins a class (the code prefilled when given), then waits for a seat. */
  | { page: 'classJoin'; code?: string }
  /** A teacher sets up a class. */
  | { page: 'classNew' }
  /** A class's control room; `key` when opened from the teacher link (stored, then taken out of the address). */
  | { page: 'classTeach'; code: string; key?: string }
  /** A class's debrief. */
  | { page: 'classResults'; code: string }
  /** Replay a finished game: opened from a file, or (`saved`) the last local game played in this browser. */
  | { page: 'replay'; saved: boolean };

const CODE = /^[A-Z2-9]{7}$/;
/** A place in the rules: the one-card summary, or a rule's anchor ("r2-2", src/ui/pages/rulesLinks.ts). */
const RULES_SECTION = /^(summary|r\d+(?:-\d+)*)$/;
/** A teacher's key as the server makes them (base64url). */
const TEACHER_KEY = /^[A-Za-z0-9_-]{16,128}$/;

function parseClass(action: string | undefined, code: string | undefined, key: string | undefined): Route {
  const typed = code ? cleanClassCode(code) : '';
  if (action === 'new') return { page: 'classNew' };
  if (action === 'join') return typed ? { page: 'classJoin', code: typed } : { page: 'classJoin' };
  if (action === 'teach' && isClassCode(typed)) return key && TEACHER_KEY.test(key) ? { page: 'classTeach', code: typed, key } : { page: 'classTeach', code: typed };
  if (action === 'results' && isClassCode(typed)) return { page: 'classResults', code: typed };
  return action === undefined || action === '' ? { page: 'classJoin' } : { page: 'start' };
}

export function parseHash(hash: string): Route {
  const [, first, second, third, fourth] = hash.replace(/^#\/?/, '/').split('/');
  if (first === 'class') return parseClass(second, third, fourth);
  if (first === 'play') return { page: 'play' };
  if (first === 'rules') return second && RULES_SECTION.test(second) ? { page: 'rules', at: second } : { page: 'rules' };
  if (first === 'glossary') return { page: 'glossary' };
  if (first === 'replay') return { page: 'replay', saved: second === 'saved' };
  if ((first === 'm' || first === 'watch') && second && CODE.test(second.toUpperCase())) {
    const classCode = first === 'watch' && third ? cleanClassCode(third) : '';
    return { page: 'match', code: second.toUpperCase(), watch: first === 'watch', ...(isClassCode(classCode) ? { classCode } : {}) };
  }
  return { page: 'start' };
}

export function hashOf(route: Route): string {
  switch (route.page) {
    case 'start':
      return '#/';
    case 'match':
      return route.watch ? `#/watch/${route.code}${route.classCode ? `/${route.classCode}` : ''}` : `#/m/${route.code}`;
    case 'rules':
      return route.at ? `#/rules/${route.at}` : '#/rules';
    case 'glossary':
    case 'play':
      return `#/${route.page}`;
    case 'classJoin':
      return route.code ? `#/class/join/${route.code}` : '#/class/join';
    case 'classNew':
      return '#/class/new';
    case 'classTeach':
      return route.key ? `#/class/teach/${route.code}/${route.key}` : `#/class/teach/${route.code}`;
    case 'classResults':
      return `#/class/results/${route.code}`;
    case 'replay':
      return route.saved ? '#/replay/saved' : '#/replay';
  }
}

/** A tiny hash router: the page to show, and a way to go to another. */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (next) => void (window.location.hash = hashOf(next))];
}
