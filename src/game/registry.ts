/**
 * Every move a player can make, declared once: its boardgame.io name, the kind of play it
 * carries out, where it may be made (a turn, or the responder's stage), the schema of its own
 * arguments, how a play becomes those arguments and back, and the chronicle entry it writes.
 *
 * Everything else derives from this table: the moves map of the `Game` (game.ts), the bots'
 * moves (`toMove`, `enumerate`), the server's check of a socket's MAKE_MOVE (src/server/guards.ts),
 * the board's sends (the board hands a `Play` to `toMove`), and the chronicle's wording (keyed
 * by `chronicle`). Adding a kind of move is one entry here, one performer in moves.ts and its
 * rule in rules.ts; test/game/registry.test.ts fails if any consumer misses it.
 *
 * Every move may carry the mover's one-line reason as its last argument (R12): a person's own
 * words (a string), or a computer's structured reason (a `BotReason`, worded by the client).
 */
import { INVALID_MOVE } from 'boardgame.io/core';
import { z } from 'zod/mini';
import type { Side } from '../content/types';
import { botReasonSchema, reasonFits, type BotReason } from './botReason';
import { PERFORMERS, type Performer, type PlayOf, type ReasonField } from './moves';
import { refuse, type Refusal } from './refusals';
import { whyRefused, type Play } from './rules';
import { sideOf } from './sides';
import type { ChronicleKind } from './state';
import type { MoveContext, Mutation } from './working-copy';

/** The longest reason in words a move may carry (R12); a computer's reason is bounded by its schema. */
export const REASON_MAX = 240;

/** An id of an action, card or deal term. */
const id = z.string().check(z.minLength(1), z.maxLength(64));
const terms = z.array(id).check(z.maxLength(8));
/**
 * A person's words, checked for length by the engine itself (`reasonProblem`) so that a long
 * reason is refused with a reason; or a computer's structured reason, checked whole here.
 */
const reason = z.optional(z.nullable(z.union([z.string().check(z.maxLength(REASON_MAX * 4)), botReasonSchema])));

type Kind = Play['kind'];

interface MoveSpec<K extends Kind> {
  /** The boardgame.io move name. */
  readonly name: string;
  /** 'turn': the acting side's turn; 'respond': the responder's stage while a deal waits (R7.2). */
  readonly stage: 'turn' | 'respond';
  /** The schemas of its own arguments, in order, before the optional reason. */
  readonly args: readonly z.ZodMiniType[];
  readonly toArgs: (play: PlayOf<K>) => unknown[];
  /** The play for arguments that passed `args` (so the narrowing below never fails). */
  readonly toPlay: (args: readonly unknown[]) => PlayOf<K>;
  /** The chronicle entry the move writes (its wording lives with the chronicle's). */
  readonly chronicle: ChronicleKind;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The registry, one entry a kind of play (so a kind of play without a move fails to compile). */
export const MOVES = {
  action: { name: 'act', stage: 'turn', args: [id], toArgs: (p) => [p.id], toPlay: ([a]) => ({ kind: 'action', id: text(a) }), chronicle: 'action' },
  card: { name: 'playCard', stage: 'turn', args: [id], toArgs: (p) => [p.id], toPlay: ([a]) => ({ kind: 'card', id: text(a) }), chronicle: 'card' },
  recycle: { name: 'recycle', stage: 'turn', args: [id], toArgs: (p) => [p.id], toPlay: ([a]) => ({ kind: 'recycle', id: text(a) }), chronicle: 'recycle' },
  propose: {
    name: 'proposeDeal',
    stage: 'turn',
    args: [terms],
    toArgs: (p) => [[...p.terms]],
    toPlay: ([a]) => ({ kind: 'propose', terms: Array.isArray(a) ? a.map(text) : [] }),
    chronicle: 'dealProposed',
  },
  accept: { name: 'acceptDeal', stage: 'respond', args: [], toArgs: () => [], toPlay: () => ({ kind: 'accept' }), chronicle: 'dealSigned' },
  reject: { name: 'rejectDeal', stage: 'respond', args: [], toArgs: () => [], toPlay: () => ({ kind: 'reject' }), chronicle: 'dealRejected' },
  pass: { name: 'pass', stage: 'turn', args: [], toArgs: () => [], toPlay: () => ({ kind: 'pass' }), chronicle: 'pass' },
} as const satisfies { readonly [K in Kind]: MoveSpec<K> };

export type MoveName = (typeof MOVES)[Kind]['name'];
const KINDS = Object.keys(MOVES) as Kind[];
export const MOVE_NAMES: readonly MoveName[] = KINDS.map((kind) => MOVES[kind].name);
const KIND_OF = new Map<string, Kind>(KINDS.map((kind) => [MOVES[kind].name, kind]));

/** A move as boardgame.io's client sends it: its name and its arguments (the reason last, if any). */
export interface Move {
  move: MoveName;
  args: unknown[];
}

export function isMoveName(name: unknown): name is MoveName {
  return typeof name === 'string' && KIND_OF.has(name);
}

/**
 * A kind's entry, typed for that kind. TypeScript cannot see that indexing the table with a
 * generic key gives that key's entry, so this is the one place that says so.
 */
function specOf<K extends Kind>(kind: K): MoveSpec<K> {
  return MOVES[kind] as unknown as MoveSpec<K>;
}

const argsOf = <K extends Kind>(kind: K, play: PlayOf<K>): unknown[] => specOf(kind).toArgs(play);

/** The move that carries out a play, with the mover's one-line reason last (R12): a person's words or a computer's code. */
export function toMove(play: Play, why?: string | BotReason): Move {
  const args = argsOf(play.kind, play);
  return { move: MOVES[play.kind].name, args: why === undefined ? args : [...args, why] };
}

/** The schema of a move's arguments as sent: its own, then the optional reason. */
const WIRE = new Map<string, z.ZodMiniType<readonly unknown[]>>(KINDS.map((kind) => [MOVES[kind].name, z.tuple([...MOVES[kind].args, reason])]));

/** The schema of a move's arguments as sent (for the server's check of a socket's MAKE_MOVE). */
export function wireArgs(name: MoveName): z.ZodMiniType<readonly unknown[]> {
  const schema = WIRE.get(name);
  if (!schema) throw new Error(`No move ${name}`);
  return schema;
}

/** The play a move stands for, or null for a move the game does not have or arguments of the wrong shape. */
export function toPlay(move: string, args: readonly unknown[]): Play | null {
  const kind = KIND_OF.get(move);
  if (!kind || !WIRE.get(move)?.safeParse(args).success) return null;
  return MOVES[kind].toPlay(args);
}

/**
 * A move's reason as the chronicle keeps it (R12): a person's words as one line of text, or a
 * copy of a computer's structured reason about this very play; '' when none was given; null
 * when it is neither a short line of text nor a well-formed reason about the play.
 */
function reasonLine(value: unknown, play: Play | null): string | BotReason | null {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    const code = botReasonSchema.safeParse(value);
    return code.success && play !== null && reasonFits(code.data, play) ? code.data : null;
  }
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length <= REASON_MAX ? line : null;
}

