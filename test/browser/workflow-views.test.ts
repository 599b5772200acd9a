// The analyst's views in Chromium against the real Neo4j, on invented reports of three attacks in one year:
// split-alias, retype and reject-figure from the panel (applied, listed, undone, and kept by a fresh ingest),
// "as of" and the brush in the link, a Cypher-built view that keeps its recipe through a correction and a date
// change, a case file that opens with its paths and rows, and a brush that narrows by days.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/cli/ingest-command.js';
import { SerializedGraph } from '../../src/model/api.js';
import { CorrectionRecord } from '../../src/model/corrections.js';
import { openSession, type Connection } from '../../src/store/connection.js';
import { readRows } from '../../src/store/run-query.js';
import { brushTimeline, clearState, closeViewerSession, openViewerSession, type ViewerSession } from '../helpers/viewer-page.js';

const articles = mkdtempSync(join(tmpdir(), 'kg-views-'));
const REPORTS: Record<string, string> = {
  'garissa.txt': 'Bombing at a bus station in Garissa\n\nPublished: 2034-03-06\n\nA bombing at a bus station in Garissa killed 9 people on 4 March 2034, police said. Al-Shabaab claimed responsibility for the bombing.\n',
  'garissa-toll.txt': 'Toll rises after Garissa bus station bombing\n\nPublished: 2034-03-09\n\nThe toll from the bombing at a bus station in Garissa rose to 12 dead, officials said. Harakat al-Shabaab al-Mujahideen said it carried out the bombing.\n',
  'lamu.txt': 'Gunmen attack a hotel in Lamu\n\nPublished: 2034-09-14\n\nGunmen attacked a hotel in Lamu on 12 September 2034, killing 5 people and injuring 8, police said. Al-Shabaab claimed the attack.\n',
  'mandera.txt': 'Explosion at a market in Mandera\n\nPublished: 2034-11-21\n\nAn explosion at a market in Mandera killed 3 people on 20 November 2034. Kenya blamed al-Shabab for the explosion.\n',
};
const GROUP = 'group/al-shabaab';
const ALIAS = 'Harakat al-Shabaab al-Mujahideen';
// The attacks' ids, as the store gave them (by the place each happened in).
let GARISSA: string;
let LAMU: string;
let MANDERA: string;

let session: ViewerSession;
let connection: Connection;
let page: Page;
let url: string;

type Kg = {
  graph: { nodes(): string[]; getNodeAttribute(n: string, a: string): unknown };
  shown(): { nodes: Set<string> };
  select(n: string | undefined): void;
  state(): { selected?: string; asOf?: string; dateFrom?: string; dateTo?: string; steps: unknown[] };
};
const kg = (p: Page = page) => ({
  nodes: () => p.evaluate(() => (globalThis as unknown as { kg: Kg }).kg.graph.nodes().sort()),
  shown: () => p.evaluate(() => [...(globalThis as unknown as { kg: Kg }).kg.shown().nodes].sort()),
  state: () => p.evaluate(() => (globalThis as unknown as { kg: Kg }).kg.state()),
  attribute: (n: string, a: string) => p.evaluate(([node, key]) => (globalThis as unknown as { kg: Kg }).kg.graph.getNodeAttribute(node!, key!), [n, a]),
  select: (n: string) => p.evaluate((node) => (globalThis as unknown as { kg: Kg }).kg.select(node), n),
});
const rows = (cypher: string, params: Record<string, unknown> = {}) => readRows(connection, cypher, params);

async function settled(selector: string): Promise<string> {
  await page.waitForSelector(`${selector}[data-state=done], ${selector}[data-state=error]`, { timeout: 20_000 });
  expect(await page.getAttribute(selector, 'data-state'), (await page.textContent(selector)) ?? '').toBe('done');
  return (await page.textContent(selector)) ?? '';
}

/** A correction from the panel, with its reason; waits until the page shows the corrected graph. */
async function correct(button: string, reason: string): Promise<string> {
  await page.fill('#fix-reason', reason);
  await clearState(page, '#correction-status');
  await page.click(button);
  return settled('#correction-status');
}

async function undo(): Promise<void> {
  await clearState(page, '#correction-status');
  await page.click('#correction-undo');
  await settled('#correction-status');
}

async function corrections(all = false): Promise<CorrectionRecord[]> {
  const answer = await fetch(new URL(`/api/corrections${all ? '?all=true' : ''}`, url));
  return CorrectionRecord.array().parse(await answer.json());
}

