/**
 * zod schemas for the content vocabulary. Every content table is parsed through these
 * when it is loaded (`src/content/index.ts`), so a typo in a card fails loudly at start-up
 * and in the content test, not in the middle of a game. zod/mini keeps the browser bundle
 * small (about 8 kB) while giving the same checks.
 */
import * as z from 'zod/mini';
import {
  FLAGS,
  GOODS,
  SCENARIO_IDS,
  SIDES,
  TAGS,
  TRACK_IDS,
  type Condition,
  type Effect,
} from './types';

const side = z.enum(SIDES);
const track = z.enum(TRACK_IDS);
const good = z.enum(GOODS);
const flag = z.enum(FLAGS);
const smallInt = z.int().check(z.minimum(-10), z.maximum(10));
const id = z.string().check(z.regex(/^[a-z][a-zA-Z0-9]*$/, 'ids are camelCase letters and digits'));
const prose = z.string().check(z.trim(), z.minLength(3));
const proseMax = (max: number) => z.string().check(z.trim(), z.minLength(3), z.maxLength(max));
const intIn = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
const atLeastOne = <T extends z.core.SomeType>(item: T) => z.array(item).check(z.minLength(1));

export const conditionSchema: z.ZodMiniType<Condition> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('atLeast'), track, value: intIn(0, 20) }),
  z.object({ kind: z.literal('atMost'), track, value: intIn(0, 20) }),
  z.object({ kind: z.literal('pendingOffer') }),
  z.object({ kind: z.literal('approvedPlants'), atLeast: intIn(0, 20) }),
  z.object({ kind: z.literal('dealInForce') }),
  z.object({ kind: z.literal('noDeal') }),
  z.object({ kind: z.literal('flag'), flag }),
  z.object({ kind: z.literal('noFlag'), flag }),
  z.object({ kind: z.literal('purchases'), good, atLeast: intIn(1, 20) }),
  z.object({ kind: z.literal('dealCommitments'), atLeast: intIn(1, 20) }),
  z.object({ kind: z.literal('lowestRelationship'), atLeast: intIn(0, 10) }),
]);

const duration = z.enum(['round', 'untilUsed', 'untilDeal', 'game']);

export const effectSchema: z.ZodMiniType<Effect> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('track'), track, delta: smallInt.check(z.refine((d) => d !== 0, 'a track change of 0 does nothing')) }),
    z.object({ kind: z.literal('tariffHit'), amount: intIn(1, 3) }),
    z.object({ kind: z.literal('concession'), side, amount: intIn(1, 3) }),
    z.object({
      kind: z.literal('if'),
      when: atLeastOne(conditionSchema),
      then: z.array(effectSchema),
      otherwise: z.optional(z.array(effectSchema)),
    }),
    z.object({
      kind: z.literal('roll'),
      atMost: intIn(1, 5),
      then: atLeastOne(effectSchema),
      otherwise: z.optional(z.array(effectSchema)),
    }),
    z.object({ kind: z.literal('nextRound'), effects: atLeastOne(effectSchema) }),
    z.object({ kind: z.literal('flag'), flag, duration }),
    z.object({ kind: z.literal('clearFlag'), flag }),
    z.object({
      kind: z.literal('discount'),
      side,
      tag: z.enum(TAGS),
      amount: intIn(1, 3),
      duration,
    }),
    z.object({ kind: z.literal('purchase'), good }),
    z.object({ kind: z.literal('offer') }),
    z.object({ kind: z.literal('blockOffer') }),
    z.object({ kind: z.literal('approveOffer') }),
    z.object({ kind: z.literal('income'), side, delta: intIn(-2, 2) }),
    z.object({ kind: z.literal('draw'), side, count: intIn(1, 3) }),
  ]),
);

const requirement = z.object({ when: conditionSchema, reason: prose });

const teaching = {
  title: proseMax(60),
  text: proseMax(320),
  source: prose,
  reality: proseMax(400),
};

export const playSchema = z.object({
  id,
  side,
  ...teaching,
  cost: intIn(0, 6),
  tags: z.array(z.enum(TAGS)),
  requires: z.array(requirement),
  effects: atLeastOne(effectSchema),
});

export const cardSchema = z.extend(playSchema, { copies: intIn(1, 3) });

export const eventSchema = z.object({
  id,
  ...teaching,
  scheduled: z.boolean(),
  effects: z.array(effectSchema),
});

export const agendaSchema = z.object({
  id,
  side,
  ...teaching,
  points: intIn(1, 10),
  goal: atLeastOne(conditionSchema),
});

const obligation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('purchase'), good }),
  z.object({ kind: z.literal('ceiling'), track }),
]);

export const dealTermSchema = z.object({
  id,
  side,
  ...teaching,
  weight: intIn(1, 4),
  requires: z.array(requirement),
  effects: z.array(effectSchema),
  obligations: z.array(obligation),
  excludes: z.array(id),
});

export const scenarioSchema = z.object({
  id: z.enum(SCENARIO_IDS),
  title: proseMax(60),
  text: prose,
  source: prose,
  reality: prose,
  startYear: intIn(1990, 2100),
  tracks: z.record(track, intIn(0, 20)),
  pendingOffers: intIn(0, 3),
  deal: z.nullable(z.object({ terms: z.array(id).check(z.minLength(2)) })),
  schedule: z.record(z.string().check(z.regex(/^[1-8]$/)), id),
  shorterGames: z.optional(z.partialRecord(z.enum(['4', '6']), z.partialRecord(track, intIn(0, 20)))),
});

export const glossarySchema = z.object({
  id,
  term: proseMax(60),
  definition: proseMax(400),
  example: proseMax(400),
});
