/**
 * A move's reason in words (R12): a person's own words as they typed them, a computer's
 * structured reason (src/game/botReason.ts) worded here in the active language, in the first
 * person of the side that gave it ("my support", "Beijing’s deal"). Every sentence is one
 * whole message of the `bots` catalogue with placeholders, so a translator can reorder it; the
 * tables below are Records keyed by kind, so a new kind of reason without words fails to compile.
 */
import { other, type BotReason, type Fallback, type Motive, type PassWhy, type Reason, type ReasonChange, type RejectWhy, type Side, type TrackId } from '../game';
import { contentField, sideName } from './bridge';
import { t } from './i18n';

type KindOf<U extends { kind: string }, K extends U['kind']> = Extract<U, { kind: K }>;
type Words<U extends { kind: string }> = { readonly [K in U['kind']]: (part: KindOf<U, K>, side: Side) => string };

/** Word one member of a union with its table (TypeScript cannot see that `table[part.kind]` takes `part`). */
function say<U extends { kind: string }>(table: Words<U>, part: U, side: Side): string {
  const word = table[part.kind as U['kind']] as (part: U, side: Side) => string;
  return word(part, side);
}

type ChangeValues = { readonly dir: 'up' | 'down'; readonly to: number };

/** A side's own track: "my support" for the side that gave the reason, "Beijing’s support" for the other. */
function owned(owner: Side, side: Side, values: ChangeValues, mine: 'bots.change.mySupport' | 'bots.change.myLeverage', theirs: 'bots.change.theirSupport' | 'bots.change.theirLeverage'): string {
  return owner === side ? t(mine, values) : t(theirs, { ...values, side: sideName(owner) });
}

const support = (owner: Side) => (v: ChangeValues, side: Side) => owned(owner, side, v, 'bots.change.mySupport', 'bots.change.theirSupport');
const leverage = (owner: Side) => (v: ChangeValues, side: Side) => owned(owner, side, v, 'bots.change.myLeverage', 'bots.change.theirLeverage');

const CHANGE_WORDS: { readonly [T in TrackId]: (values: ChangeValues, side: Side) => string } = {
  relationship: (v) => t('bots.change.relationship', v),
  usSupport: support('us'),
  cnSupport: support('cn'),
  usLeverage: leverage('us'),
  cnLeverage: leverage('cn'),
  cnGrowth: (v) => t('bots.change.cnGrowth', v),
  usInflation: (v) => t('bots.change.usInflation', v),
  usMineralDependence: (v) => t('bots.change.usMineralDependence', v),
  cnChipDependence: (v) => t('bots.change.cnChipDependence', v),
  usTariff: (v) => t('bots.change.usTariff', v),
  cnTariff: (v) => t('bots.change.cnTariff', v),
  exportControls: (v) => t('bots.change.exportControls', v),
  mineralBans: (v) => t('bots.change.mineralBans', v),
  interdependence: (v) => t('bots.change.interdependence', v),
};

/** "cuts Beijing’s support at home to 4 and raises the relationship to 6"; "sets up my next moves" when none. */
function effects(changes: readonly ReasonChange[], side: Side): string {
  const words = changes.map((c) => CHANGE_WORDS[c.track]({ dir: c.to > c.from ? 'up' : 'down', to: c.to }, side));
  const [first, second] = words;
  if (first === undefined) return t('bots.effects.none');
  return second === undefined ? first : t('bots.effects.two', { first, second });
}

const MOTIVE_WORDS: Words<Motive> = {
  standFirm: () => t('bots.motive.standFirm'),
  buildTrust: () => t('bots.motive.buildTrust'),
  openGoodwill: (_m, side) => t('bots.motive.openGoodwill', { them: sideName(other(side)) }),
  answer: (m, side) => t('bots.motive.answer', { them: sideName(other(side)), ...telling(m.to) }),
  returnGoodwill: (m, side) => t('bots.motive.returnGoodwill', { them: sideName(other(side)), ...telling(m.to) }),
};

/** The other side's telling play for the motive's `to` select: a play with its title, or a deal. */
function telling(to: KindOf<Motive, 'answer'>['to']): { to: string; title: string } {
  if (to.kind === 'action' || to.kind === 'card') return { to: 'play', title: contentField(to.kind, to.id, 'title') };
  return { to: to.kind, title: '' };
}

/** Why the first choice was refused, in words (never the code itself). */
const refusedWhy = (f: KindOf<Fallback, 'refused'>): string => t('bots.refused', { code: f.code ?? 'none' });

const PASS_WORDS: Words<PassWhy> = {
  lowLeverage: () => t('bots.pass.lowLeverage'),
  noLeverage: () => t('bots.pass.noLeverage'),
  enough: () => t('bots.pass.enough'),
  lastRound: () => t('bots.pass.lastRound'),
  saveLeverage: (w) => t('bots.pass.saveLeverage', { count: w.keep }),
  nothingBetter: () => t('bots.pass.nothingBetter'),
  refused: (w) => t('bots.pass.refused', { why: refusedWhy(w) }),
};

const REJECT_WORDS: Words<RejectWhy> = {
  wouldLose: (_w, side) => t('bots.reject.wouldLose', { them: sideName(other(side)) }),
  hawks: (_w, side) => t('bots.reject.hawks', { them: sideName(other(side)) }),
  worthLess: (w, side) =>
    w.changes.length === 0 ? t('bots.reject.tooLittle', { them: sideName(other(side)) }) : t('bots.reject.worthLess', { them: sideName(other(side)), effects: effects(w.changes, side) }),
  nothingBetter: (_w, side) => t('bots.reject.nothingBetter', { them: sideName(other(side)) }),
  refused: (w, side) => t('bots.reject.refused', { them: sideName(other(side)), why: refusedWhy(w) }),
};

/** What was done and why, before the temperament's leaning and the look-ahead are added. */
const REASON_WORDS: Words<BotReason> = {
  action: (r, side) => t('bots.action', { title: contentField('action', r.id, 'title'), effects: effects(r.changes, side) }),
  card: (r, side) => t('bots.card', { title: contentField('card', r.id, 'title'), effects: effects(r.changes, side) }),
  propose: (r, side) => {
    const values = { terms: r.terms.map((id) => contentField('term', id, 'title')).join('; '), effects: effects(r.changes, side) };
    return r.odds ? t('bots.proposeOdds', { ...values, odds: r.odds, them: sideName(other(side)) }) : t('bots.propose', values);
  },
  accept: (r, side) => t('bots.accept', { them: sideName(other(side)), effects: effects(r.changes, side) }),
  reject: (r, side) => say(REJECT_WORDS, r.why, side),
  recycle: (r) => t('bots.recycle', { card: r.card }),
  pass: (r, side) => say(PASS_WORDS, r.why, side),
};

/** A computer's reason in words, told by the side that gave it. */
export function botReasonText(code: BotReason, side: Side): string {
  const done = say(REASON_WORDS, code, side);
  const motive = 'motive' in code && code.motive ? say(MOTIVE_WORDS, code.motive, side) : null;
  const reason = motive ? t('bots.withMotive', { reason: done, motive }) : done;
  return code.ahead ? t('bots.ahead', { reason }) : reason;
}

/** A move's reason in words: a person's as typed, a computer's worded in the active language. */
export function reasonText(reason: Reason): string {
  const { code } = reason;
  return code ? botReasonText(code, reason.side) : reason.text;
}
