// Exports the current view so it stands alone: GraphML, GEXF and JSON with the same writers `kg export` uses
// (they need no Node APIs), plus the positions, sizes and colours drawn and the articles behind each edge;
// PNG with a title, the date, a legend of what is shown and the sources.
import type { MultiDirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import { drawOnCanvas } from '@sigma/export-image';
import { gexfExporter } from '../../src/export/gexf.js';
import { graphmlExporter } from '../../src/export/graphml.js';
import { jsonExporter } from '../../src/export/json.js';
import { articleLabel, citation } from '../../src/export/cite.js';
import { stringSink } from '../../src/export/string-sink.js';
import type { ExportEdge, ExportNode, Exporter } from '../../src/export/types.js';
import { colourOf } from './appearance.js';
import { download } from './download.js';
import type { Visibility } from './filters.js';
import type { Documents } from './graph-data.js';

async function* nodesOf(graph: MultiDirectedGraph, shown: Visibility): AsyncGenerator<ExportNode> {
  for (const node of shown.nodes) {
    const a = graph.getNodeAttributes(node);
    const properties = Object.fromEntries(['date', 'year'].filter((k) => a[k] != null).map((k) => [k, a[k]]));
    const look = { x: Number(a.x), y: Number(a.y), size: Number(a.size), color: String(a.color) };
    yield { id: node, name: String(a.label), type: String(a.type), aliases: (a.aliases as string[]) ?? [], reports: (a.reports as ExportNode['reports']) ?? [], documents: Number(a.documents ?? 0), mentionedIn: (a.mentionedIn as string[]) ?? [], properties, look };
  }
}

async function* edgesOf(graph: MultiDirectedGraph, shown: Visibility, documents: Documents): AsyncGenerator<ExportEdge> {
  for (const edge of shown.edges) {
    const a = graph.getEdgeAttributes(edge);
    const docs = (a.docs as string[]) ?? [];
    const sources = docs.filter((d) => documents[d]).map((d) => citation(documents[d]!));
    yield { source: graph.source(edge), target: graph.target(edge), type: String(a.type), confidence: Number(a.confidence), count: Number(a.count), evidence: a.evidence as string[], evidenceDocs: a.evidenceDocs as string[], docs, properties: {}, sources };
  }
}

/** The articles behind the shown relationships, by how many of them each supports. */
function sourcesOf(graph: MultiDirectedGraph, shown: Visibility, documents: Documents): string[] {
  const counts = new Map<string, number>();
  for (const edge of shown.edges) for (const d of (graph.getEdgeAttribute(edge, 'docs') as string[]) ?? []) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([d]) => (documents[d] ? articleLabel(documents[d]) : d));
}

const HEADER = 56;
const LINE = 16;
const MAX_SOURCES = 12;

/** The graph as drawn, under a title and date, beside a legend of the shown types, above its sources. */
async function picture(graph: MultiDirectedGraph, renderer: Sigma, shown: Visibility, documents: Documents): Promise<Blob> {
  const drawn = await drawOnCanvas(renderer, { backgroundColor: '#ffffff' });
  const sources = sourcesOf(graph, shown, documents);
  const listed = sources.slice(0, MAX_SOURCES);
  const footer = 28 + LINE * (listed.length + (sources.length > listed.length ? 1 : 0));
  const canvas = document.createElement('canvas');
  canvas.width = drawn.width;
  canvas.height = HEADER + drawn.height + footer;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(drawn, 0, HEADER);
  ctx.fillStyle = '#1d2330';
  ctx.font = 'bold 18px sans-serif';
  ctx.fillText(`kg: ${shown.nodes.size} entities, ${shown.edges.size} relationships`, 12, 24);
  ctx.font = '13px sans-serif';
  ctx.fillText(`Exported ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`, 12, 44);
  const types = [...new Set([...shown.nodes].map((n) => String(graph.getNodeAttribute(n, 'type'))))].sort();
  let x = canvas.width - 12;
  for (const type of [...types].reverse()) {
    const width = ctx.measureText(type).width;
    x -= width;
    ctx.fillStyle = '#1d2330';
    ctx.fillText(type, x, 32);
    x -= 16;
    ctx.fillStyle = colourOf(type);
    ctx.beginPath();
    ctx.arc(x + 6, 27, 6, 0, Math.PI * 2);
    ctx.fill();
    x -= 14;
  }
  ctx.fillStyle = '#1d2330';
  ctx.font = 'bold 13px sans-serif';
  let y = HEADER + drawn.height + 20;
  ctx.fillText(`Sources (${sources.length})`, 12, y);
  ctx.font = '12px sans-serif';
  for (const source of listed) ctx.fillText(source, 12, (y += LINE));
  if (sources.length > listed.length) ctx.fillText(`and ${sources.length - listed.length} more`, 12, (y += LINE));
  return new Promise((done, fail) => canvas.toBlob((blob) => (blob ? done(blob) : fail(new Error('The picture could not be encoded'))), 'image/png'));
}

export async function exportView(format: string, graph: MultiDirectedGraph, renderer: Sigma, documents: Documents, shown: Visibility): Promise<void> {
  if (format === 'png') return download('kg-view.png', await picture(graph, renderer, shown, documents), 'image/png');
  const exporter: Exporter | undefined = { graphml: graphmlExporter, gexf: gexfExporter, json: jsonExporter }[format];
  if (!exporter) return;
  const out = stringSink();
  const cited = Object.entries(documents).map(([id, d]) => ({ id, title: d.title, source: d.source, published: d.published ?? null }));
  await exporter.write({ nodes: nodesOf(graph, shown), edges: edgesOf(graph, shown, documents), documents: async () => cited }, out.sink);
  download(`kg-view.${format}`, out.text(), format === 'json' ? 'application/json' : 'application/xml');
}
