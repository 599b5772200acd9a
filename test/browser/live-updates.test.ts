// The open viewer grows while articles are ingested (as kg watch does): no reload, a notice with the count.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/cli/ingest-command.js';
import { startViewer } from '../../src/cli/serve-command.js';
import { closeConnection, type Connection } from '../../src/store/connection.js';
import { countOf } from '../helpers/graph-dump.js';
import { connectForTest, testNeo4jUri, wipe } from '../helpers/neo4j.js';

const dir = mkdtempSync(join(tmpdir(), 'kg-live-'));
let connection: Connection;
let viewer: { url: string; stop: () => Promise<void> };
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  connection = await connectForTest();
  await wipe(connection);
  writeFileSync(join(dir, 'first.txt'), 'Blast in Quetta\n\nA suicide bomber attacked a market in Quetta on 4 May 2025, killing 14 people. The Pakistani Taliban claimed responsibility for the bombing.\n');
  await ingestPaths(connection, [join(dir, 'first.txt')], { batch: 5, maxMb: 5 }, { quiet: true });
  viewer = await startViewer({ neo4jUri: testNeo4jUri(), quiet: true }, { port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => void errors.push(String(e)));
  await page.goto(viewer.url);
  await page.waitForSelector('#graph[data-ready=true]', { timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await viewer?.stop();
  await wipe(connection);
  await closeConnection(connection);
  rmSync(dir, { recursive: true, force: true });
});

describe('live updates', () => {
  it('adds the entities of a newly ingested article to the open page without a reload', async () => {
    const before = Number(await page.locator('#graph').getAttribute('data-nodes'));
    expect(before).toBe(await countOf(connection, 'MATCH (e:Entity) RETURN count(e)'));
    await page.evaluate(() => ((globalThis as unknown as { marker: number }).marker = 42));
    writeFileSync(join(dir, 'second.txt'), 'Ambush near Gao\n\nGunmen ambushed an army convoy near Gao in Mali on 7 May 2025, killing nine soldiers. JNIM claimed responsibility for the ambush.\n');
    await ingestPaths(connection, [join(dir, 'second.txt')], { batch: 5, maxMb: 5 }, { quiet: true });
    const after = await countOf(connection, 'MATCH (e:Entity) RETURN count(e)');
    expect(after).toBeGreaterThan(before);
    await expect.poll(async () => Number(await page.locator('#graph').getAttribute('data-nodes')), { timeout: 15_000 }).toBe(after);
    await expect.poll(() => page.locator('#live-updates').textContent()).toBe('1 new article added to the graph');
    // Still the same page: nothing reloaded it.
    expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(42);
    expect(errors).toEqual([]);
  });
});
