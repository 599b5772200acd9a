// Every relationship in Neo4j reaches the page exactly once, whatever way it arrives (first load, expanding a
// neighbourhood, a Cypher result added to the view, a path), reverse and parallel ones included; and the Cypher
// box shows rows of any shape in a sortable table with a CSV download and a notice when the cap cut them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/store/connection.js';
import { readRows } from '../../src/store/run-query.js';
import { closeViewerSession, openViewerSession, type ViewerSession } from '../helpers/viewer-page.js';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const articles = mkdtempSync(join(tmpdir(), 'kg-identity-'));
// Invented events: two countries warn each other (a reverse pair) and one accuses the other (a parallel edge).
const BORDER = `Border row deepens

Lithuania warned Belarus on Tuesday that troops massed near the frontier could provoke a crisis. Belarus warned Lithuania the next day against closing the crossing. Belarus accused Lithuania of spying, and Lithuania denied the charge.
`;

let session: ViewerSession | undefined;
let connection: Connection;
let viewer: { url: string; stop: () => Promise<void> };
let browser: Browser;
let page: Page;
let errors: string[];

type Kg = {
  graph: { nodes(): string[]; edges(): string[]; source(e: string): string; target(e: string): string; getEdgeAttribute(e: string, a: string): unknown; order: number };
  renderer: { getEdgeDisplayData(e: string): { hidden?: boolean } | undefined; refresh(): void };
};

/** The page's edges: key, the triple it stands for, and whether sigma draws it. */
const pageEdges = () =>
  page.evaluate(() => {
    const { graph, renderer } = (globalThis as unknown as { kg: Kg }).kg;
    renderer.refresh();
    return graph.edges().map((e) => ({ key: e, triple: `${graph.source(e)}|${String(graph.getEdgeAttribute(e, 'type'))}|${graph.target(e)}`, drawn: renderer.getEdgeDisplayData(e)?.hidden !== true }));
  });
const pageNodes = () => page.evaluate(() => (globalThis as unknown as { kg: Kg }).kg.graph.nodes());

/** The relationships Neo4j holds between the given entities (all of them when none are given). */
async function storedEdges(ids?: string[]): Promise<string[]> {
  const rows = await readRows(connection, 'MATCH (s:Entity)-[r]->(t:Entity) WHERE $ids IS NULL OR (s.id IN $ids AND t.id IN $ids) RETURN s.id + "|" + type(r) + "|" + t.id AS key', { ids: ids ?? null });
  return rows.map((r) => String(r.key)).sort();
}

/** The page holds exactly the stored relationships among its entities, once each, keyed by their triple. */
async function expectEveryStoredEdgeOnce(): Promise<Array<{ key: string; drawn: boolean }>> {
  const edges = await pageEdges();
  for (const e of edges) expect(e.key).toBe(e.triple);
  expect(edges.map((e) => e.key).sort()).toEqual(await storedEdges(await pageNodes()));
  return edges;
}

async function runCypher(query: string, add: boolean): Promise<void> {
  await page.fill('#cypher', query);
  await page.locator('#cypher-add').setChecked(add);
  await page.click('#cypher-run');
  await page.waitForSelector('#cypher-section[data-state=done], #cypher-section[data-state=error]');
  expect(await page.textContent('#cypher-error')).toBe('');
}

beforeAll(async () => {
  writeFileSync(join(articles, 'border.txt'), BORDER);
  session = await openViewerSession([seeds, articles]);
  ({ connection, viewer, browser, page, errors } = session);
});

afterAll(() => closeViewerSession(session, [articles]));

