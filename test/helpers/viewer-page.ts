// The browser tests' common setup: a store filled from some folders, kg serve over it, Chromium on the page
// (errors collected), the teardown that leaves the store empty, and the page gestures several tests share.
import { rmSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ingestPaths } from '../../src/cli/ingest-command.js';
import { startViewer } from '../../src/cli/serve-command.js';
import { closeConnection, type Connection } from '../../src/store/connection.js';
import { connectForTest, testNeo4jUri, wipe } from './neo4j.js';

export interface ViewerSession {
  connection: Connection;
  viewer: { url: string; stop: () => Promise<void> };
  browser: Browser;
  page: Page;
  /** Console errors and uncaught exceptions of the page. */
  errors: string[];
}

export async function openViewerSession(inputs: string[]): Promise<ViewerSession> {
  const connection = await connectForTest();
  await wipe(connection);
  await ingestPaths(connection, inputs, { batch: 25, maxMb: 10 }, { quiet: true });
  const viewer = await startViewer({ neo4jUri: testNeo4jUri(), quiet: true }, { port: 0, host: '127.0.0.1' });
  return { connection, viewer, ...(await openViewerPage(viewer.url)) };
}

/** Chromium on a running viewer, once the page has loaded, with its console errors collected. */
export async function openViewerPage(url: string): Promise<Pick<ViewerSession, 'browser' | 'page' | 'errors'>> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => void errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('#graph[data-ready=true]', { timeout: 60_000 });
  return { browser, page, errors };
}

export async function closeViewerSession(session: ViewerSession | undefined, folders: string[]): Promise<void> {
  await session?.browser.close();
  await session?.viewer.stop();
  if (session) {
    await wipe(session.connection);
    await closeConnection(session.connection);
  }
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}

/** Forgets a status line's last outcome (`data-state`), so the next wait sees the new one. */
export async function clearState(page: Page, selector: string): Promise<void> {
  await page.locator(selector).evaluate((el) => el.removeAttribute('data-state'));
}

/** Drags across the timeline strip from one attack's dot to another's. */
export async function brushTimeline(page: Page, fromId: string, toId: string): Promise<void> {
  const centre = async (id: string) => {
    const box = (await page.locator(`#timeline-strip circle.attack[data-id="${id}"]`).first().boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const [from, to] = [await centre(fromId), await centre(toId)];
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}
