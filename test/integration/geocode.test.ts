// kg geocode against the real Neo4j on the seeds: places and attacks get coordinates from the offline
// gazetteers, what cannot be placed is said, and the exports carry the coordinates (GEXF, GraphML, GeoJSON).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/cli/ingest-command.js';
import { loadGeocoder } from '../../src/resolve/geocode.js';
import { geocodeGraph } from '../../src/store/geocode.js';
import { createApp } from '../../src/server/app.js';
import { requestLocally } from '../helpers/local-request.js';
import { Neo4jSource } from '../../src/server/sources.js';
import { countOf, dumpGraph } from '../helpers/graph-dump.js';
import { useTestStore } from '../helpers/test-store.js';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const store = useTestStore('geo');
const { dir: out, kg } = store;

beforeAll(async () => {
  await ingestPaths(store.connection, [seeds], { batch: 25, maxMb: 10 }, { quiet: true });
});

describe('kg geocode', () => {
  it('places cities, countries, venues by their city and attacks where they occurred; says what it could not place', async () => {
    const summary = await geocodeGraph(store.connection, loadGeocoder());
    const at = async (id: string) => {
      const session = store.connection.driver.session();
      const r = await session.run('MATCH (e:Entity {id: $id}) RETURN e.lat AS lat, e.lon AS lon, e.geoSource AS source, e.geoCountry AS country', { id });
      await session.close();
      return r.records[0]!.toObject();
    };
    expect(await at('location/moscow')).toMatchObject({ country: 'RU', source: 'gazetteer' });
    expect((await at('location/moscow')).lat).toBeCloseTo(55.75, 1);
    expect((await at('location/kerman')).lon).toBeCloseTo(57.08, 1);
    expect(await at('country/iran')).toMatchObject({ source: 'country', country: 'IR', lat: 32, lon: 53 });
    expect(await at('location/dubrovka-theater')).toMatchObject({ source: 'located-in', country: 'RU' });
    const crocus = await at('attack/moscow');
    expect(crocus.source).toMatch(/^occurred-in:location\//);
    expect(crocus.lat).toBeCloseTo(55.8, 0);
    expect(summary.unplaced).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Sahel', reason: 'a region, not a point' }), expect.objectContaining({ name: 'Crocus City Hall' })]));
    expect(await countOf(store.connection, 'MATCH (e:Entity) WHERE e.geoUnplaced = true AND e.lat IS NOT NULL RETURN count(e)')).toBe(0);
    // Recomputed from the whole graph: running it again changes nothing.
    const once = await dumpGraph(store.connection);
    await geocodeGraph(store.connection, loadGeocoder());
    expect(await dumpGraph(store.connection)).toEqual(once);
  });

  it('prints what it placed and what it could not', async () => {
    const run = await kg(['geocode']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Placed \d+ of \d+ locations and countries, and \d+ of \d+ attacks\./);
    expect(run.stdout).toContain('Could not place:');
    expect(run.stdout).toContain('Sahel (Location): a region, not a point');
  });

  it('exports the coordinates: GEXF and GraphML attributes, and GeoJSON points and lines', async () => {
    await kg(['export', '-f', 'gexf', '-o', join(out, 'g.gexf')]);
    await kg(['export', '-f', 'graphml', '-o', join(out, 'g.graphml')]);
    const gexf = parseGexf(MultiDirectedGraph, readFileSync(join(out, 'g.gexf'), 'utf8'));
    const graphml = parseGraphml(MultiDirectedGraph, readFileSync(join(out, 'g.graphml'), 'utf8'));
    for (const graph of [gexf, graphml]) {
      const moscow = graph.findNode((_, a) => a.name === 'Moscow')!;
      expect(graph.getNodeAttribute(moscow, 'lat')).toBeCloseTo(55.75, 1);
      const sahel = graph.findNode((_, a) => a.name === 'Sahel')!;
      expect(graph.getNodeAttribute(sahel, 'lat')).toBeUndefined();
    }
    const exported = await kg(['export', '-f', 'geojson', '-o', join(out, 'g.geojson')]);
    expect(exported.code).toBe(0);
    const geo = JSON.parse(readFileSync(join(out, 'g.geojson'), 'utf8')) as { type: string; features: Array<{ geometry: { type: string; coordinates: number[] | number[][] }; properties: Record<string, unknown> }> };
    expect(geo.type).toBe('FeatureCollection');
    const points = geo.features.filter((f) => f.geometry.type === 'Point');
    expect(points.find((f) => f.properties.name === 'Kerman')!.geometry.coordinates[0]).toBeCloseTo(57.08, 1);
    expect(points.some((f) => f.properties.name === 'Sahel')).toBe(false);
    expect(points.find((f) => f.properties.type === 'Attack' && f.properties.name === 'Crocus City Hall attack')).toBeDefined();
    const lines = geo.features.filter((f) => f.geometry.type === 'LineString');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect((line.geometry.coordinates as number[][]).every((p) => p.length === 2 && p.every(Number.isFinite))).toBe(true);
    const app = createApp(new Neo4jSource(store.connection), out);
    const served = await requestLocally(app, '/api/geojson');
    expect(served.headers.get('content-type')).toContain('application/geo+json');
    // The map's copy is the export's, feature for feature (in the order the store returns them).
    const features = (g: { features: unknown[] }) => g.features.map((f) => JSON.stringify(f)).sort();
    expect(features((await served.json()) as typeof geo)).toEqual(features(geo));
  });
});
