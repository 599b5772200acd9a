// Extraction on many machines, one writer: `kg extract --shard` then `kg load` against the real Neo4j gives the
// graph one `kg ingest` of the same documents gives, and a bad shard line costs only itself.
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countOf, dumpGraph } from '../helpers/graph-dump.js';
import { wipe } from '../helpers/neo4j.js';
import { runKg } from '../helpers/run-kg.js';
import { useTestStore } from '../helpers/test-store.js';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const files = readdirSync(seeds).sort().map((name) => join(seeds, name));
const store = useTestStore('shards');
const { dir, kg } = store;

describe('kg extract --shard and kg load', () => {
  it('store the graph one kg ingest stores, naming bad lines by file:line and loading the rest', async () => {
    await wipe(store.connection);
    const ingest = await kg(['ingest', ...files, '--batch', '2']);
    expect(ingest.code, ingest.stderr).toBe(0);
    const ingested = await dumpGraph(store.connection);
    expect(ingested.nodes.length).toBeGreaterThan(20);
    await wipe(store.connection);

    // Two "machines", each extracting part of the corpus with no database.
    const [a, b] = [join(dir, 'a.jsonl'), join(dir, 'b.jsonl')];
    for (const [shard, part] of [[a, files.slice(0, 3)], [b, files.slice(3)]] as const) {
      const extract = await runKg(['extract', ...part, '--shard', shard, '--quiet'], { NEO4J_URI: 'bolt://127.0.0.1:1' });
      expect(extract.code, extract.stderr).toBe(0);
      expect(extract.stdout).toBe('');
      expect(readFileSync(shard, 'utf8').trim().split('\n')).toHaveLength(part.length);
    }
    // A damaged copy of shard b: a torn line, a line of another shape, and a repeat of a document already loaded.
    const [first, second] = readFileSync(b, 'utf8').trim().split('\n');
    const damaged = join(dir, 'b-damaged.jsonl');
    writeFileSync(damaged, `${first}\n${second!.slice(0, 80)}\n{"version":1,"article":{}}\n\n${second}\n`);
    appendFileSync(damaged, readFileSync(a, 'utf8').split('\n')[0] + '\n');

    const load = await kg(['load', a, damaged, '--batch', '2']);
    expect(load.code, load.stderr).toBe(1);
    expect(load.stderr).toContain(`${damaged}:2: not JSON`);
    expect(load.stderr).toMatch(new RegExp(`${damaged.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: not a shard line: article\\.id`));
    expect(load.stdout).toMatch(/documents 5 new, 1 unchanged, 2 failed/);
    expect(await dumpGraph(store.connection)).toEqual(ingested);

    // Loading again changes nothing, like ingesting again.
    const again = await kg(['load', a, b]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/documents 0 new, 5 unchanged, 0 failed/);
    expect(await dumpGraph(store.connection)).toEqual(ingested);
  });

  it('refuses a missing shard by name and stores nothing from it', async () => {
    await wipe(store.connection);
    const missing = join(dir, 'nowhere.jsonl');
    const load = await kg(['load', missing]);
    expect(load.code).toBe(3);
    expect(load.stderr).toContain(`${missing}: cannot read the shard: no such file`);
    expect(await countOf(store.connection, 'MATCH (d:Document) RETURN count(d)')).toBe(0);
  });
});
