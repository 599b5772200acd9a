// Writes extraction batches into Neo4j: one write transaction per batch (all of it or none), batched
// UNWIND ... MERGE statements, retried by the driver on transient errors. Idempotent: writing twice changes nothing.
import neo4j, { type Integer, type ManagedTransaction, type QueryStatistics } from 'neo4j-driver';
import { z } from 'zod';
import type { Extraction } from '../model/extraction.js';
import type { Ontology } from '../model/ontology.js';
import type { KnownAttack } from '../resolve/index.js';
import { explainNeo4jError, openSession, type Connection } from './connection.js';
import { readCypher } from './cypher-files.js';
import { toGraphRows, type GraphRows } from './graph-rows.js';
import { readRows, toPlain } from './run-query.js';

const CYPHER = {
  existing: readCypher('ingest/existing-documents.cypher'),
  knownAttacks: readCypher('ingest/known-attacks.cypher'),
  knownPersons: readCypher('ingest/known-persons.cypher'),
  documents: readCypher('ingest/documents.cypher'),
  entities: readCypher('ingest/entities.cypher'),
  mentions: readCypher('ingest/mentions.cypher'),
  relations: readCypher('ingest/relations.cypher'),
  elementIds: readCypher('ingest/element-ids.cypher'),
  evidence: readCypher('ingest/evidence.cypher'),
  claims: readCypher('ingest/claims.cypher'),
  writeLock: readCypher('ingest/write-lock.cypher'),
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

export const emptyCounts = (): WriteCounts => ({ documents: 0, entitiesCreated: 0, entitiesMerged: 0, relationshipsCreated: 0, relationshipsMerged: 0, claims: 0 });

export function findStoredDocuments(connection: Connection, ids: string[]): Promise<Set<string>> {
  return readRows(connection, CYPHER.existing, { ids }).then((rows) => new Set(rows.map((r) => String(r.id))));
}

export interface KnownEntities {
  attacks: KnownAttack[];
  personNames: string[];
}

type Read = (query: string, params?: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;

/** What earlier runs and other ingesters stored that this batch's resolution must agree with. */
async function readKnown(read: Read): Promise<KnownEntities> {
  const attacks = (await read(CYPHER.knownAttacks)).map((r) => {
    const a = KnownAttackRecord.parse(r);
    return {
      id: a.id,
      name: a.name,
      nameRank: a.nameRank,
      anchors: { kind: a.kind, ...(a.year !== null ? { year: a.year } : {}), explicitYear: a.explicitYear, ...(a.date !== null ? { date: a.date } : {}), places: a.places, sites: a.sites, countries: a.countries, persons: a.persons, names: a.names },
    };
  });
  const personNames = (await read(CYPHER.knownPersons)).map((r) => String(r.name));
  return { attacks, personNames };
}

/** The relations statement for one type; a type enters Cypher text only if it is one of the ontology's. */
function relationStatement(type: string, ontology: Ontology): string {
  if (!(type in ontology.relationTypes) || !/^[A-Z][A-Z_]*$/.test(type)) throw new Error(`relation type outside the ontology: ${type}`);
  return CYPHER.relations.replaceAll('REL_TYPE', type);
}

// The driver sends a JavaScript number as a float; integers go as Neo4j integers so lists are stored as sent.
const int = (n: number): Integer => neo4j.int(Math.trunc(n));

/** Positions of ids in one list, so a statement looks each one up once and rows name them by position. */
function positions(ids: Iterable<string>): { ids: string[]; at: (id: string) => Integer } {
  const index = new Map<string, Integer>();
  for (const id of ids) if (!index.has(id)) index.set(id, int(index.size));
  return { ids: [...index.keys()], at: (id) => index.get(id)! };
}

type RelationRow = GraphRows['relations'][number];

/** One type's relations statement with its parameters: endpoints by position, and how many sentences each row brings. */
export function relationWrite(type: string, rows: RelationRow[], ontology: Ontology): WriteStatement {
  const endpoints = positions(rows.flatMap((r) => [r.source, r.target]));
  const relations = rows.map((r) => ({ s: endpoints.at(r.source), t: endpoints.at(r.target), confidence: r.confidence, n: int(r.evidence.length) }));
  return { kind: 'relations', query: relationStatement(type, ontology), params: { relations }, rows: rows.length, endpoints: endpoints.ids };
}

/** Every evidence sentence of these relationships as the properties of its (:Evidence) node, as a list in the order
 * [source, type, target, doc, start, end, page, text] that evidence.cypher and merge-evidence.cypher read by position.
 * No id (its relationship, document and offset are the key) and no page outside paged documents: profiled, fewer
 * properties and one index fewer halved the evidence statement's CPU time, which is mostly records and index entries
 * per node. Lists rather than maps: measured side by side, Neo4j spent about a tenth less CPU on the statement
 * without eight map keys to decode per sentence. */
export function evidenceNodes(rows: RelationRow[]): unknown[][] {
  return rows.flatMap((r) => r.evidence.map((e) => [r.source, r.type, r.target, e.doc, int(e.start), int(e.end), e.page > 0 ? int(e.page) : null, e.text]));
}

/** The statements that write relationship rows: one per type, then their evidence nodes. */
export function relationStatements(rows: RelationRow[], ontology: Ontology): WriteStatement[] {
  return [
    ...[...groupByType(rows)].map(([type, group]) => relationWrite(type, group, ontology)),
    { kind: 'evidence', query: CYPHER.evidence, params: { evidence: evidenceNodes(rows) }, rows: rows.reduce((n, r) => n + r.evidence.length, 0) },
  ];
}

/** Rows that join a document to an entity name both by position (see relationWrite): a statement looks each
 * document and entity up once, not twice per row. */
function byPosition<T extends { doc: string; entity: string }, R>(rows: T[], row: (r: T) => R): { docs: string[]; entities: string[]; rows: Array<R & { d: Integer; e: Integer }> } {
  const docs = positions(rows.map((r) => r.doc));
  const entities = positions(rows.map((r) => r.entity));
  return { docs: docs.ids, entities: entities.ids, rows: rows.map((r) => ({ ...row(r), d: docs.at(r.doc), e: entities.at(r.entity) })) };
}

/** Mentions with typed offsets. */
function mentionParams(rows: GraphRows['mentions']): Record<string, unknown> {
  const { docs, entities, rows: mentions } = byPosition(rows, (m) => ({ count: int(m.count), starts: m.starts.map(int), ends: m.ends.map(int) }));
  return { docs, entities, mentions };
}

/** Claims keep their properties as they are; only their document and entity go by position. */
function claimParams(rows: GraphRows['claims']): Record<string, unknown> {
  const { docs, entities, rows: claims } = byPosition(rows, ({ doc: _doc, entity: _entity, ...claim }) => claim);
  return { docs, entities, claims };
}

function groupByType<T extends { type: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.type);
    if (group) group.push(row);
    else groups.set(row.type, [row]);
  }
  return groups;
}

