// Corrections an analyst makes to the graph (merge, split, rename, retype, delete, reject): the requests the CLI
// and the API send, the records stored in Neo4j, and the lookup every later ingest consults.
import { z } from 'zod';
import { EntityType } from './ontology.js';

const Ref = z.string().trim().min(1, 'name or id of an entity');
const Meta = { reason: z.string().trim().min(1, 'say why (the record keeps it)').max(2000), by: z.string().trim().min(1).max(200).optional() };

export const CorrectionRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('merge'), keep: Ref, drop: Ref, ...Meta }),
  z.object({ kind: z.literal('split-alias'), entity: Ref, alias: z.string().trim().min(1), type: EntityType.optional(), ...Meta }),
  z.object({ kind: z.literal('rename'), entity: Ref, name: z.string().trim().min(1).max(500), ...Meta }),
  z.object({ kind: z.literal('retype'), entity: Ref, type: EntityType, ...Meta }),
  z.object({ kind: z.literal('delete'), entity: Ref, ...Meta }),
  z.object({ kind: z.literal('reject-relation'), source: Ref, type: z.string().regex(/^[A-Z][A-Z_]*$/, 'a relation type such as CLAIMED'), target: Ref, ...Meta }),
  z.object({ kind: z.literal('reject-figure'), entity: Ref, key: z.string().trim().min(1), value: z.union([z.number(), z.string().min(1)]), doc: z.string().min(1).optional(), ...Meta }),
]);
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;
export type CorrectionKind = CorrectionRequest['kind'];
export const CORRECTION_KINDS = CorrectionRequest.options.map((o) => o.shape.kind.value);

export const UndoRequest = z.object({ id: z.string().trim().min(1), reason: z.string().trim().min(1).max(2000).optional(), by: z.string().trim().min(1).max(200).optional() });
export type UndoRequest = z.infer<typeof UndoRequest>;

/** What a correction did, with entity names and ids resolved: the part later ingests replay. */
export const CorrectionEffect = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('merge'), keep: z.string(), drop: z.string() }),
  z.object({ kind: z.literal('split-alias'), entity: z.string(), alias: z.string(), created: z.string(), type: EntityType }),
  z.object({ kind: z.literal('rename'), entity: z.string(), name: z.string() }),
  z.object({ kind: z.literal('retype'), entity: z.string(), type: EntityType }),
  z.object({ kind: z.literal('delete'), entity: z.string() }),
  z.object({ kind: z.literal('reject-relation'), source: z.string(), type: z.string(), target: z.string() }),
  z.object({ kind: z.literal('reject-figure'), entity: z.string(), key: z.string(), value: z.union([z.number(), z.string()]), doc: z.string().nullable() }),
]);
export type CorrectionEffect = z.infer<typeof CorrectionEffect>;

/** A correction as stored in Neo4j (`(:Correction)`) and listed. */
export const CorrectionRecord = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.enum(CORRECTION_KINDS as [CorrectionKind, ...CorrectionKind[]]),
  summary: z.string(),
  effect: CorrectionEffect,
  entities: z.array(z.string()),
  reason: z.string(),
  by: z.string().nullable(),
  at: z.string(),
  undone: z.boolean(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
  undoReason: z.string().nullable(),
});
export type CorrectionRecord = z.infer<typeof CorrectionRecord>;

/** The active corrections as lookups, loaded once before an ingest so checking a row costs a map lookup. */
export interface CorrectionIndex {
  /** Entity id → the id it was merged into (chains already followed). */
  redirects: Map<string, string>;
  /** `${entity id}\u0000${lower-case alias}` → the entity the alias was split off into. */
  splits: Map<string, string>;
  /** Entity id → aliases that no longer belong to it. */
  removedAliases: Map<string, Set<string>>;
  names: Map<string, string>;
  types: Map<string, EntityType>;
  deleted: Set<string>;
  /** `${source}\u0000${type}\u0000${target}` */
  rejectedRelations: Set<string>;
  /** `${entity}\u0000${key}\u0000${value}`, with `\u0000${doc}` when only one document's report was rejected. */
  rejectedFigures: Set<string>;
}

export const relationKey = (source: string, type: string, target: string): string => `${source}\u0000${type}\u0000${target}`;
export const figureKey = (entity: string, key: string, value: unknown, doc?: string | null): string => `${entity}\u0000${key}\u0000${String(value)}${doc ? `\u0000${doc}` : ''}`;
export const splitKey = (entity: string, alias: string): string => `${entity}\u0000${alias.toLowerCase()}`;

/** Builds the lookup from the active corrections' effects, oldest first. */
export function indexCorrections(effects: CorrectionEffect[]): CorrectionIndex {
  const index: CorrectionIndex = { redirects: new Map(), splits: new Map(), removedAliases: new Map(), names: new Map(), types: new Map(), deleted: new Set(), rejectedRelations: new Set(), rejectedFigures: new Set() };
  for (const effect of effects) {
    switch (effect.kind) {
      case 'merge':
        index.redirects.set(effect.drop, effect.keep);
        break;
      case 'split-alias': {
        index.splits.set(splitKey(effect.entity, effect.alias), effect.created);
        const removed = index.removedAliases.get(effect.entity) ?? new Set<string>();
        index.removedAliases.set(effect.entity, removed.add(effect.alias.toLowerCase()));
        index.types.set(effect.created, effect.type);
        break;
      }
      case 'rename':
        index.names.set(effect.entity, effect.name);
        break;
      case 'retype':
        index.types.set(effect.entity, effect.type);
        break;
      case 'delete':
        index.deleted.add(effect.entity);
        break;
      case 'reject-relation':
        index.rejectedRelations.add(relationKey(effect.source, effect.type, effect.target));
        break;
      case 'reject-figure':
        index.rejectedFigures.add(figureKey(effect.entity, effect.key, effect.value, effect.doc));
        break;
    }
  }
  // A merge into an entity that was itself merged later ends at the last one.
  for (const [from, to] of index.redirects) {
    let end = to;
    const seen = new Set([from]);
    while (index.redirects.has(end) && !seen.has(end)) {
      seen.add(end);
      end = index.redirects.get(end)!;
    }
    index.redirects.set(from, end);
  }
  return index;
}

export const emptyCorrections = (): CorrectionIndex => indexCorrections([]);
