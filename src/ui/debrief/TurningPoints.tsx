import { useId } from 'react';
import { gameResult, other, type ChronicleEntry, type DeRiskState, type Side } from '../../game';
import { turningPoints, type TurningPoint } from '../../game/analysis';
import { contentField, dateLabel, noteText, seriesLabel, sideName } from '../bridge';
import { entryTitle, realityOf } from '../chronicleText';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { ChangeChip, ChangeLegend } from '../common/ChangeChip';

/** The tracks whose reaching 0 ends the game (R11.1, R11.2): a fall to 2 or less is worth saying. */
const DANGER_TRACKS = new Set(['usSupport', 'cnSupport', 'relationship']);

/** The play of an item, without its cost: "Washington: Raise tariffs", "Beijing: “Rare-Earth Export Ban”". */
function playName(entry: ChronicleEntry): string {
  if (entry.kind === 'action') return t('debrief.tp.play', { side: sideName(entry.side), title: contentField('action', entry.action, 'title') });
  if (entry.kind === 'card') return t('debrief.tp.card', { side: sideName(entry.side), title: contentField('card', entry.card, 'title') });
  return entryTitle(entry);
}

/** The item's headline: the entry's, or "Washington: Raise tariffs ×3 (rounds 2, 4, 5)" for a repeated play. */
export function pointTitle(point: TurningPoint): string {
  if (point.count <= 1) return entryTitle(point.entry);
  return t('debrief.tp.repeated', { title: playName(point.entry), count: point.count, rounds: point.rounds.length, list: point.rounds.join(', ') });
}

/** "Moved the score gap 4 points toward Beijing." */
export function gapText(point: TurningPoint): string {
  const toward: Side = point.gap > 0 ? 'us' : 'cn';
  return t('debrief.tp.gap', { points: Math.abs(point.gap), side: sideName(toward) });
}

const signed = (n: number) => (n > 0 ? `+${n}` : `−${-n}`);

/** A support or the relationship brought within two steps of 0, or lifted from there (the danger `turningPoints` counts). */
function dangerNote(point: TurningPoint): string | null {
  if (point.ended) return t('debrief.tp.ended');
  const changes = point.entries.flatMap((e) => e.changes).filter((c) => DANGER_TRACKS.has(c.track));
  const brink = changes.filter((c) => c.to < c.from && c.to <= 2).sort((a, b) => a.to - b.to)[0];
  if (brink) return t('debrief.tp.brink', { track: seriesLabel(brink.track), value: brink.to });
  const relief = changes.find((c) => c.to > c.from && c.from <= 2);
  return relief ? t('debrief.tp.relief', { track: seriesLabel(relief.track), from: relief.from, to: relief.to }) : null;
}

function TurningPointView({ point, scenario }: { point: TurningPoint; scenario: DeRiskState['scenario'] }) {
  const { round, side, entry } = point;
  const reality = realityOf(entry);
  const notes = [...new Set(point.entries.flatMap((e) => e.notes.map(noteText)).filter((n): n is string => n !== null))];
  const danger = dangerNote(point);
  return (
    <li className={`debrief-tp debrief-tp-${side ?? 'world'}`}>
      <p className="debrief-tp-meta">
        <span>{t('debrief.tp.when', { round, date: dateLabel(scenario, round) })}</span>
        <span className="debrief-tp-who">
          <Icon name={side === 'us' ? 'washington' : side === 'cn' ? 'beijing' : 'event'} />{' '}
          {t('debrief.tp.who', { who: side ? sideName(side) : t('debrief.world') })}
        </span>
      </p>
      <p className="debrief-tp-title">{pointTitle(point)}</p>
      <p className="debrief-tp-gap">
        {gapText(point)} {danger && <strong>{danger}</strong>}
      </p>
      <ul className="debrief-chips" aria-label={t('debrief.tp.changes')}>
        {point.count <= 1
          ? point.changes.map((c) => <ChangeChip key={c.track} as="li" change={c} viewer={null} />)
          : point.deltas.map(({ track, delta }) => (
              <ChangeChip key={track} as="li" change={{ track, from: 0, to: delta }} viewer={null} label={t('debrief.tp.delta', { track: seriesLabel(track), delta: signed(delta) })} />
            ))}
      </ul>
      {notes.length > 0 && <p className="debrief-tp-notes">{notes.join(' ')}</p>}
      {reality && (
        <details>
          <summary>{t('common.inReality')}</summary>
          <p>{reality}</p>
        </details>
      )}
    </li>
  );
}

function Group({ title, points, scenario, empty }: { title: string; points: readonly TurningPoint[]; scenario: DeRiskState['scenario']; empty?: string }) {
  const id = useId();
  if (points.length === 0 && !empty) return null;
  return (
    <section className="debrief-tp-group" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {points.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ol className="debrief-tp-list">
          {points.map((point, i) => (
            <TurningPointView key={i} point={point} scenario={scenario} />
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * The turning points (`turningPoints`): what won it for the winner, what cost the loser most,
 * and the biggest events and round ends; after a draw, what helped each side most.
 */
export function TurningPoints({ G }: { G: DeRiskState }) {
  const id = useId();
  const points = turningPoints(G);
  const result = gameResult(G);
  const winner = result && 'winnerSide' in result ? result.winnerSide : null;
  const of = (role: TurningPoint['role'], side: Side | null) => points.filter((p) => p.role === role && p.side === side);
  return (
    <section className="debrief-card debrief-turning" aria-labelledby={id}>
      <h2 id={id}>
        <Icon name="chronicle" /> {t('debrief.tp.title')}
      </h2>
      {points.length === 0 ? (
        <p>{t('debrief.tp.none')}</p>
      ) : (
        <>
          <p>{t('debrief.tp.intro')}</p>
          <ChangeLegend viewer={null} />
          {winner !== null ? (
            <>
              <Group title={t('debrief.tp.helped', { side: sideName(winner) })} points={of('helped', winner)} scenario={G.scenario} />
              <Group
                title={t('debrief.tp.cost', { side: sideName(other(winner)) })}
                points={of('cost', other(winner))}
                scenario={G.scenario}
                empty={t('debrief.tp.costNone', { side: sideName(other(winner)), winner: sideName(winner) })}
              />
            </>
          ) : (
            (['us', 'cn'] as const).map((side) => <Group key={side} title={t('debrief.tp.helpedDraw', { side: sideName(side) })} points={of('helped', side)} scenario={G.scenario} />)
          )}
          <Group title={t('debrief.tp.world')} points={of('world', null)} scenario={G.scenario} />
        </>
      )}
    </section>
  );
}
