// Runs a user's Cypher: read-only unless asked, bounded in time, rows and bytes, results as plain values
// (nodes, relationships and paths become objects a table, CSV or JSON can show).
import neo4j, { isNode, isPath, isRelationship } from 'neo4j-driver';
import { Worker } from 'node:worker_threads';
import { ConfigError, KgError, Neo4jBusyError, Neo4jUnavailableError, QueryError } from '../model/errors.js';
import { explainNeo4jError, openSession, type Connection } from './connection.js';
import { assertReadOnly } from './query-guard.js';

export interface QueryOptions {
  write: boolean;
  timeoutMs: number;
  /** Most rows returned; one more is read to know whether there were more. */
  limit: number;
  /** Most bytes (as JSON, roughly) the rows may hold. */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface QueryResult {
  columns: string[];
  rows: Array<Record<string, unknown>>;
  /** Why rows are missing: the row limit or the byte limit was reached; false when all rows are here. */
  truncated: false | 'rows' | 'bytes';
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

/** Rough size of a value as JSON, without building the JSON: enough to stop before a result floods a client. */
export function approximateBytes(value: unknown): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') total += v.length + 3;
    else if (v === null || typeof v !== 'object') total += 8;
    else if (Array.isArray(v)) {
      total += 2;
      // A loop, not a spread: a list of millions would overflow the call stack as arguments.
      for (const item of v) stack.push(item);
    } else {
      total += 2;
      for (const [key, inner] of Object.entries(v as Record<string, unknown>)) {
        total += key.length + 4;
        stack.push(inner);
      }
    }
  }
  return total;
}

/** Runs a user's query in this thread: the read-only check first unless writes are allowed, then the rows up to
 * the row and byte bounds. `runQuery` runs it in a worker so that its deadline and memory are hard limits. */
export async function runQueryHere(connection: Connection, query: string, params: Record<string, unknown>, options: QueryOptions): Promise<QueryResult> {
  const session = openSession(connection, options.write ? 'WRITE' : 'READ');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const rows: Array<Record<string, unknown>> = [];
  let columns: string[] = [];
  let truncated: QueryResult['truncated'] = false;
  try {
    if (!options.write) await assertReadOnly(session, connection.uri, query, params);
    const result = session.run(query, params, { timeout: options.timeoutMs });
    let bytes = 0;
    for await (const record of result) {
      if (rows.length >= options.limit) {
        truncated = 'rows';
        break;
      }
      columns = record.keys as string[];
      const row = Object.fromEntries(record.keys.map((k) => [k, toPlain(record.get(k))]));
      bytes += approximateBytes(row);
      if (bytes > maxBytes) {
        if (rows.length === 0) throw new QueryError(`The first row alone is over the ${Math.round(maxBytes / 1048576)} MB a result may hold`, 'Return less of it: slice long lists (list[0..100]) or return single properties.');
        truncated = 'bytes';
        break;
      }
      rows.push(row);
    }
    if (rows.length === 0) columns = (await result.keys()) as string[];
  } catch (error) {
    throw error instanceof KgError ? error : explainNeo4jError(error, connection.uri);
  } finally {
    await session.close();
  }
  return { columns, rows, truncated };
}

/** What a worker sends back: the rows, or the error as plain data (classes do not cross threads). */
export type WorkerAnswer = { ok: true; result: QueryResult } | { ok: false; error: { name: string; message: string; hint: string | undefined } };

const ERRORS: Record<string, new (message: string, hint?: string) => KgError> = { QueryError, ConfigError, Neo4jUnavailableError, Neo4jBusyError };

// Vitest runs the TypeScript sources; a worker needs JavaScript, so it always runs the build.
const WORKER = new URL(import.meta.url.endsWith('.ts') ? '../../dist/store/query-worker.js' : './query-worker.js', import.meta.url);
const WORKER_HEAP_MB = 1024;

/**
 * Runs a user's query in a worker thread with a driver of its own. At the deadline the worker is stopped
 * wherever it is, even decoding one huge value that arrived in full; a result too large for its heap ends
 * the worker, not kg; and decoding never holds up the viewer's other requests.
 */
export function runQuery(connection: Connection, query: string, params: Record<string, unknown>, options: QueryOptions): Promise<QueryResult> {
  return new Promise((done, fail) => {
    const worker = new Worker(WORKER, { workerData: { connect: connection.options, query, params, options }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    // The server stops at its transaction timeout; this stops what it had already sent.
    const timer = setTimeout(() => finish(() => fail(new QueryError(`The query ran past its ${Math.round(options.timeoutMs / 1000)} s timeout`, 'Narrow the query, add LIMIT, or raise --timeout.'))), options.timeoutMs + 2_000);
    worker.once('message', (answer: WorkerAnswer) =>
      finish(() => {
        if (answer.ok) return done(answer.result);
        const Kind = ERRORS[answer.error.name];
        fail(Kind ? new Kind(answer.error.message, answer.error.hint) : new Error(answer.error.message));
      }),
    );
    worker.once('error', (error: NodeJS.ErrnoException) =>
      finish(() => fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new QueryError(`The result needed more than the ${WORKER_HEAP_MB} MB a query may use`, 'Return less: add LIMIT, or slice long lists (list[0..100]).') : error)),
    );
    worker.once('exit', () => finish(() => fail(new Error('The query worker stopped without an answer'))));
  });
}
