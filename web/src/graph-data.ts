// The graph the page shows and the articles it cites. API responses merge in by the store's keys (entity id,
// source|type|target), so a relationship is never dropped because another one joins the same two entities and
// never drawn twice because it arrived in two responses.
import type { MultiDirectedGraph } from 'graphology';
import { indexParallelEdgesIndex, DEFAULT_EDGE_CURVATURE } from '@sigma/edge-curve';
import type { SerializedGraph } from '../../src/model/api.js';
import { colourOf } from './appearance.js';

export type Documents = SerializedGraph['attributes']['documents'];

/** A number in [0, 1) from a string (FNV-1a): the same entity starts at the same place on every load. */
export function hashUnit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

/**
 * Adds what `data` has and `graph` lacks; returns the documents of both. New entities start near `near` (what
 * they were expanded from), so positions already laid out are kept. With `edgesOnly`, only relationships
 * between entities already shown are taken (linking new entities to the rest of the view).
 */
export function mergeInto(graph: MultiDirectedGraph, documents: Documents, data: SerializedGraph, options: { near?: string | undefined; edgesOnly?: boolean } = {}): Documents {
  const origin = options.near && graph.hasNode(options.near) ? graph.getNodeAttributes(options.near) : undefined;
  for (const node of data.nodes) {
    if (options.edgesOnly || graph.hasNode(node.key)) continue;
    const angle = hashUnit(node.key) * Math.PI * 2;
    const x = origin ? Number(origin.x) + Math.cos(angle) * 5 : hashUnit(`x:${node.key}`) * 100;
    const y = origin ? Number(origin.y) + Math.sin(angle) * 5 : hashUnit(`y:${node.key}`) * 100;
    graph.addNode(node.key, { ...node.attributes, x, y, color: colourOf(node.attributes.type) });
  }
  for (const edge of data.edges) {
    if (graph.hasEdge(edge.key) || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addEdgeWithKey(edge.key, edge.source, edge.target, { ...edge.attributes, size: 1 + 2 * edge.attributes.confidence });
  }
  curveParallelEdges(graph);
  return { ...documents, ...data.attributes.documents };
}

/**
 * Makes the graph what `data` holds (after a correction or a change of "as of" date): what it lacks goes, what
 * changed takes its new attributes, and entities that stay keep their positions.
 */
export function replaceWith(graph: MultiDirectedGraph, data: SerializedGraph): Documents {
  const nodes = new Map(data.nodes.map((n) => [n.key, n.attributes]));
  const edges = new Map(data.edges.map((e) => [e.key, e]));
  for (const node of graph.nodes()) {
    const attributes = nodes.get(node);
    if (!attributes) graph.dropNode(node);
    else graph.replaceNodeAttributes(node, { ...attributes, x: graph.getNodeAttribute(node, 'x'), y: graph.getNodeAttribute(node, 'y'), color: colourOf(attributes.type) });
  }
  for (const edge of graph.edges()) {
    const kept = edges.get(edge);
    if (!kept || kept.source !== graph.source(edge) || kept.target !== graph.target(edge)) graph.dropEdge(edge);
    else graph.replaceEdgeAttributes(edge, { ...kept.attributes, size: 1 + 2 * kept.attributes.confidence });
  }
  return mergeInto(graph, {}, data);
}

/** Edges between the same two entities (either way) bend apart, so each one can be seen and clicked. */
function curveParallelEdges(graph: MultiDirectedGraph): void {
  indexParallelEdgesIndex(graph, { edgeIndexAttribute: 'parallelIndex', edgeMaxIndexAttribute: 'parallelMaxIndex' });
  graph.forEachEdge((edge, a) => {
    const curved = typeof a.parallelIndex === 'number' && a.parallelMaxIndex > 0;
    const curvature = curved ? DEFAULT_EDGE_CURVATURE + (DEFAULT_EDGE_CURVATURE * 3 * Number(a.parallelIndex)) / Math.max(1, Number(a.parallelMaxIndex)) : 0;
    graph.mergeEdgeAttributes(edge, { edgeKind: curved ? 'curved' : 'straight', curvature });
  });
}
