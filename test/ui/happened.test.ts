/**
 * "What just happened" (issue 13): which chronicle entries are news to whom, grouped as a round
 * unfolds, over a real game's chronicle.
 */
import { describe, expect, it } from 'vitest';
import { fromAfterPlay, happenedSince, initialFrom } from '../../src/ui/happened';
import { BEIJING, CALM, WASHINGTON, calmMatch, play } from '../helpers/match';

/** Round 1 of a calm game with U.S. tariffs at 3: Washington raises them, Beijing passes, then Washington does, which ends the round. */
function firstRound() {
  const match = calmMatch({ tracks: { ...CALM, usTariff: 3 } });
  const atStart = match.state.G.chronicle.length;
  play(match, WASHINGTON, 'act', 'raiseTariffs');
  const afterRaise = match.state.G.chronicle.length;
  play(match, BEIJING, 'pass');
  play(match, WASHINGTON, 'pass');
  return { chronicle: match.state.G.chronicle, atStart, afterRaise };
}

describe('what just happened', () => {
  it('groups the news into the moves, the round end (with its drift reasons) and the next round’s start', () => {
    const { chronicle, atStart } = firstRound();
    const groups = happenedSince(chronicle, atStart);
    expect(groups.map((g) => [g.phase, g.round])).toEqual([
      ['moves', 1],
      ['roundEnd', 1],
      ['roundStart', 2],
    ]);
    expect(groups[0]?.entries.map(({ entry }) => entry.kind)).toEqual(['action', 'pass', 'pass']);
    const drift = groups[1]?.entries.find(({ entry }) => entry.kind === 'drift')?.entry;
    // Four tariff steps: prices rise in America (R8.1) and China slows (R8.2).
    expect(drift?.notes).toEqual([
      { kind: 'drift', rule: 'tariffPrices' },
      { kind: 'drift', rule: 'tariffGrowth' },
    ]);
    expect(groups[2]?.entries.map(({ entry }) => entry.kind)).toContain('income');
    // Indexes point back into the chronicle, for keys and for "seen up to".
    expect(groups.flatMap((g) => g.entries.map((e) => e.index))).toEqual(chronicle.map((_, i) => i).slice(atStart));
  });

  it('a side new to the table sees everything since its own last move; the second player sees the first one’s opening', () => {
    const { chronicle, atStart, afterRaise } = firstRound();
    const beforeAnyMove = chronicle.slice(0, atStart);
    expect(initialFrom(beforeAnyMove, 'us')).toBe(atStart);
    expect(initialFrom(chronicle.slice(0, afterRaise), 'cn')).toBe(atStart);
    // Washington's last move is its pass, the third move of the round; Beijing's is the second.
    expect(initialFrom(chronicle, 'us')).toBe(atStart + 3);
    expect(initialFrom(chronicle, 'cn')).toBe(atStart + 2);
    // An onlooker arriving sees the latest move.
    expect(initialFrom(chronicle, 'watch')).toBe(atStart + 2);
    expect(initialFrom(beforeAnyMove, 'watch')).toBe(atStart);
  });

  it('a play keeps the player’s own earlier plays in view but drops news already on screen from the other side', () => {
    const { chronicle, atStart } = firstRound();
    // Only Washington's own raise was on screen when it played again: the summary keeps it.
    expect(fromAfterPlay(chronicle, atStart, atStart + 1, 'us')).toBe(atStart);
    // Beijing's pass was on screen too, so the summary restarts at the new play.
    expect(fromAfterPlay(chronicle, atStart, atStart + 2, 'us')).toBe(atStart + 2);
    expect(fromAfterPlay(chronicle, atStart + 1, atStart + 3, 'us')).toBe(atStart + 3);
    // Nothing on screen: it starts at the play.
    expect(fromAfterPlay(chronicle, atStart + 3, atStart + 3, 'us')).toBe(atStart + 3);
  });
});
