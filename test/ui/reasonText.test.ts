/**
 * The client words every kind of computer reason (R12) from its code, in the active language
 * and in the first person of the side that gave it; a person's reason is shown as typed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TRACK_IDS } from '../../src/content/types';
import { botReasonSchema, type BotReason, type BotReasonKind, type Motive, type PassWhy, type RecycledCard, type RejectWhy, type TellingPlay } from '../../src/game';
import { loadLocale } from '../../src/ui/i18n';
import { PSEUDO_LOCALE } from '../../src/ui/i18n/pseudo';
import { botReasonText, reasonText } from '../../src/ui/reasonText';

afterEach(async () => {
  await loadLocale('en');
});

/** Every kind of each part, as Records: a new kind missing here fails to compile. */
const REASON_KINDS: Record<BotReasonKind, true> = { action: true, card: true, propose: true, accept: true, reject: true, recycle: true, pass: true };
const PASS_WHYS: { [K in PassWhy['kind']]: Extract<PassWhy, { kind: K }>[] } = {
  lowLeverage: [{ kind: 'lowLeverage' }],
  noLeverage: [{ kind: 'noLeverage' }],
  enough: [{ kind: 'enough' }],
  lastRound: [{ kind: 'lastRound' }],
  saveLeverage: [{ kind: 'saveLeverage', keep: 1 }, { kind: 'saveLeverage', keep: 3 }],
  nothingBetter: [{ kind: 'nothingBetter' }],
  refused: [{ kind: 'refused', code: 'cannotAfford' }, { kind: 'refused', code: 'termsClash' }, { kind: 'refused' }],
};
const REJECT_WHYS: { [K in RejectWhy['kind']]: Extract<RejectWhy, { kind: K }>[] } = {
  wouldLose: [{ kind: 'wouldLose' }],
  hawks: [{ kind: 'hawks' }],
  worthLess: [{ kind: 'worthLess', changes: [{ track: 'cnGrowth', from: 4, to: 3 }] }, { kind: 'worthLess', changes: [] }],
  nothingBetter: [{ kind: 'nothingBetter' }],
  refused: [{ kind: 'refused', code: 'requirement' }],
};
const TELLING: { [K in TellingPlay['kind']]: Extract<TellingPlay, { kind: K }> } = {
  action: { kind: 'action', id: 'banMineral' },
  card: { kind: 'card', id: 'warmSignals' },
  dealSigned: { kind: 'dealSigned' },
  dealCollapsed: { kind: 'dealCollapsed' },
  lastMove: { kind: 'lastMove' },
};
const MOTIVES: { [K in Motive['kind']]: Extract<Motive, { kind: K }>[] } = {
  standFirm: [{ kind: 'standFirm' }],
  buildTrust: [{ kind: 'buildTrust' }],
  openGoodwill: [{ kind: 'openGoodwill' }],
  answer: Object.values(TELLING).map((to) => ({ kind: 'answer', to })),
  returnGoodwill: Object.values(TELLING).map((to) => ({ kind: 'returnGoodwill', to })),
};
const CARDS: Record<RecycledCard, true> = { any: true, dead: true, weak: true };

/** One reason of each kind, with each why, motive, recycled card, odds and every track going up and down. */
const ONE_OF_EACH: readonly BotReason[] = [
  { kind: 'action', id: 'raiseTariffs', changes: [{ track: 'usSupport', from: 5, to: 6 }, { track: 'relationship', from: 5, to: 4 }], motive: { kind: 'standFirm' }, ahead: true },
  { kind: 'card', id: 'warmSignals', changes: [] },
  { kind: 'propose', terms: ['tariffCut1'], changes: [{ track: 'relationship', from: 4, to: 6 }] },
  { kind: 'propose', terms: ['tariffCut1'], changes: [], odds: 'likely' },
  { kind: 'propose', terms: ['tariffCut1'], changes: [], odds: 'longShot' },
  { kind: 'accept', changes: [{ track: 'cnSupport', from: 6, to: 5 }], motive: { kind: 'buildTrust' } },
  ...Object.values(REJECT_WHYS).flat().map((why): BotReason => ({ kind: 'reject', why })),
  ...(Object.keys(CARDS) as RecycledCard[]).map((card): BotReason => ({ kind: 'recycle', card })),
  ...Object.values(PASS_WHYS).flat().map((why): BotReason => ({ kind: 'pass', why })),
  ...Object.values(MOTIVES).flat().map((motive): BotReason => ({ kind: 'action', id: 'tightenControls', changes: [], motive })),
  ...TRACK_IDS.flatMap((track) => [1, -1].map((delta): BotReason => ({ kind: 'accept', changes: [{ track, from: 5, to: 5 + delta }] }))),
];

