// The analyst's workflow in the viewer, in Chromium against the real Neo4j: the attacks table tied to the
// graph's selection, corrections from the panel (rename and its undo, merge, delete, reject a relationship)
// that change the store and the page at once, the timeline with its "as of" date, the map, and case files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerializedGraph } from '../../src/model/api.js';
import { loadGeocoder } from '../../src/resolve/geocode.js';
import { listAttacks } from '../../src/store/attacks.js';
import type { Connection } from '../../src/store/connection.js';
import { getCase, listCases } from '../../src/store/cases.js';
import { geocodeGraph } from '../../src/store/geocode.js';
import { readRows } from '../../src/store/run-query.js';
import { brushTimeline, clearState, closeViewerSession, openViewerSession, type ViewerSession } from '../helpers/viewer-page.js';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const articles = mkdtempSync(join(tmpdir(), 'kg-workflow-'));
// Invented reports of an invented attack, published on two days: the claim comes only in the later one.
const FIRST = 'Explosion at a ferry terminal in Mombasa\n\nPublished: 2033-06-03\n\nA bombing at a ferry terminal in Mombasa killed 11 people on Friday, police said.\n';
const SECOND = 'Group claims Mombasa ferry bombing\n\nPublished: 2033-06-08\n\nAl-Shabaab claimed responsibility for the bombing at a ferry terminal in Mombasa, which killed 14 people and left 30 injured.\n';

let session: ViewerSession;
let connection: Connection;
let page: Page;
let url: string;

type Kg = {
  graph: { nodes(): string[]; hasNode(n: string): boolean; hasEdge(e: string): boolean; getNodeAttribute(n: string, a: string): unknown; setNodeAttribute(n: string, a: string, v: unknown): void };
  shown(): { nodes: Set<string> };
  select(n: string | undefined): void;
  selectEdge(e: string): void;
  state(): { selected?: string };
};
const pageNodes = () => page.evaluate(() => (globalThis as unknown as { kg: Kg }).kg.graph.nodes().sort());
const select = (node: string) => page.evaluate((n) => (globalThis as unknown as { kg: Kg }).kg.select(n), node);
const one = async (cypher: string, params: Record<string, unknown> = {}) => (await readRows(connection, cypher, params))[0]!;

async function correct(button: string, reason: string): Promise<string> {
  await page.fill('#fix-reason', reason);
  await clearState(page, '#correction-status');
  await page.click(button);
  await page.waitForSelector('#correction-status[data-state=done], #correction-status[data-state=error]');
  return (await page.textContent('#correction-status')) ?? '';
}

beforeAll(async () => {
  writeFileSync(join(articles, 'first.txt'), FIRST);
  writeFileSync(join(articles, 'second.txt'), SECOND);
  session = await openViewerSession([seeds, articles]);
  ({ connection, page } = session);
  url = session.viewer.url;
  // Places on the map come from `kg geocode`; the page reads them when it loads.
  await geocodeGraph(connection, loadGeocoder());
  await page.reload();
  await page.waitForSelector('#graph[data-ready=true]', { timeout: 30_000 });
});

afterAll(() => closeViewerSession(session, [articles]));

describe('the attacks table', () => {
  it('lists every attack with its figures, sorts, filters and follows the selection both ways', async () => {
    const stored = await listAttacks(connection, { sort: 'date', desc: false });
    expect(stored.length).toBeGreaterThan(1);
    await page.click('#attacks-toggle');
    const rows = page.locator('#attacks-table tbody tr');
    expect(await rows.count()).toBe(stored.length);
    const withDeaths = stored.find((a) => a.spread.deaths)!;
    const deathsCell = page.locator(`#attacks-table tr[data-id="${withDeaths.id}"] td[data-column=deaths]`);
    expect(await deathsCell.textContent()).toContain(String(withDeaths.spread.deaths!.max));
    expect(await deathsCell.getAttribute('title')).toContain(withDeaths.deaths[0]!.sentence);

    // Sorting by deaths, highest first: the order the store's own figures give.
    await page.click('#attacks-table th button[data-column=deaths]');
    await page.click('#attacks-table th button[data-column=deaths]');
    expect(await page.getAttribute('#attacks-table th:has(button[data-column=deaths])', 'aria-sort')).toBe('descending');
    const order = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    const highest = stored.filter((a) => a.spread.deaths).sort((a, b) => b.spread.deaths!.max - a.spread.deaths!.max);
    expect(order.slice(0, highest.length).map((id) => stored.find((a) => a.id === id)!.spread.deaths!.max)).toEqual(highest.map((a) => a.spread.deaths!.max));

    // The filter keeps the rows that mention its text.
    await page.fill('#attacks-filter', 'Mombasa');
    const mombasa = stored.filter((a) => JSON.stringify([a.name, a.places]).includes('Mombasa'));
    expect(mombasa.length).toBeGreaterThan(0);
    expect((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')))).sort()).toEqual(mombasa.map((a) => a.id).sort());
    await page.fill('#attacks-filter', '');

    // A row selects its node; a node selected elsewhere marks its row.
    const [a, b] = stored;
    await page.click(`#attacks-table tr[data-id="${a!.id}"]`);
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { kg: Kg }).kg.state().selected)).toBe(a!.id);
    expect(await page.textContent('#panel h2')).toBe(a!.name);
    await select(b!.id);
    expect(await page.getAttribute(`#attacks-table tr[data-id="${b!.id}"]`, 'aria-selected')).toBe('true');
    expect(await page.getAttribute(`#attacks-table tr[data-id="${a!.id}"]`, 'aria-selected')).toBe('false');
    expect(session.errors).toEqual([]);
  });
});

