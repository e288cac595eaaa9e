import { useEffect, useState } from 'react';

export type Route = 'start' | 'play' | 'rules' | 'glossary';

const ROUTES: Record<string, Route> = { '': 'start', '#/': 'start', '#/play': 'play', '#/rules': 'rules', '#/glossary': 'glossary' };

function current(): Route {
  return ROUTES[window.location.hash] ?? 'start';
}

/** A tiny hash router: the page to show, and a way to go to another. */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(current);
  useEffect(() => {
    const onChange = () => setRoute(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = (next: Route) => {
    window.location.hash = next === 'start' ? '#/' : `#/${next}`;
  };
  return [route, go];
}
