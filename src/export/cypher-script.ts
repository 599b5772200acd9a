// A Cypher script of parameter-free MERGE statements that recreates the exported subgraph in another Neo4j.
// Values are written as Cypher literals with every quote and backslash escaped; labels and relationship
// types are checked against the ontology's closed list, so nothing in the data can become code.
import { ENTITY_TYPES } from '../model/ontology.js';
import type { ExportEdge, Exporter } from './types.js';

export function cypherLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `\`${k.replace(/`/g, '``')}\`: ${cypherLiteral(v)}`).join(', ')}}`;
  const escaped = String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

/** The lists an export flattens a relationship's evidence nodes into: the script writes them back as nodes. */
const EVIDENCE_LISTS = new Set(['docs', 'evidence', 'evidenceDocs', 'evidenceStarts', 'evidenceEnds', 'evidencePages']);

/** Each evidence node as its key (relationship, document, offset) and the rest of its properties, as kg stores them. */
function evidenceNodes(edge: ExportEdge): Array<{ key: Record<string, unknown>; rest: Record<string, unknown> }> {
  const at = (name: string, i: number) => (Array.isArray(edge.properties[name]) ? (edge.properties[name] as unknown[])[i] : undefined);
  return edge.evidence.map((text, i) => {
    const doc = edge.evidenceDocs[i] ?? '';
    const start = Number(at('evidenceStarts', i) ?? 0);
    const page = Number(at('evidencePages', i) ?? 0);
    return { key: { source: edge.source, type: edge.type, target: edge.target, doc, start }, rest: { end: Number(at('evidenceEnds', i) ?? start), ...(page > 0 ? { page } : {}), text } };
  });
}

const checkedName = (name: string, allowed: (n: string) => boolean): string => {
  if (!/^[A-Z][A-Za-z_]*$/.test(name) || !allowed(name)) throw new Error(`refusing to write the label or type "${name}": it is not in the ontology`);
  return name;
};

export function createCypherExporter(relationTypes: string[]): Exporter {
  const relations = new Set(relationTypes);
  return {
    format: 'cypher',
    description: 'a Cypher script of MERGE statements that recreates the subgraph',
    folder: false,
    async write(streams, sink) {
      const out = sink.open();
      await out.write('// Made by kg export. Run it with cypher-shell or in Neo4j Browser on an empty or existing database.\n');
      await out.write('CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;\n');
      await out.write('CREATE INDEX evidence_relation IF NOT EXISTS FOR (v:Evidence) ON (v.source, v.type, v.target);\n');
      let nodes = 0;
      for await (const node of streams.nodes) {
        const label = checkedName(node.type, (t) => (ENTITY_TYPES as readonly string[]).includes(t));
        const { id, ...rest } = node.properties;
        await out.write(`MERGE (n:Entity {id: ${cypherLiteral(id ?? node.id)}}) SET n:${label} SET n += ${cypherLiteral(rest)};\n`);
        nodes++;
      }
      let edges = 0;
      for await (const edge of streams.edges) {
        const type = checkedName(edge.type, (t) => relations.has(t));
        const stored = Object.fromEntries(Object.entries(edge.properties).filter(([key]) => !EVIDENCE_LISTS.has(key)));
        await out.write(`MATCH (a:Entity {id: ${cypherLiteral(edge.source)}}), (b:Entity {id: ${cypherLiteral(edge.target)}}) MERGE (a)-[r:${type}]->(b) SET r += ${cypherLiteral(stored)};\n`);
        for (const { key, rest } of evidenceNodes(edge)) await out.write(`MERGE (v:Evidence ${cypherLiteral(key)}) SET v += ${cypherLiteral(rest)};\n`);
        edges++;
      }
      await out.close();
      return { nodes, edges };
    },
  };
}
