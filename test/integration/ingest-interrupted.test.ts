// Neo4j dies in the middle of an ingest: kg stops with a clear message and the count stored; after a restart
// the same command finishes the job with nothing lost and nothing doubled.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/bench/corpus.js';
import { closeConnection, connect, openSession } from '../../src/store/connection.js';
import { startLocalServer, type StartResult } from '../../src/store/local-server.js';
import { countOf } from '../helpers/graph-dump.js';
import { runKg } from '../helpers/run-kg.js';

const KG = fileURLToPath(new URL('../../bin/kg.js', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'kg-interrupt-neo4j-'));
const articles = mkdtempSync(join(tmpdir(), 'kg-interrupt-docs-'));
const port = Number(process.env.KG_TEST_NEO4J_PORT ?? 7690) + 2;
const uri = `bolt://127.0.0.1:${port}`;
const TOTAL = 300;
let server: StartResult | undefined;

const stop = async (signal: NodeJS.Signals) => {
  const child = server?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill(signal);
  await exited;
};

afterAll(async () => {
  await stop('SIGTERM');
  rmSync(home, { recursive: true, force: true });
  rmSync(articles, { recursive: true, force: true });
});

describe('an ingest interrupted by Neo4j going away', () => {
  it('stops clearly, and a re-run stores every document exactly once', async () => {
    for (const article of generateCorpus(TOTAL, 7)) writeFileSync(join(articles, article.name), article.text);
    const dry = await runKg(['-q', 'ingest', articles, '--dry-run']);
    const claims = Number(/attribute reports (\d+)/.exec(dry.stdout)![1]);
    expect(claims).toBeGreaterThan(TOTAL);

    server = await startLocalServer({ kgHome: home, port, attached: true });
    const connection = await connect({ uri });
    const env = { ...process.env, NEO4J_URI: uri };
    const ingest = spawn(process.execPath, [KG, 'ingest', articles, '--batch', '5'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    ingest.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number>((done) => ingest.on('close', (code) => done(code ?? -1)));

    // Kill the server once some documents, but not all, are stored.
    for (let stored = 0; stored < 40; ) {
      await new Promise((r) => setTimeout(r, 100));
      stored = await countOf(connection, 'MATCH (d:Document) RETURN count(d)');
    }
    await closeConnection(connection);
    await stop('SIGKILL');
    const code = await exited;
    expect(code, stderr).toBe(4);
    expect(stderr).toMatch(/\d+ of \d+ new documents were stored before it went away/);
    expect(stderr).toMatch(/run the same command/);
    expect(stderr).not.toMatch(/\n\s+at /);

    server = await startLocalServer({ kgHome: home, port, attached: true });
    const rerun = await runKg(['-q', 'ingest', articles, '--batch', '5'], { NEO4J_URI: uri });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(/unchanged/);
    const after = await connect({ uri });
    expect(await countOf(after, 'MATCH (d:Document) RETURN count(d)')).toBe(TOTAL);
    expect(await countOf(after, 'MATCH (c:Claim) RETURN count(c)')).toBe(claims);
    const session = openSession(after, 'READ');
    // Each relationship counts its evidence nodes, each sentence is one node, and none is left without its relationship.
    const evidence = await session.run(
      'MATCH (s:Entity)-[r]->(t:Entity) RETURN r.count AS count, COLLECT { MATCH (v:Evidence {source: s.id, type: type(r), target: t.id}) RETURN v.doc + ":" + v.start } AS keys',
    );
    const orphans = await session.run('MATCH (v:Evidence) WHERE NOT EXISTS { MATCH (:Entity {id: v.source})-[r]->(:Entity {id: v.target}) WHERE type(r) = v.type } RETURN count(v) AS n');
    await session.close();
    expect(evidence.records.length).toBeGreaterThan(0);
    for (const record of evidence.records) {
      const keys = record.get('keys') as string[];
      expect(new Set(keys).size).toBe(keys.length);
      expect(Number(record.get('count'))).toBe(keys.length);
    }
    expect(Number(orphans.records[0]!.get('n'))).toBe(0);
    await closeConnection(after);
  });
});