export interface WriteStatement {
  kind: 'documents' | 'entities' | 'mentions' | 'relations' | 'evidence' | 'claims' | 'watch';
  query: string;
  params: Record<string, unknown>;
  rows: number;
  /** Entities whose element ids the statement takes as `$nodes`, in this order (see relations.cypher). */
  endpoints?: string[];
}

/** The statements that write one batch, in the order their MATCHes need (documents and entities first). */
export function writeStatements(extraction: Extraction, ontology: Ontology): WriteStatement[] {
  const rows = toGraphRows(extraction, ontology);
  return [
    { kind: 'documents', query: CYPHER.documents, params: { documents: rows.documents }, rows: rows.documents.length },
    { kind: 'entities', query: CYPHER.entities, params: { entities: rows.entities }, rows: rows.entities.length },
    { kind: 'mentions', query: CYPHER.mentions, params: mentionParams(rows.mentions), rows: rows.mentions.length },
    ...relationStatements(rows.relations, ontology),
    { kind: 'claims', query: CYPHER.claims, params: claimParams(rows.claims), rows: rows.claims.length },
  ];
}

/** Runs statements in order within one transaction. An entity statement returns its nodes' element ids; statements
 * with endpoints get theirs from it, and endpoints it did not return (entities stored earlier) from one lookup. */
