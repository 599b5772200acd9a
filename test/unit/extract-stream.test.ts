// `kg extract --shard` streams: lines are written in input order as documents are extracted, before later
// inputs have even been read, and the same bytes come out whatever the number of threads.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsPage, startNewsServer, type NewsServer } from '../helpers/news-server.js';
import { runKg } from '../helpers/run-kg.js';

const dir = mkdtempSync(join(tmpdir(), 'kg-stream-'));
const folder = join(dir, 'articles');
const towns = ['Varesk', 'Oltmar', 'Kiruva', 'Denzo', 'Pallatine', 'Morrow Ford'];
let site: NewsServer;
let held: ServerResponse | undefined;

const linesOf = (file: string): string[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0) : []);

beforeAll(async () => {
  mkdirSync(folder);
  // 60 short invented reports, each its own text (so its own document).
  for (let i = 0; i < 60; i++) {
    const town = towns[i % towns.length]!;
    writeFileSync(join(folder, `report-${String(i).padStart(3, '0')}.txt`), `Market attack in ${town}\n\nGunmen attacked the market in ${town} on ${(i % 28) + 1} May 2025, killing ${i + 2} people, police said. The Northern Dawn Front claimed responsibility.\n`);
  }
  site = await startNewsServer();
  // A feed is read when the inputs are expanded; its item's page only when the stream reaches it.
  site.routes.set('/feed.xml', { type: 'application/rss+xml', body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tessaly Wire</title><link>${site.url('/')}</link><description>News</description><item><title>Bridge bombing in Tessaly</title><link>${site.url('/held')}</link><guid>held-1</guid></item></channel></rss>` });
  site.routes.set('/held', (_req, res) => (held = res));
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until(test: () => boolean, seconds: number): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!test() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
}

describe('kg extract --shard', () => {
  it('writes the first batch of lines, in input order, while a later input is still being read', async () => {
    const shard = join(dir, 'held.jsonl');
    const run = runKg(['extract', folder, site.url('/feed.xml'), '--shard', shard, '--host-delay', '0', '--quiet']);
    await until(() => held !== undefined && linesOf(shard).length >= 50, 90);
    expect(held, 'kg asked for the held page').toBeDefined();
    const early = linesOf(shard).map((line) => (JSON.parse(line) as { article: { source: string } }).article.source);
    expect(early).toHaveLength(50);
    expect(early.map((source) => source.split('/').pop())).toEqual(Array.from({ length: 50 }, (_, i) => `report-${String(i).padStart(3, '0')}.txt`));
    held!.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(newsPage({ headline: 'Bridge bombing in Tessaly', paragraphs: ['A car bomb exploded on the Tessaly bridge on 3 June 2025, killing four people.'] }));
    const done = await run;
    expect(done.code, done.stderr).toBe(0);
    const all = linesOf(shard);
    expect(all).toHaveLength(61);
    expect((JSON.parse(all[60]!) as { article: { source: string } }).article.source).toBe(site.url('/held'));
  }, 180_000);

  it('writes the same bytes with two threads as with one', async () => {
    const [one, two] = [join(dir, 'one.jsonl'), join(dir, 'two.jsonl')];
    const a = await runKg(['-q', 'extract', folder, '--shard', one]);
    const b = await runKg(['-q', 'extract', folder, '--shard', two, '--workers', '2']);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(linesOf(one)).toHaveLength(60);
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
  }, 120_000);
});
