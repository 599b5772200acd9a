// Counts of what the graph holds, and deleting kg's data.
import { explainNeo4jError, openSession, type Connection } from './connection.js';
import { readCypher, splitStatements } from './cypher-files.js';
import { readRows } from './run-query.js';

export interface GraphStats {
  labels: Array<{ label: string; count: number }>;
  relationshipTypes: Array<{ type: string; count: number }>;
  topEntities: Array<{ name: string; type: string; degree: number }>;
}

export async function graphStats(connection: Connection, top = 10): Promise<GraphStats> {
  const run = (file: string, params: Record<string, unknown> = {}) => readRows(connection, readCypher(file), params);
  const labels = (await run('stats/labels.cypher')).map((r) => ({ label: String(r.label), count: Number(r.count) }));
  const relationshipTypes = (await run('stats/relationship-types.cypher')).map((r) => ({ type: String(r.type), count: Number(r.count) }));
  const topEntities = (await run('stats/top-entities.cypher', { limit: top })).map((r) => ({ name: String(r.name), type: String(r.type), degree: Number(r.degree) }));
  return { labels, relationshipTypes, topEntities };
}

/** Deletes documents, entities and claims; runs in auto-commit batches (CALL ... IN TRANSACTIONS). */
export async function resetGraph(connection: Connection): Promise<void> {
  const session = openSession(connection, 'WRITE');
  try {
    for (const statement of splitStatements(readCypher('reset.cypher'))) await session.run(statement);
  } catch (error) {
    throw explainNeo4jError(error, connection.uri);
  } finally {
    await session.close();
  }
}
