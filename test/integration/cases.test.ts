// Case files against the real Neo4j: save a view under a name, list, show, rename, delete, and export it as a
// self-contained HTML report with every evidence sentence and its article; the CLI and the API.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportCaseReport } from '../../src/cli/case-command.js';
import { ingestPaths } from '../../src/cli/ingest-command.js';
import { CaseView } from '../../src/model/cases.js';
import { closeConnection, openSession, type Connection } from '../../src/store/connection.js';
import { deleteCase, getCase, listCases, renameCase, saveCase } from '../../src/store/cases.js';
import { applySchema } from '../../src/store/schema.js';
import { createApp } from '../../src/server/app.js';
import { requestLocally } from '../helpers/local-request.js';
import { Neo4jSource } from '../../src/server/sources.js';
import { connectForTest, testNeo4jUri, wipe } from '../helpers/neo4j.js';
import { runKg } from '../helpers/run-kg.js';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kg-cases-'));
const kg = (args: string[]) => runKg(args, { NEO4J_URI: testNeo4jUri() });
const HOSTILE = '<script>alert(1)</script> & "quotes"';
let connection: Connection;

const view = CaseView.parse({
  selection: ['group/islamic-state', 'attack/moscow', 'group/islamic-state-khorasan'],
  positions: { 'group/islamic-state': { x: 0, y: 0 }, 'attack/moscow': { x: 10, y: 5 }, 'group/islamic-state-khorasan': { x: -4, y: 8 } },
  paths: [['group/islamic-state-khorasan', 'group/islamic-state']],
  cypher: [{ query: 'MATCH (g:Group) RETURN g.name AS name', columns: ['name'], rows: [{ name: 'Islamic State' }] }],
  notes: { entities: { 'attack/moscow': 'Check the toll against the official one.' }, relationships: { 'group/islamic-state|CLAIMED|attack/moscow': HOSTILE } },
});

beforeAll(async () => {
  connection = await connectForTest();
  await wipe(connection);
  await ingestPaths(connection, [seeds], { batch: 25, maxMb: 10 }, { quiet: true });
  await applySchema(connection);
});
beforeEach(async () => {
  const session = openSession(connection, 'WRITE');
  await session.run('MATCH (c:Case) DELETE c');
  await session.close();
});
afterAll(async () => {
  await wipe(connection);
  await closeConnection(connection);
  rmSync(dir, { recursive: true, force: true });
});

