/**
 * Random play: seeded games driven only by `ai.enumerate` must end properly with every
 * invariant holding after every move (R3.1, R4.4, R5.1, R6, R11). Split across files so
 * that the test runner spreads the 1,000 games over both cores.
 */
import { describe, expect, it } from 'vitest';
import { randomGames } from '../helpers/randomGames';

describe('random play, 2025 scenario', () => {
  it('R11 300 eight-round games end properly with every invariant intact', () => {
    const kinds = randomGames(1, 300, '2025', 8);
    expect(Object.values(kinds).reduce((a, b) => a + b, 0)).toBe(300);
    expect(kinds.score ?? 0).toBeGreaterThan(0);
  });
  it('R11 100 quick games end properly', () => {
    randomGames(10_001, 100, '2025', 4);
  });
});

describe('random play, 2018 scenario', () => {
  it('R11 100 six-round games end properly', () => {
    randomGames(20_001, 100, '2018', 6);
  });
});
