import { lazy, Suspense, useEffect, useState } from 'react';
import type { SetupData } from '../game';
import { createHotSeatClient, stopOnce, type DeRiskClient } from './hotseat/client';
import { HotSeat } from './hotseat/HotSeat';
import { t } from './i18n';
import { useRoute } from './router';
import { StartScreen } from './start/StartScreen';

const RulebookPage = lazy(() => import('./pages/RulebookPage'));
const GlossaryPage = lazy(() => import('./pages/GlossaryPage'));
const OnlineMatch = lazy(() => import('./online/OnlineMatch'));

const loading = <p role="status">{t('common.loading')}</p>;

/** The app shell: the start screen, a hot-seat or online match, and the rulebook and glossary. */
export function App() {
  const [route, go] = useRoute();
  const [match, setMatch] = useState<{ id: number; client: DeRiskClient; setup: SetupData } | null>(null);
  // Where the rulebook and glossary lead back to.
  const [returnTo, setReturnTo] = useState<typeof route>({ page: 'start' });

  useEffect(() => () => {
    if (match) stopOnce(match.client);
  }, [match]);
  useEffect(() => {
    document.title = t(`title.${route.page}`);
    if (route.page === 'play' || route.page === 'match' || route.page === 'start') setReturnTo(route);
  }, [route]);

  const start = (setup: SetupData) => {
    setMatch((previous) => ({ id: (previous?.id ?? 0) + 1, client: createHotSeatClient(setup), setup }));
    go({ page: 'play' });
  };
  const openRules = () => go({ page: 'rules' });
  const openGlossary = () => go({ page: 'glossary' });
  const goTo = (code: string, watch: boolean) => go({ page: 'match', code, watch });

  if (route.page === 'play' && match) {
    return (
      <HotSeat
        key={match.id}
        client={match.client}
        onPlayAgain={() => {
          setMatch(null);
          go({ page: 'start' });
        }}
        onOpenRules={openRules}
        onOpenGlossary={openGlossary}
      />
    );
  }
  if (route.page === 'match') {
    return (
      <Suspense fallback={loading}>
        <OnlineMatch
          key={`${route.code}-${String(route.watch)}`}
          code={route.code}
          watch={route.watch}
          onOpenRules={openRules}
          onOpenGlossary={openGlossary}
          onGoTo={goTo}
          onHome={() => go({ page: 'start' })}
        />
      </Suspense>
    );
  }
  if (route.page === 'rules' || route.page === 'glossary') {
    const Page = route.page === 'rules' ? RulebookPage : GlossaryPage;
    const back = returnTo.page === 'start' || (returnTo.page === 'play' && !match) ? { page: 'start' as const } : returnTo;
    return (
      <Suspense fallback={loading}>
        <Page onBack={() => go(back)} backLabel={back.page === 'start' ? t('nav.backToStart') : t('nav.backToGame')} />
      </Suspense>
    );
  }
  return (
    <StartScreen
      onStart={start}
      onGoTo={goTo}
      onOpenRules={openRules}
      onOpenGlossary={openGlossary}
      resumable={match !== null}
      onResume={() => go({ page: 'play' })}
    />
  );
}