async function setAsOf(date: string): Promise<void> {
  await page.fill('#as-of', date);
  await page.dispatchEvent('#as-of', 'change');
  await page.waitForSelector('#graph[data-reload=done]', { timeout: 20_000 });
}

async function runCypher(query: string): Promise<void> {
  await page.fill('#cypher', query);
  await page.locator('#cypher-add').setChecked(false);
  await clearState(page, '#cypher-section');
  await page.click('#cypher-run');
  await settled('#cypher-section');
}

/** A fresh page on the viewer (no link state), ready. */
async function fresh(): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('#graph[data-ready=true]', { timeout: 30_000 });
}

beforeAll(async () => {
  for (const [name, text] of Object.entries(REPORTS)) writeFileSync(join(articles, name), text);
  session = await openViewerSession([articles]);
  ({ connection, page } = session);
  url = session.viewer.url;
  const attackIn = async (place: string) => String((await rows('MATCH (a:Attack)-[:OCCURRED_IN]->(:Location {id: $place}) RETURN a.id AS id', { place }))[0]!.id);
  [GARISSA, LAMU, MANDERA] = [await attackIn('location/garissa'), await attackIn('location/lamu'), await attackIn('location/mandera')];
});

afterAll(() => closeViewerSession(session, [articles]));

describe('split-alias, retype and reject-figure from the panel', () => {
  it('applies each at once, lists it, undoes it, and a fresh ingest keeps it', async () => {
    // Split: the alias becomes an entity of its own, in the store and on the page.
    await kg().select(GROUP);
    await page.selectOption('#fix-alias', ALIAS);
    await page.selectOption('#fix-alias-type', 'Organization');
    expect(await correct('#fix-split', 'the movement is tracked apart')).toContain('Done');
    const [split] = await rows('MATCH (e:Organization {name: $alias}) RETURN e.id AS id', { alias: ALIAS });
    const created = String(split!.id);
    expect((await rows('MATCH (e:Entity {id: $id}) RETURN e.aliases AS aliases', { id: GROUP }))[0]!.aliases).not.toContain(ALIAS);
    expect(await kg().nodes()).toContain(created);
    expect((await kg().attribute(GROUP, 'aliases')) as string[]).not.toContain(ALIAS);
    expect((await corrections()).map((c) => c.kind)).toEqual(['split-alias']);
    await undo();
    expect(await rows('MATCH (e:Entity {id: $id}) RETURN e', { id: created })).toEqual([]);
    expect((await rows('MATCH (e:Entity {id: $id}) RETURN e.aliases AS aliases', { id: GROUP }))[0]!.aliases).toContain(ALIAS);
    expect(await kg().nodes()).not.toContain(created);
    expect((await corrections(true)).map((c) => [c.kind, c.undone])).toEqual([['split-alias', true]]);
    await kg().select(GROUP);
    await page.selectOption('#fix-alias', ALIAS);
    await page.selectOption('#fix-alias-type', 'Organization');
    await correct('#fix-split', 'kept apart after all');

    // Retype: the label changes in the store and the type on the page.
    await kg().select('location/mandera');
    await page.selectOption('#fix-type', 'Organization');
    expect(await correct('#fix-retype', 'the market company, not the town')).toContain('Done');
    expect(await rows("MATCH (e:Organization {id: 'location/mandera'}) WHERE NOT e:Location RETURN e.type AS type")).toEqual([{ type: 'Organization' }]);
    expect(await kg().attribute('location/mandera', 'type')).toBe('Organization');
    await undo();
    expect(await rows("MATCH (e:Location {id: 'location/mandera'}) RETURN e.type AS type")).toEqual([{ type: 'Location' }]);
    expect(await kg().attribute('location/mandera', 'type')).toBe('Location');
    await kg().select('location/mandera');
    await page.selectOption('#fix-type', 'Organization');
    await correct('#fix-retype', 'the market company after all');

    // Reject one source's figure: the other source's figure stays.
    await kg().select(GARISSA);
    const options = await page.locator('#fix-figure option').evaluateAll((os) => os.map((o) => [o.getAttribute('value') ?? '', o.textContent ?? '']));
    const nine = options.find(([, text]) => text.startsWith('deaths = 9 '))!;
    await page.selectOption('#fix-figure', nine[0]!);
    expect(await correct('#fix-reject-figure', 'the first count was superseded')).toContain('Done');
    const deaths = async () => (await rows("MATCH (c:Claim {key: 'deaths'})-[:ABOUT]->(:Attack {id: $id}) RETURN c.value AS v ORDER BY v", { id: GARISSA })).map((r) => r.v);
    const reported = async () => ((await kg().attribute(GARISSA, 'reports')) as Array<{ key: string; value: unknown }>).filter((r) => r.key === 'deaths').map((r) => r.value);
    expect(await deaths()).toEqual([12]);
    expect(await reported()).toEqual([12]);
    await undo();
    expect(await deaths()).toEqual([9, 12]);
    expect((await reported()).sort((a, b) => Number(a) - Number(b))).toEqual([9, 12]);
    await kg().select(GARISSA);
    await page.selectOption('#fix-figure', nine[0]!);
    await correct('#fix-reject-figure', 'superseded after all');
    expect((await corrections()).map((c) => c.kind)).toEqual(['split-alias', 'retype', 'reject-figure']);

    // The same articles ingested again into a store emptied of all but the corrections: each still holds.
    const write = openSession(connection, 'WRITE');
    await write.run('MATCH (n) WHERE NOT n:Correction DETACH DELETE n');
    await write.close();
    await ingestPaths(connection, [articles], { batch: 25, maxMb: 10 }, { quiet: true });
    expect(await rows('MATCH (e:Organization {id: $id}) RETURN e.name AS name', { id: created })).toEqual([{ name: ALIAS }]);
    expect((await rows('MATCH (e:Entity {id: $id}) RETURN e.aliases AS aliases', { id: GROUP }))[0]!.aliases).not.toContain(ALIAS);
    expect(await rows("MATCH (e:Entity {id: 'location/mandera'}) RETURN labels(e) AS labels, e.type AS type")).toEqual([{ labels: expect.arrayContaining(['Organization']) as unknown, type: 'Organization' }]);
    expect(await deaths()).toEqual([12]);
    await fresh();
    expect(await kg().nodes()).toContain(created);
    expect(session.errors).toEqual([]);
  });
});

