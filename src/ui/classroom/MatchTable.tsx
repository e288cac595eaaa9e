import { useId, useState } from 'react';
import type { Side } from '../../content/types';
import { relationshipBand } from '../../game/tracks';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { sideName } from '../start/setupChoices';
import type { MatchStatus, Warning } from './classApi';
import { durationParts, FILTERS, SORTS, tableRows, type Filter, type MatchRow, type SortBy } from './matchRows';
import { hashOf } from '../router';
import { replayFileUrl } from '../online/replayFile';

const SIDES = ['us', 'cn'] as const satisfies readonly Side[];

export const duration = (seconds: number): string => t('class.duration', durationParts(seconds));

/** A track's value as a small bar with its number beside it; the words are for screen readers. */
function MiniMeter({ label, value, max, tone, valueText }: { label: string; value: number; max: number; tone: 'us' | 'cn' | 'shared'; valueText: string }) {
  const danger = value <= 2;
  return (
    <span
      className={`mini-meter mini-${tone}${danger ? ' mini-danger' : ''}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
    >
      {tone !== 'shared' && <Icon name={tone === 'us' ? 'washington' : 'beijing'} />}
      <span className="mini-bar" aria-hidden="true">
        <span className="mini-fill" style={{ width: `${(value / max) * 100}%` }} />
      </span>
      <span className="mini-value" aria-hidden="true">
        {value}
      </span>
    </span>
  );
}

const supportLabel = (side: Side) => t('class.meter.support', { side: sideName(side) });

export function warningText(w: Warning): string {
  switch (w.kind) {
    case 'nearSuddenEnd':
      return t('class.warning.nearSuddenEnd', {
        track: w.track === 'relationship' ? t('track.relationship') : supportLabel(w.track === 'usSupport' ? 'us' : 'cn'),
        value: w.value,
      });
    case 'idle':
      return t('class.warning.idle', { side: sideName(w.side), time: duration(w.seconds) });
    case 'disconnected':
      return t('class.warning.disconnected', { side: sideName(w.side) });
  }
}

function overText(over: NonNullable<MatchStatus['over']>): string {
  return over.winner ? t('class.over.win', { side: sideName(over.winner), ending: over.kind }) : t('class.over.draw', { ending: over.kind });
}

function Players({ match }: { match: MatchStatus }) {
  return (
    <ul className="class-players">
      {SIDES.map((side) => {
        const seat = match.seats[side];
        return (
          <li key={side} className={`class-player-${side}`}>
            <Icon name={side === 'us' ? 'washington' : 'beijing'} label={sideName(side)} /> {seat.computer ? t('class.computer') : seat.name}
          </li>
        );
      })}
    </ul>
  );
}

function Turn({ row }: { row: MatchRow }) {
  const { match } = row;
  if (match.over) {
    return (
      <span className="class-over">
        <Icon name="trophy" /> {overText(match.over)}
      </span>
    );
  }
  if (!match.toMove) return <span className="muted">—</span>;
  return (
    <span className={`class-turn class-turn-${match.toMove}`}>
      <strong>{sideName(match.toMove)}</strong> <span className="class-turn-time">{duration(row.waiting)}</span>
    </span>
  );
}

function Warnings({ warnings }: { warnings: readonly Warning[] }) {
  if (warnings.length === 0) {
    return (
      <span className="muted">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('class.warning.none')}</span>
      </span>
    );
  }
  return (
    <ul className="class-warnings">
      {warnings.map((w, i) => (
        <li key={i} className={`class-warning class-warning-${w.kind}`}>
          <Icon name={w.kind === 'disconnected' ? 'close' : w.kind === 'idle' ? 'pass' : 'warning'} /> {warningText(w)}
        </li>
      ))}
    </ul>
  );
}

function Row({ row, classCode }: { row: MatchRow; classCode: string }) {
  const { match, warnings } = row;
  const names = { us: match.seats.us.computer ? t('class.computer') : match.seats.us.name, cn: match.seats.cn.computer ? t('class.computer') : match.seats.cn.name };
  const rel = match.relationship;
  return (
    <tr className={warnings.length > 0 ? 'class-row-warn' : match.over ? 'class-row-over' : undefined}>
      <th scope="row">
        <Players match={match} />
      </th>
      <td>{t('class.round', { round: match.round, length: match.length })}</td>
      <td>
        <Turn row={row} />
      </td>
      <td>
        <MiniMeter
          label={t('track.relationship')}
          value={rel}
          max={10}
          tone="shared"
          valueText={t('meter.band', { band: t(`band.${relationshipBand(rel)}`), value: rel, max: 10 })}
        />
      </td>
      <td>
        {SIDES.map((side) => (
          <MiniMeter key={side} label={supportLabel(side)} value={match.support[side]} max={10} tone={side} valueText={t('meter.value', { value: match.support[side], max: 10 })} />
        ))}
      </td>
      <td>
        <span className="class-score">
          {SIDES.map((side) => (
            <span key={side} className={`class-score-${side}`}>
              <Icon name={side === 'us' ? 'washington' : 'beijing'} label={sideName(side)} /> {match.score[side]}
            </span>
          ))}
        </span>
      </td>
      <td>{match.deal ? t('class.deal.terms', { count: match.deal.length }) : <span className="muted">{t('class.deal.none')}</span>}</td>
      <td>
        <Warnings warnings={warnings} />
      </td>
      <td>
        <a href={hashOf({ page: 'match', code: match.matchID, watch: true, classCode })} target="_blank" rel="noopener noreferrer" className="class-watch">
          <Icon name="eye" /> {t('class.watch')}
          <span className="visually-hidden"> {t('class.watchHidden', names)}</span>
        </a>
        {match.over && (
          <a href={replayFileUrl(match.matchID)} download className="class-watch class-replay-file">
            <Icon name="chronicle" /> {t('class.replayFile')}
            <span className="visually-hidden"> {t('class.replayFileHidden', names)}</span>
          </a>
        )}
      </td>
    </tr>
  );
}

/** Which column a sort orders, for aria-sort. */
const SORTED_COLUMN: Readonly<Record<SortBy, { column: string; order: 'ascending' | 'descending' }>> = {
  attention: { column: 'warnings', order: 'descending' },
  players: { column: 'players', order: 'ascending' },
  round: { column: 'round', order: 'ascending' },
  relationship: { column: 'relationship', order: 'ascending' },
  gap: { column: 'score', order: 'descending' },
  waiting: { column: 'turn', order: 'descending' },
};
const COLUMNS = ['players', 'round', 'turn', 'relationship', 'support', 'score', 'deal', 'warnings', 'watch'] as const;

/**
 * Every match of the class, sortable and filterable; each row opens the match's spectator view in
 * a new tab, and a finished match's row downloads its replay file for the projector's Replay page.
 */
export function MatchTable({ rows, classCode }: { rows: readonly MatchRow[]; classCode: string }) {
  const [sortBy, setSortBy] = useState<SortBy>('attention');
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const ids = { title: useId(), sort: useId(), filter: useId(), search: useId() };
  const shown = tableRows(rows, sortBy, filter, search);
  const counts = {
    count: rows.length,
    playing: rows.filter((r) => r.match.over === null).length,
    over: rows.filter((r) => r.match.over !== null).length,
    warnings: rows.filter((r) => r.warnings.length > 0).length,
  };
  const sorted = SORTED_COLUMN[sortBy];
  return (
    <section className="class-card class-matches" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('class.table.title')}</h2>
      <p role="status" className="class-summary">
        {t('class.table.summary', counts)} {shown.length !== rows.length && t('class.table.showing', { shown: shown.length, count: rows.length })}
      </p>
      <div className="class-table-tools">
        <label htmlFor={ids.sort}>{t('class.table.sort')}</label>
        <select id={ids.sort} value={sortBy} onChange={(e) => setSortBy(e.target.value as SortBy)}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`class.table.sort.${s}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.filter}>{t('class.table.show')}</label>
        <select id={ids.filter} value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`class.table.filter.${f}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.search}>{t('class.table.search')}</label>
        <input id={ids.search} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {shown.length === 0 ? (
        <p>{t('class.table.none')}</p>
      ) : (
        <table className="class-table">
          <caption className="visually-hidden">{t('class.table.caption')}</caption>
          <colgroup>
            {COLUMNS.map((c) => (
              <col key={c} className={`class-col-${c}`} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c} scope="col" aria-sort={sorted.column === c ? sorted.order : undefined}>
                  {t(`class.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <Row key={row.match.matchID} row={row} classCode={classCode} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
