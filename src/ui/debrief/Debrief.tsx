/**
 * The debrief after a game, for a teacher to project: who won and why, who the computer played,
 * the score, the revealed agendas, every track over the rounds, the turning points, the essay's
 * forecast, why each side chose its moves, and three questions for the class (GAME_DESIGN
 * "Teaching layer").
 */
import type { Ctx } from 'boardgame.io';
import { useEffect, useId, useRef } from 'react';
import type { BotLevel, Persona } from '../../bots/types';
import { gameResult, scoreFor, type DeRiskState, type GameResult, type ScoreBreakdown, type Side } from '../../game';
import { contentField, sideName } from '../bridge';
import { Icon } from '../common/Icon';
import { t, type MessageKey } from '../i18n';
import { hashOf } from '../router';
import { Agendas } from './Agendas';
import { Forecast } from './Forecast';
import { Outcome } from './Outcome';
import { useOpenDetailsForPrint } from './print';
import { chooseQuestions } from './questions';
import { Reasons } from './Reasons';
import { ScoreTable } from './ScoreTable';
import { TrackChart } from './TrackChart';
import { TurningPoints } from './TurningPoints';
import './debrief.css';

function Questions({ keys }: { keys: readonly MessageKey[] }) {
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

/** The sides the computer played, with its level and temperament (a game against the computer, or a bot in an online seat). */
export type ComputerPlayers = Partial<Record<Side, { level: BotLevel; persona: Persona }>>;

/** "Beijing was played by the computer: normal level, Hawk temperament." for each computer side. */
function ComputerPlayed({ computer }: { computer: ComputerPlayers }) {
  return (['us', 'cn'] as const).map((side) => {
    const player = computer[side];
    if (!player) return null;
    const { level, persona } = player;
    return (
      <p key={side} className="debrief-computer">
        <Icon name={side === 'us' ? 'washington' : 'beijing'} />{' '}
        {t('debrief.computer', { side: sideName(side), level: t(`debrief.computer.level.${level}`), persona: t(`computer.persona.${persona}`) })}{' '}
        <span className="debrief-computer-text">{t(`computer.personaText.${persona}`)}</span>
      </p>
    );
  });
}

export default function Debrief({ G, ctx, onPlayAgain, onReplay, replayFileUrl, computer }: {
  G: DeRiskState;
  ctx: Ctx;
  onPlayAgain: () => void;
  /** Step through this game move by move (a local game, whose record this browser keeps). */
  onReplay?: () => void;
  /** Where the server serves this finished game's replay file (an online or class match). */
  replayFileUrl?: string;
  computer?: ComputerPlayers;
}) {
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
        {computer && <ComputerPlayed computer={computer} />}
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
      <Reasons G={G} computer={computer} />
      {questions.length > 0 && <Questions keys={questions} />}
      <div className="debrief-actions">
        <button type="button" className="debrief-button debrief-button-primary" onClick={onPlayAgain}>
          {t('debrief.actions.playAgain')}
        </button>
        {onReplay && (
          <button type="button" className="debrief-button debrief-button-secondary" onClick={onReplay}>
            {t('debrief.actions.replay')}
          </button>
        )}
        {replayFileUrl && result && (
          <a className="debrief-button debrief-button-secondary" href={replayFileUrl} download>
            {t('debrief.actions.replayFile')}
          </a>
        )}
        <button type="button" className="debrief-button debrief-button-secondary" onClick={() => window.print()}>
          {t('debrief.actions.print')}
        </button>
      </div>
      {replayFileUrl && result && (
        <p className="debrief-note debrief-replay-note">
          {t('debrief.replayFile.note')} <a href={hashOf({ page: 'replay', saved: false })}>{t('debrief.replayFile.page')}</a>
        </p>
      )}
    </main>
  );
}
