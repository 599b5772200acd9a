// A news site on 127.0.0.1 for the tests: routes serve feeds, pages and files written for the tests, and every
// request is recorded so a test can check what kg asked (conditional headers, pacing, robots.txt first).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = { status?: number; type?: string; body: string | Uint8Array; headers?: Record<string, string> } | ((req: IncomingMessage, res: ServerResponse) => void);

export interface RequestLog {
  path: string;
  at: number;
  headers: IncomingMessage['headers'];
}

export interface NewsServer {
  url: (path: string) => string;
  routes: Map<string, Route>;
  requests: RequestLog[];
  close: () => Promise<void>;
}

export async function startNewsServer(routes: Record<string, Route> = {}): Promise<NewsServer> {
  const table = new Map(Object.entries(routes));
  const requests: RequestLog[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, at: Date.now(), headers: req.headers });
    // A query string (?utm_source=...) reaches the same page, as on real sites.
    const route = table.get(path) ?? table.get(path.split('?')[0]!);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      return;
    }
    if (typeof route === 'function') return route(req, res);
    res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'text/html; charset=utf-8', ...route.headers }).end(route.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${base}${path}`,
    routes: table,
    requests,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** A page as news sites write them: chrome, comments and scripts around the article, metadata in the head. */
export function newsPage(a: { headline: string; paragraphs: string[]; canonical?: string; published?: string; author?: string; outlet?: string }): string {
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: a.outlet ?? 'Site' },
      { '@type': 'NewsArticle', headline: a.headline, datePublished: a.published, author: a.author ? [{ '@type': 'Person', name: a.author }] : undefined, publisher: { '@type': 'Organization', name: a.outlet } },
    ],
  });
  return `<!doctype html><html><head><title>${a.headline} | ${a.outlet ?? 'Site'}</title>
${a.canonical ? `<link rel="canonical" href="${a.canonical}">` : ''}
<meta property="og:site_name" content="${a.outlet ?? 'Site'}">
<script type="application/ld+json">${jsonLd}</script>
<script>window.tracker = "Hezbollah claimed everything";</script></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World news</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${a.headline}</h1><p class="byline">By ${a.author ?? 'Staff'}</p>
${a.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/x">Markets rally after rate cut</a></li><li><a href="/y">Cup final tickets sold out</a></li></ul></aside>
<section id="comments"><h2>Comments</h2><div class="comment"><p>First! The Kremlin denied it all, says user123.</p></div></section></main>
<footer>© ${a.outlet ?? 'Site'} 2025. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>`;
}
