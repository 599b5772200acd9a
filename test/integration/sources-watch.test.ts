// News sources into the real Neo4j: what a Document keeps (url, outlet, author, date, pages), kg watch's
// conditional polls and its memory across restarts, a clean stop on SIGTERM, and the viewer's live updates.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/cli/ingest-command.js';
import { startViewer } from '../../src/cli/serve-command.js';
import { SerializedGraph } from '../../src/model/api.js';
import { FileSource } from '../../src/server/sources.js';
import { closeConnection, openSession, type Connection } from '../../src/store/connection.js';
import { countOf } from '../helpers/graph-dump.js';
import { newsPage, startNewsServer, type NewsServer } from '../helpers/news-server.js';
import { connectForTest, testNeo4jUri, wipe } from '../helpers/neo4j.js';
import { makePdf } from '../helpers/office-files.js';
import { runKg } from '../helpers/run-kg.js';

const KG = fileURLToPath(new URL('../../bin/kg.js', import.meta.url));
const options = { batch: 10, maxMb: 5, hostDelay: 0 };

let connection: Connection;
let site: NewsServer;
let version = 1;
let items: string[] = [];

const item = (n: number, city: string) =>
  `<item><title>Attack number ${n} in ${city}</title><link>/story/${n}</link><guid>story-${n}</guid><pubDate>Tue, 0${n} Sep 2025 09:00:00 GMT</pubDate></item>`;
const feed = () => `<?xml version="1.0"?><rss version="2.0"><channel><title>Lake Chad Monitor</title>${items.join('')}</channel></rss>`;
const run = (args: string[]) => runKg([...args, '--host-delay', '0'], { NEO4J_URI: testNeo4jUri() });

