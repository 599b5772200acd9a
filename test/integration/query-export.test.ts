// Saved queries, kg query's safety and errors, and export round trips, on the seeds' graph in the real Neo4j.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MultiDirectedGraph as Graph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/cli/ingest-command.js';
import { ARRAY_DELIMITER } from '../../src/export/csv.js';
import { runCheckedQuery } from '../../src/cli/query-command.js';
import { openSession } from '../../src/store/connection.js';
import { readCypher, splitStatements } from '../../src/store/cypher-files.js';
import { findSavedQuery, listSavedQueries } from '../../src/store/saved-queries.js';
import { dumpGraph } from '../helpers/graph-dump.js';
import { testNeo4jUri, wipe } from '../helpers/neo4j.js';
import { useTestStore } from '../helpers/test-store.js';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const store = useTestStore('export');
const { dir: out, kg } = store;
const saved = (name: string, params: Record<string, unknown> = {}) => runCheckedQuery(store.connection, findSavedQuery(name)!.cypher, params, { write: false, timeoutMs: 30_000, limit: 1000 });

beforeAll(async () => {
  await ingestPaths(store.connection, [seeds], { batch: 25, maxMb: 10 }, { quiet: true });
});

describe('saved queries on the seeds', () => {
  it('lists at least the nine analyst questions, each with a description', () => {
    const names = listSavedQueries().map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['who-did-it', 'warnings-before-attack', 'accusations-and-denials', 'death-toll-sources', 'neighbourhood', 'shortest-path', 'most-connected', 'attacks-by-group', 'evidence']));
    for (const q of listSavedQueries()) expect(q.description.length).toBeGreaterThan(10);
  });

  it('who-did-it names the Islamic State and its Khorasan branch', async () => {
    const rows = (await saved('who-did-it', { attack: 'Crocus City Hall attack' })).rows;
    expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ actor: 'Islamic State', relation: 'CLAIMED' }), expect.objectContaining({ actor: 'Islamic State Khorasan Province', relation: 'CARRIED_OUT' })]));
  });

  it('death-toll-sources shows each source with its own figure', async () => {
    const rows = (await saved('death-toll-sources', { attack: 'Crocus City Hall attack' })).rows;
    expect([...new Set(rows.map((r) => r.deaths))]).toEqual([40, 62, 133, 144]);
    expect(new Set(rows.map((r) => r.source)).size).toBe(5);
  });

  it('warnings-before-attack finds the warnings Russia received', async () => {
    const rows = (await saved('warnings-before-attack', { attack: 'Moscow concert hall shooting' })).rows;
    expect(new Set(rows.map((r) => r.warned_by))).toEqual(new Set(['United States', 'Iran']));
  });

  it('accusations-and-denials pairs the accusation with the denial', async () => {
    const rows = (await saved('accusations-and-denials')).rows;
    expect(rows).toContainEqual(expect.objectContaining({ accuser: 'Russia', accused: 'Ukraine', denied_involvement_in: 'Crocus City Hall attack' }));
  });

  it('neighbourhood, shortest-path, most-connected, attacks-by-group and evidence answer', async () => {
    const around = await saved('neighbourhood', { name: 'ISIS-K', hops: 1 });
    expect(around.rows.length).toBeGreaterThan(5);
    const path = await saved('shortest-path', { from: 'Iran', to: 'Crocus City Hall attack' });
    expect(path.rows).toHaveLength(1);
    const top = await saved('most-connected');
    expect(top.rows[0]!.name).toBe('Islamic State Khorasan Province');
    const attacks = await saved('attacks-by-group');
    expect(attacks.rows).toContainEqual(expect.objectContaining({ group: 'Islamic State Khorasan Province', attack: 'Kerman twin bombings' }));
    const evidence = await saved('evidence', { source: 'ISIS', type: 'claimed', target: 'Crocus City Hall attack' });
    expect(evidence.rows.length).toBeGreaterThan(0);
    for (const row of evidence.rows) expect(String(row.sentence)).toMatch(/claim|responsibility/i);
  });
});

