// kg ingest against the real Neo4j: the graph model, idempotency, incremental runs, and hostile values.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/cli/ingest-command.js';
import type { Extraction } from '../../src/model/extraction.js';
import { loadOntology } from '../../src/model/ontology.js';
import { closeConnection, openSession, type Connection } from '../../src/store/connection.js';
import { applySchema } from '../../src/store/schema.js';
import { writeGraph } from '../../src/store/write-graph.js';
import { countOf, dumpGraph } from '../helpers/graph-dump.js';
import { connectForTest, wipe } from '../helpers/neo4j.js';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const quiet = { quiet: true };
const options = { batch: 2, maxMb: 10 };

describe('kg ingest', () => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await connectForTest();
  });
  beforeEach(async () => {
    await wipe(connection);
  });
  afterAll(async () => {
    await wipe(connection);
    await closeConnection(connection);
  });

  it('stores one node per real-world thing, with every death-toll report tied to its article', async () => {
    const summary = await ingestPaths(connection, [seeds], options, quiet);
    expect(summary.documentsNew).toBe(5);
    for (const [label, name] of [['Group', 'Islamic State'], ['Group', 'Islamic State Khorasan Province'], ['Country', 'Russia'], ['Country', 'Ukraine'], ['Attack', 'Crocus City Hall attack']]) {
      expect(await countOf(connection, `MATCH (n:${label}) WHERE n.name = $name OR $name IN n.aliases RETURN count(n)`, { name }), `${label} ${name}`).toBe(1);
    }
    const session = openSession(connection, 'READ');
    const tolls = await session.run(
      "MATCH (d:Document)-[:REPORTS]->(c:Claim {key: 'deaths'})-[:ABOUT]->(a:Attack {name: 'Crocus City Hall attack'}) RETURN c.value AS deaths, d.source AS source ORDER BY deaths",
    );
    const evidence = await session.run(
      'MATCH (s)-[r:CLAIMED|WARNED|ACCUSED|DENIED]->(t) WITH s, r, t, COLLECT { MATCH (v:Evidence {source: s.id, type: type(r), target: t.id}) RETURN v } AS items RETURN type(r) AS type, r.count AS count, [v IN items | v.text] AS evidence, [v IN items | v.doc] AS docs',
    );
    await session.close();
    const reports = tolls.records.map((r) => [r.get('deaths'), r.get('source')]);
    expect([...new Set(reports.map((r) => r[0]))]).toEqual([40, 62, 133, 144]);
    expect(new Set(reports.filter((r) => r[0] === 144).map((r) => r[1]))).toEqual(new Set(['004_f2f71aa2a25de8af.txt']));
    expect(new Set(evidence.records.map((r) => r.get('type')))).toEqual(new Set(['CLAIMED', 'WARNED', 'ACCUSED', 'DENIED']));
    const types = await openSession(connection, 'READ').run('MATCH ()-[r]->() RETURN collect(DISTINCT type(r)) AS types');
    const allowed = new Set([...Object.keys(loadOntology().relationTypes), 'MENTIONS', 'REPORTS', 'ABOUT']);
    for (const type of types.records[0]!.get('types') as string[]) expect(allowed.has(type), type).toBe(true);
    for (const r of evidence.records) {
      expect((r.get('evidence') as string[]).length).toBeGreaterThan(0);
      expect((r.get('docs') as string[]).length).toBe((r.get('evidence') as string[]).length);
      expect(Number(r.get('count'))).toBe((r.get('evidence') as string[]).length);
    }
  });

  it('changes nothing when the same files are ingested again', async () => {
    await ingestPaths(connection, [seeds], options, quiet);
    const first = await dumpGraph(connection);
    const again = await ingestPaths(connection, [seeds], options, quiet);
    expect(again.documentsUnchanged).toBe(5);
    expect(again.documentsNew).toBe(0);
    expect(await dumpGraph(connection)).toEqual(first);
  });

  it('builds the same graph from two runs (seeds 1-2, then 3-5) as from one', async () => {
    await ingestPaths(connection, [seeds], options, quiet);
    const once = await dumpGraph(connection);
    await wipe(connection);
    const files = readdirSync(seeds).sort().map((f) => join(seeds, f));
    const firstRun = mkdtempSync(join(tmpdir(), 'kg-run1-'));
    const secondRun = mkdtempSync(join(tmpdir(), 'kg-run2-'));
    for (const f of files.slice(0, 2)) cpSync(f, join(firstRun, f.split('/').at(-1)!));
    for (const f of files.slice(2)) cpSync(f, join(secondRun, f.split('/').at(-1)!));
    await ingestPaths(connection, [firstRun], options, quiet);
    await ingestPaths(connection, [secondRun], options, quiet);
    rmSync(firstRun, { recursive: true });
    rmSync(secondRun, { recursive: true });
    const twice = await dumpGraph(connection);
    expect(twice.nodes).toEqual(once.nodes);
    expect(twice.relationships).toEqual(once.relationships);
  });

  it('stores names full of quotes, backslashes, braces and Cypher as plain values', async () => {
    await applySchema(connection);
    const hostile = `O'Brien "}) MATCH (n) DETACH DELETE n // \\ {x}; CREATE (:Pwned)`;
    const extraction: Extraction = {
      documents: [{ id: 'doc-hostile', source: `a'b"c}.txt`, title: hostile, chars: 10 }],
      entities: [
        { id: 'person/hostile', type: 'Person', name: hostile, aliases: [`\\"}`], mentions: [{ doc: 'doc-hostile', start: 0, end: 5, text: hostile }], attributes: [] },
        { id: 'country/x', type: 'Country', name: 'X', aliases: [], mentions: [], attributes: [] },
      ],
      relations: [{ type: 'MEMBER_OF', source: 'person/hostile', target: 'country/x', confidence: 0.5, evidence: [{ doc: 'doc-hostile', start: 0, end: 5, text: hostile }] }],
    };
    await writeGraph(connection, extraction, loadOntology());
    const session = openSession(connection, 'READ');
    const stored = await session.run('MATCH (p:Person {id: "person/hostile"})-[:MEMBER_OF]->(t) RETURN p.name AS name, p.aliases AS aliases, COLLECT { MATCH (v:Evidence {source: p.id, type: "MEMBER_OF", target: t.id}) RETURN v.text } AS evidence');
    await session.close();
    expect(stored.records[0]!.get('name')).toBe(hostile);
    expect(stored.records[0]!.get('aliases')).toEqual([`\\"}`]);
    expect(stored.records[0]!.get('evidence')).toEqual([hostile]);
    expect(await countOf(connection, 'MATCH (n:Pwned) RETURN count(n)')).toBe(0);
    expect(await countOf(connection, 'MATCH (n:Entity) RETURN count(n)')).toBe(2);
  });

  it('refuses a relation type outside the ontology before anything is sent', async () => {
    const extraction: Extraction = {
      documents: [],
      entities: [],
      relations: [{ type: 'KNOWS]->() DETACH DELETE', source: 'a', target: 'b', confidence: 1, evidence: [] }],
    };
    await expect(writeGraph(connection, extraction, loadOntology())).rejects.toThrow(/outside the ontology/);
  });
});
