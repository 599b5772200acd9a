// How entities look: a colour per type, a size from degree or PageRank.
import type { MultiDirectedGraph } from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import type { Visibility } from './filters.js';

export const TYPE_COLOURS: Record<string, string> = {
  Person: '#3b7dd8',
  Group: '#d8453b',
  Country: '#2e9e5b',
  Attack: '#111111',
  Location: '#e39b2d',
  Organization: '#8a4fd8',
  Event: '#8a94a6',
};

export const colourOf = (type: string): string => TYPE_COLOURS[type] ?? '#8a94a6';

export type SizeBy = 'degree' | 'pagerank';

// Discs covering more of the screen than this, with the whole graph in view, merge into one blob that tells
// nothing and costs fill rate on every frame; larger graphs get proportionally smaller discs.
const SCREEN_SHARE = 0.15;
const MIN_SIZE = 1.5;

/**
 * Node sizes from degree or PageRank over what is shown (a filter changes who is central), scaled down when
 * the graph is too dense for `screenArea` pixels. Hidden entities keep the smallest size.
 */
export function applySizes(graph: MultiDirectedGraph, shown: Visibility, by: SizeBy, screenArea: number): void {
  const values = new Map<string, number>();
  if (by === 'pagerank' && shown.nodes.size > 0) {
    const view = graph.emptyCopy();
    view.clear();
    shown.nodes.forEach((node) => view.addNode(node));
    shown.edges.forEach((edge) => {
      if (shown.nodes.has(graph.source(edge)) && shown.nodes.has(graph.target(edge))) view.addEdgeWithKey(edge, graph.source(edge), graph.target(edge));
    });
    const scores = pagerank(view, { getEdgeWeight: null });
    shown.nodes.forEach((node) => values.set(node, scores[node] ?? 0));
  } else {
    shown.nodes.forEach((node) => values.set(node, graph.reduceEdges(node, (sum, edge) => sum + Number(shown.edges.has(edge)), 0)));
  }
  const max = Math.max(1e-9, ...values.values());
  const sizes = new Map([...values].map(([node, value]) => [node, 4 + 14 * Math.sqrt(value / max)] as const));
  const covered = [...sizes.values()].reduce((sum, r) => sum + Math.PI * r * r, 0);
  const scale = Math.min(1, Math.sqrt((SCREEN_SHARE * screenArea) / Math.max(1, covered)));
  graph.forEachNode((node) => graph.setNodeAttribute(node, 'size', Math.max(MIN_SIZE, (sizes.get(node) ?? 0) * scale)));
}
