// A case report opens offline in Chromium: no request leaves the page, nothing fails, the picture and the
// evidence are shown, and a note full of markup is shown as text.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCaseReport } from '../../src/cli/case-command.js';
import { ingestPaths } from '../../src/cli/ingest-command.js';
import { CaseView } from '../../src/model/cases.js';
import { closeConnection, type Connection } from '../../src/store/connection.js';
import { saveCase } from '../../src/store/cases.js';
import { applySchema } from '../../src/store/schema.js';
import { connectForTest, wipe } from '../helpers/neo4j.js';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kg-report-'));
let connection: Connection;
let browser: Browser;

beforeAll(async () => {
  connection = await connectForTest();
  await wipe(connection);
  await ingestPaths(connection, [seeds], { batch: 25, maxMb: 10 }, { quiet: true });
  await applySchema(connection);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});
afterAll(async () => {
  await browser?.close();
  await wipe(connection);
  await closeConnection(connection);
  rmSync(dir, { recursive: true, force: true });
});

describe('a case report', () => {
  it('opens offline and shows the picture, the entities and the evidence', async () => {
    const view = CaseView.parse({ selection: ['country/iran', 'country/russia', 'country/united-states'], notes: { entities: { 'country/iran': '<img src=x onerror=alert(1)>warned first' } } });
    await saveCase(connection, 'warnings', view, { overwrite: false });
    const file = join(dir, 'warnings.html');
    await exportCaseReport(connection, 'warnings', file);
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator('h1').textContent()).toBe('warnings');
    expect(await page.locator('svg circle').count()).toBe(3);
    expect(await page.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['Iran', 'Russia', 'United States']));
    expect(await page.locator('blockquote').count()).toBeGreaterThan(1);
    expect(await page.locator('h3').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Iran —WARNED→ Russia')]));
    expect(await page.locator('.note').first().textContent()).toBe('<img src=x onerror=alert(1)>warned first');
    expect(await page.locator('img').count()).toBe(0);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
