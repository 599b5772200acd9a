// graphology's serialisation format (what Graph.import() reads and the viewer loads), written as it streams.
// Graph attributes carry the cited documents, so evidence can name its articles without a database.
import { edgeKey } from '../model/api.js';
import type { ExportEdge, Exporter } from './types.js';

/** Each evidence sentence's page in a PDF (0: a document without pages); older graphs have none stored. */
const pagesOf = (edge: ExportEdge): number[] => {
  const pages = edge.properties.evidencePages;
  return Array.isArray(pages) && pages.length === edge.evidence.length ? pages.map(Number) : edge.evidence.map(() => 0);
};

export const jsonExporter: Exporter = {
  format: 'json',
  description: "graphology's JSON serialisation (the viewer's format; Graph.from())",
  folder: false,
  async write(streams, sink) {
    const out = sink.open();
    await out.write('{"options":{"type":"directed","multi":true,"allowSelfLoops":false},"nodes":[\n');
    let nodes = 0;
    for await (const node of streams.nodes) {
      const { date, year } = node.properties;
      const attributes = { label: node.name, type: node.type, aliases: node.aliases, reports: node.reports, documents: node.documents, mentionedIn: node.mentionedIn, ...(typeof date === 'string' ? { date } : {}), ...(typeof year === 'number' ? { year } : {}), ...(node.look ?? {}) };
      await out.write(`${nodes ? ',\n' : ''}${JSON.stringify({ key: node.id, attributes })}`);
      nodes++;
    }
    await out.write('\n],"edges":[\n');
    let edges = 0;
    for await (const edge of streams.edges) {
      const attributes = { type: edge.type, label: edge.type, confidence: edge.confidence, count: edge.count, evidence: edge.evidence, evidenceDocs: edge.evidenceDocs, evidencePages: pagesOf(edge), docs: edge.docs, ...(edge.sources ? { sources: edge.sources } : {}) };
      await out.write(`${edges ? ',\n' : ''}${JSON.stringify({ key: edgeKey(edge.source, edge.type, edge.target), source: edge.source, target: edge.target, attributes })}`);
      edges++;
    }
    const documents = Object.fromEntries((await streams.documents()).map((d) => [d.id, { title: d.title, source: d.source, published: d.published }]));
    await out.write(`\n],"attributes":${JSON.stringify({ documents })}}\n`);
    await out.close();
    return { nodes, edges };
  },
};
