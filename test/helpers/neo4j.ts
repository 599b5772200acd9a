// A connection to the suite's Neo4j and a way to leave it empty between tests.
import { inject } from 'vitest';
import { connect, openSession, type Connection } from '../../src/store/connection.js';

export const testNeo4jUri = (): string => inject('neo4jUri');

export function connectForTest(): Promise<Connection> {
  return connect({ uri: testNeo4jUri() });
}

export async function wipe(connection: Connection): Promise<void> {
  const session = openSession(connection, 'WRITE');
  try {
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}
