// kg ingest against the real Neo4j: reports of one invented attack by three outlets, ingested in two runs,
// make one Attack node with every toll; the older attack one report recalls stays a node of its own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, openSession, type Connection } from '../../src/store/connection.js';
import { connectForTest, testNeo4jUri, wipe } from '../helpers/neo4j.js';
import { runKg } from '../helpers/run-kg.js';

const REPORTS: Array<[string, string]> = [
  ['wire.txt', 'Hotel siege in Somalia\n11 May 2024\n\nGunmen stormed a hotel in the Hodan district of Mogadishu, Somalia, on Friday, killing 12 people, police said.'],
  ['radio.txt', 'Death toll rises\n11 May 2024\n\nAt least 15 people died when militants attacked a hotel in the Somali capital on Friday. Al-Shabaab claimed the attack.'],
  ['daily.txt', 'Somalia mourns\n12 May 2024\n\nThe Friday assault on a Mogadishu hotel killed 14 people, officials said. It was the deadliest attack since the truck bombing in Mogadishu in October 2017, which killed 512 people.'],
];

describe('one attack across outlets and runs', () => {
  let connection: Connection;
  let dir: string;
  beforeAll(async () => {
    connection = await connectForTest();
    await wipe(connection);
    dir = mkdtempSync(join(tmpdir(), 'kg-outlets-'));
    for (const [name, text] of REPORTS) writeFileSync(join(dir, name), text);
  });
  afterAll(async () => {
    await wipe(connection);
    await closeConnection(connection);
    rmSync(dir, { recursive: true, force: true });
  });

  it('merges the reports into one Attack with each toll from its article, and keeps the recalled attack apart', async () => {
    const kg = (args: string[]) => runKg(args, { NEO4J_URI: testNeo4jUri() });
    // Two runs: the third outlet's report arrives after the first two are stored.
    for (const files of [['wire.txt', 'radio.txt'], ['daily.txt']]) {
      const run = await kg(['-q', 'ingest', ...files.map((f) => join(dir, f))]);
      expect(run.code, run.stderr).toBe(0);
    }
    const session = openSession(connection, 'READ');
    const result = await session.run(
      "MATCH (a:Attack) OPTIONAL MATCH (d:Document)-[:REPORTS]->(c:Claim {key: 'deaths'})-[:ABOUT]->(a) WITH a, c, d ORDER BY c.value RETURN a.name AS name, collect([c.value, d.source]) AS tolls ORDER BY size(tolls) DESC",
    );
    const claims = await session.run('MATCH (g:Group)-[:CLAIMED]->(a:Attack) RETURN g.name AS group, a.name AS attack');
    await session.close();
    const attacks = result.records.map((r) => ({ name: r.get('name') as string, tolls: (r.get('tolls') as Array<[{ toNumber(): number } | number, string]>).map(([v, source]) => [typeof v === 'number' ? v : v.toNumber(), source]) }));
    expect(attacks).toHaveLength(2);
    expect(attacks[0]!.tolls).toEqual([[12, 'wire.txt'], [14, 'daily.txt'], [15, 'radio.txt']]);
    expect(attacks[1]!.tolls).toEqual([[512, 'daily.txt']]);
    expect(claims.records.map((r) => [r.get('group'), r.get('attack')])).toEqual([['al-Shabaab', attacks[0]!.name]]);
  });
});
