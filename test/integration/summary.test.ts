// The viewer's summary of a large store, against the real Neo4j: when it applies, which entities it holds and
// what each stands for, and a ranking kept only while the store's counts stay the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../src/bench/synthetic-graph.js';
import { writeSyntheticStore } from '../../src/bench/synthetic-store.js';
import { closeConnection, openSession, type Connection } from '../../src/store/connection.js';
import { readCypher } from '../../src/store/cypher-files.js';
import { Neo4jSource } from '../../src/server/sources.js';
import { resolveSummaryOptions, Summaries } from '../../src/server/summary.js';
import { connectForTest, wipe } from '../helpers/neo4j.js';
import { busiestFirst, relationshipCounts } from '../helpers/synthetic-counts.js';

const GENERATED = syntheticGraph(240, 700);
let connection: Connection;
let source: Neo4jSource;

beforeAll(async () => {
  connection = await connectForTest();
  await wipe(connection);
  await writeSyntheticStore(connection, GENERATED);
  source = new Neo4jSource(connection);
});

afterAll(async () => {
  await wipe(connection);
  await closeConnection(connection);
});

describe('the summary of a large store', () => {
  it('sends the whole graph while the store is under the threshold, and when asked for it', async () => {
    const under = await new Summaries(source, resolveSummaryOptions({ above: 1000, size: 10 })).overview(false);
    expect(under.summary).toBeNull();
    expect(under.graph.nodes).toHaveLength(240);
    const full = await new Summaries(source, resolveSummaryOptions({ above: 100, size: 10 })).overview(true);
    expect(full.summary).toBeNull();
    expect(full.graph.nodes).toHaveLength(240);
  });

  it('past the threshold sends the busiest entities, the store totals and what each entity has', async () => {
    const counts = relationshipCounts(GENERATED);
    const relationships = [...counts.values()].reduce((a, b) => a + b, 0) / 2;
    // Under the entity threshold, past three times as many relationships: that alone makes a summary.
    const overview = await new Summaries(source, resolveSummaryOptions({ above: 230, size: 25 })).overview(false);
    expect(overview.summary).not.toBeNull();
    expect(overview.summary!.entities).toBe(240);
    expect(overview.summary!.relationships).toBe(relationships);
    expect(overview.summary!.threshold).toEqual({ entities: 230, relationships: 690 });
    const ranked = busiestFirst(counts);
    const shown = overview.graph.nodes.map((n) => n.key).sort();
    expect(shown).toEqual(ranked.slice(0, 25).map(([id]) => id).sort());
    for (const id of shown) expect(overview.summary!.relationshipsOf[id]).toBe(counts.get(id));
    // The relationships among the shown entities come with them, with their evidence.
    const among = new Set(shown);
    const expectedEdges = new Set(GENERATED.edges.filter((e) => among.has(e.source) && among.has(e.target)).map((e) => `${e.source}|${e.attributes.type}|${e.target}`));
    expect(new Set(overview.graph.edges.map((e) => e.key))).toEqual(expectedEdges);
    expect(await source.relationshipCounts([ranked[100]![0], 'no-such-entity'])).toEqual({ [ranked[100]![0]]: ranked[100]![1] });
  });

  it('ranks the store once while its counts stay the same, and again after they change', async () => {
    let rankings = 0;
    const counting = Object.assign(Object.create(source) as Neo4jSource, {
      busiest: (limit: number) => {
        rankings++;
        return source.busiest(limit);
      },
    });
    const summaries = new Summaries(counting, resolveSummaryOptions({ above: 100, size: 5 }));
    const first = await summaries.overview(false);
    await summaries.overview(false);
    expect(rankings).toBe(1);
    // A new relationship between two quiet entities makes the counts, and so the ranking, stale.
    const quiet = GENERATED.nodes.map((n) => n.key).filter((id) => !(id in first.summary!.relationshipsOf));
    const session = openSession(connection, 'WRITE');
    try {
      await session.run(readCypher('bench/synthetic-relations.cypher'), { rows: [{ source: quiet[0], target: quiet[1], type: 'WARNED', confidence: 0.5, evidence: [] }] });
    } finally {
      await session.close();
    }
    const after = await summaries.overview(false);
    expect(rankings).toBe(2);
    expect(after.summary!.relationships).toBe(first.summary!.relationships + 1);
  });
});
