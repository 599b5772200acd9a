// Applies cypher/schema.cypher. Schema statements cannot share a transaction with data, so each runs alone.
import type { Connection } from './connection.js';
import { explainNeo4jError, openSession } from './connection.js';
import { readCypher, splitStatements } from './cypher-files.js';

export async function applySchema(connection: Connection): Promise<number> {
  const statements = splitStatements(readCypher('schema.cypher'));
  const session = openSession(connection, 'WRITE');
  try {
    for (const statement of statements) await session.run(statement);
    await session.run('CALL db.awaitIndexes(60)');
  } catch (error) {
    throw explainNeo4jError(error, connection.uri);
  } finally {
    await session.close();
  }
  return statements.length;
}
