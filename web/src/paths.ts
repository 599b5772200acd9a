// Paths between two entities as an analyst reads them: each step names its relationship and which way it points.
import type { MultiDirectedGraph } from 'graphology';
import type { PathResult } from '../../src/model/api.js';

export type Path = PathResult['paths'][number];

/** "Iran —ACCUSED→ Israel ←WARNED— Russia": names from the graph, arrows from each relationship's direction. */
export function describePath(graph: MultiDirectedGraph, path: Path): string {
  const name = (node: string) => String(graph.getNodeAttribute(node, 'label'));
  return path.nodes
    .map((node, i) => {
      if (i === 0) return name(node);
      const edge = path.edges[i - 1]!;
      const type = String(graph.getEdgeAttribute(edge, 'type'));
      return `${graph.source(edge) === path.nodes[i - 1] ? ` —${type}→ ` : ` ←${type}— `}${name(node)}`;
    })
    .join('');
}
