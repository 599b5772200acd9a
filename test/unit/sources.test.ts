// News sources against a local site on 127.0.0.1: feeds, sitemaps, OPML, article pages, PDF and DOCX, and the
// hostile answers a crawler meets (errors, loops, endless and huge bodies, bombs, lies about content types).
import { gzipSync } from 'node:zlib';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputExpander, pageAt, parseFeedList, prepareArticle, readInput, WebClient, type Article, type InputRef } from '../../src/ingest/index.js';
import { Extraction } from '../../src/model/extraction.js';
import { makeDocx, makePdf, makeScannedPdf } from '../helpers/office-files.js';
import { newsPage, startNewsServer, type NewsServer } from '../helpers/news-server.js';
import { runKg } from '../helpers/run-kg.js';

const limits = { maxBytes: 256 * 1024, timeoutMs: 2000, maxRedirects: 3, hostDelayMs: 0 };

const CHECKPOINT = [
  'Gunmen attacked a police checkpoint in Maiduguri on 14 July 2025, killing nine officers.',
  'Boko Haram claimed responsibility for the attack in a statement on Telegram.',
  'The Nigerian army said troops had been sent to the area and that the roads into the city were closed for the night.',
];
const HOTEL = '<p>A car bomb exploded outside a hotel in Mogadishu on 2 August 2025, killing 11 people.</p><p>Al-Shabaab claimed responsibility for the bombing, the group said in a radio broadcast.</p>';

let site: NewsServer;
let dir: string;

const rss = (items: string, title = 'Sahel Wire') => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${title}</title><link>/</link><description>News</description>${items}</channel></rss>`;

async function articlesOf(inputs: string[], client = new WebClient(limits), maxItems = 1000): Promise<{ articles: Article[]; errors: string[]; notes: string[]; refs: InputRef[] }> {
  const expanded = await new InputExpander(client, maxItems).expand(inputs);
  const errors = expanded.errors.map((e) => e.message);
  const articles: Article[] = [];
  for (const ref of expanded.inputs) {
    const read = await readInput(ref, limits.maxBytes, client);
    if (read.ok) articles.push(prepareArticle(read.article));
    else errors.push(read.error.message);
  }
  return { articles, errors, notes: expanded.notes, refs: expanded.inputs };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kg-sources-'));
  site = await startNewsServer({
    '/robots.txt': { type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n' },
    '/news/checkpoint': { body: newsPage({ headline: 'Gunmen kill nine police officers in Maiduguri', paragraphs: CHECKPOINT, canonical: '/news/checkpoint', published: '2025-07-14T21:05:00+01:00', author: 'Amina Bello', outlet: 'Sahel Wire' }) },
    '/amp/news/checkpoint': { body: newsPage({ headline: 'Gunmen kill nine police officers in Maiduguri', paragraphs: CHECKPOINT.slice(0, 2), canonical: '/news/checkpoint', published: '2025-07-14T21:05:00+01:00', author: 'Amina Bello', outlet: 'Sahel Wire' }) },
    '/feed.xml': {
      type: 'application/rss+xml',
      body: rss(`<item><title>Car bomb hits Mogadishu hotel</title><link>/news/hotel</link><guid>hotel-2025</guid><pubDate>Sat, 02 Aug 2025 14:00:00 GMT</pubDate><dc:creator>Hassan Ali</dc:creator><content:encoded><![CDATA[${HOTEL}]]></content:encoded></item>
<item><title>Gunmen kill nine police officers</title><link>/news/checkpoint</link><guid>checkpoint-2025</guid><pubDate>Mon, 14 Jul 2025 20:30:00 GMT</pubDate><description>Short summary only.</description></item>`),
    },
    '/atom.xml': {
      // Served with the wrong type, as some sites do: kg goes by the document's root element.
      type: 'text/html',
      body: `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Horn Monitor</title><id>urn:horn</id>
