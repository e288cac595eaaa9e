import { lazy, Suspense, useEffect, useState } from 'react';
import type { SetupData } from '../game';
import { createHotSeatClient, type DeRiskClient } from './hotseat/client';
import { HotSeat } from './hotseat/HotSeat';
import { t } from './i18n';
import { useRoute } from './router';
import { StartScreen } from './start/StartScreen';

const RulebookPage = lazy(() => import('./pages/RulebookPage'));
const GlossaryPage = lazy(() => import('./pages/GlossaryPage'));

/** The app shell: the start screen, a hot-seat match, and the rulebook and glossary pages. */
export function App() {
  const [route, go] = useRoute();
  const [match, setMatch] = useState<{ id: number; client: DeRiskClient; setup: SetupData } | null>(null);

  useEffect(() => () => match?.client.stop(), [match]);
  useEffect(() => {
    document.title = route === 'play' ? t('title.play') : route === 'start' ? t('title.start') : t(`title.${route}`);
  }, [route]);

  const start = (setup: SetupData) => {
    setMatch((previous) => ({ id: (previous?.id ?? 0) + 1, client: createHotSeatClient(setup), setup }));
    go('play');
  };
  const back = match ? () => go('play') : () => go('start');

  if (route === 'play' && match) {
    return (
      <HotSeat
        key={match.id}
        client={match.client}
        onPlayAgain={() => {
          setMatch(null);
          go('start');
        }}
        onOpenRules={() => go('rules')}
        onOpenGlossary={() => go('glossary')}
      />
    );
  }
  if (route === 'rules' || route === 'glossary') {
    const Page = route === 'rules' ? RulebookPage : GlossaryPage;
    return (
      <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
        <Page onBack={back} backLabel={match ? t('nav.backToGame') : t('nav.backToStart')} />
      </Suspense>
    );
  }
  return (
    <StartScreen
      onStart={start}
      onOpenRules={() => go('rules')}
      onOpenGlossary={() => go('glossary')}
      resumable={match !== null}
      onResume={() => go('play')}
    />
  );
}
