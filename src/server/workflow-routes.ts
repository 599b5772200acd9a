// The analyst-workflow API (the attacks table, the timeline, "as of" views, corrections), as its own routes so the viewer's core
// API stays as it is. Corrections need the database: over an exported file they are refused with the reason.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { geojsonExporter, jsonExporter, restrictStreams, selectGraph, stringSink, writeCaseReport, type Selection } from '../export/index.js';
import { SerializedGraph } from '../model/api.js';
import { AttackFilter } from '../model/attacks.js';
import { CaseName, CaseView, caseEntities } from '../model/cases.js';
import { CorrectionRequest, UndoRequest } from '../model/corrections.js';
import { CaseError, ConfigError, CorrectionError } from '../model/errors.js';
import { ENTITY_TYPES, loadOntology } from '../model/ontology.js';
import { AsOf } from '../model/time.js';
import { knownDocuments } from '../store/as-of.js';
import type { Connection } from '../store/connection.js';
import { listAttacks } from '../store/attacks.js';
import { deleteCase, getCase, listCases, renameCase, saveCase } from '../store/cases.js';
import { listCorrections, recordCorrection, undoCorrection } from '../store/corrections.js';
import { readCypher } from '../store/cypher-files.js';
import { readRows } from '../store/run-query.js';
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

/** A correction or case request that cannot be done is the caller's to fix (400, or 404 for one that is not there). */
async function answer(c: Context, work: () => Promise<unknown>, status: 200 | 201 = 200) {
  try {
    return c.json(await work(), status);
  } catch (error) {
    if (!(error instanceof CorrectionError || error instanceof CaseError)) throw error;
    return c.json({ error: error.message, ...(error.hint ? { hint: error.hint } : {}) }, /^No (correction|case) /.test(error.message) ? 404 : 400);
  }
}

const SubgraphRequest = z.object({ ids: z.array(z.string().min(1)).max(50_000), asOf: AsOf.optional() });

/** A selection as the viewer's JSON, cut to what documents published by asOf say when a date is given. */
async function serialized(connection: Connection, selection: Selection, asOf: string | undefined): Promise<SerializedGraph> {
  const streams = await selectGraph(connection, selection);
  const out = stringSink();
  await jsonExporter.write(asOf ? restrictStreams(streams, await knownDocuments(connection, asOf)) : streams, out.sink);
  return SerializedGraph.parse(JSON.parse(out.text()));
}

const SaveCase = z.object({ view: CaseView, by: z.string().trim().min(1).max(200).optional() });

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
    const relations = q.relations ? { relations: q.relations } : {};
    for (const r of q.relations ?? []) if (!(r in ontology.relationTypes)) throw new ConfigError(`Unknown relation type ${r}`);
    return c.json(await serialized(database('"As of" views'), q.types ? { kind: 'types', types: q.types, ...relations } : { kind: 'all', ...relations }, q.asOf));
  });
  // The graph among the entities a view holds, as of a date when one is given: how the page re-runs a view
  // built from Cypher, expansions or paths under another date, and shows a case file's entities. A POST, as a
  // view's ids do not fit in a URL.
  app.post('/api/subgraph', async (c) => {
    const body = valid(SubgraphRequest, await c.req.json().catch(() => ({})));
    return c.json(await serialized(database('Views of chosen entities'), { kind: 'ids', ids: body.ids }, body.asOf));
  });
  // Placed entities and their relationships as GeoJSON, for the map (after `kg geocode`).
  app.get('/api/geojson', async (c) => {
    const q = valid(z.object({ asOf: AsOf.optional() }), c.req.query());
    const connection = database('Maps');
    // The exporter draws placed entities only: selecting those first spares streaming the whole store through
    // it (30 s for the map of a 100k-entity store with no place on it).
    const placed = (await readRows(connection, readCypher('geo/placed-ids.cypher'))).map((r) => String(r.id));
    const streams = await selectGraph(connection, { kind: 'ids', ids: placed });
    const out = stringSink();
    await geojsonExporter.write(q.asOf ? restrictStreams(streams, await knownDocuments(connection, q.asOf)) : streams, out.sink);
    return c.body(out.text(), 200, { 'Content-Type': 'application/geo+json' });
  });
  app.get('/api/cases', (c) => answer(c, () => listCases(database('Cases'))));
  app.get('/api/cases/:name', (c) => answer(c, () => getCase(database('Cases'), valid(CaseName, c.req.param('name')))));
  app.put('/api/cases/:name', async (c) => {
    const body = valid(SaveCase, await c.req.json().catch(() => ({})));
    return answer(c, () => saveCase(database('Cases'), valid(CaseName, c.req.param('name')), body.view, { overwrite: true, by: body.by }));
  });
  app.post('/api/cases', async (c) => {
    const body = valid(SaveCase.extend({ name: CaseName }), await c.req.json().catch(() => ({})));
    return answer(c, () => saveCase(database('Cases'), body.name, body.view, { overwrite: false, by: body.by }), 201);
  });
  app.post('/api/cases/:name/rename', async (c) => {
    const body = valid(z.object({ to: CaseName }), await c.req.json().catch(() => ({})));
    return answer(c, () => renameCase(database('Cases'), valid(CaseName, c.req.param('name')), body.to));
  });
  app.delete('/api/cases/:name', (c) => answer(c, async () => (await deleteCase(database('Cases'), valid(CaseName, c.req.param('name'))), { deleted: c.req.param('name') })));
  // The report as a page of its own: no script, so it is safe under the page's Content-Security-Policy.
  app.get('/api/cases/:name/report', async (c) => {
    const connection = database('Cases');
    const found = await getCase(connection, valid(CaseName, c.req.param('name'))).then((record) => ({ record }), (error: unknown) => ({ error }));
    if ('error' in found) return answer(c, () => Promise.reject(found.error));
    const { record } = found;
    const out = stringSink();
    await writeCaseReport(record, await selectGraph(connection, { kind: 'ids', ids: caseEntities(record.view) }), out.sink.open());
    return c.html(out.text());
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
