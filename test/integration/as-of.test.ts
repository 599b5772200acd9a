// "As of" a date against the real Neo4j: kg query, kg export and the API keep only what documents published by
// then said, and the timeline keeps event dates (valid time) apart from publication dates (transaction time).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/cli/ingest-command.js';
import { createApp } from '../../src/server/app.js';
import { requestLocally } from '../helpers/local-request.js';
import { Neo4jSource } from '../../src/server/sources.js';
import { useTestStore } from '../helpers/test-store.js';

// Invented reports of an invented attack, published on three days; the claim comes last.
const store = useTestStore('asof');
const { dir, kg } = store;
writeFileSync(join(dir, 'first.txt'), 'Blast at a bus station in Tamale\n\nPublished: 2031-04-02\n\nA bombing at a bus station in Tamale killed 9 people on Tuesday, police said.\n');
writeFileSync(join(dir, 'second.txt'), 'Tamale bus station bombing toll rises\n\nPublished: 2031-04-05\n\nThe bombing at a bus station in Tamale killed 23 people and left 40 injured, officials said on Friday.\n');
writeFileSync(join(dir, 'third.txt'), 'Group claims Tamale bombing\n\nPublished: 2031-04-09\n\nJNIM claimed responsibility for the bombing at a bus station in Tamale, which killed 23 people.\n');
writeFileSync(join(dir, 'undated.txt'), 'Notes on JNIM\n\nJNIM claimed responsibility for the bombing at a bus station in Tamale.\n');
const CLAIMS = 'MATCH (g:Group)-[r:CLAIMED]->(a:Attack) RETURN g.name AS g, r';

beforeAll(async () => {
  await ingestPaths(store.connection, [dir], { batch: 25, maxMb: 10 }, { quiet: true });
});

describe('as of a date', () => {
  it('kg query keeps only rows documents published by then tell of, and their evidence only', async () => {
    const before = await kg(['query', '--as-of', '2031-04-06', '--format', 'json', CLAIMS]);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout)).toEqual([]);
    expect(before.stderr).toContain('1 row left out');
    const after = JSON.parse((await kg(['query', '--as-of', '2031-04-09', '--format', 'json', CLAIMS])).stdout);
    expect(after).toHaveLength(1);
    // The undated note's evidence is not part of any "as of" view; without --as-of the edge has both.
    expect(after[0].r.properties.count).toBe(1);
    const now = JSON.parse((await kg(['query', '--format', 'json', CLAIMS])).stdout);
    expect(now[0].r.properties.count).toBe(2);
    // Evidence nodes a query returns are those of documents published by then.
    const sentences = `MATCH (g:Group)-[r:CLAIMED]->(a:Attack) MATCH (v:Evidence {source: g.id, type: 'CLAIMED', target: a.id}) RETURN v`;
    expect(JSON.parse((await kg(['query', '--format', 'json', sentences])).stdout)).toHaveLength(2);
    expect(JSON.parse((await kg(['query', '--as-of', '2031-04-09', '--format', 'json', sentences])).stdout)).toHaveLength(1);
    const dated = JSON.parse((await kg(['query', '--as-of', '2031-04', '--format', 'json', 'MATCH (d:Document) WHERE left(d.published, size($asOf)) <= $asOf RETURN count(d) AS n'])).stdout);
    expect(dated).toEqual([{ n: 3 }]);
    const bad = await kg(['query', '--as-of', '2031-02-30', 'RETURN 1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('YYYY-MM-DD');
  });

  it('kg export writes the graph as it was known then', async () => {
    const file = join(dir, 'early.gexf');
    const early = await kg(['export', '-f', 'gexf', '-o', file, '--as-of', '2031-04-03']);
    expect(early.code).toBe(0);
    const graph = parseGexf(MultiDirectedGraph, readFileSync(file, 'utf8'));
    expect(graph.filterNodes((_, a) => a.type === 'Group')).toEqual([]);
    const attack = graph.findNode((_, a) => a.type === 'Attack')!;
    expect(JSON.parse(graph.getNodeAttribute(attack, 'reports') as string).filter((r: { key: string }) => r.key === 'deaths').map((r: { value: number }) => r.value)).toEqual([9]);
    const json = join(dir, 'late.json');
    await kg(['export', '-f', 'json', '-o', json, '--as-of', '2031-04-30']);
    const late = JSON.parse(readFileSync(json, 'utf8'));
    expect(late.nodes.map((n: { attributes: { type: string } }) => n.attributes.type).sort()).toEqual(['Attack', 'Group', 'Location']);
    expect(Object.keys(late.attributes.documents)).toHaveLength(3);
    expect(late.edges.find((e: { attributes: { type: string } }) => e.attributes.type === 'CLAIMED').attributes.evidence).toHaveLength(1);
  });

  it('the API serves the graph as of a date and the timeline with both times apart', async () => {
    const app = createApp(new Neo4jSource(store.connection), dir);
    const graph = (await (await requestLocally(app, '/api/as-of?asOf=2031-04-05')).json()) as { nodes: Array<{ attributes: { type: string; reports: Array<{ key: string; value: number | string }> } }> };
    expect(graph.nodes.map((n) => n.attributes.type).sort()).toEqual(['Attack', 'Location']);
    const reports = graph.nodes.find((n) => n.attributes.type === 'Attack')!.attributes.reports;
    expect(reports.filter((r) => r.key === 'deaths' || r.key === 'injured').map((r) => r.value).sort()).toEqual([23, 40, 9].sort());
    // "on Tuesday" in the article of Wednesday 2 April is the attack's own date, kept apart from publication.
    expect(reports.filter((r) => r.key === 'date').map((r) => r.value)).toEqual(['2031-04-01']);
    expect((await requestLocally(app, '/api/as-of?asOf=soon')).status).toBe(400);
    const timeline = (await (await requestLocally(app, '/api/timeline')).json()) as { attacks: Array<{ date: string | null; documents: string[] }>; documents: Array<{ published: string | null }> };
    expect(timeline.attacks).toHaveLength(1);
    expect(timeline.attacks[0]!.documents).toHaveLength(4);
    expect(timeline.documents.map((d) => d.published)).toEqual(['2031-04-02', '2031-04-05', '2031-04-09', null]);
  });
});
