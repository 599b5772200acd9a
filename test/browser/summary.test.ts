// The viewer over a store past the summary threshold (lowered here, so a small generated store in the real
// Neo4j is "large"): the page starts from the busiest entities and says so, opens an entity on demand, and
// search, the evidence panel and links reach entities the summary does not show.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../src/bench/synthetic-graph.js';
import { writeSyntheticStore } from '../../src/bench/synthetic-store.js';
import { startViewer } from '../../src/cli/serve-command.js';
import { closeConnection, type Connection } from '../../src/store/connection.js';
import { connectForTest, testNeo4jUri, wipe } from '../helpers/neo4j.js';
import { busiestFirst, relationshipCounts } from '../helpers/synthetic-counts.js';
import { openViewerPage } from '../helpers/viewer-page.js';

// Invented sentences naming both ends, so the evidence panel has names to mark.
const base = syntheticGraph(300, 900);
const label = new Map(base.nodes.map((n) => [n.key, n.attributes.label]));
const GENERATED = { ...base, edges: base.edges.map((e) => ({ ...e, attributes: { ...e.attributes, evidence: [`${label.get(e.source)} and ${label.get(e.target)} met in an invented town.`] } })) };
const counts = relationshipCounts(GENERATED);
const ranked = busiestFirst(counts);
const SIZE = 30;
// The entity search brought in from outside the summary; later tests go on from it.
let found = '';

interface PageKg {
  kg: {
    graph: { order: number; nodes(): string[]; hasNode(node: string): boolean; degree(node: string): number };
    renderer: { getNodeDisplayData(node: string): { label: string | null; hidden: boolean } | undefined };
    select(node: string | undefined): void;
    state(): { selected?: string; steps: Array<{ expand?: string }> };
  };
}

let connection: Connection;
let viewer: { url: string; stop: () => Promise<void> };
let browser: Browser;
let page: Page;
let errors: string[];


beforeAll(async () => {
  connection = await connectForTest();
  await wipe(connection);
  await writeSyntheticStore(connection, GENERATED);
  viewer = await startViewer({ neo4jUri: testNeo4jUri(), quiet: true }, { port: 0, host: '127.0.0.1', summaryAbove: 100, summarySize: SIZE });
  ({ browser, page, errors } = await openViewerPage(viewer.url));
});

afterAll(async () => {
  await browser?.close();
  await viewer?.stop();
  await wipe(connection);
  await closeConnection(connection);
});

