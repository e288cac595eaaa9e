/** Random play in the other scenarios (R11); see random-play.test.ts. */
import { describe, it } from 'vitest';
import { randomGames } from '../helpers/randomGames';

describe('random play, other scenarios', () => {
  it('R11 300 Phase One games (2020) end properly', () => {
    randomGames(30_001, 300, '2020', 8);
  });
  it('R11 200 trade-war games (2018) end properly', () => {
    randomGames(40_001, 200, '2018', 8);
  });
});
