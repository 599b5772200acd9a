// The file source's k shortest paths: the same answers Neo4j's SHORTEST 3 gives over the store, on small
// invented graphs whose paths can be counted by hand.
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { kShortestPaths } from '../../src/server/shortest-paths.js';

/** A graph from "A>B" steps: each keyed source|TYPE|target as the store keys relationships. */
function graphOf(edges: Array<[string, string, string]>): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  for (const [source, type, target] of edges) {
    graph.mergeNode(source);
    graph.mergeNode(target);
    graph.addEdgeWithKey(`${source}|${type}|${target}`, source, target);
  }
  return graph;
}

describe('kShortestPaths', () => {
  it('takes every relationship between two entities as its own path, whichever way it points', () => {
    const graph = graphOf([['a', 'WARNED', 'b'], ['b', 'ACCUSED', 'a'], ['a', 'THREATENED', 'b'], ['a', 'ALLIED_WITH', 'c'], ['c', 'FOUGHT', 'b']]);
    const paths = kShortestPaths(graph, 'a', 'b', 3, 10);
    expect(paths.map((p) => p.nodes)).toEqual([['a', 'b'], ['a', 'b'], ['a', 'b']]);
    expect(new Set(paths.map((p) => p.edges[0]))).toEqual(new Set(['a|WARNED|b', 'b|ACCUSED|a', 'a|THREATENED|b']));
  });

  it('finds the three shortest ways round, shortest first, and leaves dead ends out', () => {
    const graph = graphOf([['a', 'R', 'b'], ['a', 'R', 'c'], ['c', 'R', 'b'], ['d', 'R', 'a'], ['d', 'R', 'e'], ['e', 'R', 'b'], ['a', 'R', 'f'], ['f', 'R', 'g']]);
    expect(kShortestPaths(graph, 'a', 'b', 3, 10)).toEqual([
      { nodes: ['a', 'b'], edges: ['a|R|b'] },
      { nodes: ['a', 'c', 'b'], edges: ['a|R|c', 'c|R|b'] },
      { nodes: ['a', 'd', 'e', 'b'], edges: ['d|R|a', 'd|R|e', 'e|R|b'] },
    ]);
  });

  it('never visits an entity twice, and gives fewer paths when fewer exist', () => {
    const graph = graphOf([['a', 'R', 'b'], ['b', 'R', 'c'], ['b', 'R', 'd'], ['d', 'R', 'b']]);
    const paths = kShortestPaths(graph, 'a', 'c', 3, 10);
    expect(paths).toEqual([{ nodes: ['a', 'b', 'c'], edges: ['a|R|b', 'b|R|c'] }]);
  });

  it('keeps to the step limit, and answers nothing for unknown or identical ends', () => {
    const chain = graphOf(Array.from({ length: 12 }, (_, i) => [`n${i}`, 'R', `n${i + 1}`] as [string, string, string]));
    expect(kShortestPaths(chain, 'n0', 'n12', 3, 10)).toEqual([]);
    expect(kShortestPaths(chain, 'n0', 'n10', 3, 10)).toHaveLength(1);
    expect(kShortestPaths(chain, 'n0', 'nowhere', 3, 10)).toEqual([]);
    expect(kShortestPaths(chain, 'n3', 'n3', 3, 10)).toEqual([]);
  });
});