export async function runStatements(tx: ManagedTransaction, statements: WriteStatement[]): Promise<StatementResult[]> {
  const elementIds = new Map<string, string | null>();
  const results = [];
  for (const [i, statement] of statements.entries()) {
    let params = statement.params;
    if (statement.endpoints) {
      const missing = new Set(statements.slice(i).flatMap((s) => s.endpoints ?? []).filter((id) => !elementIds.has(id)));
      if (missing.size > 0) {
        for (const id of missing) elementIds.set(id, null);
        for (const r of (await tx.run(CYPHER.elementIds, { ids: [...missing] })).records) elementIds.set(r.get('id') as string, r.get('element') as string);
      }
      params = { ...params, nodes: statement.endpoints.map((id) => elementIds.get(id)) };
    }
    const result = await tx.run(statement.query, params);
    const record = result.records[0];
    if (record?.has('nodes')) for (const [id, element] of record.get('nodes') as Array<[string, string]>) elementIds.set(id, element);
    results.push({ total: Number(record?.get('total') ?? 0), counters: result.summary.counters.updates() });
  }
  return results;
}

type StatementResult = { total: number; counters: ReturnType<QueryStatistics['updates']> };

/** Runs the statements in one write transaction (all or nothing, retried on transient errors), in order. */
export async function runInOneTransaction(connection: Connection, statements: WriteStatement[]): Promise<StatementResult[]> {
  return inWriteTransaction(connection, (tx) => runStatements(tx, statements));
}

async function inWriteTransaction<T>(connection: Connection, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = openSession(connection, 'WRITE');
  try {
    return await session.executeWrite(work);
  } catch (error) {
    throw explainNeo4jError(error, connection.uri);
  } finally {
    await session.close();
  }
}

/** What was created comes from Neo4j's own counters, not from extra lookups per row. */
function countsOf(statements: WriteStatement[], results: StatementResult[]): WriteCounts {
  const counts = emptyCounts();
  statements.forEach((statement, i) => {
    const { total, counters } = results[i]!;
    if (statement.kind === 'documents') counts.documents += statement.rows;
    if (statement.kind === 'claims') counts.claims += statement.rows;
    if (statement.kind === 'entities') {
      counts.entitiesCreated += counters.nodesCreated;
      counts.entitiesMerged += total - counters.nodesCreated;
    }
    if (statement.kind === 'relations') {
      counts.relationshipsCreated += counters.relationshipsCreated;
      counts.relationshipsMerged += total - counters.relationshipsCreated;
    }
  });
  return counts;
}

export async function writeGraph(connection: Connection, extraction: Extraction, ontology: Ontology): Promise<WriteCounts> {
  const statements = writeStatements(extraction, ontology);
  return countsOf(statements, await runInOneTransaction(connection, statements));
}

/** How a locked batch is resolved: given which of its documents are stored by now, and what others stored since
 * this writer's last batch (undefined when nobody else wrote). */
export type ResolveLocked = (stored: Set<string>, known: KnownEntities | undefined) => Extraction;

/**
 * Resolves and writes one batch under the store-wide write lock, so that concurrent ingesters take turns and
 * each batch is resolved against everything stored before it: two processes meeting one attack give it one node.
 * `lastSeq` is the lock's count after this writer's previous batch. The driver may run this more than once
 * (a transient error), so `resolve` must give the same graph when called again.
 */
export async function writeResolvedBatch(connection: Connection, ids: string[], lastSeq: number | undefined, resolve: ResolveLocked, ontology: Ontology): Promise<{ counts: WriteCounts; seq: number; extraction: Extraction }> {
  return inWriteTransaction(connection, async (tx) => {
    const read: Read = async (query, params) => (await tx.run(query, params)).records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
    const seq = Number((await read(CYPHER.writeLock))[0]!.seq);
    const stored = new Set((await read(CYPHER.existing, { ids })).map((r) => String(r.id)));
    const extraction = resolve(stored, seq - 1 === lastSeq ? undefined : await readKnown(read));
    const statements = writeStatements(extraction, ontology);
    return { counts: countsOf(statements, await runStatements(tx, statements)), seq, extraction };
  });
}
