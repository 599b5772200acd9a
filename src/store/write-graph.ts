// Writes extraction batches into Neo4j: one write transaction per batch (all of it or none), batched
// UNWIND ... MERGE statements, retried by the driver on transient errors. Idempotent: writing twice changes nothing.
import { z } from 'zod';
import type { Extraction } from '../model/extraction.js';
import type { Ontology } from '../model/ontology.js';
import type { KnownAttack } from '../resolve/index.js';
import { explainNeo4jError, openSession, type Connection } from './connection.js';
import { readCypher } from './cypher-files.js';
import { toGraphRows } from './graph-rows.js';
import { readRows } from './run-query.js';

const CYPHER = {
  existing: readCypher('ingest/existing-documents.cypher'),
  knownAttacks: readCypher('ingest/known-attacks.cypher'),
  knownPersons: readCypher('ingest/known-persons.cypher'),
  documents: readCypher('ingest/documents.cypher'),
  entities: readCypher('ingest/entities.cypher'),
  mentions: readCypher('ingest/mentions.cypher'),
  relations: readCypher('ingest/relations.cypher'),
  claims: readCypher('ingest/claims.cypher'),
};

const KnownAttackRecord = z.object({
  id: z.string(),
  name: z.string(),
  nameRank: z.number(),
  kind: z.string(),
  year: z.number().nullable(),
  explicitYear: z.boolean(),
  date: z.string().nullable(),
  places: z.array(z.string()),
  sites: z.array(z.string()),
  countries: z.array(z.string()),
  persons: z.array(z.string()),
  names: z.array(z.string()),
});

export interface WriteCounts {
  documents: number;
  entitiesCreated: number;
  entitiesMerged: number;
  relationshipsCreated: number;
  relationshipsMerged: number;
  claims: number;
}

export function findStoredDocuments(connection: Connection, ids: string[]): Promise<Set<string>> {
  return readRows(connection, CYPHER.existing, { ids }).then((rows) => new Set(rows.map((r) => String(r.id))));
}

/** What earlier runs stored that this run's resolution must agree with. */
export async function loadKnownEntities(connection: Connection): Promise<{ attacks: KnownAttack[]; personNames: string[] }> {
  const attacks = (await readRows(connection, CYPHER.knownAttacks)).map((r) => {
    const a = KnownAttackRecord.parse(r);
    return {
      id: a.id,
      name: a.name,
      nameRank: a.nameRank,
      anchors: { kind: a.kind, ...(a.year !== null ? { year: a.year } : {}), explicitYear: a.explicitYear, ...(a.date !== null ? { date: a.date } : {}), places: a.places, sites: a.sites, countries: a.countries, persons: a.persons, names: a.names },
    };
  });
  const personNames = (await readRows(connection, CYPHER.knownPersons)).map((r) => String(r.name));
  return { attacks, personNames };
}

/** The relations statement for one type; a type enters Cypher text only if it is one of the ontology's. */
export function relationStatement(type: string, ontology: Ontology): string {
  if (!(type in ontology.relationTypes) || !/^[A-Z][A-Z_]*$/.test(type)) throw new Error(`relation type outside the ontology: ${type}`);
  return CYPHER.relations.replaceAll('REL_TYPE', type);
}

function groupByType<T extends { type: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.type, [...(groups.get(row.type) ?? []), row]);
  return groups;
}

export async function writeGraph(connection: Connection, extraction: Extraction, ontology: Ontology): Promise<WriteCounts> {
  const rows = toGraphRows(extraction, ontology);
  const session = openSession(connection, 'WRITE');
  try {
    return await session.executeWrite(async (tx) => {
      // What was created comes from Neo4j's own counters, not from extra lookups per row.
      const run = async (query: string, params: Record<string, unknown>) => {
        const result = await tx.run(query, params);
        return { total: Number(result.records[0]?.get('total') ?? 0), counters: result.summary.counters.updates() };
      };
      await run(CYPHER.documents, { documents: rows.documents });
      const entities = await run(CYPHER.entities, { entities: rows.entities });
      await run(CYPHER.mentions, { mentions: rows.mentions });
      const relations = { total: 0, counters: { relationshipsCreated: 0 } };
      for (const [type, group] of groupByType(rows.relations)) {
        const written = await run(relationStatement(type, ontology), { relations: group });
        relations.total += written.total;
        relations.counters.relationshipsCreated += written.counters.relationshipsCreated;
      }
      await run(CYPHER.claims, { claims: rows.claims });
      return {
        documents: rows.documents.length,
        entitiesCreated: entities.counters.nodesCreated,
        entitiesMerged: entities.total - entities.counters.nodesCreated,
        relationshipsCreated: relations.counters.relationshipsCreated,
        relationshipsMerged: relations.total - relations.counters.relationshipsCreated,
        claims: rows.claims.length,
      };
    });
  } catch (error) {
    throw explainNeo4jError(error, connection.uri);
  } finally {
    await session.close();
  }
}
