/**
 * The pseudo-locale (en-XA): English made visibly foreign, the standard way to catch text that
 * bypasses the translation layer and layouts that break when a language runs longer. Every
 * letter is accented, each text is about 30% longer, and it is bracketed, so a hard-coded
 * English string, a cut-off label or a text glued together from pieces stands out at once.
 * Used for the message catalogue at build time (scripts/messages.ts) and for content texts at
 * run time (`contentText`).
 */

const ACCENTED: Readonly<Record<string, string>> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ĺ', m: 'ɱ',
  n: 'ñ', o: 'ó', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ĺ', M: 'Ṁ',
  N: 'Ñ', O: 'Ó', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/** The padding that makes a text about 30% longer (vowels stretched, as German or Russian would). */
const PAD = '·';

/** A BCP 47 tag reserved for pseudo-localisation (en-XA: "accented English"), so the page's `lang` stays valid. */
export const PSEUDO_LOCALE = 'en-XA';

/** One piece of literal text, pseudo-localised: accented and padded, not bracketed. */
export function pseudoText(text: string): string {
  if (text.trim() === '') return text;
  // Array.from walks code points, so a letter outside the BMP stays whole.
  const chars = Array.from(text);
  const accented = chars.map((ch) => ACCENTED[ch] ?? ch).join('');
  const letters = chars.filter((ch) => /\p{L}/u.test(ch)).length;
  return accented + PAD.repeat(Math.ceil(letters * 0.3));
}

/** A whole text, pseudo-localised and bracketed, so that where it starts and ends shows. */
export function pseudoLocalise(text: string): string {
  return text === '' ? text : `⟦${pseudoText(text)}⟧`;
}
