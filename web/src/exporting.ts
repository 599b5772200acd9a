// Exports the current view with the same writers `kg export` uses (they need no Node APIs).
import type { MultiDirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import { downloadAsPNG } from '@sigma/export-image';
import { gexfExporter } from '../../src/export/gexf.js';
import { graphmlExporter } from '../../src/export/graphml.js';
import { jsonExporter } from '../../src/export/json.js';
import { stringSink } from '../../src/export/string-sink.js';
import { download } from './download.js';
import type { ExportEdge, ExportNode, Exporter } from '../../src/export/types.js';

type Documents = Record<string, { title: string; source: string; published?: string | null | undefined }>;

async function* nodesOf(graph: MultiDirectedGraph, visible: (node: string) => boolean): AsyncGenerator<ExportNode> {
  for (const node of graph.nodes()) {
    if (!visible(node)) continue;
    const a = graph.getNodeAttributes(node);
    yield { id: node, name: String(a.label), type: String(a.type), aliases: (a.aliases as string[]) ?? [], reports: (a.reports as ExportNode['reports']) ?? [], documents: Number(a.documents ?? 0), mentionedIn: (a.mentionedIn as string[]) ?? [], properties: Object.fromEntries(['date', 'year'].filter((k) => a[k] != null).map((k) => [k, a[k]])) };
  }
}

async function* edgesOf(graph: MultiDirectedGraph, visible: (edge: string) => boolean): AsyncGenerator<ExportEdge> {
  for (const edge of graph.edges()) {
    if (!visible(edge)) continue;
    const a = graph.getEdgeAttributes(edge);
    yield { source: graph.source(edge), target: graph.target(edge), type: String(a.type), confidence: Number(a.confidence), count: Number(a.count), evidence: a.evidence as string[], evidenceDocs: a.evidenceDocs as string[], docs: a.docs as string[], properties: {} };
  }
}

export async function exportView(format: string, graph: MultiDirectedGraph, renderer: Sigma, documents: Documents, visibleNode: (n: string) => boolean, visibleEdge: (e: string) => boolean): Promise<void> {
  if (format === 'png') return downloadAsPNG(renderer, { fileName: 'kg-view' });
  const exporter: Exporter | undefined = { graphml: graphmlExporter, gexf: gexfExporter, json: jsonExporter }[format];
  if (!exporter) return;
  const out = stringSink();
  const cited = Object.entries(documents).map(([id, d]) => ({ id, title: d.title, source: d.source, published: d.published ?? null }));
  await exporter.write({ nodes: nodesOf(graph, visibleNode), edges: edgesOf(graph, (e) => visibleEdge(e)), documents: async () => cited }, out.sink);
  download(`kg-view.${format}`, out.text(), format === 'json' ? 'application/json' : 'application/xml');
}