describe('the map', () => {
  it('draws country outlines and the placed entities, tied to the selection, and names those not placed', async () => {
    await page.click('#map-toggle');
    const placed = await readRows(connection, 'MATCH (e:Entity) WHERE e.lat IS NOT NULL RETURN e.id AS id ORDER BY id');
    expect(placed.length).toBeGreaterThan(2);
    await expect.poll(() => page.locator('#map-drawing circle[data-id]').count()).toBe(placed.length);
    expect(await page.locator('#map-drawing .countries path').count()).toBeGreaterThan(150);
    const dots = await page.locator('#map-drawing circle[data-id]').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-id')).sort());
    expect(dots).toEqual(placed.map((r) => r.id));
    // Dots sit where their coordinates are: Mombasa (east Africa) lies right of and below Moscow.
    const at = async (id: string) => page.locator(`#map-drawing circle[data-id="${id}"]`).evaluate((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]);
    const [mombasa, moscow] = [await at('location/mombasa'), await at('location/moscow')];
    expect(mombasa[0]).toBeGreaterThan(moscow[0]!);
    expect(mombasa[1]).toBeGreaterThan(moscow[1]!);

    await page.dispatchEvent('#map-drawing circle[data-id="location/mombasa"]', 'click');
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { kg: Kg }).kg.state().selected)).toBe('location/mombasa');
    await select('location/moscow');
    expect(await page.getAttribute('#map-drawing circle[data-id="location/moscow"]', 'class')).toBe('selected');
    expect(await page.getAttribute('#map-drawing circle[data-id="location/mombasa"]', 'class')).toBe('');

    const unplaced = await readRows(connection, 'MATCH (e:Location|Country) WHERE e.lat IS NULL RETURN e.name AS name');
    const message = (await page.textContent('#map-unplaced')) ?? '';
    for (const { name } of unplaced) expect(message).toContain(String(name));
    expect(session.errors).toEqual([]);
  });
});

