// `kg import` through neo4j-admin's real importer gives the graph `kg ingest` gives (seeds and a generated
// corpus, both against real Neo4j), refuses a store that holds anything and a remote NEO4J_URI, and changes nothing then.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/bench/corpus.js';
import { closeConnection, connect, type Connection } from '../../src/store/connection.js';
import { dumpGraph } from '../helpers/graph-dump.js';
import { connectForTest, testNeo4jUri, wipe } from '../helpers/neo4j.js';
import { runKg } from '../helpers/run-kg.js';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const seedFiles = readdirSync(seeds).sort().map((name) => join(seeds, name));
const port = String(Number(process.env.KG_TEST_NEO4J_PORT ?? 7690) + 4);
const dir = mkdtempSync(join(tmpdir(), 'kg-bulk-'));
const homes: string[] = [];
let connection: Connection;
// An import starts, stops and starts a Neo4j and runs a JVM importer: minutes on a busy machine.
const SLOW = 600_000;

/** A fresh KG_HOME whose local server runs on the test's own port. */
function localEnv(): Record<string, string> {
  const home = mkdtempSync(join(dir, 'home-'));
  homes.push(home);
  return { KG_HOME: home, KG_NEO4J_PORT: port };
}

async function transactionalDump(inputs: string[], batch: string) {
  await wipe(connection);
  const ingest = await runKg(['-q', 'ingest', ...inputs, '--batch', batch], { NEO4J_URI: testNeo4jUri() });
  expect(ingest.code, ingest.stderr).toBe(0);
  return dumpGraph(connection);
}

async function localDump() {
  const local = await connect({ uri: `bolt://127.0.0.1:${port}` });
  try {
    return await dumpGraph(local);
  } finally {
    await closeConnection(local);
  }
}

beforeAll(async () => {
  connection = await connectForTest();
});
// Each test's store has its own server on the one port.
afterEach(async () => {
  for (const home of homes.splice(0)) await runKg(['neo4j', 'stop', '--port', port], { KG_HOME: home });
});
afterAll(async () => {
  await wipe(connection);
  await closeConnection(connection);
  rmSync(dir, { recursive: true, force: true });
});

describe('kg import', () => {
  it('loads the seeds into an empty store as the graph kg ingest stores, then refuses to load into it again', async () => {
    const ingested = await transactionalDump(seedFiles, '2');
    const env = localEnv();
    const bulk = await runKg(['import', ...seedFiles, '--batch', '2'], env);
    expect(bulk.code, bulk.stderr).toBe(0);
    expect(bulk.stdout).toMatch(/documents 5 new/);
    const imported = await localDump();
    expect(imported.nodes.length).toBeGreaterThan(20);
    expect(imported).toEqual(ingested);

    // The schema is kg's: the same constraints hold (a second entity with a stored id is refused).
    const local = await connect({ uri: `bolt://127.0.0.1:${port}` });
    try {
      const session = local.driver.session();
      const id = imported.nodes.map((n) => JSON.parse(n) as [string[], { id?: string }]).find(([labels]) => labels.includes('Entity'))![1].id;
      await expect(session.run('CREATE (:Entity {id: $id})', { id })).rejects.toThrow(/already exists/);
      await session.close();
    } finally {
      await closeConnection(local);
    }

    const again = await runKg(['import', seedFiles[0]!], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/only into an empty database.*holds \d+ nodes; nothing was changed/);
    expect(again.stderr).toContain('kg ingest');
    expect(await localDump()).toEqual(imported);
  }, SLOW);

  it('refuses a remote NEO4J_URI before reading anything', async () => {
    const remote = await runKg(['import', ...seedFiles], { ...localEnv(), NEO4J_URI: 'neo4j+s://example.databases.neo4j.io' });
    expect(remote.code).toBe(2);
    expect(remote.stderr).toMatch(/local Neo4j store, but NEO4J_URI .* points at neo4j\+s:\/\/example/);
    expect(remote.stderr).toContain('Unset NEO4J_URI');
  });

  it('loads a generated corpus as the graph kg ingest stores, batch boundaries and all', async () => {
    const corpus = join(dir, 'corpus');
    rmSync(corpus, { recursive: true, force: true });
    mkdirSync(corpus);
    for (const a of generateCorpus(400, 23)) writeFileSync(join(corpus, a.name), a.text);
    const ingested = await transactionalDump([corpus], '50');
    const bulk = await runKg(['import', corpus, '--batch', '50', '--workers', '2'], localEnv());
    expect(bulk.code, bulk.stderr).toBe(0);
    const imported = await localDump();
    expect(imported.relationships.length).toBeGreaterThan(1000);
    expect(imported).toEqual(ingested);
  }, SLOW);
});