/** Camel-case codes and ids inside a reason, none of which a reader should ever see. */
function rawCodes(value: unknown): string[] {
  if (typeof value === 'string') return /[a-z][A-Z]/.test(value) ? [value] : [];
  return value !== null && typeof value === 'object' ? Object.values(value).flatMap(rawCodes) : [];
}

describe('R12 the client words a computer’s reason', () => {
  it('words every kind of reason, from either side, without a message key, a placeholder or a raw code', () => {
    expect(new Set(ONE_OF_EACH.map((r) => r.kind))).toEqual(new Set(Object.keys(REASON_KINDS)));
    for (const code of ONE_OF_EACH) expect(botReasonSchema.safeParse(code).success, JSON.stringify(code)).toBe(true);
    for (const side of ['us', 'cn'] as const) {
      const texts = ONE_OF_EACH.map((code) => botReasonText(code, side));
      // Each different reason reads differently.
      expect(new Set(texts).size).toBe(texts.length);
      texts.forEach((text, i) => {
        const code = ONE_OF_EACH[i];
        expect(text.length, JSON.stringify(code)).toBeGreaterThan(15);
        expect(text, JSON.stringify(code)).not.toMatch(/bots\.|[{}#]|undefined|null|NaN/);
        for (const raw of rawCodes(code)) expect(text).not.toContain(raw);
      });
    }
  });

  it('says what was done, the main changes from the bot’s own side, its leaning and its look-ahead', () => {
    const [raise] = ONE_OF_EACH;
    if (!raise) throw new Error('no reason');
    expect(botReasonText(raise, 'us')).toBe('Raise tariffs (+10% on Chinese goods): lifts my support at home to 6 and lowers the relationship to 4; standing firm at home (thought through to the next round)');
    expect(botReasonText(raise, 'cn')).toContain('lifts Washington’s support at home to 6');
    const answer: BotReason = { kind: 'card', id: 'crownJewelsMemo', changes: [{ track: 'exportControls', from: 2, to: 3 }], motive: { kind: 'answer', to: TELLING.action } };
    expect(botReasonText(answer, 'us')).toBe('Played “Protect the \'Crown Jewels\'”: tightens export controls to 3; answering Beijing’s “Ban a critical mineral”');
    expect(botReasonText({ kind: 'pass', why: { kind: 'saveLeverage', keep: 1 } }, 'cn')).toBe('Passed: nothing left is worth the leverage, so I keep my 1 point for next round');
    expect(botReasonText({ kind: 'pass', why: { kind: 'refused', code: 'cannotAfford' } }, 'cn')).toBe('Passed: my first choice was refused (I could not afford it)');
    expect(botReasonText({ kind: 'reject', why: { kind: 'hawks' } }, 'cn')).toBe('Rejected Washington’s deal: my hawks at home would call it a giveaway');
    expect(botReasonText({ kind: 'propose', terms: ['tariffCut1'], changes: [], odds: 'longShot' }, 'us')).toMatch(/^Proposed a deal \(.+\): if Beijing signs \(a long shot\), it sets up my next moves$/);
    expect(botReasonText({ kind: 'accept', changes: [{ track: 'usTariff', from: 2, to: 1 }] }, 'cn')).toBe('Accepted Washington’s deal: it cuts the U.S. tariff to 1 step');
  });

  it('shows a person’s reason as typed, and a computer’s worded, through the same function', () => {
    expect(reasonText({ side: 'us', text: 'Pressure first, talk later' })).toBe('Pressure first, talk later');
    expect(reasonText({ side: 'cn', code: { kind: 'recycle', card: 'dead' } })).toBe('Recycled a card I cannot play now, to draw a fresh one');
  });

  it('words every reason in the active language (the pseudo-locale: no plain English letter left)', async () => {
    await loadLocale(PSEUDO_LOCALE);
    for (const code of ONE_OF_EACH) {
      const text = botReasonText(code, 'cn');
      expect(text, JSON.stringify(code)).toMatch(/^⟦.*⟧$/);
      expect(text, JSON.stringify(code)).not.toMatch(/[a-zA-Z]/);
    }
  });
});
