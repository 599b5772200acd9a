// Applies cypher/schema.cypher. Schema statements cannot share a transaction with data, so each runs alone.
// Two kg processes may apply it at once on a fresh store: a deadlock between them, or the other one creating the
// same index a moment earlier, is retried, and the second try finds the index there (IF NOT EXISTS).
import type { Connection } from './connection.js';
import { explainNeo4jError, openSession } from './connection.js';
import { readCypher, splitStatements } from './cypher-files.js';

const ATTEMPTS = 6;

/** A failure that another writer of the same schema causes, and that goes away when tried again. */
export function isSchemaRace(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('Neo.TransientError.') || /^Neo\.ClientError\.Schema\.(EquivalentSchemaRuleAlreadyExists|IndexAlreadyExists|ConstraintAlreadyExists|ConstraintWithNameAlreadyExists|IndexWithNameAlreadyExists)$/.test(code);
}

/** `indexWaitSeconds`: how long the new indexes may take to come online before this fails; a store that
 * already holds every node at once (after `kg import`) populates them for minutes at a million documents. */
export async function applySchema(connection: Connection, indexWaitSeconds = 60): Promise<number> {
  const statements = splitStatements(readCypher('schema.cypher'));
  const session = openSession(connection, 'WRITE');
  try {
    for (const statement of statements) {
      for (let attempt = 1; ; attempt++) {
        try {
          await session.run(statement);
          break;
        } catch (error) {
          if (attempt >= ATTEMPTS || !isSchemaRace(error)) throw error;
          await new Promise((done) => setTimeout(done, 100 * attempt + Math.random() * 100));
        }
      }
    }
    await session.run(`CALL db.awaitIndexes(${Math.trunc(indexWaitSeconds)})`);
  } catch (error) {
    throw explainNeo4jError(error, connection.uri);
  } finally {
    await session.close();
  }
  return statements.length;
}
