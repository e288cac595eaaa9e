import { lazy, Suspense, useEffect, useState } from 'react';
import type { SetupData } from '../game';
import type { ComputerMatch } from './bots/computerMatch';
import type { ComputerOpponent } from './bots/opponent';
import { createHotSeatClient, stopOnce, type DeRiskClient } from './hotseat/client';
import { HotSeat } from './hotseat/HotSeat';
import { t } from './i18n';
import { useRoute } from './router';
import { StartScreen } from './start/StartScreen';

const RulebookPage = lazy(() => import('./pages/RulebookPage'));
const GlossaryPage = lazy(() => import('./pages/GlossaryPage'));
const OnlineMatch = lazy(() => import('./online/OnlineMatch'));
const VsComputer = lazy(() => import('./bots/VsComputer'));

const loading = <p role="status">{t('common.loading')}</p>;

/** A local match, kept here so that it survives a visit to the rulebook ("back to the game"). */
type LocalMatch = { id: number; kind: 'hotseat'; client: DeRiskClient } | { id: number; kind: 'computer'; game: ComputerMatch };

function stopMatch(match: LocalMatch): void {
  if (match.kind === 'hotseat') stopOnce(match.client);
  else match.game.stop();
}

/** The app shell: the start screen, a hot-seat, computer or online match, and the rulebook and glossary. */
export function App() {
  const [route, go] = useRoute();
  const [match, setMatch] = useState<LocalMatch | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  // Where the rulebook and glossary lead back to.
  const [returnTo, setReturnTo] = useState<typeof route>({ page: 'start' });

  useEffect(() => () => {
    if (match) stopMatch(match);
  }, [match]);
  useEffect(() => {
    document.title = t(`title.${route.page}`);
    if (route.page === 'play' || route.page === 'match' || route.page === 'start') setReturnTo(route);
  }, [route]);

  const start = (setup: SetupData, opponent?: ComputerOpponent) => {
    setStartError(null);
    if (!opponent) {
      const client = createHotSeatClient(setup);
      setMatch((previous) => ({ id: (previous?.id ?? 0) + 1, kind: 'hotseat', client }));
      go({ page: 'play' });
      return;
    }
    // The bots' match code is loaded only when someone plays against the computer.
    import('./bots/computerMatch')
      .then(({ createComputerMatch }) => {
        const game = createComputerMatch(setup, opponent);
        setMatch((previous) => ({ id: (previous?.id ?? 0) + 1, kind: 'computer', game }));
        go({ page: 'play' });
      })
      .catch(() => setStartError(t('start.loadFailed')));
  };
  const playAgain = () => {
    setMatch(null);
    go({ page: 'start' });
  };
  const openRules = () => go({ page: 'rules' });
  const openGlossary = () => go({ page: 'glossary' });
  const goTo = (code: string, watch: boolean) => go({ page: 'match', code, watch });

  if (route.page === 'play' && match?.kind === 'computer') {
    return (
      <Suspense fallback={loading}>
        <VsComputer
          key={match.id}
          match={match.game}
          onPlayAgain={playAgain}
          onOpenRules={openRules}
          onOpenGlossary={openGlossary}
        />
      </Suspense>
    );
  }
  if (route.page === 'play' && match?.kind === 'hotseat') {
    return (
      <HotSeat
        key={match.id}
        client={match.client}
        onPlayAgain={playAgain}
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
    <>
      {startError && (
        <p role="alert" className="banner bad">
          {startError}
        </p>
      )}
      <StartScreen
      onStart={start}
      onGoTo={goTo}
      onOpenRules={openRules}
      onOpenGlossary={openGlossary}
      resumable={match !== null}
      onResume={() => go({ page: 'play' })}
      />
    </>
  );
}
