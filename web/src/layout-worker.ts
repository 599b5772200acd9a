// ForceAtlas2 off the page's thread for a fixed number of iterations, over entities and relationships in a
// fixed order: the same graph always gets the same positions, however fast or busy the machine.
import { MultiDirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

/** Start positions (x, y per entity) and relationships (two entity indexes each), in the caller's order. */
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

const scope = self as unknown as { onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null; postMessage(message: LayoutAnswer, transfer: Transferable[]): void };

scope.onmessage = ({ data }) => {
  const graph = new MultiDirectedGraph();
  const count = data.positions.length / 2;
  for (let i = 0; i < count; i++) graph.addNode(String(i), { x: data.positions[2 * i], y: data.positions[2 * i + 1] });
  for (let j = 0; j < data.edges.length; j += 2) graph.addEdge(String(data.edges[j]), String(data.edges[j + 1]));
  forceAtlas2.assign(graph, { iterations: data.iterations, settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: true } });
  const out = new Float64Array(data.positions.length);
  graph.forEachNode((node, a) => {
    out[2 * Number(node)] = Number(a.x);
    out[2 * Number(node) + 1] = Number(a.y);
  });
  scope.postMessage({ id: data.id, positions: out }, [out.buffer]);
};
