// What a generated store should hold, worked out from the generated graph itself rather than asked of the store.
import type { SerializedGraph } from '../../src/model/api.js';

/** Relationships per entity, one per (source, type, target) as the store keeps them. */
export function relationshipCounts(graph: SerializedGraph): Map<string, number> {
  const counts = new Map(graph.nodes.map((n) => [n.key, 0]));
  for (const triple of new Set(graph.edges.map((e) => `${e.source}|${e.attributes.type}|${e.target}`))) {
    const [s, , t] = triple.split('|') as [string, string, string];
    counts.set(s, counts.get(s)! + 1);
    counts.set(t, counts.get(t)! + 1);
  }
  return counts;
}

/** Entities busiest first, ties by id: the order a summary takes them in. */
export function busiestFirst(counts: Map<string, number>): Array<[string, number]> {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
