// ForceAtlas2 for a fixed number of iterations over entities and relationships in key order: the positions
// depend on the graph alone, not on the order its parts arrived in nor on how fast or busy the machine is.
// Pure: the page runs it for small graphs, the layout worker for large ones.
import { MultiDirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

/** Start positions (x, y per entity) and relationships (two entity indexes each), in key order. */
export interface LayoutRequest {
  id: number;
  positions: Float64Array;
  edges: Uint32Array;
  iterations: number;
}

/** The positions laid out, in the request's order, for the request `id`. */
export interface LayoutAnswer {
  id: number;
  positions: Float64Array;
}

export const settingsFor = (graph: MultiDirectedGraph) => ({ ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 });

/** What to lay out: the graph's entities (sorted by key) where they are now and its relationships (sorted). */
export function requestFor(graph: MultiDirectedGraph, id: number, iterations: number): { request: LayoutRequest; nodes: string[] } {
  const nodes = graph.nodes().sort();
  const index = new Map(nodes.map((node, i) => [node, i]));
  const positions = new Float64Array(nodes.length * 2);
  nodes.forEach((node, i) => {
    positions[2 * i] = Number(graph.getNodeAttribute(node, 'x'));
    positions[2 * i + 1] = Number(graph.getNodeAttribute(node, 'y'));
  });
  const edges = new Uint32Array(graph.edges().sort().flatMap((edge) => [index.get(graph.source(edge))!, index.get(graph.target(edge))!]));
  return { request: { id, positions, edges, iterations }, nodes };
}

export function layOut(request: LayoutRequest): Float64Array {
  const graph = new MultiDirectedGraph();
  const count = request.positions.length / 2;
  for (let i = 0; i < count; i++) graph.addNode(String(i), { x: request.positions[2 * i], y: request.positions[2 * i + 1] });
  for (let j = 0; j < request.edges.length; j += 2) graph.addEdge(String(request.edges[j]), String(request.edges[j + 1]));
  forceAtlas2.assign(graph, { iterations: request.iterations, settings: settingsFor(graph) });
  const out = new Float64Array(request.positions.length);
  graph.forEachNode((node, a) => {
    out[2 * Number(node)] = Number(a.x);
    out[2 * Number(node) + 1] = Number(a.y);
  });
  return out;
}

/** Puts the laid-out positions on the entities they were asked for (those since removed are skipped). */
export function applyPositions(graph: MultiDirectedGraph, nodes: string[], positions: Float64Array): void {
  const index = new Map(nodes.map((node, i) => [node, i]));
  graph.updateEachNodeAttributes((node, a) => {
    const i = index.get(node);
    return i === undefined ? a : { ...a, x: positions[2 * i], y: positions[2 * i + 1] };
  }, { attributes: ['x', 'y'] });
}
