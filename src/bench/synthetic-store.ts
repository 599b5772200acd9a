// Writes a generated graph (synthetic-graph.ts) straight into Neo4j in UNWIND batches, skipping extraction:
// the viewer's bench and tests need stores of a chosen size, up to 100k entities, in seconds.
import type { SerializedGraph } from '../model/api.js';
import { explainNeo4jError, openSession, type Connection } from '../store/connection.js';
import { readCypher } from '../store/cypher-files.js';
import { applySchema } from '../store/schema.js';

const BATCH = 10_000;

export async function writeSyntheticStore(connection: Connection, graph: SerializedGraph): Promise<void> {
  await applySchema(connection);
  const documents = Object.entries(graph.attributes.documents).map(([id, d]) => ({ id, title: d.title, source: d.source, published: d.published ?? null }));
  const entities = graph.nodes.map((n) => ({ id: n.key, name: n.attributes.label, type: n.attributes.type, aliases: n.attributes.aliases, aliasText: n.attributes.aliases.join(' ') }));
  const relations = graph.edges.map(({ source, target, attributes: a }) => ({
    source,
    target,
    type: a.type,
    confidence: a.confidence,
    evidence: a.evidence.map((text, i) => {
      const doc = a.evidenceDocs[i] ?? '';
      return { doc, start: i, end: i + text.length, text };
    }),
  }));
  const session = openSession(connection, 'WRITE');
  try {
    for (const [file, rows] of [['bench/synthetic-documents.cypher', documents], ['bench/synthetic-entities.cypher', entities], ['bench/synthetic-relations.cypher', relations]] as const) {
      const query = readCypher(file);
      for (let i = 0; i < rows.length; i += BATCH) await session.executeWrite((tx) => tx.run(query, { rows: rows.slice(i, i + BATCH) }));
    }
  } catch (error) {
    throw explainNeo4jError(error, connection.uri);
  } finally {
    await session.close();
  }
}
