// A serialised graph of any size in the shape `kg export -f json` writes, for exercising the viewer at scale.
// Endpoints are spread by multiplying with large primes: deterministic, no self-loops, and many hubs.
import type { SerializedGraph } from '../model/api.js';

const TYPES = ['Person', 'Group', 'Country', 'Attack', 'Location', 'Organization'];
const RELATIONS = ['CLAIMED', 'WARNED', 'ACCUSED', 'MEMBER_OF', 'OCCURRED_IN', 'ACTIVE_IN'];

export function syntheticGraph(nodeCount: number, edgeCount: number): SerializedGraph {
  const nodes = Array.from({ length: nodeCount }, (_, i) => ({
    key: `n${i}`,
    attributes: { label: `Entity ${i}`, type: TYPES[i % TYPES.length]!, aliases: [], reports: [], documents: 1, mentionedIn: [] },
  }));
  const edges = Array.from({ length: edgeCount }, (_, i) => {
    const source = (i * 7919) % nodeCount;
    const target = (source + 1 + ((i * 104_729) % (nodeCount - 1))) % nodeCount;
    const type = RELATIONS[i % RELATIONS.length]!;
    return { key: `e${i}`, source: `n${source}`, target: `n${target}`, attributes: { type, label: type, confidence: 0.8, count: 1, evidence: ['A sentence.'], evidenceDocs: ['d'], docs: ['d'] } };
  });
  return {
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    attributes: { documents: { d: { title: 'Generated', source: 'generated.txt', published: null } } },
    nodes,
    edges,
  };
}
