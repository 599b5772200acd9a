// GEXF 1.3 for Gephi, written as it streams; graphology-gexf parses it back.
import { edgeKey } from '../model/api.js';
import { EDGE_ATTRIBUTES, edgeAttributes, NODE_ATTRIBUTES, nodeAttributes, rgbOf } from './attributes.js';
import type { Exporter, ExportNode } from './types.js';
import { escapeXml } from './xml.js';

/** Position, size and colour as the viewer drew them (Gephi's viz module). */
function viz(node: ExportNode): string {
  if (!node.look) return '';
  const { r, g, b } = rgbOf(node.look.color);
  return `<viz:position x="${node.look.x}" y="${node.look.y}" z="0"/><viz:size value="${node.look.size}"/><viz:color r="${r}" g="${g}" b="${b}"/>`;
}

export const gexfExporter: Exporter = {
  format: 'gexf',
  description: 'GEXF 1.3 for Gephi',
  folder: false,
  async write(streams, sink) {
    const out = sink.open();
    await out.write('<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">\n  <meta><creator>kg</creator></meta>\n  <graph defaultedgetype="directed" mode="static">\n');
    const declare = (kind: string, list: ReadonlyArray<{ name: string; type: string }>) =>
      out.write(`    <attributes class="${kind}">\n${list.map((a) => `      <attribute id="${a.name}" title="${a.name}" type="${a.type === 'int' ? 'integer' : a.type}"/>\n`).join('')}    </attributes>\n`);
    await declare('node', NODE_ATTRIBUTES);
    await declare('edge', EDGE_ATTRIBUTES);
    await out.write('    <nodes>\n');
    let nodes = 0;
    for await (const node of streams.nodes) {
      const values = Object.entries(nodeAttributes(node)).map(([k, v]) => `<attvalue for="${k}" value="${escapeXml(v)}"/>`).join('');
      await out.write(`      <node id="${escapeXml(node.id)}" label="${escapeXml(node.name)}"><attvalues>${values}</attvalues>${viz(node)}</node>\n`);
      nodes++;
    }
    await out.write('    </nodes>\n    <edges>\n');
    let edges = 0;
    for await (const edge of streams.edges) {
      const values = Object.entries(edgeAttributes(edge)).map(([k, v]) => `<attvalue for="${k}" value="${escapeXml(v)}"/>`).join('');
      await out.write(`      <edge id="${escapeXml(edgeKey(edge.source, edge.type, edge.target))}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}" label="${edge.type}" weight="${edge.confidence}"><attvalues>${values}</attvalues></edge>\n`);
      edges++;
    }
    await out.write('    </edges>\n  </graph>\n</gexf>\n');
    await out.close();
    return { nodes, edges };
  },
};
