import { useId } from 'react';
import { other, type Cause, type DeRiskState, type GameResult, type Side } from '../../game';
import { suddenEnd, type SuddenEnd } from '../../game/analysis';
import { contentField, dateLabel, sideName } from '../bridge';
import { Icon } from '../common/Icon';
import { t, type MessageKey } from '../i18n';

/**
 * What set off a sudden end, as a phrase ("Beijing’s card “Rare-Earth Export Ban”", "the world
 * event “Chip smuggling uncovered”", "the collapse of the deal, broken by …"). `whose` is the side
 * whose support the round-end drift took (R8.4).
 */
export function causeText(cause: Cause, whose: Side = 'us'): string {
  switch (cause.kind) {
    case 'action':
      return t('debrief.cause.action', { side: sideName(cause.side), title: contentField('action', cause.id, 'title') });
    case 'card':
      return t('debrief.cause.card', { side: sideName(cause.side), title: contentField('card', cause.id, 'title') });
    case 'signing':
      return t('debrief.cause.signing', { side: sideName(cause.side) });
    case 'event':
      return t('debrief.cause.event', { title: contentField('event', cause.event, 'title') });
    case 'escalation':
      return t('debrief.cause.escalation');
    case 'drift':
      return t('debrief.cause.drift', { whose });
    case 'upkeep':
      return t('debrief.cause.upkeep');
    case 'erosion':
      return t('debrief.cause.erosion');
    case 'collapse':
      return t('debrief.cause.collapse', { trigger: causeText(cause.trigger, whose) });
  }
}

/** Why the relationship broke, truthfully: what broke it, then whom R11.2 charges and why. */
function ruptureWhy(G: DeRiskState, end: SuddenEnd, cause: Cause, loser: Side | null): string {
  const at = { round: end.round, date: dateLabel(G.scenario, end.round) };
  const when = t('debrief.why.ruptureWhen', { ...at, cause: causeText(cause), from: end.from });
  if (loser === null) return `${when} ${t('debrief.why.ruptureEventNobody')}`;
  const name = sideName(loser);
  // Nobody chose it: R11.2 charges the side that last lowered the relationship, by that play if known.
  const lastCutter = (named: MessageKey, unnamed: MessageKey) =>
    `${when} ${end.lastCut ? t(named, { loser: name, last: causeText(end.lastCut.cause), lastRound: end.lastCut.round }) : t(unnamed, { loser: name })}`;
  switch (cause.kind) {
    case 'collapse':
      if (cause.breachedBy !== null) return `${when} ${t('debrief.why.ruptureCollapse', { loser: name })}`;
      return lastCutter('debrief.why.ruptureWornAway', 'debrief.why.ruptureWornAwayCharged');
    case 'event':
    case 'drift':
    case 'upkeep':
    case 'erosion':
      return lastCutter('debrief.why.ruptureEvent', 'debrief.why.ruptureEventCharged');
    case 'action':
    case 'card':
    case 'signing':
    case 'escalation':
      return `${when} ${t('debrief.why.ruptureOwn', { loser: name })}`;
  }
}

export interface OutcomeText {
  /** The one big sentence: who won. */
  headline: string;
  /** Why, in a sentence or two. */
  why: string;
  /** The rule that decided it (R11.x), or null while the game is running. */
  rule: string | null;
  /** The winner, or 'draw'. */
  tone: Side | 'draw';
}

/** Who won and why, in words, from the engine's result (R11). */
export function describeResult(G: DeRiskState, result: GameResult | undefined): OutcomeText {
  const at = { round: G.round, date: dateLabel(G.scenario, G.round) };
  if (!result) return { headline: t('debrief.headline.notOver'), why: t('debrief.why.notOver'), rule: null, tone: 'draw' };
  switch (result.kind) {
    case 'score': {
      const winner = result.winnerSide;
      const loser = other(winner);
      const params = {
        winner: sideName(winner),
        loser: sideName(loser),
        winnerScore: result.scores[winner].total,
        loserScore: result.scores[loser].total,
        count: G.round,
      };
      return { headline: t('debrief.headline.score', params), why: t('debrief.why.score', params), rule: 'R11.3', tone: winner };
    }
    case 'stalemate':
      return {
        headline: t('debrief.headline.stalemate'),
        why: t('debrief.why.stalemate', { score: result.scores.us.total, count: G.round }),
        rule: 'R11.4',
        tone: 'draw',
      };
    case 'collapse': {
      const winner = result.winnerSide;
      if (winner === null) {
        return { headline: t('debrief.headline.collapseBoth'), why: t('debrief.why.collapseBoth', at), rule: 'R11.1', tone: 'draw' };
      }
      const loser = result.losers[0] ?? other(winner);
      const params = { ...at, winner: sideName(winner), loser: sideName(loser) };
      const kind = loser === 'us' ? 'votedOut' : 'crisis';
      // What took the support to 0, when the engine recorded it (R11.1).
      const end = suddenEnd(G);
      const why = end?.cause
        ? `${t('debrief.why.supportWhen', { side: sideName(loser), round: end.round, date: dateLabel(G.scenario, end.round), cause: causeText(end.cause, loser), from: end.from })} ${t(`debrief.why.${kind}End`)}`
        : t(`debrief.why.${kind}`, params);
      return { headline: t(`debrief.headline.${kind}`, params), why, rule: 'R11.1', tone: winner };
    }
    case 'rupture': {
      // Who loses follows R11.2; the words name what really broke the relationship.
      const loser = result.causedBy;
      const end = suddenEnd(G);
      const cause = end?.cause;
      if (loser === null) {
        const why = end && cause ? ruptureWhy(G, end, cause, null) : t('debrief.why.ruptureNobody', at);
        return { headline: t('debrief.headline.ruptureNobody'), why, rule: 'R11.2', tone: 'draw' };
      }
      const winner = result.winnerSide ?? other(loser);
      const params = { ...at, winner: sideName(winner), loser: sideName(loser) };
      // An event (on its own, or by pushing a track past a deal's promise) is nobody's play: the rules charge the loser with it.
      const root = cause?.kind === 'collapse' ? cause.trigger : cause;
      const charged = root?.kind === 'event' || root?.kind === 'drift';
      return {
        headline: t(charged ? 'debrief.headline.ruptureCharged' : 'debrief.headline.rupture', params),
        why: end && cause ? ruptureWhy(G, end, cause, loser) : t('debrief.why.rupture', params),
        rule: 'R11.2',
        tone: winner,
      };
    }
  }
}

const EMBLEM: Record<OutcomeText['tone'], string> = { us: 'washington', cn: 'beijing', draw: 'relationship' };

/** The result, in one big sentence, and why. */
export function Outcome({ G, result }: { G: DeRiskState; result: GameResult | undefined }) {
  const id = useId();
  const { headline, why, rule, tone } = describeResult(G, result);
  return (
    <section className={`debrief-card debrief-outcome debrief-tone-${tone}`} aria-labelledby={id}>
      <Icon name={EMBLEM[tone]} className="debrief-emblem" />
      <div>
        <p className="debrief-kicker">{t('debrief.outcome.label')}</p>
        <h2 id={id} className="debrief-headline">
          {headline}
        </h2>
        <p className="debrief-why">
          {why} {rule && <span className="debrief-rule">{t('debrief.ruleRef', { rule })}</span>}
        </p>
      </div>
    </section>
  );
}
