// Chooses the entities to export (everything, the neighbourhood of one, some types, or a user's Cypher) and
// streams them and their relationships from Neo4j, in chunks, without holding the export in memory.
import { ConfigError } from '../model/errors.js';
import { ENTITY_TYPES, type Ontology } from '../model/ontology.js';
import { explainNeo4jError, openSession, type Connection } from '../store/connection.js';
import { readCypher } from '../store/cypher-files.js';
import { assertReadOnlyQuery } from '../store/query-guard.js';
import { readRows, toPlain, type PlainNode, type PlainPath, type PlainRelationship } from '../store/run-query.js';
import type { ExportDocument, ExportEdge, ExportNode, ExportStreams } from './types.js';

export type Selection =
  | { kind: 'all'; relations?: string[] }
  | { kind: 'around'; name: string; hops: number; relations?: string[] }
  | { kind: 'types'; types: string[]; relations?: string[] }
  | { kind: 'cypher'; query: string; relations?: string[] }
  | { kind: 'ids'; ids: string[]; relations?: string[] };

const CHUNK = 2000;

async function* records(connection: Connection, query: string, params: Record<string, unknown>): AsyncGenerator<Record<string, unknown>> {
  const session = openSession(connection, 'READ');
  try {
    for await (const record of session.run(query, params)) yield record.toObject();
  } catch (error) {
    throw explainNeo4jError(error, connection.uri);
  } finally {
    await session.close();
  }
}

const collect = readRows;

/**
 * The entities among query results (nodes, and the nodes of paths), by kg id; relationships give the
 * element ids of their ends, for the caller to look up if it wants them.
 */
export function entityRefsIn(values: unknown[]): { ids: Set<string>; endpoints: Set<string> } {
  const ids = new Set<string>();
  const endpoints = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const v = value as PlainNode | PlainRelationship | PlainPath;
    if (v.kind === 'node' && typeof v.properties.id === 'string' && v.labels.includes('Entity')) ids.add(v.properties.id);
    else if (v.kind === 'relationship') endpoints.add(v.start).add(v.end);
    else if (v.kind === 'path') [...v.nodes, ...v.relationships].forEach(visit);
  };
  values.forEach(visit);
  return { ids, endpoints };
}

/** The one entity a name or alias stands for, or an error that says what it could have meant. */
export async function findEntity(connection: Connection, name: string): Promise<{ id: string; name: string; type: string }> {
  const found = await collect(connection, readCypher('export/find-entity.cypher'), { name });
  if (found.length === 1) return found[0] as { id: string; name: string; type: string };
  if (found.length > 1) {
    throw new ConfigError(`"${name}" names ${found.length} entities: ${found.map((f) => `${String(f.name)} (${String(f.type)}, id ${String(f.id)})`).join('; ')}`, 'Use the id of the one you mean.');
  }
  const query = name.replace(/[^\p{L}\p{N}\s]/gu, ' ').trim().split(/\s+/).filter(Boolean).map((w) => `${w}~`).join(' ');
  const suggestions = query ? await collect(connection, readCypher('export/suggest-entity.cypher'), { query }).catch(() => []) : [];
  throw new ConfigError(`No entity is named "${name}"`, suggestions.length ? `Did you mean: ${suggestions.map((s) => `${String(s.name)} (${String(s.type)})`).join(', ')}?` : 'Check the spelling, or list entities with `kg query "MATCH (e:Entity) RETURN e.name, e.type"`.');
}

/** The kg ids of the entities with these element ids (relationships in query results name their ends so). */
export async function entityIdsOf(connection: Connection, elementIds: Set<string>): Promise<string[]> {
  if (elementIds.size === 0) return [];
  return (await collect(connection, readCypher('export/entities-by-element-id.cypher'), { ids: [...elementIds] })).map((r) => String(r.id));
}

/** The titles, sources and dates of these documents (those an export's evidence cites). */
export async function documentsByIds(connection: Connection, ids: string[]): Promise<ExportDocument[]> {
  return (await collect(connection, readCypher('export/documents.cypher'), { ids })) as unknown as ExportDocument[];
}

export function validateSelection(selection: Selection, ontology: Ontology): void {
  for (const relation of selection.relations ?? []) {
    if (!(relation in ontology.relationTypes)) throw new ConfigError(`Unknown relation type ${relation}`, `Relation types: ${Object.keys(ontology.relationTypes).join(', ')}.`);
  }
  if (selection.kind === 'types') {
    for (const type of selection.types) if (!(ENTITY_TYPES as readonly string[]).includes(type)) throw new ConfigError(`Unknown entity type ${type}`, `Entity types: ${ENTITY_TYPES.join(', ')}.`);
  }
  if (selection.kind === 'around' && (!Number.isInteger(selection.hops) || selection.hops < 1 || selection.hops > 3)) throw new ConfigError(`--hops must be 1, 2 or 3 (got ${selection.hops})`, 'Larger neighbourhoods are most of the graph: export everything instead.');
}

async function selectIds(connection: Connection, selection: Selection): Promise<string[]> {
  switch (selection.kind) {
    case 'ids':
      return selection.ids;
    case 'all':
      return (await collect(connection, readCypher('export/nodes-all.cypher'), {})).map((r) => String(r.id));
    case 'types':
      return (await collect(connection, readCypher('export/nodes-by-type.cypher'), { types: selection.types })).map((r) => String(r.id));
    case 'around': {
      const centre = await findEntity(connection, selection.name);
      return (await collect(connection, readCypher('export/nodes-around.cypher'), { id: centre.id, hops: selection.hops })).map((r) => String(r.id));
    }
    case 'cypher': {
      // Whatever the query returns (nodes, relationships, paths), the entities in it are the selection.
      const ids = new Set<string>();
      const elementIds = new Set<string>();
      await assertReadOnlyQuery(connection, selection.query);
      for await (const record of records(connection, selection.query, {})) {
        const found = entityRefsIn(Object.values(record).map(toPlain));
        found.ids.forEach((id) => ids.add(id));
        found.endpoints.forEach((id) => elementIds.add(id));
      }
      for (const id of await entityIdsOf(connection, elementIds)) ids.add(id);
      return [...ids];
    }
  }
}

export async function selectGraph(connection: Connection, selection: Selection): Promise<ExportStreams & { ids: string[] }> {
  const ids = (await selectIds(connection, selection)).sort();
  const cited = new Set<string>();
  async function* nodes(): AsyncGenerator<ExportNode> {
    for (let i = 0; i < ids.length; i += CHUNK) {
      for await (const r of records(connection, readCypher('export/node-details.cypher'), { ids: ids.slice(i, i + CHUNK) })) {
        for (const d of r.mentionedIn as string[]) cited.add(d);
        yield { ...(r as unknown as ExportNode), reports: (r.reports as ExportNode['reports']).filter(Boolean), properties: toPlain(r.properties) as Record<string, unknown> };
      }
    }
  }
  async function* edges(): AsyncGenerator<ExportEdge> {
    for await (const r of records(connection, readCypher('export/edges.cypher'), { ids, relations: selection.relations?.length ? selection.relations : null })) {
      const edge = { ...(r as unknown as ExportEdge), confidence: Number(r.confidence ?? 0), count: Number(r.count ?? 0), properties: toPlain(r.properties) as Record<string, unknown> };
      for (const d of edge.evidenceDocs) cited.add(d);
      yield edge;
    }
  }
  const documents = (): Promise<ExportDocument[]> => documentsByIds(connection, [...cited]);
  return { ids, nodes: nodes(), edges: edges(), documents };
}
