// Many ingesters, one store, against the real Neo4j: concurrent `kg ingest` processes over overlapping inputs
// leave the graph one process leaves: no doubled document, entity, attack, claim or edge, counts equal.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countOf, dumpGraph } from '../helpers/graph-dump.js';
import { wipe } from '../helpers/neo4j.js';
import { useTestStore } from '../helpers/test-store.js';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const files = readdirSync(seeds).sort().map((name) => join(seeds, name));
const store = useTestStore('ingesters');
const { dir, kg } = store;

/** Invented reports, two of each of three attacks, worded apart: which report comes first does not change the graph. */
function writeReports(folder: string): string[] {
  mkdirSync(folder, { recursive: true });
  const attacks = [
    ['Lagos', 'Boko Haram', 14, 'Monday'],
    ['Quito', 'the Shining Path', 9, 'Tuesday'],
    ['Tunis', 'al-Shabaab', 21, 'Friday'],
  ] as const;
  const paths: string[] = [];
  attacks.forEach(([city, group, dead, day], k) => {
    const texts = [
      `Bombing in ${city}\n\nA bomb killed ${dead} people at a bus station in ${city} on ${day}, police said. ${group} claimed responsibility for the bombing in ${city}.\n`,
      `${city} bus station bombing\n\nThe bombing at the bus station in ${city} on ${day} left ${dead} dead, officials said. ${group} claimed the attack in ${city}, and the government condemned it.\n`,
    ];
    texts.forEach((text, n) => {
      const path = join(folder, `report-${k}-${n}.txt`);
      writeFileSync(path, text);
      paths.push(path);
    });
  });
  return paths;
}

/** A dump less what the order of equal reports decides: of two names of one rank, the first read is the name and
 * the other an alias, so an attack's name is compared as one of its names. */
function orderFree(dump: Awaited<ReturnType<typeof dumpGraph>>): Awaited<ReturnType<typeof dumpGraph>> {
  const nodes = dump.nodes.map((row) => {
    const [labels, p] = JSON.parse(row) as [string[], Record<string, unknown>];
    if (!labels.includes('Attack')) return row;
    const names = [...new Set([p.name as string, ...(p.aliases as string[])])].sort();
    return JSON.stringify([labels, { ...p, name: undefined, aliases: names, aliasText: names }]);
  });
  return { nodes: nodes.sort(), relationships: dump.relationships };
}

describe('concurrent ingests of overlapping inputs', () => {
  it('store every document once and double no entity, attack, claim, edge or lock', async () => {
    await wipe(store.connection);
    const one = await kg(['ingest', ...files, '--batch', '1']);
    expect(one.code, one.stderr).toBe(0);
    const alone = await dumpGraph(store.connection);
    await wipe(store.connection);

    // Every document is read by at least two of the three processes, in different orders. Which report of an
    // attack is resolved first can name it differently (as in one ingest in another order), so only what does not
    // depend on order is compared here; the next test compares whole graphs.
    const runs = await Promise.all([files.slice(0, 4), files.slice(1), [...files].reverse()].map((part) => kg(['ingest', ...part, '--batch', '1'])));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(await countOf(store.connection, 'MATCH (d:Document) RETURN count(d)')).toBe(files.length);
    expect(await countOf(store.connection, 'MATCH (e:Entity) WITH e.id AS id, count(*) AS n WHERE n > 1 RETURN count(id)')).toBe(0);
    expect(await countOf(store.connection, 'MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, count(r) AS n WHERE n > 1 RETURN count(*)')).toBe(0);
    expect(await countOf(store.connection, 'MATCH (c:Claim) WITH c.id AS id, count(*) AS n WHERE n > 1 RETURN count(id)')).toBe(0);
    const together = await dumpGraph(store.connection);
    expect(together.nodes.filter((n) => n.startsWith('[["WriteLock"'))).toHaveLength(1);
    const documents = (dump: typeof alone) => dump.nodes.filter((n) => n.startsWith('[["Document"'));
    expect(documents(together)).toEqual(documents(alone));
  });

  it('store exactly the graph one ingest stores when the order of reports does not matter', async () => {
    const reports = writeReports(join(dir, 'reports'));
    await wipe(store.connection);
    const one = await kg(['ingest', ...reports, '--batch', '1']);
    expect(one.code, one.stderr).toBe(0);
    const alone = await dumpGraph(store.connection);
    expect(await countOf(store.connection, 'MATCH (a:Attack) RETURN count(a)')).toBe(3);
    await wipe(store.connection);
    const runs = await Promise.all([reports.slice(0, 4), reports.slice(2), [...reports].reverse()].map((part) => kg(['ingest', ...part, '--batch', '1'])));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(orderFree(await dumpGraph(store.connection))).toEqual(orderFree(alone));
  });
});
