/**
 * The debrief after a game, for a teacher to project: who won and why, the score, the revealed
 * agendas, every track over the rounds, the turning points, the essay's forecast, and three
 * questions for the class (GAME_DESIGN "Teaching layer").
 */
import type { Ctx } from 'boardgame.io';
import { useEffect, useId, useRef, type RefObject } from 'react';
import { gameResult, scoreFor, type DeRiskState, type GameResult, type ScoreBreakdown, type Side } from '../../game';
import { contentField } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { Agendas } from './Agendas';
import { Forecast } from './Forecast';
import { Outcome } from './Outcome';
import { chooseQuestions } from './questions';
import { ScoreTable } from './ScoreTable';
import { TrackChart } from './TrackChart';
import { TurningPoints } from './TurningPoints';
import './debrief.css';

function Questions({ keys }: { keys: readonly string[] }) {
  const id = useId();
  return (
    <section className="debrief-card debrief-questions" aria-labelledby={id}>
      <h2 id={id}>
        <Icon name="question" /> {t('debrief.questions.title')}
      </h2>
      <ol className="debrief-question-list">
        {keys.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ol>
    </section>
  );
}

/** Opens every <details> before printing, so the numbers and notes are on paper too. */
function useOpenDetailsForPrint(root: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const open = () => root.current?.querySelectorAll('details').forEach((d) => (d.open = true));
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, [root]);
}

export default function Debrief({ G, ctx, onPlayAgain }: { G: DeRiskState; ctx: Ctx; onPlayAgain: () => void }) {
  const result: GameResult | undefined = (ctx.gameover as GameResult | undefined) ?? gameResult(G);
  const root = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useOpenDetailsForPrint(root);
  // Move focus to the debrief when it replaces the board, so screen readers start here.
  useEffect(() => heading.current?.focus(), []);

  const final = result?.kind === 'score' || result?.kind === 'stalemate';
  const scores: Record<Side, ScoreBreakdown> =
    result && (result.kind === 'score' || result.kind === 'stalemate') ? result.scores : { us: scoreFor(G, 'us'), cn: scoreFor(G, 'cn') };
  const agendas = result?.agendas ?? { us: G.sides.us.agenda, cn: G.sides.cn.agenda };
  const questions = result ? chooseQuestions(G, result) : [];

  return (
    <main className="debrief" ref={root}>
      <header className="debrief-header">
        <h1 ref={heading} tabIndex={-1}>
          {t('debrief.title')}
        </h1>
        <p className="debrief-subtitle">
          {t('debrief.subtitle', { scenario: contentField('scenario', G.scenario, 'title'), count: G.length })}
        </p>
      </header>
      <Outcome G={G} result={result} />
      <div className="debrief-pair">
        <ScoreTable scores={scores} sudden={!final} />
        <Agendas G={G} agendas={agendas} scores={scores} sudden={!final} />
      </div>
      <TrackChart G={G} />
      <div className="debrief-pair">
        <TurningPoints G={G} />
        <Forecast G={G} />
      </div>
      {questions.length > 0 && <Questions keys={questions} />}
      <div className="debrief-actions">
        <button type="button" className="debrief-button debrief-button-primary" onClick={onPlayAgain}>
          {t('debrief.actions.playAgain')}
        </button>
        <button type="button" className="debrief-button debrief-button-secondary" onClick={() => window.print()}>
          {t('debrief.actions.print')}
        </button>
      </div>
    </main>
  );
}
