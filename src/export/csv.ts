// nodes.csv and edges.csv with neo4j-admin import headers, written as they stream. Lists are joined with the
// ASCII unit separator (import with --array-delimiter=U+001F): names hold ';' and ',' but never that, so every
// alias comes back as it was. Evidence sentences and reports are JSON arrays in one column.
import type { Exporter } from './types.js';

export const ARRAY_DELIMITER = '\u001F';

const quote = (value: unknown): string => {
  const s = String(value ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const list = (items: string[]) => items.map((i) => i.replaceAll(ARRAY_DELIMITER, '')).join(ARRAY_DELIMITER);

export const csvExporter: Exporter = {
  format: 'csv',
  description: 'nodes.csv + edges.csv with neo4j-admin import headers (a folder)',
  folder: true,
  async write(streams, sink) {
    const nodesOut = sink.open('nodes.csv');
    await nodesOut.write('id:ID,name,type,aliases:string[],documents:int,reports,:LABEL\n');
    let nodes = 0;
    for await (const node of streams.nodes) {
      await nodesOut.write(`${[node.id, node.name, node.type, list(node.aliases), node.documents, JSON.stringify(node.reports), `Entity${ARRAY_DELIMITER}${node.type}`].map(quote).join(',')}\n`);
      nodes++;
    }
    await nodesOut.close();
    const edgesOut = sink.open('edges.csv');
    await edgesOut.write(':START_ID,:END_ID,:TYPE,confidence:float,count:int,evidence,docs:string[]\n');
    let edges = 0;
    for await (const edge of streams.edges) {
      await edgesOut.write(`${[edge.source, edge.target, edge.type, edge.confidence, edge.count, JSON.stringify(edge.evidence), list(edge.docs)].map(quote).join(',')}\n`);
      edges++;
    }
    await edgesOut.close();
    return { nodes, edges };
  },
};