describe('case files', () => {
  it('saves a view under a name; lists, opens, renames and deletes it; refuses taken and unknown names', async () => {
    const saved = await saveCase(connection, 'Crocus claims', view, { overwrite: false, by: 'ana' });
    expect(saved).toMatchObject({ name: 'Crocus claims', by: 'ana', view });
    await expect(saveCase(connection, 'Crocus claims', view, { overwrite: false })).rejects.toMatchObject({ name: 'CaseError', message: expect.stringContaining('exists') });
    await saveCase(connection, 'Crocus claims', { ...view, selection: ['attack/moscow'] }, { overwrite: true });
    expect((await getCase(connection, 'Crocus claims')).view.selection).toEqual(['attack/moscow']);
    await saveCase(connection, 'another', view, { overwrite: false });
    expect((await listCases(connection)).map((c) => c.name)).toEqual(['another', 'Crocus claims']);
    await renameCase(connection, 'Crocus claims', 'Crocus: who claimed it');
    await expect(renameCase(connection, 'another', 'Crocus: who claimed it')).rejects.toMatchObject({ message: expect.stringContaining('exists') });
    await expect(getCase(connection, 'Crocus claims')).rejects.toMatchObject({ name: 'CaseError' });
    await deleteCase(connection, 'another');
    expect((await listCases(connection)).map((c) => c.name)).toEqual(['Crocus: who claimed it']);
    await expect(deleteCase(connection, 'another')).rejects.toMatchObject({ message: 'No case named "another"' });
  });

  it('exports a case as one HTML page with the picture, notes and every evidence sentence with its article, all text escaped', async () => {
    await saveCase(connection, 'report', view, { overwrite: false, by: 'ana' });
    const file = join(dir, 'report.html');
    const counts = await exportCaseReport(connection, 'report', file);
    expect(counts.nodes).toBe(3);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script|<link|src=|url\(http/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('Check the toll against the official one.');
    expect(html).toMatch(/<svg[^>]*>.*<circle/s);
    expect((html.match(/<circle/g) ?? []).length).toBe(3);
    // Every evidence sentence of the relationships among the case's entities, with its article's title.
    const session = openSession(connection, 'READ');
    const edges = await session.run('MATCH (s:Entity)-[r]->(t:Entity) WHERE s.id IN $ids AND t.id IN $ids WITH s, r, t, COLLECT { MATCH (v:Evidence {source: s.id, type: type(r), target: t.id}) RETURN v } AS items RETURN [v IN items | v.text] AS evidence, [v IN items | COLLECT { MATCH (x:Document {id: v.doc}) RETURN x.title }[0]] AS titles', { ids: view.selection });
    await session.close();
    expect(edges.records.length).toBeGreaterThan(1);
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    for (const record of edges.records) {
      for (const sentence of record.get('evidence') as string[]) expect(html).toContain(escape(sentence));
      for (const title of record.get('titles') as string[]) expect(html).toContain(escape(title));
    }
    expect(html).toContain('Islamic State Khorasan Province → Islamic State');
    expect(html).toContain('2024-03-24');
  });

  it('works from the command line and over the API', async () => {
    const viewFile = join(dir, 'view.json');
    writeFileSync(viewFile, JSON.stringify({ positions: { 'country/russia': { x: 1, y: 2 } } }));
    const saved = await kg(['case', 'save', 'warnings', '--file', viewFile, '--entities', 'Russia,Iran', '--note', 'Iran=warned in January', '--by', 'cli']);
    expect(saved.stderr).toBe('');
    expect(saved.stdout).toContain('Saved case "warnings" (2 entities)');
    expect((await kg(['case', 'list'])).stdout).toMatch(/^warnings\s+2 entities/);
    expect(JSON.parse((await kg(['case', 'show', 'warnings'])).stdout).view.notes.entities).toEqual({ 'country/iran': 'warned in January' });
    const report = join(dir, 'warnings.html');
    expect((await kg(['case', 'export', 'warnings', '-o', report])).code).toBe(0);
    expect(readFileSync(report, 'utf8')).toContain('warned in January');
    const missing = await kg(['case', 'export', 'nothing', '-o', report]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No case named "nothing"');
    const unknownEntity = await kg(['case', 'save', 'x', '--entities', 'Atlantis']);
    expect(unknownEntity.code).toBe(2);

    const app = createApp(new Neo4jSource(connection), dir);
    const json = (method: string, path: string, body?: unknown) => requestLocally(app, path, { method, ...(body ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {}) });
    expect((await json('POST', '/api/cases', { name: 'api case', view })).status).toBe(201);
    expect((await json('POST', '/api/cases', { name: 'api case', view })).status).toBe(400);
    expect((await json('PUT', '/api/cases/api%20case', { view: { ...view, selection: ['country/iran'] } })).status).toBe(200);
    expect(((await (await json('GET', '/api/cases/api%20case')).json()) as { view: { selection: string[] } }).view.selection).toEqual(['country/iran']);
    expect((await json('POST', '/api/cases/api%20case/rename', { to: 'renamed' })).status).toBe(200);
    const page = await json('GET', '/api/cases/renamed/report');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<h1>renamed</h1>');
    expect((await json('GET', '/api/cases/nope/report')).status).toBe(404);
    expect((await json('POST', '/api/cases', { name: 'bad', view: { positions: { a: { x: 'left' } } } })).status).toBe(400);
    expect((await json('DELETE', '/api/cases/renamed')).status).toBe(200);
    expect(((await (await json('GET', '/api/cases')).json()) as Array<{ name: string }>).map((c) => c.name)).toEqual(['warnings']);
  });
});
