// Many ingesters, one store, against the real Neo4j: concurrent `kg ingest` processes over overlapping inputs
// store every document once, double no entity, claim or edge, and leave the documents and non-attack entities
// one process leaves.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Connection } from '../../src/store/connection.js';
import { countOf, dumpGraph } from '../helpers/graph-dump.js';
import { connectForTest, testNeo4jUri, wipe } from '../helpers/neo4j.js';
import { runKg } from '../helpers/run-kg.js';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const files = readdirSync(seeds).sort().map((name) => join(seeds, name));
const kg = (args: string[]) => runKg(args, { NEO4J_URI: testNeo4jUri() });
let connection: Connection;

beforeAll(async () => {
  connection = await connectForTest();
});
afterAll(async () => {
  await wipe(connection);
  await closeConnection(connection);
});

describe('concurrent ingests of overlapping inputs', () => {
  it('store each document once and double nothing', async () => {
    await wipe(connection);
    const one = await kg(['ingest', ...files, '--batch', '1']);
    expect(one.code, one.stderr).toBe(0);
    const alone = await dumpGraph(connection);
    await wipe(connection);

    // Every document is read by at least two of the three processes, in different orders.
    const runs = await Promise.all([files.slice(0, 4), files.slice(1), [...files].reverse()].map((part) => kg(['ingest', ...part, '--batch', '1'])));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(await countOf(connection, 'MATCH (d:Document) RETURN count(d)')).toBe(files.length);
    expect(await countOf(connection, 'MATCH (e:Entity) WITH e.id AS id, count(*) AS n WHERE n > 1 RETURN count(id)')).toBe(0);
    expect(await countOf(connection, 'MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, count(r) AS n WHERE n > 1 RETURN count(*)')).toBe(0);
    expect(await countOf(connection, 'MATCH (c:Claim) WITH c.id AS id, count(*) AS n WHERE n > 1 RETURN count(id)')).toBe(0);
    // Documents and every entity but attacks (and the figures reported about them) come out as one process
    // leaves them. Attacks are resolved per process (docs/SCALING.md says why), so their ids may differ.
    const together = await dumpGraph(connection);
    const settled = (nodes: string[]) => nodes.filter((n) => !n.startsWith('[["Attack"') && !n.startsWith('[["Claim"'));
    expect(settled(together.nodes)).toEqual(settled(alone.nodes));
    expect(together.nodes.filter((n) => n.startsWith('[["Document"'))).toHaveLength(files.length);
  });
});