/** Why a move's reason argument is refused, or null if it is absent, a fine line of text or a well-formed computer's reason. */
export function reasonProblem(move: string, args: readonly unknown[]): Refusal | null {
  const kind = KIND_OF.get(move);
  const arity = kind ? MOVES[kind].args.length : 0;
  const given = args[arity];
  if (reasonLine(given, toPlay(move, args)) !== null) return null;
  return refuse('malformed', { what: typeof given === 'string' ? 'reason' : 'code', max: REASON_MAX });
}

/** The chronicle's reason field for a reason that passed `reasonLine`. */
function reasonField(side: Side, line: string | BotReason): ReasonField {
  if (line === '') return {};
  return { reason: typeof line === 'string' ? { side, text: line } : { side, code: line } };
}

/**
 * The boardgame.io move function for a registry entry: the arguments are checked against the
 * schema, the reason (R12) and the rules (`whyRefused`, the same query the board and the bots
 * ask) before the performer runs; anything refused is INVALID_MOVE and changes nothing.
 */
function mutationOf(kind: Kind): Mutation {
  const spec = MOVES[kind];
  return (context: MoveContext, ...args: unknown[]) => {
    const play = toPlay(spec.name, args);
    const side = sideOf(context.playerID);
    const line = reasonLine(args[spec.args.length], play);
    if (!play || !side || line === null || whyRefused(context.G, context.ctx, side, play) !== null) return INVALID_MOVE;
    return performPlay(play.kind, context, side, play, reasonField(side, line)) ? undefined : INVALID_MOVE;
  };
}

function performPlay<K extends Kind>(kind: K, context: MoveContext, side: Side, play: PlayOf<K>, why: ReasonField): boolean {
  const performer: Performer<K> = PERFORMERS[kind];
  return performer(context, side, play, why);
}

/** The moves map for a stage, in boardgame.io's long form (every move redacted: its reason is a secret until the end, R12). */
export function stageMoves<T>(stage: MoveSpec<Kind>['stage'], wrap: (move: Mutation) => T): Record<string, { move: T; client: false; redact: true }> {
  return Object.fromEntries(KINDS.filter((kind) => MOVES[kind].stage === stage).map((kind) => [MOVES[kind].name, { move: wrap(mutationOf(kind)), client: false, redact: true }]));
}