beforeAll(async () => {
  connection = await connectForTest();
  site = await startNewsServer({
    '/feed.xml': (req, res) => {
      const etag = `"v${version}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(feed());
    },
  });
  const cities = ['Maiduguri', 'Diffa', 'Bol', 'Kousseri'];
  cities.forEach((city, i) =>
    site.routes.set(`/story/${i + 1}`, {
      body: newsPage({
        headline: `Attack number ${i + 1} in ${city}`,
        paragraphs: [`Militants attacked a military base in ${city} on ${i + 1} September 2025, killing ${i + 4} soldiers.`, `Boko Haram claimed responsibility for the attack in ${city}.`],
        canonical: `/story/${i + 1}`,
        published: `2025-09-0${i + 1}T08:00:00Z`,
        author: `Reporter ${i + 1}`,
        outlet: 'Lake Chad Monitor',
      }),
    }),
  );
  site.routes.set('/brief.pdf', {
    type: 'application/pdf',
    body: await makePdf([['Security brief, September 2025', 'Context for the region.'], ['Al-Shabaab claimed responsibility for the ambush near Kismayo', 'that killed six soldiers on 9 September 2025.']], { title: 'Security brief' }),
  });
});

beforeEach(async () => {
  await wipe(connection);
  version = 1;
  items = [item(1, 'Maiduguri'), item(2, 'Diffa')];
});

afterAll(async () => {
  await wipe(connection);
  await closeConnection(connection);
  await site.close();
});

describe('news sources in Neo4j', () => {
  it('stores each article\'s URL, outlet, author, title and date on its Document, and a PDF\'s pages on its evidence', async () => {
    const summary = await ingestPaths(connection, [site.url('/feed.xml'), site.url('/brief.pdf')], options, { quiet: true });
    expect(summary.documentsNew).toBe(3);
    const session = openSession(connection, 'READ');
    const docs = await session.run('MATCH (d:Document) RETURN d {.*} AS d ORDER BY d.source');
    const pages = await session.run(
      "MATCH (g:Group)-[r:CLAIMED]->(t) WHERE toLower(g.name) = 'al-shabaab' WITH g, t, COLLECT { MATCH (v:Evidence {source: g.id, type: 'CLAIMED', target: t.id}) RETURN v ORDER BY v.doc, v.start } AS items RETURN [v IN items | v.page] AS pages, [v IN items | v.start] AS starts",
    );
    await session.close();
    const stored = docs.records.map((r) => r.get('d') as Record<string, unknown>);
    expect(stored.find((d) => d.url === site.url('/story/1'))).toMatchObject({ title: 'Attack number 1 in Maiduguri', outlet: 'Lake Chad Monitor', author: 'Reporter 1', published: '2025-09-01', source: site.url('/story/1') });
    const brief = stored.find((d) => d.source === site.url('/brief.pdf'))!;
    expect(brief.title).toBe('Security brief');
    expect((brief.pageStarts as unknown[]).length).toBe(2);
    expect(pages.records.length).toBe(1);
    expect(pages.records[0]!.get('pages')).toEqual([2]);
    // The viewer's evidence card carries the page too.
    const viewer = await startViewer({ neo4jUri: testNeo4jUri(), quiet: true }, { port: 0, host: '127.0.0.1' });
    try {
      const ids = await openSession(connection, 'READ').run("MATCH (g:Group)-[r:CLAIMED]->(t) WHERE toLower(g.name) = 'al-shabaab' RETURN g.id AS s, t.id AS t");
      const answer = await fetch(`${viewer.url}api/evidence?${new URLSearchParams({ source: ids.records[0]!.get("s"), type: "CLAIMED", target: ids.records[0]!.get("t") })}`);
      const evidence = (await answer.json()) as { evidence: Array<{ page: number }> };
      expect(answer.status, JSON.stringify(evidence)).toBe(200);
      expect(evidence.evidence[0]!.page).toBe(2);
    } finally {
      await viewer.stop();
    }
    // An exported graph keeps the pages, and the viewer over that file shows them as well.
    const file = join(mkdtempSync(join(tmpdir(), 'kg-pages-')), 'graph.json');
    const exported = await runKg(['export', '-f', 'json', '-o', file], { NEO4J_URI: testNeo4jUri() });
    expect(exported.code, exported.stderr).toBe(0);
    const fromFile = new FileSource(file);
    const edge = SerializedGraph.parse(JSON.parse(readFileSync(file, 'utf8'))).edges.find((e) => e.attributes.type === 'CLAIMED' && e.attributes.evidencePages?.includes(2))!;
    expect((await fromFile.evidence(edge.source, 'CLAIMED', edge.target)).evidence[0]!.page).toBe(2);
    rmSync(dirname(file), { recursive: true, force: true });
  });

  it('polls conditionally, ingests only new items, and goes on after a restart where it stopped', async () => {
    const first = await run(['watch', site.url('/feed.xml'), '--interval', '1', '--rounds', '2']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/feed\.xml: 2 new, 0 seen before, 0 failed/);
    expect(first.stdout).toMatch(/feed\.xml: not modified/);
    expect(first.stdout).toMatch(/Stopped after 2 rounds: 2 fetched, 0 skipped, 0 failed/);
    const feedRequests = site.requests.filter((r) => r.path === '/feed.xml');
    expect(feedRequests.at(-1)!.headers['if-none-match']).toBe('"v1"');
    expect(await countOf(connection, 'MATCH (d:Document) RETURN count(d)')).toBe(2);

    // The feed gains an item; a new kg watch (a restart) remembers the validators and the items seen.
    items = [item(3, 'Bol'), ...items];
    version = 2;
    const before = site.requests.length;
    const second = await run(['watch', site.url('/feed.xml'), '--rounds', '1']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/feed\.xml: 1 new, 2 seen before, 0 failed/);
    const asked = site.requests.slice(before).map((r) => r.path);
    expect(asked.filter((p) => p.startsWith('/story/'))).toEqual(['/story/3']);
    expect(site.requests.slice(before).find((r) => r.path === '/feed.xml')!.headers['if-none-match']).toBe('"v1"');
    expect(await countOf(connection, 'MATCH (d:Document) RETURN count(d)')).toBe(3);
  });

  it('retries a failed item on the next poll', async () => {
    items = [item(4, 'Kousseri'), ...items];
    const page = site.routes.get('/story/4')!;
    site.routes.set('/story/4', { status: 503, body: 'busy' });
    const first = await run(['watch', site.url('/feed.xml'), '--rounds', '1']);
    expect(first.stdout).toMatch(/2 new, 0 seen before, 1 failed/);
    expect(first.stderr).toMatch(/story\/4: the server answered 503/);
    site.routes.set('/story/4', page);
    const second = await run(['watch', site.url('/feed.xml'), '--rounds', '1']);
    expect(second.stdout).toMatch(/1 new, 2 seen before, 0 failed/);
    expect(await countOf(connection, 'MATCH (d:Document) RETURN count(d)')).toBe(3);
  });

  /** Starts kg watch and resolves once its output satisfies ready; gives a way to signal it and wait for its end. */
  async function watchUntil(ready: (stdout: string) => boolean): Promise<{ out: () => { stdout: string; stderr: string }; stop: (signal: NodeJS.Signals) => Promise<number | null> }> {
    const child = spawn(process.execPath, [KG, 'watch', site.url('/feed.xml'), '--interval', '600', '--host-delay', '0'], { env: { ...process.env, NEO4J_URI: testNeo4jUri() }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.once('exit', done));
    await new Promise<void>((done, fail) => {
      const check = () => void (ready(stdout) && done());
      child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk.toString()), check()));
      child.stderr.on('data', (chunk: Buffer) => ((stderr += chunk.toString()), check()));
      const timer = setInterval(check, 50);
      void exited.then(() => (clearInterval(timer), fail(new Error(`kg watch ended early: ${stderr}`))));
      void exited.finally(() => clearInterval(timer));
    });
    return { out: () => ({ stdout, stderr }), stop: (signal) => (child.kill(signal), exited) };
  }

  it('stops cleanly on SIGTERM between polls', async () => {
    const watch = await watchUntil((stdout) => stdout.includes('round 1:'));
    const code = await watch.stop('SIGTERM');
    expect(code, watch.out().stderr).toBe(0);
    expect(watch.out().stderr).toMatch(/SIGTERM: stopping/);
    expect(watch.out().stdout).toMatch(/Stopped after 1 round: 2 fetched/);
  });

  it('stops on Ctrl-C in the middle of a fetch, records nothing half-done, and the next run reads it all', async () => {
    const page = site.routes.get('/story/2')!;
    site.routes.set('/story/2', () => undefined); // never answers
    const from = site.requests.length;
    const watch = await watchUntil(() => site.requests.slice(from).some((r) => r.path === '/story/2'));
    const code = await watch.stop('SIGINT');
    expect(code, watch.out().stderr).toBe(0);
    expect(watch.out().stdout).toMatch(/Stopped after 1 round: 0 fetched/);
    expect(await countOf(connection, 'MATCH (i:FeedItem) RETURN count(i)')).toBe(0);
    site.routes.set('/story/2', page);
    const again = await run(['watch', site.url('/feed.xml'), '--rounds', '1']);
    expect(again.stdout).toMatch(/feed\.xml: 2 new, 0 seen before, 0 failed/);
    expect(await countOf(connection, 'MATCH (d:Document) RETURN count(d)')).toBe(2);
  });

  it('streams the document count to the viewer as it grows', async () => {
    const viewer = await startViewer({ neo4jUri: testNeo4jUri(), quiet: true }, { port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    try {
      const response = await fetch(`${viewer.url}api/updates`, { signal: controller.signal });
      expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      const nextCount = async (): Promise<number> => {
        for (;;) {
          const match = /event: documents\ndata: (\{.*\})\n\n/.exec(buffer);
          if (match) {
            buffer = buffer.slice(match.index + match[0].length);
            return (JSON.parse(match[1]!) as { documents: number }).documents;
          }
          const { value } = await reader.read();
          buffer += decoder.decode(value);
        }
      };
      expect(await nextCount()).toBe(0);
      await ingestPaths(connection, [site.url('/story/1')], options, { quiet: true });
      expect(await nextCount()).toBe(1);
    } finally {
      controller.abort();
      await viewer.stop();
    }
  });
});
