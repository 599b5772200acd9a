// Ingests that meet bad articles or each other, against the real Neo4j: one bad article is named and the rest
// are stored; two ingests on a store with no schema yet both succeed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSession } from '../../src/store/connection.js';
import { countOf } from '../helpers/graph-dump.js';
import { wipe } from '../helpers/neo4j.js';
import { useTestStore } from '../helpers/test-store.js';

const store = useTestStore('robust');
const { dir, kg } = store;

/** Invented reports, each about a different event, so every one is a document of its own. */
function writeStories(folder: string, count: number, offset = 0): void {
  mkdirSync(folder, { recursive: true });
  const cities = ['Lagos', 'Lima', 'Dhaka', 'Quito', 'Accra', 'Hanoi', 'Tunis', 'Sofia'];
  for (let i = 0; i < count; i++) {
    const city = cities[(i + offset) % cities.length]!;
    writeFileSync(join(folder, `story-${offset + i}.txt`), `Blast in ${city}\n\nA bomb killed ${i + offset + 2} people at a bus station in ${city} on Monday, police said. Report number ${offset + i}.\n`);
  }
}

describe('one bad article', () => {
  it('does not stop the others: the over-long name and the endless line are stored, the FIFO is named, exit 1', async () => {
    await wipe(store.connection);
    const folder = join(dir, 'mixed');
    writeStories(folder, 3);
    const longName = Array.from({ length: 2000 }, (_, i) => ['Alba', 'Borin', 'Cato', 'Dusk'][i % 4]).join(' ');
    writeFileSync(join(folder, 'long-name.txt'), `Claim in Accra\n\nThe ${longName} Brigade claimed the bombing of a market in Accra on Friday, police said.\n`);
    writeFileSync(join(folder, 'one-line.txt'), `${Array.from({ length: 150_000 }, (_, i) => ['the', 'Harbour', 'ferry', 'in', 'Tunis', 'said'][i % 6]).join(' ')}\n`);
    execFileSync('mkfifo', [join(folder, 'pipe.txt')]);
    const run = await kg(['ingest', folder]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/pipe\.txt: this is a named pipe/);
    expect(run.stdout).toMatch(/documents 5 new, 0 unchanged, 1 failed/);
    expect(await countOf(store.connection, 'MATCH (d:Document) RETURN count(d)')).toBe(5);
    expect(await countOf(store.connection, 'MATCH (e:Entity) WHERE size(e.name) > 200 RETURN count(e)')).toBe(0);
    // The rerun finds everything stored and stops at nothing.
    const again = await kg(['ingest', folder]);
    expect(again.stdout).toMatch(/documents 0 new, 5 unchanged, 1 failed/);
  });
});

describe('concurrent ingests', () => {
  it('both succeed on a fresh store while each applies the schema, and nothing is doubled', async () => {
    await wipe(store.connection);
    // A store that has never had kg's schema: what two first ingests meet.
    const session = openSession(store.connection, 'WRITE');
    try {
      for (const r of (await session.run('SHOW CONSTRAINTS YIELD name')).records) await session.run(`DROP CONSTRAINT ${r.get('name') as string}`);
      for (const r of (await session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")).records) await session.run(`DROP INDEX ${r.get('name') as string}`);
    } finally {
      await session.close();
    }
    const folders = [0, 1, 2].map((k) => join(dir, `batch-${k}`));
    folders.forEach((folder, k) => writeStories(folder, 4, k * 4));
    const runs = await Promise.all(folders.map((folder) => kg(['ingest', folder, '--batch', '1'])));
    for (const run of runs) {
      expect(run.stderr).not.toMatch(/Cannot reach/);
      expect(run.code, run.stderr).toBe(0);
    }
    expect(await countOf(store.connection, 'MATCH (d:Document) RETURN count(d)')).toBe(12);
    expect(await countOf(store.connection, 'MATCH (e:Entity) WITH e.id AS id, count(*) AS n WHERE n > 1 RETURN count(id)')).toBe(0);
    expect(await countOf(store.connection, "SHOW CONSTRAINTS YIELD name WHERE name = 'entity_id' RETURN count(name)")).toBe(1);
  });
});