describe('"as of" and the brush in the link', () => {
  it('a reload and a shared link show the same date, range and graph', async () => {
    await fresh();
    await setAsOf('2034-03-07');
    await brushTimeline(page, GARISSA, LAMU);
    await expect.poll(async () => (await kg().state()).dateFrom).toBeDefined();
    const state = await kg().state();
    const nodes = await kg().nodes();
    const shown = await kg().shown();
    expect(page.url()).toContain('asOf=2034-03-07');
    expect(page.url()).toContain(`dateFrom=${state.dateFrom}`);
    // As of 7 March only the first report is out: the later attacks are not known yet.
    expect(nodes).toContain(GARISSA);
    expect(nodes).not.toContain(LAMU);

    const other = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await other.goto(page.url());
      await other.waitForSelector('#graph[data-ready=true]', { timeout: 30_000 });
      expect(await other.inputValue('#as-of')).toBe('2034-03-07');
      expect(await other.textContent('#as-of-state')).toContain('2034-03-07');
      const linked = await kg(other).state();
      expect([linked.asOf, linked.dateFrom, linked.dateTo]).toEqual([state.asOf, state.dateFrom, state.dateTo]);
      expect(await kg(other).nodes()).toEqual(nodes);
      expect(await kg(other).shown()).toEqual(shown);
      await expect.poll(() => other.locator('#timeline-strip rect.brush').count()).toBe(1);
    } finally {
      await other.close();
    }
    await page.reload();
    await page.waitForSelector('#graph[data-ready=true]', { timeout: 30_000 });
    expect(await page.inputValue('#as-of')).toBe('2034-03-07');
    expect(await kg().nodes()).toEqual(nodes);
    expect(session.errors).toEqual([]);
  });
});