describe('kg query', () => {
  it('prints a table, JSON and CSV', async () => {
    const table = await kg(['query', 'MATCH (g:Group) RETURN g.name AS name ORDER BY name']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^name\s*\n─+\n/);
    expect(table.stdout).toMatch(/\nTaliban\s*\n/);
    expect(table.stdout).toMatch(/\(4 rows\)/);
    const json = await kg(['query', '--format', 'json', 'MATCH (g:Group {name: $n}) RETURN g', '--param', 'n=Taliban']);
    expect(JSON.parse(json.stdout)[0].g).toMatchObject({ kind: 'node', labels: expect.arrayContaining(['Group']), properties: { name: 'Taliban' } });
    const csv = await kg(['query', '--format', 'csv', '--saved', 'death-toll-sources', '--param', 'attack=Crocus City Hall attack']);
    expect(csv.stdout.split('\n')[0]).toBe('attack,deaths,qualifier,source,title,words');
  });

  it('refuses a write without --write and names the flag', async () => {
    const run = await kg(['query', 'CREATE (:Sneaky)']);
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/--write/);
    const session = openSession(store.connection, 'READ');
    const count = await session.run('MATCH (n:Sneaky) RETURN count(n) AS n');
    await session.close();
    expect(count.records[0]!.get('n')).toBe(0);
  });

  it('shows where a syntax error is', async () => {
    const run = await kg(['query', 'MATCH (n RETURN n']);
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/line 1, column \d+/);
  });

  it.each([
    [['--saved', 'who-did-it'], /needs \$attack/],
    [['MATCH (n) RETURN n LIMIT 1', '--param', 'nope=1'], /no parameter \$nope/],
    [['MATCH (n) RETURN n', '--param', 'not a pair'], /Expecting key=value/],
    [['--saved', 'no-such-query'], /No saved query named/],
  ])('rejects bad parameters: %j', async (args, message) => {
    const run = await kg(['query', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('kg export', () => {
  it('round-trips GraphML and GEXF through graphology parsers with nodes, edges and attributes', async () => {
    const json = await kg(['export', '-f', 'json', '-o', join(out, 'g.json')]);
    expect(json.code, json.stderr).toBe(0);
    const reference = Graph.from(JSON.parse(readFileSync(join(out, 'g.json'), 'utf8')));
    for (const [format, parse] of [['graphml', parseGraphml], ['gexf', parseGexf]] as const) {
      const file = join(out, `g.${format}`);
      const run = await kg(['export', '-f', format, '-o', file]);
      expect(run.code, run.stderr).toBe(0);
      const graph = parse(Graph, readFileSync(file, 'utf8'));
      expect(graph.order).toBe(reference.order);
      expect(graph.size).toBe(reference.size);
      const attack = graph.findNode((_, a) => a.name === 'Crocus City Hall attack' || a.label === 'Crocus City Hall attack')!;
      expect(graph.getNodeAttribute(attack, 'type')).toBe('Attack');
      expect(JSON.parse(graph.getNodeAttribute(attack, 'reports') as string).filter((r: { key: string }) => r.key === 'deaths').length).toBe(5);
      const claimed = graph.findEdge((_, a) => a.type === 'CLAIMED')!;
      expect(String(graph.getEdgeAttribute(claimed, 'evidence'))).toMatch(/claim/i);
    }
    expect(reference.getAttribute('documents')).toBeDefined();
  });

  it('names the articles behind every relationship (sources) in GEXF, GraphML and JSON, as the viewer does', async () => {
    const stored = await runCheckedQuery(store.connection, 'MATCH (d:Document) RETURN d.id AS id, d.title AS title, d.source AS source, d.published AS published', {}, { write: false, timeoutMs: 30_000, limit: 1000 });
    // The seeds are files: each article reads "title (file name, publication date)".
    const cited = new Map(stored.rows.map((r) => [String(r.id), `${String(r.title)} (${[basename(String(r.source)), r.published ? String(r.published).slice(0, 10) : ''].filter(Boolean).join(', ')})`]));
    for (const format of ['gexf', 'graphml', 'json'] as const) {
      const file = join(out, `cited.${format}`);
      const run = await kg(['export', '-f', format, '-o', file]);
      expect(run.code, run.stderr).toBe(0);
      const text = readFileSync(file, 'utf8');
      const graph = format === 'gexf' ? parseGexf(Graph, text) : format === 'graphml' ? parseGraphml(Graph, text) : Graph.from(JSON.parse(text));
      expect(graph.size).toBeGreaterThan(10);
      graph.forEachEdge((edge, a) => {
        // The flat formats join lists with "; "; JSON keeps them as arrays.
        const docs = format === 'json' ? (a.docs as string[]) : String(a.docs).split('; ');
        const expected = docs.map((d) => cited.get(d));
        expect(expected.length, edge).toBeGreaterThan(0);
        expect(expected.every(Boolean), edge).toBe(true);
        expect(format === 'json' ? a.sources : String(a.sources).split('; '), edge).toEqual(expected);
      });
    }
  });

  it('recreates the subgraph from the Cypher script in an emptied database', async () => {
    const file = join(out, 'g.cypher');
    const run = await kg(['export', '-f', 'cypher', '-o', file]);
    expect(run.code, run.stderr).toBe(0);
    const entitiesOnly = async () => {
      const dump = await dumpGraph(store.connection);
      return { nodes: dump.nodes.filter((n) => n.includes('"Entity"')), relationships: dump.relationships.filter((r) => !/"(?:MENTIONS|REPORTS|ABOUT)"/.test(r)) };
    };
    const before = await entitiesOnly();
    await wipe(store.connection);
    const session = openSession(store.connection, 'WRITE');
    for (const statement of splitStatements(readFileSync(file, 'utf8'))) await session.run(statement);
    await session.close();
    expect(await entitiesOnly()).toEqual(before);
    // Put the full graph back for the tests after this one.
    await wipe(store.connection);
    await ingestPaths(store.connection, [seeds], { batch: 25, maxMb: 10 }, { quiet: true });
  });

  it('writes CSV with neo4j-admin headers, and selects by types, relations and neighbourhood', async () => {
    const run = await kg(['export', '-f', 'csv', '-o', join(out, 'csv'), '--types', 'Group,Attack', '--relations', 'CLAIMED,CARRIED_OUT']);
    expect(run.code, run.stderr).toBe(0);
    const nodes = readFileSync(join(out, 'csv', 'nodes.csv'), 'utf8').trim().split('\n');
    const edges = readFileSync(join(out, 'csv', 'edges.csv'), 'utf8').trim().split('\n');
    expect(nodes[0]).toBe('id:ID,name,type,aliases:string[],documents:int,reports,:LABEL');
    expect(edges[0]).toMatch(/^:START_ID,:END_ID,:TYPE,/);
    expect(nodes.slice(1).every((n) => n.endsWith(`Entity${ARRAY_DELIMITER}Group`) || n.endsWith(`Entity${ARRAY_DELIMITER}Attack`))).toBe(true);
    expect(edges.slice(1).every((e) => /,(?:CLAIMED|CARRIED_OUT),/.test(e))).toBe(true);
    const around = await kg(['export', '-f', 'json', '-o', join(out, 'around.json'), '--around', 'ispk', '--hops', '1']);
    const graph = Graph.from(JSON.parse(readFileSync(join(out, 'around.json'), 'utf8')));
    expect(around.code).toBe(0);
    expect(graph.hasNode('group/islamic-state-khorasan')).toBe(true);
    expect(graph.order).toBeLessThan(40);
    const cypher = await kg(['export', '-f', 'json', '-o', join(out, 'q.json'), '--cypher', 'MATCH p=(:Group)-[:CLAIMED]->(:Attack) RETURN p']);
    expect(cypher.code).toBe(0);
    expect(Graph.from(JSON.parse(readFileSync(join(out, 'q.json'), 'utf8'))).order).toBeGreaterThanOrEqual(3);
  });

  it('explains an unknown or ambiguous name, and unknown types', async () => {
    const unknown = await kg(['export', '-f', 'json', '-o', join(out, 'x.json'), '--around', 'Neuman']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/No entity is named "Neuman"[\s\S]*Did you mean: .*Peter Neumann/);
    const badType = await kg(['export', '-f', 'json', '-o', join(out, 'x.json'), '--types', 'Spaceship']);
    expect(badType.code).toBe(2);
    expect(badType.stderr).toMatch(/Unknown entity type Spaceship/);
  });
});

describe('kg stats and kg reset', () => {
  it('counts by label and type, and refuses to reset without confirmation', async () => {
    const stats = await kg(['stats', '--json']);
    const parsed = JSON.parse(stats.stdout) as { labels: Array<{ label: string; count: number }> };
    expect(parsed.labels.find((l) => l.label === 'Document')?.count).toBe(5);
    const reset = await kg(['reset']);
    expect(reset.code).toBe(2);
    expect(reset.stderr).toMatch(/--yes/);
    expect(readCypher('reset.cypher')).toMatch(/IN TRANSACTIONS/);
  });

  it('plans each reset statement as a stream, so its memory does not grow with the graph', async () => {
    const session = openSession(store.connection, 'READ');
    try {
      for (const statement of splitStatements(readCypher('reset.cypher'))) {
        const { summary } = await session.run(`EXPLAIN ${statement}`);
        const operators: string[] = [];
        const walk = (plan: { operatorType: string; children: unknown[] }) => {
          operators.push(plan.operatorType);
          for (const child of plan.children) walk(child as typeof plan);
        };
        walk(summary.plan as unknown as { operatorType: string; children: unknown[] });
        expect(operators.some((op) => op.startsWith('Eager')), `${statement}: ${operators.join(' > ')}`).toBe(false);
      }
    } finally {
      await session.close();
    }
  });
});

describe('kg serve --graph (an exported file, no database)', () => {
  it('answers search, neighbours, path and evidence from the file, and refuses Cypher', async () => {
    const file = join(out, 'served.json');
    expect((await kg(['export', '-f', 'json', '-o', file])).code).toBe(0);
    const { startViewer } = await import('../../src/cli/serve-command.js');
    const viewer = await startViewer({ quiet: true }, { port: 0, host: '127.0.0.1', graph: file });
    try {
      const get = async (path: string) => {
        const response = await fetch(new URL(path, viewer.url));
        return { status: response.status, body: (await response.json()) as Record<string, unknown> & Array<Record<string, unknown>> };
      };
      expect((await get('api/info')).body).toEqual({ source: 'file', cypher: false });
      const search = await get('api/search?q=ispk');
      expect(search.body[0]).toMatchObject({ id: 'group/islamic-state-khorasan' });
      const around = await get('api/neighbours/group%2Fislamic-state-khorasan');
      expect((around.body.nodes as unknown[]).length).toBeGreaterThan(5);
      const query = `api/path?from=country%2Firan&to=${encodeURIComponent(String((search.body[0] as { id: string }).id))}`;
      const path = await get(query);
      expect(path.status).toBe(200);
      // The paths the database finds for the same two entities: as many, as long, each a real chain of steps.
      const fromStore = await startViewer({ neo4jUri: testNeo4jUri(), quiet: true }, { port: 0, host: '127.0.0.1' });
      const stored = (await (await fetch(new URL(query, fromStore.url))).json()) as { paths: Array<{ nodes: string[]; edges: string[] }> };
      await fromStore.stop();
      const served = path.body.paths as unknown as Array<{ nodes: string[]; edges: string[] }>;
      expect(stored.paths).toHaveLength(3);
      expect(served.map((p) => p.edges.length)).toEqual(stored.paths.map((p) => p.edges.length).sort((a, b) => a - b));
      expect(new Set(served.map((p) => p.edges.join(' '))).size).toBe(3);
      for (const p of served) {
        p.edges.forEach((edge, i) => expect([`${p.nodes[i]}|`, `${p.nodes[i + 1]}|`].some((end) => edge.startsWith(end)) && [`|${p.nodes[i]}`, `|${p.nodes[i + 1]}`].some((end) => edge.endsWith(end))).toBe(true));
      }
      const evidence = await get('api/evidence?source=country%2Frussia&type=ACCUSED&target=country%2Fukraine');
      expect((evidence.body.evidence as Array<{ title: string }>)[0]!.title.length).toBeGreaterThan(0);
      const bad = await get('api/search?q=');
      expect(bad.status).toBe(400);
      const cypher = await fetch(new URL('api/cypher', viewer.url), { method: 'POST', body: JSON.stringify({ query: 'MATCH (n) RETURN n' }), headers: { 'Content-Type': 'application/json', Origin: new URL(viewer.url).origin } });
      expect(cypher.status).toBe(400);
      expect(((await cypher.json()) as { error: string }).error).toMatch(/needs a database/);
    } finally {
      await viewer.stop();
    }
  });
});

describe('kg serve over Neo4j', () => {
  it('answers /api/evidence with every sentence of a relationship and the titles of its articles', async () => {
    const [edge] = (await runCheckedQuery(store.connection, 'MATCH (s:Entity)-[r:ACCUSED]->(t:Entity) WITH s, t, COLLECT { MATCH (v:Evidence {source: s.id, type: type(r), target: t.id}) RETURN v ORDER BY v.doc, v.start } AS items WHERE size(items) > 0 RETURN s.id AS source, t.id AS target, [v IN items | v.text] AS evidence, [v IN items | v.doc] AS docs LIMIT 1', {}, { write: false, timeoutMs: 30_000, limit: 1 })).rows;
    expect(edge).toBeDefined();
    const { startViewer } = await import('../../src/cli/serve-command.js');
    const viewer = await startViewer({ neo4jUri: testNeo4jUri(), quiet: true }, { port: 0, host: '127.0.0.1' });
    try {
      const response = await fetch(new URL(`api/evidence?${new URLSearchParams({ source: String(edge!.source), type: 'ACCUSED', target: String(edge!.target) })}`, viewer.url));
      const body = (await response.json()) as { type: string; evidence: Array<{ text: string; doc: string; title: string; source: string }> };
      expect(response.status, JSON.stringify(body)).toBe(200);
      expect(body.type).toBe('ACCUSED');
      expect(body.evidence.map((e) => e.text)).toEqual(edge!.evidence);
      expect(body.evidence.map((e) => e.doc)).toEqual(edge!.docs);
      for (const e of body.evidence) {
        expect(e.title.length).toBeGreaterThan(0);
        expect(e.source).toMatch(/\.(txt|md|html?)$/);
      }
      const missing = await fetch(new URL('api/evidence?source=country%2Fnowhere&type=ACCUSED&target=country%2Fukraine', viewer.url));
      expect(missing.status).toBe(400);
    } finally {
      await viewer.stop();
    }
  });
});
