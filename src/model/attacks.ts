// The attacks table: one row per attack with every figure and its source, the spread of the figures, and who
// claimed, carried out or denied it. Shared by `kg attacks`, the API and (later) the viewer's table.
import { z } from 'zod';
import { AsOf } from './time.js';

export const Figure = z.object({
  value: z.union([z.number(), z.string()]),
  qualifier: z.string().nullable(),
  /** The words that give the figure, and the sentence they stand in. */
  text: z.string(),
  sentence: z.string(),
  doc: z.string(),
  source: z.string(),
  title: z.string(),
  published: z.string().nullable(),
});
export type Figure = z.infer<typeof Figure>;

export const Spread = z.object({ min: z.number(), max: z.number(), values: z.array(z.number()), reports: z.number(), sources: z.number() });
export type Spread = z.infer<typeof Spread>;

export const Actor = z.object({ id: z.string(), name: z.string(), type: z.string(), confidence: z.number(), evidence: z.array(z.object({ text: z.string(), doc: z.string() })) });
export type Actor = z.infer<typeof Actor>;

export const AttackRow = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  /** Every kind the sources give ("shooting", "bombing"), most reported first. */
  kinds: z.array(z.string()),
  /** When it happened (valid time), as precise as the sources say: YYYY, YYYY-MM-DD, or null. */
  date: z.string().nullable(),
  places: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
  deaths: z.array(Figure),
  injured: z.array(Figure),
  spread: z.object({ deaths: Spread.nullable(), injured: Spread.nullable() }),
  claimedBy: z.array(Actor),
  carriedOutBy: z.array(Actor),
  deniedBy: z.array(Actor),
  /** How many documents tell of it. */
  documents: z.number(),
});
export type AttackRow = z.infer<typeof AttackRow>;

export const ATTACK_SORTS = ['date', 'deaths', 'name', 'documents'] as const;

export const AttackFilter = z.object({
  kind: z.string().trim().min(1).optional(),
  place: z.string().trim().min(1).optional(),
  actor: z.string().trim().min(1).optional(),
  from: AsOf.optional(),
  to: AsOf.optional(),
  minDeaths: z.coerce.number().int().nonnegative().optional(),
  sort: z.enum(ATTACK_SORTS).default('date'),
  desc: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).default(false),
  asOf: AsOf.optional(),
});
export type AttackFilter = z.infer<typeof AttackFilter>;
