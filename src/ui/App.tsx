import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { SetupData } from '../game';
import type { ComputerOpponent } from './bots/opponent';
import { LanguageMenu } from './common/LanguageMenu';
import { t, withMessages } from './i18n';
import { createLocalMatch, prefetchHotSeat, resumeLocalMatch, type LocalMatch } from './localMatch';
import { useRoute } from './router';
import { forgetSavedGame, savedSummary, setSavedGameAside, type SavedGame, type SavedSummary } from './savedGame';
import { StartScreen } from './start/StartScreen';
import { useLocale } from './store/localeStore';

// Everything but the start screen loads on demand: the first visit downloads only what it shows.
const HotSeat = lazy(withMessages(['board'], () => import('./hotseat/HotSeat')));
const RulebookPage = lazy(() => import('./pages/RulebookPage'));
const GlossaryPage = lazy(() => import('./pages/GlossaryPage'));
const OnlineMatch = lazy(withMessages(['board'], () => import('./online/OnlineMatch')));
const VsComputer = lazy(withMessages(['board'], () => import('./bots/VsComputer')));
const ReplayPage = lazy(withMessages(['board'], () => import('./replay/ReplayPage')));
const JoinClass = lazy(withMessages(['classroom'], () => import('./classroom/JoinClass')));
const ClassSetup = lazy(withMessages(['classroom'], () => import('./classroom/ClassSetup')));
const ControlRoom = lazy(withMessages(['classroom'], () => import('./classroom/ControlRoom')));
const ClassDebrief = lazy(withMessages(['classroom', 'debrief'], () => import('./classroom/ClassDebrief')));

/** Shown while a screen's code arrives (a component, so it is worded in the language of the moment). */
function Loading() {
  return <p role="status">{t('common.loading')}</p>;
}
const loading = <Loading />;

/** The app shell: the screens, and the language menu under every one of them. */
export function App() {
  // Every screen is worded again when the language changes.
  const locale = useLocale();
  return (
    <>
      <Screens locale={locale} />
      <footer className="app-footer">
        <LanguageMenu />
      </footer>
    </>
  );
}

/** The start screen, a hot-seat, computer or online match, the classroom screens, and the rulebook and glossary. */
function Screens({ locale }: { locale: string }) {
  const [route, go] = useRoute();
  const [match, setMatch] = useState<LocalMatch | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  // The local game saved in this browser (a reload or a closed tab), offered until it is resumed or replaced.
  const [saved, setSaved] = useState<SavedSummary | null>(() => savedSummary());
  // One resume at a time (a ref, so that React's doubled effects in development see it at once).
  const resuming = useRef(false);
  // Where the rulebook and glossary lead back to.
  const [returnTo, setReturnTo] = useState<typeof route>({ page: 'start' });

  useEffect(() => () => match?.stop(), [match]);
  useEffect(() => (route.page === 'start' ? prefetchHotSeat() : undefined), [route.page]);
  useEffect(() => {
    // The tab's title, in the language of the moment.
    document.title = route.page === 'rules' && route.at === 'summary' ? t('title.summary') : t(`title.${route.page}`);
    if (route.page === 'play' || route.page === 'match' || route.page === 'start') setReturnTo(route);
  }, [route, locale]);

  const start = (setup: SetupData, opponent?: ComputerOpponent) => {
    setStartError(null);
    createLocalMatch((match?.id ?? 0) + 1, setup, opponent)
      .then((next) => {
        setMatch(next);
        setSaved(null);
        go({ page: 'play' });
      })
      .catch(() => setStartError(t(opponent ? 'start.loadFailed' : 'start.gameLoadFailed')));
  };
  /** Resumes the game saved in this browser, or `save` (a fork to play on, from the replay). */
  const resume = (save?: SavedGame) => {
    if (resuming.current) return;
    resuming.current = true;
    setStartError(null);
    resumeLocalMatch((match?.id ?? 0) + 1, ...(save ? [save] : []))
      .then((next) => {
        setMatch(next);
        setSaved(null);
        go({ page: 'play' });
      })
      .catch((error: unknown) => {
        // A save that cannot be played again is put aside (not deleted); a page that could not load keeps it for another try.
        // A fork is not the browser's save: that stays where it is.
        if (!save && error instanceof Error && error.name === 'ResumeError') {
          setSavedGameAside();
          setSaved(null);
          setStartError(t('start.resumeFailed'));
        } else setStartError(t('start.gameLoadFailed'));
        go({ page: 'start' });
      })
      .finally(() => {
        resuming.current = false;
      });
  };
  // Reloaded during a local game: the address still says #/play, so resume the saved game, or go to the start.
  useEffect(() => {
    if (route.page !== 'play' || match || resuming.current) return;
    if (saved) resume();
    else go({ page: 'start' });
  }, [route.page, match]);
  const playAgain = () => {
    forgetSavedGame();
    setSaved(null);
    setMatch(null);
    go({ page: 'start' });
  };
  const openRules = () => go({ page: 'rules' });
  const openGlossary = () => go({ page: 'glossary' });
  const goTo = (code: string, watch: boolean) => go({ page: 'match', code, watch });

  if (route.page === 'play' && match) {
    const actions = { onPlayAgain: playAgain, onReplay: () => go({ page: 'replay', saved: true }), onOpenRules: openRules, onOpenGlossary: openGlossary };
    return (
      <Suspense fallback={loading}>
        {match.kind === 'computer' ? (
          <VsComputer key={match.id} match={match.game} {...actions} />
        ) : (
          <HotSeat key={match.id} client={match.client} {...actions} />
        )}
      </Suspense>
    );
  }
  // Reloaded at #/play: the saved game is being resumed (or the start screen is on its way).
  if (route.page === 'play') return loading;
  if (route.page === 'match') {
    return (
      <Suspense fallback={loading}>
        <OnlineMatch
          key={`${route.code}-${String(route.watch)}`}
          code={route.code}
          watch={route.watch}
          {...(route.classCode ? { classCode: route.classCode } : {})}
          onOpenRules={openRules}
          onOpenGlossary={openGlossary}
          onGoTo={goTo}
          onHome={() => go({ page: 'start' })}
        />
      </Suspense>
    );
  }
  const home = () => go({ page: 'start' });
  if (route.page === 'classJoin') {
    return (
      <Suspense fallback={loading}>
        <JoinClass
          key={route.code ?? ''}
          code={route.code}
          onJoined={(code) => go({ page: 'classJoin', code })}
          onSeated={(matchID) => goTo(matchID, false)}
          onHome={home}
        />
      </Suspense>
    );
  }
  if (route.page === 'classNew') {
    return (
      <Suspense fallback={loading}>
        <ClassSetup onCreated={(code) => go({ page: 'classTeach', code })} onHome={home} />
      </Suspense>
    );
  }
  if (route.page === 'classTeach') {
    return (
      <Suspense fallback={loading}>
        <ControlRoom key={route.code} code={route.code} linkKey={route.key} onHome={home} />
      </Suspense>
    );
  }
  if (route.page === 'classResults') {
    return (
      <Suspense fallback={loading}>
        <ClassDebrief key={route.code} code={route.code} onHome={home} />
      </Suspense>
    );
  }
  if (route.page === 'replay') {
    return (
      <Suspense fallback={loading}>
        <ReplayPage saved={route.saved} onHome={home} onOpenRules={openRules} onOpenGlossary={openGlossary} onPlayFork={resume} />
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
      saved={match === null ? saved : null}
      onResumeSaved={() => resume()}
      />
    </>
  );
}
