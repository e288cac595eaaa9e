/**
 * zod schemas for the content vocabulary. Every content table is parsed through these
 * when it is loaded (`src/content/index.ts`), so a typo in a card fails loudly at start-up
 * and in the content test, not in the middle of a game.
 */
import { z } from 'zod';
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
const smallInt = z.int().min(-10).max(10);
const id = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'ids are camelCase letters and digits');
const prose = z.string().trim().min(3);

export const conditionSchema: z.ZodType<Condition> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('atLeast'), track, value: z.int().min(0).max(20) }),
  z.object({ kind: z.literal('atMost'), track, value: z.int().min(0).max(20) }),
  z.object({ kind: z.literal('pendingOffer') }),
  z.object({ kind: z.literal('approvedPlants'), atLeast: z.int().min(0) }),
  z.object({ kind: z.literal('dealInForce') }),
  z.object({ kind: z.literal('noDeal') }),
  z.object({ kind: z.literal('flag'), flag }),
  z.object({ kind: z.literal('noFlag'), flag }),
  z.object({ kind: z.literal('purchases'), good, atLeast: z.int().min(1) }),
  z.object({ kind: z.literal('dealCommitments'), atLeast: z.int().min(1) }),
  z.object({ kind: z.literal('lowestRelationship'), atLeast: z.int().min(0).max(10) }),
]);

const duration = z.enum(['round', 'untilUsed', 'untilDeal', 'game']);

export const effectSchema: z.ZodType<Effect> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('track'), track, delta: smallInt.refine((d) => d !== 0) }),
    z.object({ kind: z.literal('tariffHit'), amount: z.int().min(1).max(3) }),
    z.object({ kind: z.literal('concession'), side, amount: z.int().min(1).max(3) }),
    z.object({
      kind: z.literal('if'),
      when: z.array(conditionSchema).min(1),
      then: z.array(effectSchema),
      otherwise: z.array(effectSchema).optional(),
    }),
    z.object({
      kind: z.literal('roll'),
      atMost: z.int().min(1).max(5),
      then: z.array(effectSchema).min(1),
      otherwise: z.array(effectSchema).optional(),
    }),
    z.object({ kind: z.literal('nextRound'), effects: z.array(effectSchema).min(1) }),
    z.object({ kind: z.literal('flag'), flag, duration }),
    z.object({ kind: z.literal('clearFlag'), flag }),
    z.object({
      kind: z.literal('discount'),
      side,
      tag: z.enum(TAGS),
      amount: z.int().min(1).max(3),
      duration,
    }),
    z.object({ kind: z.literal('purchase'), good }),
    z.object({ kind: z.literal('offer') }),
    z.object({ kind: z.literal('blockOffer') }),
    z.object({ kind: z.literal('approveOffer') }),
    z.object({ kind: z.literal('income'), side, delta: z.int().min(-2).max(2) }),
    z.object({ kind: z.literal('draw'), side, count: z.int().min(1).max(3) }),
  ]),
);

const requirement = z.object({ when: conditionSchema, reason: prose });

const teaching = {
  title: prose.max(60),
  text: prose.max(320),
  source: prose,
  reality: prose.max(400),
};

export const playSchema = z.object({
  id,
  side,
  ...teaching,
  cost: z.int().min(0).max(6),
  tags: z.array(z.enum(TAGS)),
  requires: z.array(requirement),
  effects: z.array(effectSchema).min(1),
});

export const cardSchema = playSchema.extend({ copies: z.int().min(1).max(3) });

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
  points: z.int().min(1).max(10),
  goal: z.array(conditionSchema).min(1),
});

const obligation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('purchase'), good }),
  z.object({ kind: z.literal('ceiling'), track }),
]);

export const dealTermSchema = z.object({
  id,
  side,
  ...teaching,
  weight: z.int().min(1).max(4),
  requires: z.array(requirement),
  effects: z.array(effectSchema),
  obligations: z.array(obligation),
  excludes: z.array(id),
});

export const scenarioSchema = z.object({
  id: z.enum(SCENARIO_IDS),
  title: prose.max(60),
  text: prose,
  source: prose,
  reality: prose,
  startYear: z.int().min(1990).max(2100),
  tracks: z.record(track, z.int().min(0).max(20)),
  pendingOffers: z.int().min(0).max(3),
  deal: z.object({ terms: z.array(id).min(2) }).nullable(),
  schedule: z.record(z.string().regex(/^[1-8]$/), id),
});

export const glossarySchema = z.object({
  id,
  term: prose.max(60),
  definition: prose.max(400),
  example: prose.max(400),
});