describe('corrections from the panel', () => {
  it('renames and undoes it, in the store and on the page', async () => {
    const { id, name } = await one('MATCH (c:Country)-[]-() RETURN c.id AS id, c.name AS name ORDER BY c.id LIMIT 1');
    await select(String(id));
    // Without a reason nothing is sent.
    await page.fill('#fix-name', 'Renamed Land');
    await page.click('#fix-rename');
    expect(await page.getAttribute('#correction-status', 'data-state')).toBe('error');
    expect((await one('MATCH (c:Entity {id: $id}) RETURN c.name AS name', { id })).name).toBe(name);

    await page.fill('#fix-name', 'Renamed Land');
    expect(await correct('#fix-rename', 'house style')).toContain('Done');
    expect((await one('MATCH (c:Entity {id: $id}) RETURN c.name AS name', { id })).name).toBe('Renamed Land');
    expect(await page.evaluate((n) => (globalThis as unknown as { kg: Kg }).kg.graph.getNodeAttribute(n, 'label'), String(id))).toBe('Renamed Land');
    expect(await page.textContent('#panel h2')).toBe('Renamed Land');

    await clearState(page, '#correction-status');
    await page.click('#correction-undo');
    await page.waitForSelector('#correction-status[data-state=done]');
    expect((await one('MATCH (c:Entity {id: $id}) RETURN c.name AS name', { id })).name).toBe(name);
    expect(await page.evaluate((n) => (globalThis as unknown as { kg: Kg }).kg.graph.getNodeAttribute(n, 'label'), String(id))).toBe(name);
    expect(await page.isDisabled('#correction-undo')).toBe(true);
  });

  it('merges two entities, deletes one and rejects a relationship', async () => {
    const [keep, drop] = (await readRows(connection, 'MATCH (c:Country)-[]-() WITH DISTINCT c ORDER BY c.id LIMIT 2 RETURN c.id AS id, c.name AS name')).map((r) => ({ id: String(r.id), name: String(r.name) }));
    await select(keep!.id);
    await page.fill('#fix-merge', drop!.id);
    expect(await correct('#fix-merge-run', 'one country here')).toContain('Done');
    expect(await readRows(connection, 'MATCH (c:Entity {id: $id}) RETURN c', { id: drop!.id })).toEqual([]);
    expect(await pageNodes()).not.toContain(drop!.id);
    expect(await pageNodes()).toContain(keep!.id);
    // Undoing the merge brings the dropped entity back, in the store and on the page.
    await clearState(page, '#correction-status');
    await page.click('#correction-undo');
    await page.waitForSelector('#correction-status[data-state=done]');
    expect(await readRows(connection, 'MATCH (c:Entity {id: $id}) RETURN c.name AS name', { id: drop!.id })).toEqual([{ name: drop!.name }]);
    expect(await pageNodes()).toContain(drop!.id);

    const { id: gone } = await one('MATCH (p:Person)-[]-() RETURN p.id AS id ORDER BY p.id LIMIT 1');
    await select(String(gone));
    expect(await correct('#fix-delete', 'not a party')).toContain('Done');
    expect(await readRows(connection, 'MATCH (c:Entity {id: $id}) RETURN c', { id: gone })).toEqual([]);
    expect(await pageNodes()).not.toContain(gone);
    expect(await page.isHidden('#panel')).toBe(true);

    const edge = await one('MATCH (s:Entity)-[r]->(t:Entity) WHERE NOT type(r) IN ["MENTIONED_IN"] RETURN s.id + "|" + type(r) + "|" + t.id AS key, s.id AS s, type(r) AS type, t.id AS t ORDER BY key LIMIT 1');
    const key = String(edge.key);
    expect(await page.evaluate((e) => (globalThis as unknown as { kg: Kg }).kg.graph.hasEdge(e), key)).toBe(true);
    await page.evaluate((e) => (globalThis as unknown as { kg: Kg }).kg.selectEdge(e), key);
    expect(await correct('#fix-reject', 'misread')).toContain('Done');
    expect(await readRows(connection, `MATCH (:Entity {id: $s})-[r:${String(edge.type)}]->(:Entity {id: $t}) RETURN r`, { s: edge.s, t: edge.t })).toEqual([]);
    expect(await page.evaluate((e) => (globalThis as unknown as { kg: Kg }).kg.graph.hasEdge(e), key)).toBe(false);
    expect(session.errors).toEqual([]);
  });
});

describe('the timeline and "as of"', () => {
  it('places attacks and documents on their own dates and shows the graph as of a date', async () => {
    const timeline = (await (await fetch(new URL('/api/timeline', url))).json()) as { attacks: Array<{ id: string; date: string | null }>; documents: Array<{ published: string | null }> };
    expect(await page.locator('#timeline-strip circle.attack').count()).toBe(timeline.attacks.filter((a) => a.date && /^\d{4}/.test(a.date)).length);
    expect(await page.locator('#timeline-strip rect.document').count()).toBe(timeline.documents.filter((d) => d.published && /^\d{4}/.test(d.published)).length);

    const all = await pageNodes();
    const asOf = async (date: string) => SerializedGraph.parse(await (await fetch(new URL(`/api/as-of?asOf=${date}`, url))).json()).nodes.map((n) => n.key).sort();
    const early = await asOf('2033-06-05');
    expect(early.length).toBeGreaterThan(0);
    await page.fill('#as-of', '2033-06-05');
    await page.dispatchEvent('#as-of', 'change');
    await expect.poll(pageNodes, { timeout: 15_000 }).toEqual(early);
    expect(early.length).toBeLessThan(all.length);
    expect(await page.textContent('#as-of-state')).toContain('2033-06-05');
    // The claim came later: as of the first report nobody has claimed the bombing.
    expect(early.some((n) => n.startsWith('group/al-shabaab'))).toBe(false);
    expect(await page.locator('#timeline-strip line.as-of').count()).toBe(1);

    await page.fill('#as-of', '2033-06-09');
    await page.dispatchEvent('#as-of', 'change');
    const later = await asOf('2033-06-09');
    await expect.poll(pageNodes, { timeout: 15_000 }).toEqual(later);
    expect(later.length).toBeGreaterThan(early.length);
    expect(later.some((n) => n.startsWith('group/al-shabaab'))).toBe(true);

    await page.click('#as-of-clear');
    await page.waitForSelector('#graph[data-reload=done]', { timeout: 15_000 });
    expect(await pageNodes()).toEqual(all);

    // Brushing from one attack's dot to another's filters the graph to the attack dates between them.
    // A partial date ("2024", "2024-03") stands on the strip at its first day.
    const dayOf = (t: { date: string | null }) => {
      const d = t.date!.slice(0, 10);
      return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
    };
    const dated = timeline.attacks.filter((t) => t.date && /^\d{4}/.test(t.date)).sort((a, b) => dayOf(a).localeCompare(dayOf(b)));
    const last = dated.at(-1)!;
    const [first, before] = [dated[0]!, dated.filter((t) => dayOf(t) < dayOf(last)).at(-1)!];
    expect(dayOf(before) > dayOf(first)).toBe(true);
    await brushTimeline(page, first.id, before.id);
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { kg: { state(): { dateFrom?: string } } }).kg.state().dateFrom)).toBeDefined();
    const range = await page.evaluate(() => (globalThis as unknown as { kg: { state(): { dateFrom?: string; dateTo?: string } } }).kg.state());
    expect(range.dateFrom! <= dayOf(first) && range.dateTo! >= dayOf(before)).toBe(true);
    expect(await page.locator('#timeline-strip rect.brush').count()).toBe(1);
    const shownNow = await page.evaluate(() => [...(globalThis as unknown as { kg: Kg }).kg.shown().nodes]);
    for (const t of dated) {
      if (dayOf(t) < range.dateFrom! || dayOf(t) > range.dateTo!) expect(shownNow).not.toContain(t.id);
    }
    expect(shownNow).toContain(before.id);
    // A click on the shading lets every date through again.
    await page.locator('#timeline-strip rect.brush').dispatchEvent('click');
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { kg: { state(): { dateFrom?: string } } }).kg.state().dateFrom)).toBeUndefined();
    expect(await page.locator('#timeline-strip rect.brush').count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});

