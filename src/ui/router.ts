import { useEffect, useState } from 'react';

export type Route =
  | { page: 'start' }
  | { page: 'play' }
  /** The rulebook; `at` a rule's anchor ("r2-2") to open it there, or "summary" for the rules on one card. */
  | { page: 'rules'; at?: string }
  | { page: 'glossary' }
  /** An online match by room code; `watch` for the spectator (projector) view. */
  | { page: 'match'; code: string; watch: boolean };

const CODE = /^[A-Z2-9]{7}$/;
/** A place in the rules: the one-card summary, or a rule's anchor ("r2-2", src/ui/pages/rulesLinks.ts). */
const RULES_SECTION = /^(summary|r\d+(?:-\d+)*)$/;

export function parseHash(hash: string): Route {
  const [, first, second] = hash.replace(/^#\/?/, '/').split('/');
  if (first === 'play') return { page: 'play' };
  if (first === 'rules') return second && RULES_SECTION.test(second) ? { page: 'rules', at: second } : { page: 'rules' };
  if (first === 'glossary') return { page: 'glossary' };
  if ((first === 'm' || first === 'watch') && second && CODE.test(second.toUpperCase())) {
    return { page: 'match', code: second.toUpperCase(), watch: first === 'watch' };
  }
  return { page: 'start' };
}

export function hashOf(route: Route): string {
  switch (route.page) {
    case 'start':
      return '#/';
    case 'match':
      return `#/${route.watch ? 'watch' : 'm'}/${route.code}`;
    case 'rules':
      return route.at ? `#/rules/${route.at}` : '#/rules';
    case 'glossary':
    case 'play':
      return `#/${route.page}`;
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
