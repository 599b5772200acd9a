// Runs a user's Cypher: read-only unless asked, with a timeout and a row limit, results as plain values
// (nodes, relationships and paths become objects a table, CSV or JSON can show).
import neo4j, { isNode, isPath, isRelationship } from 'neo4j-driver';
import { explainNeo4jError, openSession, type Connection } from './connection.js';

export interface QueryOptions {
  write: boolean;
  timeoutMs: number;
  limit: number;
}

export interface QueryResult {
  columns: string[];
  rows: Array<Record<string, unknown>>;
  truncated: boolean;
}

export type PlainNode = { kind: 'node'; id: string; labels: string[]; properties: Record<string, unknown> };
export type PlainRelationship = { kind: 'relationship'; id: string; type: string; start: string; end: string; properties: Record<string, unknown> };
export type PlainPath = { kind: 'path'; nodes: PlainNode[]; relationships: PlainRelationship[] };

/** Driver values to plain JSON-able values. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isNode(value as never)) {
    const n = value as unknown as { elementId: string; labels: string[]; properties: Record<string, unknown> };
    return { kind: 'node', id: n.elementId, labels: n.labels, properties: toPlain(n.properties) as Record<string, unknown> } satisfies PlainNode;
  }
  if (isRelationship(value as never)) {
    const r = value as unknown as { elementId: string; type: string; startNodeElementId: string; endNodeElementId: string; properties: Record<string, unknown> };
    return { kind: 'relationship', id: r.elementId, type: r.type, start: r.startNodeElementId, end: r.endNodeElementId, properties: toPlain(r.properties) as Record<string, unknown> } satisfies PlainRelationship;
  }
  if (isPath(value as never)) {
    const p = value as unknown as { start: unknown; segments: Array<{ relationship: unknown; end: unknown }> };
    return { kind: 'path', nodes: [toPlain(p.start) as PlainNode, ...p.segments.map((s) => toPlain(s.end) as PlainNode)], relationships: p.segments.map((s) => toPlain(s.relationship) as PlainRelationship) } satisfies PlainPath;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const constructorName = (value as object).constructor?.name;
    if (constructorName && constructorName !== 'Object') return String(value);
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}

/** `$name` parameters a query uses. */
export function queryParameters(query: string): string[] {
  const withoutComments = query.replace(/\/\/.*$/gm, '').replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, '');
  return [...new Set([...withoutComments.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))];
}

/** Runs one of kg's own read queries in a read transaction (retried on transient errors); plain rows back. */
export async function readRows(connection: Connection, query: string, params: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
  const session = openSession(connection, 'READ');
  try {
    const result = await session.executeRead((tx) => tx.run(query, params));
    return result.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
  } catch (error) {
    throw explainNeo4jError(error, connection.uri);
  } finally {
    await session.close();
  }
}

export async function runQuery(connection: Connection, query: string, params: Record<string, unknown>, options: QueryOptions): Promise<QueryResult> {
  const session = openSession(connection, options.write ? 'WRITE' : 'READ');
  const rows: Array<Record<string, unknown>> = [];
  let columns: string[] = [];
  let truncated = false;
  try {
    const result = session.run(query, params, { timeout: options.timeoutMs });
    for await (const record of result) {
      if (rows.length >= options.limit) {
        truncated = true;
        break;
      }
      columns = record.keys as string[];
      rows.push(Object.fromEntries(record.keys.map((k) => [k, toPlain(record.get(k))])));
    }
    if (rows.length === 0) columns = (await result.keys()) as string[];
  } catch (error) {
    throw explainNeo4jError(error, connection.uri);
  } finally {
    await session.close();
  }
  return { columns, rows, truncated };
}
