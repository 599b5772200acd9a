// How entities look: a colour per type, a size from degree or PageRank.
import type { MultiDirectedGraph } from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank.js';

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

export function applySizes(graph: MultiDirectedGraph, by: SizeBy): void {
  const scores: Record<string, number> = by === 'pagerank' && graph.order > 0 ? pagerank(graph, { getEdgeWeight: null }) : {};
  const values = graph.mapNodes((node) => (by === 'pagerank' ? (scores[node] ?? 0) : graph.degree(node)));
  const max = Math.max(1e-9, ...values);
  graph.forEachNode((node) => {
    const value = by === 'pagerank' ? (scores[node] ?? 0) : graph.degree(node);
    graph.setNodeAttribute(node, 'size', 4 + 14 * Math.sqrt(value / max));
  });
}
