// GeoJSON (RFC 7946) for map tools (QGIS, geojson.io, kepler.gl): every entity `kg geocode` placed as a Point
// with its name, type and reports, and every relationship between two placed entities as a LineString with its
// type, confidence and evidence. Entities without coordinates are counted, not drawn.
import type { Exporter } from './types.js';

export const geojsonExporter: Exporter = {
  format: 'geojson',
  description: 'GeoJSON for map tools: placed entities as points, their relationships as lines (run kg geocode first)',
  folder: false,
  async write(streams, sink) {
    const out = sink.open();
    const where = new Map<string, [number, number]>();
    await out.write('{"type":"FeatureCollection","features":[\n');
    let features = 0;
    let nodes = 0;
    for await (const node of streams.nodes) {
      const { lat, lon } = node.properties;
      if (typeof lat !== 'number' || typeof lon !== 'number') continue;
      // GeoJSON positions are longitude first.
      where.set(node.id, [lon, lat]);
      const properties = { id: node.id, name: node.name, type: node.type, aliases: node.aliases, reports: node.reports, documents: node.documents, placedBy: node.properties.geoSource ?? null, country: node.properties.geoCountry ?? null };
      await out.write(`${features++ ? ',\n' : ''}${JSON.stringify({ type: 'Feature', id: node.id, geometry: { type: 'Point', coordinates: [lon, lat] }, properties })}`);
      nodes++;
    }
    let edges = 0;
    for await (const edge of streams.edges) {
      const from = where.get(edge.source);
      const to = where.get(edge.target);
      if (!from || !to) continue;
      const properties = { source: edge.source, target: edge.target, type: edge.type, confidence: edge.confidence, count: edge.count, evidence: edge.evidence, evidenceDocs: edge.evidenceDocs };
      await out.write(`${features++ ? ',\n' : ''}${JSON.stringify({ type: 'Feature', geometry: { type: 'LineString', coordinates: [from, to] }, properties })}`);
      edges++;
    }
    await out.write('\n]}\n');
    await out.close();
    return { nodes, edges };
  },
};
