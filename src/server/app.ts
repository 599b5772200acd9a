// The viewer's HTTP server: the JSON API over a graph source, and the built page. Requests are validated with
// zod; errors come back as {error, hint} with a status that says whose fault it was.
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { z } from 'zod';
import { CypherRequest, EdgesQuery, EvidenceQuery, GraphQuery, OverviewQuery, PathQuery, SearchQuery } from '../model/api.js';
import { ConfigError, KgError, QueryError } from '../model/errors.js';
import { requestGuard, type RequestGuardOptions } from './request-guard.js';
import type { GraphSource } from './sources.js';
import { DEFAULT_SUMMARY, Summaries, type SummaryOptions } from './summary.js';
import { workflowRoutes } from './workflow-routes.js';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.ico': 'image/x-icon' };

// The page runs only its own scripts; ForceAtlas2's worker starts from a blob URL; article text is never markup.
const CSP = "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const UPDATE_INTERVAL_MS = 2000;

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ConfigError(`Invalid request: ${result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
  return result.data;
}

function failure(c: Context, error: unknown) {
  if (error instanceof KgError) {
    const status = error instanceof QueryError || error instanceof ConfigError ? 400 : error.code === 'NEO4J_UNAVAILABLE' ? 503 : 500;
    return c.json({ error: error.message, ...(error.hint ? { hint: error.hint } : {}) }, status);
  }
  return c.json({ error: `Internal error: ${(error as Error).message ?? String(error)}` }, 500);
}

export function createApp(source: GraphSource, webRoot: string, guard: RequestGuardOptions = { allowedHosts: [] }, summary: SummaryOptions = DEFAULT_SUMMARY): Hono {
  const app = new Hono();
  const summaries = new Summaries(source, summary);
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });
  app.use('*', ...requestGuard(guard));
  // Whichever request finds the database gone, the page gets the same message and fix as from /api/health.
  app.onError(async (error, c) => failure(c, error instanceof KgError && error.code === 'NEO4J_UNAVAILABLE' ? ((await source.health().then(() => error, (down: unknown) => down)) ?? error) : error));

  app.get('/api/info', (c) => c.json({ source: source.kind, cypher: source.kind === 'neo4j' }));
  app.get('/api/health', async (c) => {
    await source.health();
    return c.json({ ok: true });
  });
  app.get('/api/graph', async (c) => c.json(await source.graph(parse(GraphQuery, c.req.query()))));
  app.get('/api/overview', async (c) => c.json(await summaries.overview(parse(OverviewQuery, c.req.query()).full)));
  app.get('/api/entities', async (c) => c.json(await source.entities(parse(EdgesQuery, c.req.query()).ids)));
  app.get('/api/relationship-counts', async (c) => c.json(await source.relationshipCounts(parse(EdgesQuery, c.req.query()).ids)));
  app.get('/api/neighbours/:id', async (c) => c.json(await source.neighbours(c.req.param('id'))));
  app.get('/api/around', async (c) => c.json(await source.around(parse(EdgesQuery, c.req.query()).ids)));
  app.get('/api/path', async (c) => {
    const q = parse(PathQuery, c.req.query());
    return c.json(await source.path(q.from, q.to));
  });
  app.get('/api/search', async (c) => {
    const q = parse(SearchQuery, c.req.query());
    return c.json(await source.search(q.q, q.limit));
  });
  app.get('/api/evidence', async (c) => {
    const q = parse(EvidenceQuery, c.req.query());
    return c.json(await source.evidence(q.source, q.type, q.target));
  });
  app.post('/api/cypher', async (c) => {
    const body = parse(CypherRequest, await c.req.json().catch(() => ({})));
    return c.json(await source.cypher(body.query));
  });
  // Server-sent events: the document count now and whenever it changes, so an open page can load what
  // `kg watch` adds without a reload. A failing database ends the stream; the browser reconnects by itself.
  app.get('/api/updates', (c) =>
    streamSSE(c, async (stream) => {
      let last: number | undefined;
      while (!stream.aborted) {
        const documents = await source.documentCount().catch(() => undefined);
        if (documents === undefined) break;
        if (documents !== last) await stream.writeSSE({ event: 'documents', data: JSON.stringify({ documents }) });
        last = documents;
        await stream.sleep(UPDATE_INTERVAL_MS);
      }
    }),
  );
  app.route('/', workflowRoutes(source));
  app.all('/api/*', (c) => c.json({ error: `No such API: ${c.req.method} ${c.req.path}` }, 404));

  app.get('*', (c) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(c.req.path);
    } catch {
      return c.text(`Bad path: ${c.req.path} is not valid percent-encoding.`, 400);
    }
    const path = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
    let file = join(webRoot, path === '/' ? 'index.html' : path);
    if (!file.startsWith(webRoot) || !existsSync(file) || !extname(file)) file = join(webRoot, 'index.html');
    if (!existsSync(file)) return c.text('The viewer is not built: run `npm run build`.', 503);
    return c.body(readFileSync(file), 200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  });
  return app;
}
