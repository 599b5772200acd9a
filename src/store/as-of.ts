// "As of" a date for kg query: which documents were published by then, and a query's result restricted to what
// they say. A row goes if it holds an entity or claim no such document mentions or reports, a document
// published later, or a relationship with none of its evidence from them; relationships that stay count only
// that evidence. Values the query computed itself (counts, evidence nodes it read) are its own: it can use $asOf.
import { publishedBy } from '../model/time.js';
import type { Connection } from './connection.js';
import { readCypher } from './cypher-files.js';
import { readRows, type PlainNode, type PlainPath, type PlainRelationship, type QueryResult } from './run-query.js';

export async function knownDocuments(connection: Connection, asOf: string): Promise<Set<string>> {
  return new Set((await readRows(connection, readCypher('time/known-documents.cypher'), { asOf })).map((r) => String(r.id)));
}

type Plain = PlainNode | PlainRelationship | PlainPath;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && 'kind' in v && ['node', 'relationship', 'path'].includes(String((v as { kind: unknown }).kind));

function elementsOf(value: unknown, out: Plain[] = []): Plain[] {
  if (Array.isArray(value)) value.forEach((v) => elementsOf(v, out));
  else if (isPlain(value)) {
    if (value.kind === 'path') [...value.nodes, ...value.relationships].forEach((v) => out.push(v));
    else out.push(value);
  } else if (value && typeof value === 'object') Object.values(value).forEach((v) => elementsOf(v, out));
  return out;
}

/** The documents of each relationship's evidence, for relationships between entities (others have none). */
type EvidenceDocs = Map<string, string[]>;

/** A relationship counting only its evidence from known documents (null if none is), or as it is if it has no evidence model. */
function restrictRelationship(r: PlainRelationship, evidence: EvidenceDocs, docs: Set<string>): PlainRelationship | null {
  const of = evidence.get(r.id);
  if (!of) return r;
  const count = of.filter((d) => docs.has(d)).length;
  return count > 0 ? { ...r, properties: { ...r.properties, count } } : null;
}

function rewrite(value: unknown, evidence: EvidenceDocs, docs: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, evidence, docs));
  if (isPlain(value)) {
    if (value.kind === 'relationship') return restrictRelationship(value, evidence, docs);
    if (value.kind === 'path') return { ...value, relationships: value.relationships.map((r) => restrictRelationship(r, evidence, docs)) };
    return value;
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, evidence, docs)]));
  return value;
}

export async function restrictResult(connection: Connection, result: QueryResult, asOf: string): Promise<QueryResult & { dropped: number }> {
  const docs = await knownDocuments(connection, asOf);
  const askAbout = new Set<string>();
  const relationships = new Set<string>();
  for (const element of elementsOf(result.rows)) {
    if (element.kind === 'node' && (element.labels.includes('Entity') || element.labels.includes('Claim'))) askAbout.add(element.id);
    if (element.kind === 'relationship') relationships.add(element.id);
  }
  const evidence: EvidenceDocs = new Map(relationships.size ? (await readRows(connection, readCypher('time/relationship-evidence.cypher'), { relationships: [...relationships] })).map((r) => [String(r.relationship), (r.docs as unknown[]).map(String)]) : []);
  const knownElements = new Set(askAbout.size ? (await readRows(connection, readCypher('time/known-elements.cypher'), { elements: [...askAbout], docs: [...docs] })).map((r) => String(r.element)) : []);
  const known = (element: Plain): boolean => {
    if (element.kind === 'relationship') return restrictRelationship(element, evidence, docs) !== null;
    if (element.kind !== 'node') return true;
    if (element.labels.includes('Document')) return publishedBy(element.properties.published as string | undefined, asOf);
    return !askAbout.has(element.id) || knownElements.has(element.id);
  };
  const rows = result.rows.filter((row) => elementsOf(row).every(known)).map((row) => rewrite(row, evidence, docs) as Record<string, unknown>);
  return { ...result, rows, dropped: result.rows.length - rows.length };
}
