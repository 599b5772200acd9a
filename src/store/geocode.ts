// Puts the stored locations and countries on the map (see resolve/geocode.ts) and their attacks where they
// occurred; a venue the gazetteer does not know takes the place it lies in. Says what could not be placed.
// It recomputes every place from the whole graph, so the result does not depend on the order of ingests.
import { z } from 'zod';
import type { Geocoder, Placement } from '../resolve/geocode.js';
import { readCypher } from './cypher-files.js';
import type { Connection } from './connection.js';
import { readRows } from './run-query.js';
import { runInOneTransaction } from './write-graph.js';

const PlaceRow = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  aliases: z.array(z.string()),
  within: z.array(z.string()),
  attackCountries: z.array(z.string()),
  mentioned: z.array(z.string()),
  inside: z.array(z.string()),
});

export interface GeocodeSummary {
  placed: Array<Extract<Placement, { placed: true }> & { name: string }>;
  unplaced: Array<{ id: string; name: string; type: string; reason: string }>;
  attacks: { placed: number; unplaced: string[] };
}

export async function geocodeGraph(connection: Connection, geocoder: Geocoder): Promise<GeocodeSummary> {
  const rows = (await readRows(connection, readCypher('geo/places.cypher'))).map((r) => PlaceRow.parse(r));
  const placements = new Map(rows.map((r) => [r.id, geocoder.place({ id: r.id, name: r.name, type: r.type, aliases: r.aliases, within: [...r.within, ...r.attackCountries], mentioned: r.mentioned })]));
  // A venue or district takes the place it lies in (one step, so a chain cannot loop).
  for (const row of rows) {
    const own = placements.get(row.id)!;
    const container = row.inside.map((id) => placements.get(id)).find((p) => p?.placed);
    if (!own.placed && container?.placed) placements.set(row.id, { ...container, id: row.id, source: 'located-in', matched: `in ${container.matched}` });
  }
  const names = new Map(rows.map((r) => [r.id, r]));
  const params = [...placements.values()].map((p) => (p.placed ? { id: p.id, lat: p.lat, lon: p.lon, source: p.source, country: p.country, unplaced: null } : { id: p.id, lat: null, lon: null, source: null, country: null, unplaced: true }));
  await runInOneTransaction(connection, [
    { kind: 'entities', query: readCypher('geo/set-coordinates.cypher'), params: { places: params }, rows: params.length },
    { kind: 'entities', query: readCypher('geo/attack-coordinates.cypher'), params: {}, rows: 0 },
  ]);
  const attacks = await readRows(connection, readCypher('geo/attacks-placed.cypher'));
  const placed = [...placements.values()].filter((p): p is Extract<Placement, { placed: true }> => p.placed).map((p) => ({ ...p, name: names.get(p.id)!.name }));
  const unplaced = [...placements.values()].filter((p): p is Extract<Placement, { placed: false }> => !p.placed).map((p) => ({ id: p.id, name: names.get(p.id)!.name, type: names.get(p.id)!.type, reason: p.reason }));
  return { placed, unplaced, attacks: { placed: attacks.filter((a) => a.placed).length, unplaced: attacks.filter((a) => !a.placed).map((a) => String(a.name)) } };
}