describe('relationships keep their identity', () => {
  it('draws every stored relationship exactly once on load, reverse and parallel ones included', async () => {
    const all = await storedEdges();
    expect(all).toEqual(expect.arrayContaining(['country/lithuania|WARNED|country/belarus', 'country/belarus|WARNED|country/lithuania', 'country/belarus|ACCUSED|country/lithuania']));
    const edges = await expectEveryStoredEdgeOnce();
    expect(edges.map((e) => e.key).sort()).toEqual(all);
    expect(edges.filter((e) => !e.drawn)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('keeps them once each after a Cypher view, an expansion, an added Cypher result and a path', async () => {
    await runCypher("MATCH (c:Country {name: 'Belarus'}) RETURN c", false);
    expect(await pageNodes()).toEqual(['country/belarus']);
    await page.evaluate(() => (globalThis as unknown as { kg: { select(n: string): void } }).kg.select('country/belarus'));
    await page.click('#expand');
    await expect.poll(async () => (await pageNodes()).length, { timeout: 15_000 }).toBeGreaterThan(1);
    const expanded = await expectEveryStoredEdgeOnce();
    expect(expanded.map((e) => e.key)).toEqual(expect.arrayContaining(['country/lithuania|WARNED|country/belarus', 'country/belarus|WARNED|country/lithuania']));

    // A result of relationships alone draws them with their ends, next to what is already shown.
    const before = (await pageEdges()).length;
    await runCypher("MATCH (:Group)-[r:CLAIMED]->(:Attack) RETURN r", true);
    // With nothing focused, every relationship shown is drawn.
    await page.evaluate(() => (globalThis as unknown as { kg: { select(n: string | undefined): void } }).kg.select(undefined));
    const added = await expectEveryStoredEdgeOnce();
    expect(added.length).toBeGreaterThan(before);
    expect(added.filter((e) => !e.drawn)).toEqual([]);

    // From an attack on the page to a person who is not: the path comes from the server and merges in.
    const [ends] = await readRows(connection, 'MATCH (:Group)-[:CLAIMED]->(a:Attack) MATCH p = SHORTEST 1 (a)(()--(:Entity)){1,6}(x:Person) RETURN a.name AS from, x.name AS to ORDER BY length(p) DESC, a.name, x.name LIMIT 1');
    expect(await pageNodes()).not.toContain(await readRows(connection, 'MATCH (x:Person {name: $name}) RETURN x.id AS id', { name: ends!.to }).then((r) => r[0]!.id));
    await page.fill('#path-from', String(ends!.from));
    await page.fill('#path-to', String(ends!.to));
    await page.click('#path-run');
    await page.waitForSelector('#path-list li, #path-result.error');
    expect(await page.textContent('#path-result')).toBe('');
    await expectEveryStoredEdgeOnce();
    expect(errors).toEqual([]);
  });
});

describe('the Cypher box', () => {
  it('shows value rows in a sortable table and leaves the view alone', async () => {
    const nodesBefore = await pageNodes();
    await runCypher('MATCH (a:Attack) RETURN a.name AS name, a.year AS year', false);
    expect(await pageNodes()).toEqual(nodesBefore);
    const stored = await readRows(connection, 'MATCH (a:Attack) RETURN a.name AS name, a.year AS year');
    expect(await page.locator('#results-table tbody tr').count()).toBe(stored.length);
    expect(await page.locator('#results-table th').allTextContents()).toEqual(['name', 'year']);
    await page.click('#results-table th button[data-column=name]');
    const names = await page.locator('#results-table tbody tr td:first-child').allTextContents();
    expect(names).toEqual(stored.map((r) => String(r.name)).sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
    await page.click('#results-table th button[data-column=name]');
    expect(await page.locator('#results-table tbody tr td:first-child').allTextContents()).toEqual([...names].reverse());
    expect(await page.locator('#results-table th').first().getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('#results-truncated').isHidden()).toBe(true);
  });

  it('downloads the rows as CSV in the order shown', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#results-csv')]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('name,year');
    const shown = await page.locator('#results-table tbody tr td:first-child').allTextContents();
    const firstCell = (line: string) => (line.startsWith('"') ? line.slice(1, line.indexOf('",')).replace(/""/g, '"') : line.slice(0, line.indexOf(',')));
    expect(csv.slice(1).map(firstCell)).toEqual(shown);
  });

  it('says so when the row cap cut the result', async () => {
    await runCypher('UNWIND range(1, 1500) AS n RETURN n', false);
    expect(await page.locator('#results-table tbody tr').count()).toBe(1000);
    expect(await page.locator('#results-truncated').isVisible()).toBe(true);
    expect(await page.textContent('#results-truncated')).toMatch(/first 1,000 rows/);
  });
});

describe('views that reproduce', () => {
  type Positions = Record<string, [number, number]>;
  const positionsOf = (p: Page) =>
    p.evaluate(() => {
      const { graph } = (globalThis as unknown as { kg: { graph: { nodes(): string[]; getNodeAttribute(n: string, a: string): unknown } } }).kg;
      return Object.fromEntries(graph.nodes().map((n) => [n, [Number(graph.getNodeAttribute(n, 'x')), Number(graph.getNodeAttribute(n, 'y'))]])) as Positions;
    });
  const cameraOf = (p: Page) => p.evaluate(() => (globalThis as unknown as { kg: { renderer: { getCamera(): { getState(): { x: number; y: number; ratio: number } } } } }).kg.renderer.getCamera().getState());
  const open = async (url: string) => {
    const fresh = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await fresh.goto(url);
    await fresh.waitForSelector('#graph[data-ready=true]', { timeout: 30_000 });
    return fresh;
  };

  it('lays the same graph out the same way on every load', async () => {
    const first = await open(viewer.url);
    const second = await open(viewer.url);
    const [a, b] = [await positionsOf(first), await positionsOf(second)];
    expect(Object.keys(a).length).toBeGreaterThan(10);
    expect(b).toEqual(a);
    await first.close();
    await second.close();
  });

  it('rebuilds a Cypher view and its expansions from the link, with the same positions and camera', async () => {
    await runCypher("MATCH (c:Country {name: 'Belarus'}) RETURN c", false);
    await page.evaluate(() => (globalThis as unknown as { kg: { select(n: string): void } }).kg.select('country/belarus'));
    await page.click('#expand');
    await expect.poll(async () => (await pageNodes()).length, { timeout: 15_000 }).toBeGreaterThan(1);
    await page.evaluate(() => (globalThis as unknown as { kg: { renderer: { getCamera(): { setState(s: { x: number; y: number; ratio: number }): void } } } }).kg.renderer.getCamera().setState({ x: 0.4, y: 0.6, ratio: 0.7 }));
    await expect.poll(() => new URL(page.url()).hash).toContain('camera=0.4000%2C0.6000%2C0.7000');
    expect(new URL(page.url()).hash).toContain('steps=');
    const linked = await open(page.url());
    expect((await pageNodes()).sort()).toEqual(await linked.evaluate(() => (globalThis as unknown as { kg: { graph: { nodes(): string[] } } }).kg.graph.nodes().sort()));
    expect(await positionsOf(linked)).toEqual(await positionsOf(page));
    const camera = await cameraOf(linked);
    expect([camera.x, camera.y, camera.ratio]).toEqual([0.4, 0.6, 0.7]);
    expect(await linked.evaluate(() => (globalThis as unknown as { kg: { state(): { selected?: string } } }).kg.state().selected)).toBe('country/belarus');
    await linked.close();
  });
});
