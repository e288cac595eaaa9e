/** A seat's recorded computer settings, read once for the server and the clients (botSettingsIn). */
import { describe, expect, it } from 'vitest';
import { botSettingsIn } from '../../src/bots/types';

describe('botSettingsIn', () => {
  it('reads the level and temperament a seat records, and nothing else', () => {
    expect(botSettingsIn({ bot: { level: 'hard', persona: 'titForTat', extra: 1 } })).toEqual({ level: 'hard', persona: 'titForTat' });
  });

  it.each([
    ['no data', undefined],
    ['null data', null],
    ['data that is not an object', 'bot'],
    ['no bot field', { name: 'Ada' }],
    ['a bot field that is not an object', { bot: 'hard' }],
    ['an unknown level', { bot: { level: 'expert', persona: 'balanced' } }],
    ['an unknown temperament', { bot: { level: 'easy', persona: 'dove' } }],
    ['a missing temperament', { bot: { level: 'easy' } }],
    ['a prototype key for a level', { bot: { level: 'constructor', persona: 'balanced' } }],
  ])('is null for %s', (_name, data) => {
    expect(botSettingsIn(data)).toBeNull();
  });
});
