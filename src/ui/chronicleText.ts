/**
 * How the chronicle reads: one headline a kind of entry, kept in a table keyed by the kind, so
 * that a new kind of entry (a new move in the registry, a new round-end step) without its
 * wording fails to compile. The board's chronicle, the turning points, the reasons and the
 * computer's status line all word entries here.
 */
import type { ChronicleEntry, ChronicleKind, DeRiskState } from '../game';
import { contentField, dateLabel, sideName } from './bridge';
import { t } from './i18n';

type EntryOf<K extends ChronicleKind> = Extract<ChronicleEntry, { kind: K }>;

export const CHRONICLE_TITLES: { readonly [K in ChronicleKind]: (entry: EntryOf<K>) => string } = {
  action: (e) => t('log.action', { side: sideName(e.side), title: contentField('action', e.action, 'title'), cost: e.cost }),
  card: (e) => t('log.card', { side: sideName(e.side), title: contentField('card', e.card, 'title'), cost: e.cost }),
  recycle: (e) => t('log.recycle', { side: sideName(e.side) }),
  pass: (e) => t('log.pass', { side: sideName(e.side) }),
  event: (e) => t(e.scheduled ? 'log.scheduled' : 'log.event', { title: contentField('event', e.event, 'title') }),
  income: (e) => t('log.income', { side: sideName(e.side), amount: e.amount }),
  delayed: () => t('log.delayed'),
  dealProposed: (e) => t('log.proposed', { side: sideName(e.side), count: e.terms.length }),
  dealSigned: () => t('log.signed'),
  dealRejected: (e) => t('log.rejected', { side: sideName(e.side) }),
  dealUpkeep: (e) => (e.notes.some((n) => n.kind === 'missed') ? t('log.upkeep', { health: e.health }) : t('log.eroded', { health: e.health })),
  dealCollapsed: (e) => (e.breachedBy ? t('log.collapsed', { side: sideName(e.breachedBy) }) : t('log.woreAway')),
  drift: () => t('log.drift'),
  escalation: () => t('log.escalation'),
};

function titleOf<K extends ChronicleKind>(kind: K, entry: EntryOf<K>): string {
  const word: (entry: EntryOf<K>) => string = CHRONICLE_TITLES[kind];
  return word(entry);
}

/** The headline of one chronicle entry, in words. */
export function entryTitle(entry: ChronicleEntry): string {
  return titleOf(entry.kind, entry);
}

/** The "in reality" note of a card, event or standard action; null for other entries. */
export function realityOf(entry: ChronicleEntry): string | null {
  if (entry.kind === 'card') return contentField('card', entry.card, 'reality');
  if (entry.kind === 'event') return contentField('event', entry.event, 'reality');
  if (entry.kind === 'action') return contentField('action', entry.action, 'reality');
  return null;
}

/** "Round 3, June 2025": a round of the chronicle, with its date in the scenario. */
export function roundLabel(G: Pick<DeRiskState, 'scenario'>, round: number): string {
  return t('log.round', { round, date: dateLabel(G.scenario, round) });
}