describe('case files', () => {
  it('saves the view with a note, opens it again after the view changed, renames and deletes it', async () => {
    const { id } = await one('MATCH (a:Attack)-[]-() RETURN a.id AS id ORDER BY a.id LIMIT 1');
    const attack = String(id);
    await page.locator('#hide-isolated').setChecked(false);
    await select(attack);
    await page.fill('#case-note', 'check the second toll');
    const shownNodes = await page.evaluate(() => [...(globalThis as unknown as { kg: Kg }).kg.shown().nodes].sort());
    const x = await page.evaluate((n) => Number((globalThis as unknown as { kg: Kg }).kg.graph.getNodeAttribute(n, 'x')), attack);

    const act = async (button: string) => {
      await clearState(page, '#case-status');
      await page.click(button);
      await page.waitForSelector('#case-status[data-state=done], #case-status[data-state=error]');
      expect(await page.getAttribute('#case-status', 'data-state')).toBe('done');
    };
    await page.fill('#case-name', 'ferry case');
    await act('#case-save');
    const saved = await getCase(connection, 'ferry case');
    expect([...saved.view.selection].sort()).toEqual(shownNodes);
    expect(saved.view.notes.entities[attack]).toBe('check the second toll');
    expect(saved.view.filters).toMatchObject({ hideIsolated: false, selected: attack });
    expect(saved.view.positions[attack]!.x).toBe(x);

    // Change the view: another filter, no selection, the entity moved.
    await page.evaluate(() => (globalThis as unknown as { kg: Kg }).kg.select(undefined));
    await page.locator('#hide-isolated').setChecked(true);
    await page.evaluate((n) => (globalThis as unknown as { kg: Kg }).kg.graph.setNodeAttribute(n, 'x', 12345), attack);

    await page.selectOption('#case-list', 'ferry case');
    await act('#case-open');
    expect(await pageNodes()).toEqual(shownNodes);
    expect(await page.evaluate(() => (globalThis as unknown as { kg: Kg }).kg.state().selected)).toBe(attack);
    expect(await page.isChecked('#hide-isolated')).toBe(false);
    expect(await page.evaluate((n) => Number((globalThis as unknown as { kg: Kg }).kg.graph.getNodeAttribute(n, 'x')), attack)).toBe(x);
    expect(await page.inputValue('#case-note')).toBe('check the second toll');

    await page.fill('#case-name', 'ferry case, checked');
    await act('#case-rename');
    expect((await listCases(connection)).map((c) => c.name)).toEqual(['ferry case, checked']);
    const report = await page.getAttribute('#case-report', 'href');
    const html = await (await fetch(new URL(report!, url))).text();
    expect(html).toContain('check the second toll');

    await act('#case-delete');
    expect(await listCases(connection)).toEqual([]);
    expect(await page.locator('#case-list option').count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