describe('the viewer on a summary', () => {
  it('starts from the busiest entities, says what it is showing, and counts what each one hides', async () => {
    const relationships = [...counts.values()].reduce((a, b) => a + b, 0) / 2;
    const notice = page.locator('#summary-notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain(`Summary of 300 entities and ${relationships} relationships`);
    const nodes = await page.evaluate(() => (globalThis as unknown as PageKg).kg.graph.nodes());
    expect(nodes.sort()).toEqual(ranked.slice(0, SIZE).map(([id]) => id).sort());
    // An entity whose relationships are not loaded yet is not "without relationships": all of them are drawn.
    expect(Number(await page.locator('#counts').getAttribute('data-nodes'))).toBe(SIZE);
    const [busiest, total] = ranked[0]!;
    const view = await page.evaluate((id) => ({ label: (globalThis as unknown as PageKg).kg.renderer.getNodeDisplayData(id)?.label, degree: (globalThis as unknown as PageKg).kg.graph.degree(id) }), busiest);
    expect(view.label).toBe(`${label.get(busiest)} +${total - view.degree}`);
    expect(errors).toEqual([]);
  });

  it("opens an entity: what it links to joins the view, and its count of what is not shown falls to none", async () => {
    const [busiest, total] = ranked[0]!;
    await page.evaluate((id) => (globalThis as unknown as PageKg).kg.select(id), busiest);
    const section = page.locator('#summary-entity');
    expect(await section.textContent()).toMatch(new RegExp(`^\\d+ of ${total} relationships shown; \\d+ not shown yet\\.`));
    await page.click('#summary-open');
    const neighbours = [...new Set(GENERATED.edges.filter((e) => e.source === busiest || e.target === busiest).map((e) => (e.source === busiest ? e.target : e.source)))];
    await expect.poll(() => page.evaluate((ids) => ids.every((id) => (globalThis as unknown as PageKg).kg.graph.hasNode(id)), neighbours), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => section.textContent(), { timeout: 20_000 }).toBe(`All its relationships are shown (${total}).`);
    expect(await page.evaluate((id) => (globalThis as unknown as PageKg).kg.renderer.getNodeDisplayData(id)?.label, busiest)).toBe(label.get(busiest));
    expect((await page.evaluate(() => (globalThis as unknown as PageKg).kg.state().steps)).some((s) => s.expand === busiest)).toBe(true);
    expect(await page.locator('#summary-notice').getAttribute('data-shown')).toBe(String(await page.evaluate(() => (globalThis as unknown as PageKg).kg.graph.order)));
  });

  it('finds an entity the summary does not show, and brings it into view with what it hides', async () => {
    const shown = new Set(await page.evaluate(() => (globalThis as unknown as PageKg).kg.graph.nodes()));
    const [quiet, total] = [...ranked].reverse().find(([id, n]) => n > 0 && !shown.has(id))!;
    found = quiet;
    await page.fill('#search', label.get(quiet)!);
    await page.locator(`#search-results li[data-id="${quiet}"]`).click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as PageKg).kg.state().selected), { timeout: 20_000 }).toBe(quiet);
    expect(await page.evaluate((id) => (globalThis as unknown as PageKg).kg.graph.hasNode(id), quiet)).toBe(true);
    expect(await page.textContent('#panel h2')).toBe(label.get(quiet));
    // Opening it loaded what it links to: nothing of it is left hidden.
    await expect.poll(() => page.locator('#summary-entity').textContent(), { timeout: 20_000 }).toBe(`All its relationships are shown (${total}).`);
  });

  it('shows the evidence of a relationship reached from the summary, with both names marked and the article', async () => {
    const quiet = found;
    await page.locator('#relationships li').first().click();
    await page.waitForSelector('#evidence blockquote');
    const sentence = await page.locator('#evidence blockquote').first().textContent();
    expect(sentence).toContain(label.get(quiet));
    expect(sentence).toContain('met in an invented town.');
    expect(await page.locator('#evidence mark').count()).toBe(2);
    expect(await page.locator('#evidence .article').first().textContent()).toContain('Generated');
  });

  it('keeps what was opened on the summary through a correction', async () => {
    const quiet = found;
    await page.evaluate((id) => (globalThis as unknown as PageKg).kg.select(id), quiet);
    const before = (await page.evaluate(() => (globalThis as unknown as PageKg).kg.graph.nodes())).sort();
    await page.fill('#fix-name', 'Renamed Quiet One');
    await page.fill('#fix-reason', 'house style');
    await page.click('#fix-rename');
    await page.waitForSelector('#correction-status[data-state=done]');
    await page.waitForSelector('#graph[data-reload=done]');
    expect(await page.evaluate((id) => (globalThis as unknown as PageKg).kg.renderer.getNodeDisplayData(id)?.label, quiet)).toBe('Renamed Quiet One');
    expect((await page.evaluate(() => (globalThis as unknown as PageKg).kg.graph.nodes())).sort()).toEqual(before);
    expect((await page.evaluate(() => (globalThis as unknown as PageKg).kg.state().steps)).some((s) => s.expand === quiet)).toBe(true);
  });

  it('keeps what was opened in the link: the same view comes back on a reload', async () => {
    const before = (await page.evaluate(() => (globalThis as unknown as PageKg).kg.graph.nodes())).sort();
    await page.reload();
    await page.waitForSelector('#graph[data-ready=true]', { timeout: 60_000 });
    await expect.poll(async () => (await page.evaluate(() => (globalThis as unknown as PageKg).kg.graph.nodes())).sort(), { timeout: 20_000 }).toEqual(before);
    expect(errors).toEqual([]);
  });
});
