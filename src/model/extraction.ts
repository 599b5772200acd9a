// The extraction result: what `kg extract --format json` prints (shared/eval/FORMAT.md, extended) and what
// store/ writes. One schema serves the CLI, the evaluator, the store and the viewer.
import { z } from 'zod';
import { EntityType } from './ontology.js';

export const DocumentRecord = z.object({
  id: z.string(),
  source: z.string(),
  title: z.string(),
  published: z.string().optional(),
  /** The article's own URL, its author and its outlet, when the page, feed or file says. */
  url: z.string().optional(),
  author: z.string().optional(),
  outlet: z.string().optional(),
  /** For paged documents (PDF): the offset where each page starts, so an offset can be given its page. */
  pageStarts: z.array(z.number().int().nonnegative()).optional(),
  chars: z.number().int().nonnegative(),
  text: z.string().optional(),
  duplicateOf: z.string().optional(),
  similarity: z.number().optional(),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

export const Mention = z.object({ doc: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() });
export type Mention = z.infer<typeof Mention>;

export const AttributeReport = z.object({
  key: z.string(),
  value: z.union([z.number(), z.string()]),
  doc: z.string(),
  text: z.string(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
  qualifier: z.string().optional(),
  /** The whole sentence the report is in, when `text` is only the phrase ("133 dead"). */
  sentence: z.string().optional(),
});
export type AttributeReport = z.infer<typeof AttributeReport>;

/** What ties an attack to the world: used to recognise it again in later articles and runs. */
export const AttackAnchors = z.object({
  kind: z.string(),
  year: z.number().int().optional(),
  explicitYear: z.boolean(),
  date: z.string().optional(),
  places: z.array(z.string()),
  sites: z.array(z.string()),
  countries: z.array(z.string()),
  persons: z.array(z.string()),
  names: z.array(z.string()),
});
export type AttackAnchors = z.infer<typeof AttackAnchors>;

/** Longest entity name or alias kept. Real names are far shorter; a longer "name" is a run of capitalised words
 * gone wrong, and past a few KB Neo4j cannot index it ("Property value is too large to index"). */
export const MAX_NAME_CHARS = 200;

export const EntityRecord = z.object({
  id: z.string(),
  type: EntityType,
  name: z.string().max(MAX_NAME_CHARS),
  aliases: z.array(z.string().max(MAX_NAME_CHARS)),
  mentions: z.array(Mention),
  attributes: z.array(AttributeReport),
  attack: AttackAnchors.optional(),
  /** For attacks: how good the name is (0 best), so a later, better name can replace it. */
  nameRank: z.number().optional(),
});
export type EntityRecord = z.infer<typeof EntityRecord>;

export const Evidence = z.object({ doc: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() });
export type Evidence = z.infer<typeof Evidence>;

export const RelationRecord = z.object({
  type: z.string(),
  source: z.string(),
  target: z.string(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(Evidence),
});
export type RelationRecord = z.infer<typeof RelationRecord>;

export const Extraction = z.object({
  documents: z.array(DocumentRecord),
  entities: z.array(EntityRecord),
  relations: z.array(RelationRecord),
});
export type Extraction = z.infer<typeof Extraction>;
