/**
 * The shape of every lobby request body, checked with zod before a handler runs. Objects are
 * strict (an unknown key is refused, so a client can never set a field the server owns, such
 * as a seat's `data` that marks the computer), seats are exactly "0" or "1", and each handler
 * gets zod's own output, a fresh object.
 */
import { z } from 'zod/mini';
import { BOT_LEVELS, PERSONAS } from '../../bots/types';

/**
 * Display names: 1–24 characters of letters (with their accents and vowel signs, in any script),
 * digits, emoji, spaces and simple punctuation (. , ' ’ " - _), starting with a letter, digit or
 * emoji. No markup, no control or direction-override characters. Checked as sent, not trimmed,
 * so that `"Ada\n"` or a name padded with 1,000 spaces is refused rather than stored (the UI trims
 * before sending). Commas and quotes are allowed because every export quotes them (CSV).
 */
const EMOJI = '\\p{Extended_Pictographic}\\u{1F3FB}-\\u{1F3FF}\\u{1F1E6}-\\u{1F1FF}\\u200D\\uFE0F';
export const displayName = z.string().check(
  z.minLength(1, 'A name needs at least one character.'),
  z.maxLength(24, 'A name has at most 24 characters.'),
  // The class lists the zero-width joiner and the emoji variation selector on purpose: an emoji sequence is checked one code point at a time.
  // eslint-disable-next-line no-misleading-character-class
  z.regex(new RegExp(`^[\\p{L}\\p{N}${EMOJI}][\\p{L}\\p{M}\\p{N}${EMOJI} .,'’"_-]*$`, 'u'), 'A name may hold letters, digits, emoji, spaces and . , \' " - _ only.'),
);

export const seatID = z.enum(['0', '1'], { error: 'The seat is "0" (Washington) or "1" (Beijing).' });
const credentials = z.string().check(z.minLength(1, 'Credentials are required.'), z.maxLength(64));
/** Checked by the engine's own `validateSetupData` after the shape check. */
const setupData = z.optional(z.unknown());

export const createBody = z.strictObject({ numPlayers: z.literal(2), setupData, unlisted: z.optional(z.boolean()) });
export const joinBody = z.strictObject({ playerID: seatID, playerName: displayName });
export const updateBody = z.strictObject({ playerID: seatID, credentials, newName: displayName });
export const leaveBody = z.strictObject({ playerID: seatID, credentials });
export const playAgainBody = z.strictObject({
  playerID: seatID,
  credentials,
  numPlayers: z.optional(z.literal(2)),
  setupData,
  unlisted: z.optional(z.boolean()),
});
/** Our own route (not boardgame.io's): the computer takes the empty seat. */
export const botBody = z.strictObject({
  playerID: seatID,
  credentials,
  level: z.enum(BOT_LEVELS, { error: `The computer's level is one of ${BOT_LEVELS.join(', ')}.` }),
  persona: z.enum(PERSONAS, { error: `The computer's temperament is one of ${PERSONAS.join(', ')}.` }),
});

export type CreateBody = z.infer<typeof createBody>;
export type JoinBody = z.infer<typeof joinBody>;
export type UpdateBody = z.infer<typeof updateBody>;
export type LeaveBody = z.infer<typeof leaveBody>;
export type PlayAgainBody = z.infer<typeof playAgainBody>;
export type BotBody = z.infer<typeof botBody>;

/** The listing's query: `isGameover=true|false` (as boardgame.io's LobbyClient sends it). */
export function gameoverFilter(value: string | string[] | undefined): boolean | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text?.toLowerCase() === 'true') return true;
  if (text?.toLowerCase() === 'false') return false;
  return undefined;
}

/** The messages of a failed check, as one sentence for the client. */
export function problemsOf(error: { issues: readonly { message: string }[] }): string {
  return error.issues.map((issue) => issue.message).join(' ');
}

/** Whether a failed check is about a display name (the one thing a player types), so the client can say so in its words. */
export function namesAt(error: { issues: readonly { path: readonly PropertyKey[] }[] }): boolean {
  return error.issues.length > 0 && error.issues.every((issue) => issue.path[0] === 'playerName' || issue.path[0] === 'newName' || issue.path[0] === 'name');
}