<entry><title>Checkpoint attack</title><id>urn:horn:1</id><link rel="alternate" href="/news/checkpoint"/><published>2025-07-15T08:00:00Z</published><author><name>Desk Editor</name></author><summary>Summary</summary></entry></feed>`,
    },
    '/news-sitemap.xml': {
      type: 'application/xml',
      body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>/news/checkpoint</loc><news:news><news:publication><news:name>Sahel Wire</news:name><news:language>en</news:language></news:publication><news:publication_date>2025-07-14</news:publication_date><news:title>Gunmen kill nine</news:title></news:news></url></urlset>`,
    },
    '/feeds.opml': {
      type: 'text/x-opml',
      body: `<?xml version="1.0"?><opml version="2.0"><head><title>My feeds</title></head><body><outline text="Africa"><outline text="Sahel" type="rss" xmlUrl="/feed.xml"/><outline text="Horn" type="rss" xmlUrl="/atom.xml"/></outline></body></opml>`,
    },
    '/private/memo': { body: newsPage({ headline: 'Private', paragraphs: ['Not for crawlers.'] }) },
    '/report.pdf': { type: 'application/pdf', body: new Uint8Array() },
    '/broken.xml': { type: 'application/rss+xml', body: '<?xml version="1.0"?><rss><channel><title>Broken</title><item><title>One</item></channel></rss>' },
    '/missing-page': { status: 404, body: 'gone' },
    '/error-page': { status: 500, body: 'oops' },
    '/loop-a': { status: 302, headers: { location: '/loop-b' }, body: '' },
    '/loop-b': { status: 302, headers: { location: '/loop-a' }, body: '' },
    '/photo.png': { type: 'image/png', body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) },
    '/bomb': { headers: { 'content-encoding': 'gzip' }, body: gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x41)) },
    '/huge': { headers: { 'content-length': String(50 * 1024 * 1024) }, body: '' },
  });
  for (let i = 0; i < 6; i++) site.routes.set(`/hop${i}`, { status: 301, headers: { location: `/hop${i + 1}` }, body: '' });
  site.routes.set('/endless', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = `<p>${'more text '.repeat(6500)}</p>`;
    const timer = setInterval(() => res.write(chunk), 1);
    res.on('close', () => clearInterval(timer));
  });
  site.routes.set('/drip', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const timer = setInterval(() => res.write('<p>a</p>'), 200);
    res.on('close', () => clearInterval(timer));
  });
  const items = Array.from({ length: 5000 }, (_, i) => `<item><title>Item ${i}</title><link>/many/${i}</link><guid>many-${i}</guid></item>`).join('');
  site.routes.set('/many.xml', { type: 'application/rss+xml', body: rss(items, 'Firehose') });
  site.routes.set('/report.pdf', { type: 'application/pdf', body: await makePdf([['Monthly security report', 'Somalia, August 2025'], ['Al-Shabaab claimed responsibility for the ambush near Kismayo', 'that killed six soldiers on 9 August 2025.']], { title: 'Monthly security report', author: 'Field Office' }) });
  site.routes.set('/scan.pdf', { type: 'application/pdf', body: await makeScannedPdf(2) });
});

afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('feeds, sitemaps and OPML', () => {
  it('takes an RSS item\'s full content without fetching its page, and fetches the page of an item that has none', async () => {
    const before = site.requests.length;
    const { articles, errors } = await articlesOf([site.url('/feed.xml')]);
    expect(errors).toEqual([]);
    const hotel = articles.find((a) => a.title === 'Car bomb hits Mogadishu hotel')!;
    expect(hotel).toMatchObject({ published: '2025-08-02', author: 'Hassan Ali', outlet: 'Sahel Wire', url: site.url('/news/hotel') });
    expect(hotel.text).toContain('Al-Shabaab claimed responsibility for the bombing');
    const checkpoint = articles.find((a) => a.url === site.url('/news/checkpoint'))!;
    // The page's own metadata wins over the feed's where both speak.
    expect(checkpoint).toMatchObject({ title: 'Gunmen kill nine police officers in Maiduguri', published: '2025-07-14', author: 'Amina Bello', outlet: 'Sahel Wire' });
    const asked = site.requests.slice(before).map((r) => r.path);
    expect(asked).toContain('/news/checkpoint');
    expect(asked).not.toContain('/news/hotel');
  });

  it('reads Atom entries, news sitemaps and the feeds an OPML file lists', async () => {
    const atom = await articlesOf([site.url('/atom.xml')]);
    expect(atom.refs).toHaveLength(1);
    expect(atom.articles[0]).toMatchObject({ url: site.url('/news/checkpoint'), author: 'Amina Bello' });
    const sitemap = await new InputExpander(new WebClient(limits)).expand([site.url('/news-sitemap.xml')]);
    expect(sitemap.inputs).toHaveLength(1);
    expect(sitemap.inputs[0]).toMatchObject({ url: site.url('/news/checkpoint'), item: { outlet: 'Sahel Wire', published: '2025-07-14', title: 'Gunmen kill nine' } });
    const opml = await new InputExpander(new WebClient(limits)).expand([site.url('/feeds.opml')]);
    // Two feeds, three items, one article listed by both: read once.
    expect(opml.inputs.map((i) => (typeof i === 'string' ? i : i.url)).sort()).toEqual([site.url('/news/checkpoint'), site.url('/news/hotel')]);
    const local = join(dir, 'feeds.opml');
    writeFileSync(local, (site.routes.get('/feeds.opml') as { body: string }).body.replaceAll('xmlUrl="/', `xmlUrl="${site.url('/')}`));
    expect((await new InputExpander(new WebClient(limits)).expand([local])).inputs).toHaveLength(2);
  });

  it('follows a sitemap index to its sitemaps, and takes an Atom entry\'s inline content as the article', async () => {
    site.routes.set('/sitemap-index.xml', { type: 'application/xml', body: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/news-sitemap.xml</loc></sitemap></sitemapindex>` });
    site.routes.set('/full.atom', {
      type: 'application/atom+xml',
      body: `<feed xmlns="http://www.w3.org/2005/Atom"><title>Horn Monitor</title><author><name>Horn Desk</name></author><entry><title>Hotel bombing</title><id>urn:horn:2</id><link href="/news/hotel-full"/><updated>2025-08-03T10:00:00Z</updated><content type="html">${HOTEL.replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</content></entry></feed>`,
    });
    const index = await new InputExpander(new WebClient(limits)).expand([site.url('/sitemap-index.xml')]);
    expect(index.inputs.map((i) => (typeof i === 'string' ? i : i.url))).toEqual([site.url('/news/checkpoint')]);
    const before = site.requests.length;
    const { articles } = await articlesOf([site.url('/full.atom')]);
    expect(articles[0]).toMatchObject({ title: 'Hotel bombing', author: 'Horn Desk', outlet: 'Horn Monitor', published: '2025-08-03', url: site.url('/news/hotel-full') });
    expect(articles[0]!.text).toContain('Al-Shabaab claimed responsibility for the bombing');
    expect(site.requests.slice(before).map((r) => r.path)).not.toContain('/news/hotel-full');
  });

  it('reads a page in the charset its header or its <meta charset> declares', async () => {
    site.routes.set('/latin1', { type: 'text/html; charset=iso-8859-1', body: Buffer.from(newsPage({ headline: 'Attaque à Bamako', paragraphs: ['Des hommes armés ont attaqué un poste de contrôle près de Bamako, a déclaré l\'armée malienne, selon un communiqué publié mardi soir.'] }), 'latin1') });
    site.routes.set('/cp1252', { type: 'text/html', body: Buffer.from(newsPage({ headline: 'Attaque à Bamako', paragraphs: ['Des hommes armés ont attaqué un poste de contrôle près de Bamako, a déclaré l\'armée malienne, selon un communiqué publié mardi soir.'] }).replace('<head>', '<head><meta charset="windows-1252">'), 'latin1') });
    for (const path of ['/latin1', '/cp1252']) {
      const { articles, errors } = await articlesOf([site.url(path)]);
      expect(errors, path).toEqual([]);
      expect(articles[0]!.title).toBe('Attaque à Bamako');
      expect(articles[0]!.text).toContain('armés ont attaqué');
    }
  });

  it('reads only the first --max-items of a feed that lists thousands, and says so', async () => {
    const tooBig = await new InputExpander(new WebClient(limits), 50).expand([site.url('/many.xml')]);
    expect(tooBig.errors.map((e) => e.message).join('\n')).toMatch(/many\.xml: the answer sends more than the limit/);
    const expanded = await new InputExpander(new WebClient({ ...limits, maxBytes: 4 * 1024 * 1024 }), 50).expand([site.url('/many.xml')]);
    expect(expanded.inputs).toHaveLength(50);
    expect(expanded.notes.join('\n')).toMatch(/lists 5000 items; kg reads the first 50/);
  });

  it('refuses malformed XML with where it breaks', async () => {
    const { errors } = await articlesOf([site.url('/broken.xml')]);
    expect(errors.join('\n')).toMatch(/broken\.xml: malformed XML at line 1, column \d+/);
  });

  it('does not expand nested entities (a "billion laughs" feed stays small)', () => {
    const levels = ['<!ENTITY l0 "laugh">', ...Array.from({ length: 8 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [${levels}]><rss><channel><title>Laughs</title><item><title>${'&l8;'.repeat(10)}</title><link>http://127.0.0.1/x</link></item></channel></rss>`;
    const list = parseFeedList(xml, 'laughs.xml');
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.title!.length).toBeLessThan(1000);
  });
});

describe('article pages', () => {
  it('keeps the article and its metadata, and leaves navigation, related links, comments and scripts out', async () => {
    const { articles } = await articlesOf([site.url('/news/checkpoint')]);
    const [article] = articles;
    expect(article).toMatchObject({ title: 'Gunmen kill nine police officers in Maiduguri', published: '2025-07-14', author: 'Amina Bello', outlet: 'Sahel Wire', url: site.url('/news/checkpoint') });
    expect(article!.text).toContain('Boko Haram claimed responsibility for the attack');
    expect(article!.text).not.toMatch(/World news|Markets rally|user123|Kremlin|tracker|All rights reserved/);
  });

  it('makes one document of an article reached by two URLs', async () => {
    const run = await runKg(['extract', site.url('/news/checkpoint?utm_source=feed'), site.url('/amp/news/checkpoint'), '--host-delay', '0']);
    expect(run.code, run.stderr).toBe(0);
    const output = Extraction.parse(JSON.parse(run.stdout));
    expect(output.documents).toHaveLength(1);
    expect(output.documents[0]).toMatchObject({ url: site.url('/news/checkpoint'), outlet: 'Sahel Wire', author: 'Amina Bello' });
    expect(run.stderr).toMatch(/amp\/news\/checkpoint has the same text as/);
  });

  it('obeys robots.txt', async () => {
    const { errors } = await articlesOf([site.url('/private/memo')]);
    expect(errors.join('\n')).toMatch(/private\/memo: the site's robots.txt asks crawlers not to fetch this/);
    expect(site.requests.some((r) => r.path === '/private/memo')).toBe(false);
    const run = await runKg(['ingest', site.url('/private/memo'), '--dry-run', '--host-delay', '0']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/0 failed, 1 skipped \(robots\.txt\)/);
  });

  it('waits between two requests to the same site', async () => {
    const client = new WebClient({ ...limits, hostDelayMs: 300 });
    const from = site.requests.length;
    // robots.txt, then two pages: each request may leave only a pause after the one before, so the last
    // cannot be sent before two pauses have passed (measured where the pauses are made, in the client).
    const started = Date.now();
    await client.get(site.url('/news/checkpoint'));
    await client.get(site.url('/amp/news/checkpoint'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(590);
    expect(site.requests.slice(from).map((r) => r.path)).toEqual(['/robots.txt', '/news/checkpoint', '/amp/news/checkpoint']);
  });

  it('sends conditional requests and reports an unchanged answer', async () => {
    site.routes.set('/etag.xml', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Mon, 14 Jul 2025 20:30:00 GMT' }).end(rss(''));
    });
    const client = new WebClient(limits);
    const first = await client.get(site.url('/etag.xml'));
    expect(first).toMatchObject({ notModified: false, etag: '"v1"', lastModified: 'Mon, 14 Jul 2025 20:30:00 GMT' });
    const second = await client.get(site.url('/etag.xml'), { etag: first.etag, lastModified: first.lastModified });
    expect(second.notModified).toBe(true);
    expect(site.requests.at(-1)!.headers['if-modified-since']).toBe('Mon, 14 Jul 2025 20:30:00 GMT');
  });
});

describe('PDF and DOCX', () => {
  it('reads a PDF page by page, so an offset has its page', async () => {
    const { articles, errors } = await articlesOf([site.url('/report.pdf')]);
    expect(errors).toEqual([]);
    const [report] = articles;
    expect(report!.title).toBe('Monthly security report');
    expect(report!.author).toBe('Field Office');
    expect(report!.pageStarts).toHaveLength(2);
    const at = report!.text.indexOf('Al-Shabaab claimed');
    expect(at).toBeGreaterThan(0);
    expect(pageAt(report!.pageStarts!, at)).toBe(2);
    expect(pageAt(report!.pageStarts!, report!.text.indexOf('Somalia'))).toBe(1);
  });

  it('reads PDF and DOCX files from a folder, and says what to do with a scan', async () => {
    const folder = join(dir, 'office');
    await import('node:fs').then((fs) => fs.mkdirSync(folder, { recursive: true }));
    writeFileSync(join(folder, 'brief.docx'), await makeDocx(['Militants ambushed a convoy near Gao on 3 March 2025.', 'JNIM claimed responsibility for the ambush.']));
    writeFileSync(join(folder, 'report.pdf'), await makePdf([['Al-Shabaab claimed responsibility for the ambush near Kismayo.']]));
    writeFileSync(join(folder, 'scan.pdf'), await makeScannedPdf(3));
    writeFileSync(join(folder, 'fake.pdf'), 'this is not a pdf at all');
    const run = await runKg(['extract', folder]);
    expect(run.code).toBe(1);
    const output = Extraction.parse(JSON.parse(run.stdout));
    expect(output.documents.map((d) => d.source).sort()).toEqual(['brief.docx', 'report.pdf']);
    expect(run.stderr).toMatch(/scan\.pdf: this PDF has no text layer \(3 pages of images, as a scan is\)\n\s+Run OCR on it first/);
    expect(run.stderr).toMatch(/fake\.pdf: the file is named \.pdf but is not a PDF document/);
  });
});

describe('kg watch arguments', () => {
  it('says what is missing before it connects to anything', async () => {
    const none = await runKg(['watch']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/kg watch needs feeds to follow\n\s+Name feed URLs, or a file of them with --feeds FILE/);
    const local = await runKg(['watch', 'seeds/']);
    expect(local.code).toBe(2);
    expect(local.stderr).toMatch(/seeds\/: kg watch follows feeds on the web/);
    const missing = await runKg(['watch', '--feeds', join(dir, 'no-such-list.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-list\.txt: cannot read it \(ENOENT\)/);
  });
});

describe('hostile sources', () => {
  const failureOf = async (path: string, client = new WebClient(limits)) => {
    const read = await readInput(site.url(path), limits.maxBytes, client);
    expect(read.ok).toBe(false);
    return read.ok ? '' : read.error.message;
  };

  it('names 404s, 500s, redirect loops and redirect chains', async () => {
    expect(await failureOf('/missing-page')).toMatch(/answered 404 Not Found/);
    expect(await failureOf('/error-page')).toMatch(/answered 500 Internal Server Error/);
    expect(await failureOf('/loop-a')).toMatch(/redirect loop: .*\/loop-a → .*\/loop-b → .*\/loop-a/);
    expect(await failureOf('/hop0')).toMatch(/more than 3 redirects/);
  });

  it('stops reading endless, huge, slow and compressed-bomb answers at their limits', async () => {
    expect(await failureOf('/endless')).toMatch(/sends more than the limit \(0.25 MB\); kg stopped reading/);
    expect(await failureOf('/huge')).toMatch(/announces 50 MB/);
    expect(await failureOf('/bomb')).toMatch(/decodes to more than the limit/);
    expect(await failureOf('/drip', new WebClient({ ...limits, timeoutMs: 600 }))).toMatch(/no complete answer within 0.6 s/);
  });

  it('refuses content that is no article, and a PDF that is not one', async () => {
    expect(await failureOf('/photo.png')).toMatch(/the server sent image\/png, which is not an article/);
    site.routes.set('/fake.pdf', { type: 'application/pdf', body: '<html>error</html>' });
    expect(await failureOf('/fake.pdf')).toMatch(/the server says application\/pdf, but the file is not one/);
    expect(await failureOf('/scan.pdf')).toMatch(/no text layer/);
  });

  it('reports each bad source and still reads the good ones, from the command line', async () => {
    const run = await runKg(['extract', site.url('/news/checkpoint'), site.url('/missing-page'), site.url('/loop-a'), site.url('/broken.xml'), '--host-delay', '0', '--max-mb', '1']);
    expect(run.code).toBe(1);
    expect(Extraction.parse(JSON.parse(run.stdout)).documents).toHaveLength(1);
    expect(run.stderr).toMatch(/missing-page: the server answered 404/);
    expect(run.stderr).toMatch(/redirect loop/);
    expect(run.stderr).toMatch(/malformed XML/);
  });
});
