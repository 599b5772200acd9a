// GraphML, written as it streams; graphology-graphml parses it back (its package only reads GraphML).
import { edgeKey } from '../model/api.js';
import { EDGE_ATTRIBUTES, edgeAttributes, NODE_ATTRIBUTES, nodeAttributes, rgbOf } from './attributes.js';
import type { Exporter } from './types.js';
import { escapeXml } from './xml.js';

const LOOK_KEYS = [['x', 'double'], ['y', 'double'], ['size', 'double'], ['r', 'int'], ['g', 'int'], ['b', 'int']] as const;

export const graphmlExporter: Exporter = {
  format: 'graphml',
  description: 'GraphML for Gephi, yEd, networkx (read_graphml)',
  folder: false,
  async write(streams, sink) {
    const out = sink.open();
    const type = (t: string) => (t === 'int' ? 'int' : t === 'double' ? 'double' : 'string');
    await out.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n');
    for (const a of NODE_ATTRIBUTES) await out.write(`  <key id="n_${a.name}" for="node" attr.name="${a.name}" attr.type="${type(a.type)}"/>\n`);
    // Gephi reads a node's drawing from x, y, size and r, g, b; only exports from the viewer fill them.
    for (const [name, kind] of LOOK_KEYS) await out.write(`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${kind}"/>\n`);
    for (const a of EDGE_ATTRIBUTES) await out.write(`  <key id="e_${a.name}" for="edge" attr.name="${a.name}" attr.type="${type(a.type)}"/>\n`);
    await out.write('  <graph id="kg" edgedefault="directed">\n');
    let nodes = 0;
    for await (const node of streams.nodes) {
      const look = node.look ? { x: node.look.x, y: node.look.y, size: node.look.size, ...rgbOf(node.look.color) } : {};
      const data = Object.entries({ ...nodeAttributes(node), ...look }).map(([k, v]) => `<data key="n_${k}">${escapeXml(v)}</data>`).join('');
      await out.write(`    <node id="${escapeXml(node.id)}">${data}</node>\n`);
      nodes++;
    }
    let edges = 0;
    for await (const edge of streams.edges) {
      const data = Object.entries(edgeAttributes(edge)).map(([k, v]) => `<data key="e_${k}">${escapeXml(v)}</data>`).join('');
      await out.write(`    <edge id="${escapeXml(edgeKey(edge.source, edge.type, edge.target))}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">${data}</edge>\n`);
      edges++;
    }
    await out.write('  </graph>\n</graphml>\n');
    await out.close();
    return { nodes, edges };
  },
};
