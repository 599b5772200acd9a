// The viewer's HTTP API: request and response shapes, shared by the server and the web page.
import { z } from 'zod';

export const SerializedNode = z.object({
  key: z.string(),
  attributes: z.object({
    label: z.string(),
    type: z.string(),
    aliases: z.array(z.string()),
    reports: z.array(z.object({ key: z.string(), value: z.unknown(), qualifier: z.string().nullable(), source: z.string(), doc: z.string(), text: z.string().nullable().optional() })),
    documents: z.number(),
    mentionedIn: z.array(z.string()).default([]),
    // An attack's own date (ISO, maybe only year or month) and year, which the viewer's year filter reads.
    date: z.string().nullable().optional(),
    year: z.number().nullable().optional(),
  }),
});
/**
 * A relationship's one key everywhere (API, merges in the page, URL, exports): the store keeps one edge per
 * (source, type, target), so the triple names it whichever response or file it arrives in.
 */
export const edgeKey = (source: string, type: string, target: string): string => `${source}|${type}|${target}`;

export const SerializedEdge = z.object({
  key: z.string(),
  source: z.string(),
  target: z.string(),
  attributes: z.object({ type: z.string(), label: z.string(), confidence: z.number(), count: z.number(), evidence: z.array(z.string()), evidenceDocs: z.array(z.string()), evidencePages: z.array(z.number()).optional(), docs: z.array(z.string()), sources: z.array(z.string()).optional() }),
});
export const DocumentInfo = z.object({ title: z.string(), source: z.string(), published: z.string().nullable().optional() });
export const SerializedGraph = z.object({
  options: z.object({ type: z.string(), multi: z.boolean(), allowSelfLoops: z.boolean() }).optional(),
  attributes: z.object({ documents: z.record(z.string(), DocumentInfo) }),
  nodes: z.array(SerializedNode),
  edges: z.array(SerializedEdge),
});
export type SerializedGraph = z.infer<typeof SerializedGraph>;

export const GraphQuery = z.object({
  types: z.string().optional().transform((v) => (v ? v.split(',').filter(Boolean) : undefined)),
  relations: z.string().optional().transform((v) => (v ? v.split(',').filter(Boolean) : undefined)),
});

export const SearchQuery = z.object({ q: z.string().trim().min(1).max(200), limit: z.coerce.number().int().min(1).max(50).default(10) });
export const SearchHit = z.object({ id: z.string(), name: z.string(), type: z.string(), aliases: z.array(z.string()) });
export type SearchHit = z.infer<typeof SearchHit>;

/** Entities whose relationships the page wants: those it just added, to link them to what it already shows. */
export const EdgesQuery = z.object({
  ids: z.string().transform((v) => v.split(',').filter(Boolean)).pipe(z.array(z.string().min(1)).min(1).max(200)),
});

export const PathQuery = z.object({ from: z.string().min(1), to: z.string().min(1) });
/** The shortest paths between two entities (up to three), each as its entities and relationship keys in order. */
export const PathResult = z.object({
  graph: SerializedGraph,
  paths: z.array(z.object({ nodes: z.array(z.string()), edges: z.array(z.string()) })).min(1),
});
export type PathResult = z.infer<typeof PathResult>;
export const EvidenceQuery = z.object({ source: z.string().min(1), type: z.string().regex(/^[A-Z_]+$/), target: z.string().min(1) });
export const CypherRequest = z.object({ query: z.string().trim().min(1).max(20_000) });

export const EvidenceItem = z.object({ text: z.string(), doc: z.string(), title: z.string(), source: z.string(), page: z.number().int().optional() });
// page: the evidence's page in a paged document (PDF), 0 when the document has no pages.
export const RelationEvidence = z.object({
  type: z.string(),
  source: z.object({ id: z.string(), name: z.string() }),
  target: z.object({ id: z.string(), name: z.string() }),
  confidence: z.number(),
  evidence: z.array(EvidenceItem),
});
export type RelationEvidence = z.infer<typeof RelationEvidence>;

/** A Cypher box result: the entities it names as a graph, and every row as returned (capped at `limit`). */
export const CypherResult = z.object({
  graph: SerializedGraph,
  rows: z.array(z.record(z.string(), z.unknown())),
  columns: z.array(z.string()),
  truncated: z.boolean(),
  limit: z.number(),
  /** Why rows are missing when the result was cut (the row cap, or the size cap). */
  notice: z.string().optional(),
});
export type CypherResult = z.infer<typeof CypherResult>;

export const ApiError = z.object({ error: z.string(), hint: z.string().optional() });

/** How many relationships to other entities each entity has in the store, by id. */
export const RelationshipCounts = z.record(z.string(), z.number().int().min(0));
export type RelationshipCounts = z.infer<typeof RelationshipCounts>;

/** `?full=1` asks for the whole graph even past the summary threshold. */
export const OverviewQuery = z.object({ full: z.enum(['0', '1']).optional().transform((v) => v === '1') });

/**
 * What `/api/overview` answers, the page's first graph: the whole store when it is small enough to draw, else
 * a summary of the entities with the most relationships, with the store's totals and each shown entity's own
 * count (what it stands for: the page shows the difference as not shown yet).
 */
export const Overview = z.object({
  graph: SerializedGraph,
  summary: z
    .object({
      entities: z.number().int(),
      relationships: z.number().int(),
      /** The sizes past which the server summarises (entities or relationships). */
      threshold: z.object({ entities: z.number().int(), relationships: z.number().int() }),
      relationshipsOf: RelationshipCounts,
    })
    .nullable(),
});
export type Overview = z.infer<typeof Overview>;
