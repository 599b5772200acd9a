// A shard: what `kg extract --shard` writes and `kg load` reads, one JSON line per document extraction, so
// extraction can run on any number of machines and one writer resolves and stores the lot.
import { z } from 'zod';
import { AttackAnchors, AttributeReport, DocumentRecord, Evidence } from './extraction.js';
import { EntityType } from './ontology.js';

/** Bumped when a line's shape changes, so an old shard is refused by name rather than misread. */
export const SHARD_VERSION = 1;

/** The article as read: a document record's fields, plus where it was read from and its normalised text. */
const ShardArticle = DocumentRecord.pick({ id: true, source: true, title: true, published: true, url: true, author: true, outlet: true, pageStarts: true }).extend({ path: z.string(), text: z.string() });

// The anchors resolution matches attacks by, plus what the extractor adds for a document's own attacks.
const ShardAttack = AttackAnchors.omit({ explicitYear: true }).extend({
  noun: z.string(),
  venues: z.array(z.string()),
  agents: z.array(z.string()),
});

const ShardEntity = z.object({
  ref: z.string(),
  type: EntityType,
  name: z.string(),
  key: z.string().optional(),
  aliases: z.array(z.string()),
  mentions: z.array(z.object({ start: z.number().int(), end: z.number().int(), text: z.string() })),
  attributes: z.array(AttributeReport),
  attack: ShardAttack.optional(),
  nameRank: z.number().optional(),
});

const ShardRelation = z.object({
  type: z.string(),
  source: z.string(),
  target: z.string(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(Evidence),
  rule: z.string(),
});

export const ShardLine = z
  .object({
    version: z.literal(SHARD_VERSION),
    article: ShardArticle,
    extraction: z.object({ documentId: z.string(), entities: z.array(ShardEntity), relations: z.array(ShardRelation) }),
  })
  .refine((line) => line.extraction.documentId === line.article.id, { message: 'extraction.documentId differs from article.id', path: ['extraction', 'documentId'] });
export type ShardLine = z.infer<typeof ShardLine>;
