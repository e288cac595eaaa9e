import { useId } from 'react';
import { other, type DeRiskState, type GameResult, type Side } from '../../game';
import { dateLabel, sideName } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';

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
      return { headline: t(`debrief.headline.${kind}`, params), why: t(`debrief.why.${kind}`, params), rule: 'R11.1', tone: winner };
    }
    case 'rupture': {
      const loser = result.causedBy;
      if (loser === null) {
        return { headline: t('debrief.headline.ruptureNobody'), why: t('debrief.why.ruptureNobody', at), rule: 'R11.2', tone: 'draw' };
      }
      const winner = result.winnerSide ?? other(loser);
      const params = { ...at, winner: sideName(winner), loser: sideName(loser) };
      return { headline: t('debrief.headline.rupture', params), why: t('debrief.why.rupture', params), rule: 'R11.2', tone: winner };
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
