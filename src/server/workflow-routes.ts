// The analyst-workflow API (the attacks table, the timeline, "as of" views, corrections), as its own routes so the viewer's core
// API stays as it is. Corrections need the database: over an exported file they are refused with the reason.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { geojsonExporter, jsonExporter, restrictStreams, selectGraph, stringSink } from '../export/index.js';
import { SerializedGraph } from '../model/api.js';
import { AttackFilter } from '../model/attacks.js';
import { CorrectionRequest, UndoRequest } from '../model/corrections.js';
import { ConfigError, CorrectionError } from '../model/errors.js';
import { ENTITY_TYPES, loadOntology } from '../model/ontology.js';
import { AsOf } from '../model/time.js';
import { knownDocuments } from '../store/as-of.js';
import type { Connection } from '../store/connection.js';
import { listAttacks } from '../store/attacks.js';
import { listCorrections, recordCorrection, undoCorrection } from '../store/corrections.js';
import { readTimeline } from '../store/timeline.js';
import { Neo4jSource, type GraphSource } from './sources.js';

const list = z.string().optional().transform((v) => (v ? v.split(',').filter(Boolean) : undefined));
const AsOfQuery = z.object({ asOf: AsOf, types: list.pipe(z.array(z.enum(ENTITY_TYPES)).optional()), relations: list });
const ListQuery = z.object({ all: z.enum(['true', 'false']).optional().transform((v) => v === 'true') });

function valid<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ConfigError(`Invalid request: ${z.prettifyError(result.error).replace(/\n/g, ' ')}`);
  return result.data;
}

/** A correction that cannot be applied is the caller's to fix (400, or 404 for an unknown correction). */
async function answer(c: Context, work: () => Promise<unknown>, status: 200 | 201 = 200) {
  try {
    return c.json(await work(), status);
  } catch (error) {
    if (!(error instanceof CorrectionError)) throw error;
    return c.json({ error: error.message, ...(error.hint ? { hint: error.hint } : {}) }, /^No correction /.test(error.message) ? 404 : 400);
  }
}

export function workflowRoutes(source: GraphSource): Hono {
  const app = new Hono();
  const ontology = loadOntology();
  const database = (what: string): Connection => {
    if (source instanceof Neo4jSource) return source.connection;
    throw new ConfigError(`${what} need a database; this viewer serves a file`, 'Start `kg serve` without --graph.');
  };

  app.get('/api/attacks', async (c) => {
    const filter = valid(AttackFilter, c.req.query());
    return c.json(await listAttacks(database('The attacks table and its figures'), filter));
  });

  app.get('/api/timeline', async (c) => c.json(await readTimeline(database('The timeline'))));
  // The graph as documents published by asOf tell it (what /api/graph shows, restricted).
  app.get('/api/as-of', async (c) => {
    const q = valid(AsOfQuery, c.req.query());
    const connection = database('"As of" views');
    const relations = q.relations ? { relations: q.relations } : {};
    for (const r of q.relations ?? []) if (!(r in ontology.relationTypes)) throw new ConfigError(`Unknown relation type ${r}`);
    const streams = await selectGraph(connection, q.types ? { kind: 'types', types: q.types, ...relations } : { kind: 'all', ...relations });
    const out = stringSink();
    await jsonExporter.write(restrictStreams(streams, await knownDocuments(connection, q.asOf)), out.sink);
    return c.json(SerializedGraph.parse(JSON.parse(out.text())));
  });
  // Placed entities and their relationships as GeoJSON, for the map (after `kg geocode`).
  app.get('/api/geojson', async (c) => {
    const q = valid(z.object({ asOf: AsOf.optional() }), c.req.query());
    const connection = database('Maps');
    const streams = await selectGraph(connection, { kind: 'all' });
    const out = stringSink();
    await geojsonExporter.write(q.asOf ? restrictStreams(streams, await knownDocuments(connection, q.asOf)) : streams, out.sink);
    return c.body(out.text(), 200, { 'Content-Type': 'application/geo+json' });
  });
  app.get('/api/corrections', (c) => answer(c, () => listCorrections(database('Corrections'), valid(ListQuery, c.req.query()))));
  app.post('/api/corrections', async (c) => {
    const request = valid(CorrectionRequest, await c.req.json().catch(() => ({})));
    return answer(c, () => recordCorrection(database('Corrections'), ontology, request), 201);
  });
  app.post('/api/corrections/:id/undo', async (c) => {
    const body = valid(UndoRequest.omit({ id: true }), await c.req.json().catch(() => ({})));
    return answer(c, () => undoCorrection(database('Corrections'), ontology, { id: c.req.param('id'), ...body }));
  });
  return app;
}
