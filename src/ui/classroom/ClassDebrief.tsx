/**
 * The class debrief (`#/class/results/CODE`), for the teacher to project or print: how often
 * each side won and by how much, every track's final value across the pairs, deals and sudden
 * ends, the favourite moves, the essay's forecast across the class, three questions chosen from
 * the class's own numbers, every student's result, the results as CSV or JSON, and each finished pair's replay file to open
 * on the projector's Replay page.
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Side } from '../../content/types';
import { contentField, sideName } from '../bridge';
import { Icon } from '../common/Icon';
import { useProjectorType } from '../common/projector';
import { useOpenDetailsForPrint } from '../debrief/print';
import { formatNumber, t } from '../i18n';
import { hashOf } from '../router';
import { replayFileUrl } from '../online/replayFile';
import { classError, classResults, downloadResults, type ClassResults, type StudentRow } from './classApi';
import { teacherKey } from './classKeys';
import { classQuestions, questionText } from './classQuestions';
import { ClassTrackChart } from './ClassTrackChart';
import { useFocusedHeading } from './focus';
import '../debrief/debrief.css';
import './classroom.css';

const SIDES = ['us', 'cn'] as const satisfies readonly Side[];

/** An action's or a card's title (the class's move tallies hold both kinds of id). */
export function moveName(id: string): string {
  const action = contentField('action', id, 'title');
  return action !== id ? action : contentField('card', id, 'title');
}

