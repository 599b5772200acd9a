// The k shortest paths between two entities of an in-memory graph (a served file), as Neo4j's
// `SHORTEST k` answers over the store: relationships followed either way, and two relationships between the
// same entities make two paths. Yen's algorithm over breadth-first searches, since every step costs one.
import type { MultiDirectedGraph } from 'graphology';

export interface Path {
  nodes: string[];
  edges: string[];
}

/** The fewest-steps path avoiding some entities and relationships, or undefined if none is left. */
function shortest(graph: MultiDirectedGraph, from: string, to: string, avoidNodes: Set<string>, avoidEdges: Set<string>, maxSteps: number): Path | undefined {
  const via = new Map<string, { node: string; edge: string } | null>([[from, null]]);
  let frontier = [from];
  for (let steps = 0; steps < maxSteps && frontier.length > 0 && !via.has(to); steps++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachEdge(node, (edge, _a, source, target) => {
        const other = source === node ? target : source;
        if (via.has(other) || avoidNodes.has(other) || avoidEdges.has(edge)) return;
        via.set(other, { node, edge });
        next.push(other);
      });
    }
    frontier = next;
  }
  if (!via.has(to)) return undefined;
  const path: Path = { nodes: [to], edges: [] };
  for (let step = via.get(to); step; step = via.get(step.node)) {
    path.nodes.unshift(step.node);
    path.edges.unshift(step.edge);
  }
  return path;
}

/** Up to `k` loopless paths of at most `maxSteps` relationships, shortest first (ties in a stable order). */
export function kShortestPaths(graph: MultiDirectedGraph, from: string, to: string, k: number, maxSteps: number): Path[] {
  if (!graph.hasNode(from) || !graph.hasNode(to) || from === to) return [];
  const first = shortest(graph, from, to, new Set(), new Set(), maxSteps);
  if (!first) return [];
  const found: Path[] = [first];
  const candidates: Path[] = [];
  const seen = new Set([first.edges.join('\n')]);
  while (found.length < k) {
    const last = found[found.length - 1]!;
    // Each deviation leaves the last path at one of its entities and takes a way no found path with the same
    // beginning took.
    for (let i = 0; i < last.edges.length; i++) {
      const root = last.edges.slice(0, i);
      const rootKey = root.join('\n');
      const avoidEdges = new Set(found.filter((p) => p.edges.slice(0, i).join('\n') === rootKey).map((p) => p.edges[i]!));
      const spur = shortest(graph, last.nodes[i]!, to, new Set(last.nodes.slice(0, i)), avoidEdges, maxSteps - i);
      if (!spur) continue;
      const path = { nodes: [...last.nodes.slice(0, i), ...spur.nodes], edges: [...root, ...spur.edges] };
      const key = path.edges.join('\n');
      if (!seen.has(key)) {
        seen.add(key);
        candidates.push(path);
      }
    }
    if (candidates.length === 0) break;
    candidates.sort((a, b) => a.edges.length - b.edges.length);
    found.push(candidates.shift()!);
  }
  return found;
}
