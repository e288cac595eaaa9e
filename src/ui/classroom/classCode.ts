/**
 * Class codes as the server makes them (src/server/classes/record.ts): six characters from an
 * alphabet no one misreads on a projector or mistypes on a phone. Kept apart so that the router
 * (in the first download) can check a code without the classroom screens.
 */
export const CLASS_ALPHABET = 'ACDEFHJKMNPQRTUVWXY3479';
const CLASS_CODE = new RegExp(`^[${CLASS_ALPHABET}]{6}$`);

export const isClassCode = (code: string): boolean => CLASS_CODE.test(code);

/** What a person typed, as a code: upper case, without spaces or dashes, at most six characters. */
export const cleanClassCode = (typed: string): string =>
  typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .slice(0, 6);