function Card({ title, icon, children, className }: { title: string; icon: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`debrief-card${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <h2 id={id}>
        <Icon name={icon} /> {title}
      </h2>
      {children}
    </section>
  );
}

function BySide({ results }: { results: ClassResults }) {
  const { wins, margin, stalemates, finished, games } = results.summary;
  return (
    <Card title={t('class.debrief.bySide')} icon="trophy">
      <table className="debrief-table">
        <thead>
          <tr>
            <th scope="col">{t('class.debrief.side')}</th>
            <th scope="col">{t('class.debrief.wins')}</th>
            <th scope="col">{t('class.debrief.margin')}</th>
          </tr>
        </thead>
        <tbody>
          {SIDES.map((side) => (
            <tr key={side} className={`class-side-row-${side}`}>
              <th scope="row">
                <Icon name={side === 'us' ? 'washington' : 'beijing'} /> {sideName(side)}
              </th>
              <td>{t('class.debrief.winsOf', { wins: wins[side], count: finished })}</td>
              <td>{margin[side] === null ? '—' : t('class.debrief.points', { count: margin[side] ?? 0, shown: formatNumber(margin[side] ?? 0) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('class.debrief.stalemates', { count: stalemates })}</p>
      {finished < games && <p className="debrief-note">{t('class.debrief.unfinished', { count: games - finished })}</p>}
    </Card>
  );
}

function DealsAndEnds({ results }: { results: ClassResults }) {
  const s = results.summary;
  return (
    <Card title={t('class.debrief.dealsTitle')} icon="deal">
      <ul className="class-facts-list">
        <li>{t('class.debrief.dealsSigned', { count: s.dealsSigned })}</li>
        <li>{t('class.debrief.dealsCollapsed', { count: s.dealsCollapsed })}</li>
        <li>{t('class.debrief.collapses', { count: s.suddenEnds.collapse })}</li>
        <li>{t('class.debrief.ruptures', { count: s.suddenEnds.rupture })}</li>
      </ul>
    </Card>
  );
}

function Forecast({ results }: { results: ClassResults }) {
  const { interdependenceFell: fell, games } = results.summary;
  return (
    <Card title={t('class.debrief.forecastTitle')} icon="interdependence" className="class-forecast">
      <p>{t('debrief.forecast.intro')}</p>
      <p className="class-forecast-line">
        <strong>{t('class.debrief.forecastLine', { fell, count: games })}</strong>
      </p>
      {games > 0 && <p>{t(fell * 2 > games ? 'class.debrief.forecastHeld' : 'class.debrief.forecastMissed')}</p>}
    </Card>
  );
}

function TopMoves({ results }: { results: ClassResults }) {
  return (
    <Card title={t('class.debrief.movesTitle')} icon="card">
      <div className="class-moves">
        {SIDES.map((side) => {
          const moves = results.summary.topMoves[side];
          return (
            <div key={side} className={`class-moves-${side}`}>
              <h3>
                <Icon name={side === 'us' ? 'washington' : 'beijing'} /> {sideName(side)}
              </h3>
              {moves.length === 0 ? (
                <p className="muted">{t('class.debrief.noMoves')}</p>
              ) : (
                <ol>
                  {moves.map((m) => (
                    <li key={m.id}>{t('class.debrief.move', { move: moveName(m.id), count: m.count })}</li>
                  ))}
                </ol>
              )}
            </div>
          );
        })}
      </div>
    </Card>
  );
}

/** A download link per finished pair, for the projector's Replay page (R12: a finished game has no secrets left). */
function ReplayFiles({ pairs }: { pairs: ClassResults['pairs'] }) {
  const finished = pairs.filter((p) => p.over);
  return (
    <Card title={t('class.debrief.replayTitle')} icon="chronicle" className="class-replay-files">
      <p>
        {t('class.debrief.replayIntro')} <a href={hashOf({ page: 'replay', saved: false })}>{t('class.debrief.replayPage')}</a>
      </p>
      {finished.length === 0 ? (
        <p className="muted">{t('class.debrief.replayNone')}</p>
      ) : (
        <ul className="class-replay-list">
          {finished.map((p) => (
            <li key={p.matchID}>
              <a href={replayFileUrl(p.matchID)} download>
                {t('class.debrief.replayOf', { pair: t('class.debrief.pair', p.names) })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

const resultText = (row: StudentRow) => t(`class.debrief.result.${row.result}`);

function Students({ rows }: { rows: readonly StudentRow[] }) {
  const id = useId();
  return (
    <details className="debrief-card debrief-numbers class-students">
      <summary>{t('class.debrief.studentsTitle', { count: rows.length })}</summary>
      <div className="debrief-table-wrap" role="region" tabIndex={0} aria-labelledby={id}>
        <table className="debrief-table">
          <caption id={id}>{t('class.debrief.studentsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('class.debrief.student')}</th>
              <th scope="col">{t('class.debrief.side')}</th>
              <th scope="col">{t('class.debrief.opponent')}</th>
              <th scope="col">{t('class.debrief.result')}</th>
              <th scope="col">{t('class.debrief.total')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.matchID}-${r.side}`}>
                <th scope="row">{r.name}</th>
                <td>{sideName(r.side)}</td>
                <td>{r.opponentIsComputer ? t('class.computer') : r.opponent}</td>
                <td>{resultText(r)}</td>
                <td>{r.score.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export default function ClassDebrief({ code, onHome }: { code: string; onHome: () => void }) {
  useProjectorType();
  const key = teacherKey(code);
  const [results, setResults] = useState<ClassResults | null>(null);
  const [error, setError] = useState<string | null>(key ? null : t('class.room.noKey'));
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const root = useRef<HTMLElement>(null);
  const heading = useFocusedHeading(results !== null);
  useOpenDetailsForPrint(root);

  const load = useCallback(() => {
    if (!key) return;
    setError(null);
    classResults(code, key).then(setResults, (e: unknown) => setError(classError(e)));
  }, [code, key]);
  useEffect(load, [load]);

  const download = (format: 'csv' | 'json') => {
    if (!key) return;
    setDownloadError(null);
    downloadResults(code, key, format).catch((e: unknown) => setDownloadError(classError(e)));
  };

  const scenario = results ? contentField('scenario', results.scenario, 'title') : '';
  return (
    <main className="debrief class-debrief" ref={root}>
      <header className="debrief-card class-debrief-head">
        <h1 ref={heading} tabIndex={-1}>
          {t('class.debrief.title', { title: results?.title || code })}
        </h1>
        {results && (
          <p className="debrief-subtitle">
            {t('class.debrief.subtitle', { scenario, count: results.length, finished: results.summary.finished, games: results.summary.games })}
          </p>
        )}
        <div className="debrief-actions class-debrief-actions">
          {results && (
            <>
              <button type="button" className="secondary" onClick={() => download('csv')}>
                {t('class.debrief.csv')}
              </button>
              <button type="button" className="secondary" onClick={() => download('json')}>
                {t('class.debrief.json')}
              </button>
              <button type="button" className="secondary" onClick={() => window.print()}>
                {t('class.debrief.print')}
              </button>
            </>
          )}
          <a href={hashOf({ page: 'classTeach', code })}>{t('class.debrief.back')}</a>
        </div>
        {downloadError && (
          <p role="alert" className="banner bad">
            {downloadError}
          </p>
        )}
      </header>
      {error && (
        <div role="alert" className="banner bad">
          <p>{error}</p>
          {key ? (
            <button type="button" className="secondary" onClick={load}>
              {t('class.debrief.retry')}
            </button>
          ) : (
            <button type="button" className="link-button" onClick={onHome}>
              {t('nav.backToStart')}
            </button>
          )}
        </div>
      )}
      {!results && !error && <p role="status">{t('common.loading')}</p>}
      {results && (
        <>
          <div className="debrief-pair">
            <BySide results={results} />
            <DealsAndEnds results={results} />
          </div>
          <Forecast results={results} />
          <ClassTrackChart pairs={results.pairs} />
          <TopMoves results={results} />
          <Card title={t('debrief.questions.title')} icon="question" className="debrief-questions">
            <ol className="debrief-question-list">
              {classQuestions(results, moveName).map((q) => (
                <li key={q.key}>{questionText(q)}</li>
              ))}
            </ol>
          </Card>
          <Students rows={results.students} />
          <ReplayFiles pairs={results.pairs} />
        </>
      )}
    </main>
  );
}