describe('a view built from Cypher', () => {
  it('keeps its recipe through a correction and a new "as of" date', async () => {
    await fresh();
    const query = 'MATCH (g:Group)-[r]->(a:Attack) RETURN g, r, a';
    await runCypher(query);
    const built = (await rows('MATCH (g:Group)-[]->(a:Attack) RETURN collect(DISTINCT g.id) + collect(DISTINCT a.id) AS ids'))[0]!.ids as string[];
    expect(await kg().nodes()).toEqual([...built].sort());
    const everything = (await rows('MATCH (e:Entity) RETURN count(e) AS n'))[0]!.n as number;
    expect(built.length).toBeLessThan(everything);

    // A rename: the same view, with the new name; the query is still its recipe.
    await kg().select(GROUP);
    await page.fill('#fix-name', 'Shabaab movement');
    expect(await correct('#fix-rename', 'house style')).toContain('Done');
    expect(await kg().nodes()).toEqual([...built].sort());
    expect(await kg().attribute(GROUP, 'label')).toBe('Shabaab movement');
    expect((await kg().state()).steps).toEqual([{ cypher: query, add: false }]);
    expect(await page.textContent('#panel h2')).toBe('Shabaab movement');

    // As of 7 March the query's entities are those known then; back to now, all of them again.
    await setAsOf('2034-03-07');
    const known = SerializedGraph.parse(await (await fetch(new URL('/api/as-of?asOf=2034-03-07', url))).json()).nodes.map((n) => n.key);
    expect(await kg().nodes()).toEqual(built.filter((id) => known.includes(id)).sort());
    expect(await kg().nodes()).toContain(GARISSA);
    expect(await kg().nodes()).not.toContain(LAMU);
    expect((await kg().state()).steps).toEqual([{ cypher: query, add: false }]);
    await page.click('#as-of-clear');
    await page.waitForSelector('#graph[data-reload=done]', { timeout: 20_000 });
    expect(await kg().nodes()).toEqual([...built].sort());
    await undo();
    expect(await kg().attribute(GROUP, 'label')).not.toBe('Shabaab movement');
    expect(await kg().nodes()).toEqual([...built].sort());
    expect(session.errors).toEqual([]);
  });
});

describe('a case file', () => {
  it('opens with its expansion, its paths and its Cypher rows as saved', async () => {
    await fresh();
    await page.locator('#hide-isolated').setChecked(false);
    await runCypher(`MATCH (a:Attack {id: '${LAMU}'}) RETURN a.id AS id, a.name AS name, a`);
    await kg().select(LAMU);
    await page.click('#expand');
    await expect.poll(() => kg().nodes()).toContain('location/lamu');
    await page.fill('#path-from', 'Lamu');
    await page.fill('#path-to', 'Garissa');
    await page.click('#path-run');
    await page.waitForSelector('#path-result[data-path]');
    const path = await page.getAttribute('#path-result', 'data-path');
    const listed = await page.locator('#path-list li').evaluateAll((items) => items.map((i) => i.getAttribute('data-path')));
    const nodes = await kg().shown();
    const resultRows = await page.locator('#results-table tbody tr').count();
    expect(path!.split('|').length).toBeGreaterThan(2);
    expect(resultRows).toBe(1);

    await page.fill('#case-name', 'coast attacks');
    await clearState(page, '#case-status');
    await page.click('#case-save');
    await settled('#case-status');

    await fresh();
    expect(await page.locator('#path-list li').count()).toBe(0);
    await page.selectOption('#case-list', 'coast attacks');
    await clearState(page, '#case-status');
    await page.click('#case-open');
    await settled('#case-status');
    expect(await kg().nodes()).toEqual(nodes);
    expect(await page.getAttribute('#path-result', 'data-path')).toBe(path);
    expect(await page.locator('#path-list li').evaluateAll((items) => items.map((i) => i.getAttribute('data-path')))).toEqual(listed);
    expect(await page.locator('#path-list li[aria-selected=true]').count()).toBe(1);
    expect(await page.isHidden('#results')).toBe(false);
    expect(await page.locator('#results-table tbody tr').count()).toBe(resultRows);
    expect(await page.locator('#results-table tbody').textContent()).toContain(LAMU);
    expect((await kg().state()).steps).toEqual([{ case: 'coast attacks' }]);
    expect(session.errors).toEqual([]);
  });
});

describe('brushing the timeline', () => {
  it('narrows by days: a range inside one year keeps only the attacks in it', async () => {
    await fresh();
    await page.locator('#hide-isolated').setChecked(false);
    const all = await kg().shown();
    expect(all).toEqual(expect.arrayContaining([GARISSA, LAMU, MANDERA]));
    await brushTimeline(page, GARISSA, LAMU);
    await expect.poll(async () => (await kg().state()).dateTo).toBeDefined();
    const { dateFrom, dateTo } = await kg().state();
    expect(dateFrom! <= '2034-03-04' && dateTo! >= '2034-09-12' && dateTo! < '2034-11-20', `${dateFrom} – ${dateTo}`).toBe(true);
    const shown = await kg().shown();
    expect(shown).toEqual(expect.arrayContaining([GARISSA, LAMU]));
    expect(shown).not.toContain(MANDERA);
    // Every other entity is untouched by the attack dates.
    expect(shown).toEqual(all.filter((n) => n !== MANDERA));
    expect(session.errors).toEqual([]);
  });
});
