// The integration tests' common setup: a connection to the suite's Neo4j, emptied before the file's tests
// and after them, a temporary folder, and a `kg` runner aimed at that store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { closeConnection, type Connection } from '../../src/store/connection.js';
import { connectForTest, testNeo4jUri, wipe } from './neo4j.js';
import { runKg, type KgRun } from './run-kg.js';

export interface TestStore {
  /** Open from the file's first beforeAll until its last afterAll. */
  readonly connection: Connection;
  /** A folder of the file's own, removed afterwards. */
  readonly dir: string;
  /** The built `kg` command on this store. */
  kg(args: string[], input?: string): Promise<KgRun>;
}

/** Call at the top of a test file, before its own hooks, so the store is ready when they run. */
export function useTestStore(prefix: string): TestStore {
  const dir = mkdtempSync(join(tmpdir(), `kg-${prefix}-`));
  let connection: Connection | undefined;
  beforeAll(async () => {
    connection = await connectForTest();
    await wipe(connection);
  });
  afterAll(async () => {
    if (connection) {
      await wipe(connection);
      await closeConnection(connection);
    }
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get connection() {
      if (!connection) throw new Error('the test store is open only inside tests and hooks');
      return connection;
    },
    dir,
    kg: (args, input) => runKg(args, { NEO4J_URI: testNeo4jUri() }, input),
  };
}
