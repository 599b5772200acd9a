// With Neo4j down the page says so at once, names the fix, and carries on by itself when Neo4j is back: a Neo4j
// of this test's own (the suite's shared one must stay up) is stopped and started under the viewer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/cli/ingest-command.js';
import { startViewer } from '../../src/cli/serve-command.js';
import { closeConnection, connect } from '../../src/store/connection.js';
import { startLocalServer, type StartResult } from '../../src/store/local-server.js';

// Two above the suite's port and its neighbours' (+1, +2).
const port = Number(process.env.KG_TEST_NEO4J_PORT ?? 7690) + 3;
const home = mkdtempSync(join(tmpdir(), 'kg-down-neo4j-'));
const articles = mkdtempSync(join(tmpdir(), 'kg-down-articles-'));
let server: StartResult | undefined;
let viewer: { url: string; stop: () => Promise<void> };
let browser: Browser;
let page: Page;

async function startNeo4j(): Promise<void> {
  server = await startLocalServer({ kgHome: home, port, attached: true, timeoutMs: 120_000 });
}

async function stopNeo4j(): Promise<void> {
  const child = server?.child;
  server = undefined;
  if (!child || child.exitCode !== null) return;
  await new Promise((done) => {
    child.once('exit', done);
    child.kill('SIGTERM');
  });
}

beforeAll(async () => {
  await startNeo4j();
  writeFileSync(join(articles, 'border.txt'), 'Border row\n\nEstonia warned Latvia on Monday that the pipeline talks had failed. Latvia accused Estonia of stalling.\n');
  const connection = await connect({ uri: server!.uri });
  await ingestPaths(connection, [articles], { batch: 25, maxMb: 10 }, { quiet: true });
  await closeConnection(connection);
  viewer = await startViewer({ neo4jUri: server!.uri, quiet: true }, { port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
  await viewer?.stop();
  await stopNeo4j();
  rmSync(home, { recursive: true, force: true });
  rmSync(articles, { recursive: true, force: true });
});

describe('the viewer with Neo4j down', () => {
  it('says Neo4j is down and how to start it, then loads by itself when it is back', async () => {
    await stopNeo4j();
    await page.goto(viewer.url);
    // Well before the driver's own 15 s connection timeout, the page shows what is wrong and the fix.
    await page.waitForSelector('#notice[data-state=down]', { timeout: 10_000 });
    const notice = await page.textContent('#notice');
    expect(notice).toContain(`127.0.0.1:${port}`);
    expect(notice).toContain(`kg neo4j start --port ${port}`);
    expect(await page.getAttribute('#graph', 'data-ready')).toBeNull();

    await startNeo4j();
    await page.waitForSelector('#graph[data-ready=true]', { timeout: 30_000 });
    expect(await page.isHidden('#notice')).toBe(true);
    expect(Number(await page.getAttribute('#graph', 'data-nodes'))).toBe(2);
  });

  it('says so when Neo4j goes away during a session, and clears the notice when it returns', async () => {
    await stopNeo4j();
    await page.fill('#cypher', 'MATCH (c:Country) RETURN c.name');
    await page.click('#cypher-run');
    await page.waitForSelector('#notice[data-state=down]', { timeout: 10_000 });
    expect(await page.textContent('#notice')).toContain(`kg neo4j start --port ${port}`);
    await startNeo4j();
    await page.waitForSelector('#notice[data-state=up]', { state: 'attached', timeout: 30_000 });
    expect(await page.isHidden('#notice')).toBe(true);
    await page.click('#cypher-run');
    await page.waitForSelector('#cypher-section[data-state=done]');
    expect(await page.locator('#results-table tbody tr').count()).toBe(2);
  });
});
