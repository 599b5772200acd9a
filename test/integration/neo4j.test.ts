import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryError } from '../../src/model/errors.js';
import { closeConnection, explainNeo4jError, openSession, type Connection } from '../../src/store/connection.js';
import { applySchema } from '../../src/store/schema.js';
import { connectForTest, wipe } from '../helpers/neo4j.js';

describe('the real Neo4j', () => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await connectForTest();
    await wipe(connection);
  });
  afterAll(async () => {
    await wipe(connection);
    await closeConnection(connection);
  });

  it('applies the schema twice without error and creates the constraints', async () => {
    const first = await applySchema(connection);
    const second = await applySchema(connection);
    expect(second).toBe(first);
    const session = openSession(connection, 'READ');
    const constraints = await session.run('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
    const indexes = await session.run("SHOW INDEXES YIELD name, type WHERE type = 'FULLTEXT' RETURN collect(name) AS names");
    await session.close();
    expect(constraints.records[0]!.get('names')).toEqual(expect.arrayContaining(['entity_id', 'document_id']));
    expect(indexes.records[0]!.get('names')).toContain('entity_names');
  });

  it('reads in one session what another session wrote', async () => {
    const writer = openSession(connection, 'WRITE');
    await writer.executeWrite((tx) => tx.run('CREATE (:Probe {token: $token})', { token: 'written-by-one-session' }));
    await writer.close();
    const reader = openSession(connection, 'READ');
    const result = await reader.executeRead((tx) => tx.run('MATCH (p:Probe) RETURN p.token AS token'));
    await reader.close();
    expect(result.records.map((r) => r.get('token'))).toEqual(['written-by-one-session']);
  });

  it('refuses a write in a read-only session', async () => {
    const reader = openSession(connection, 'READ');
    const attempt = reader.executeRead((tx) => tx.run('CREATE (:Probe {token: "sneaky"})')).catch((error: unknown) => {
      throw explainNeo4jError(error, connection.uri);
    });
    await expect(attempt).rejects.toBeInstanceOf(QueryError);
    await expect(attempt).rejects.toMatchObject({ hint: expect.stringMatching(/--write/) });
    await reader.close();
    const check = openSession(connection, 'READ');
    const count = await check.run('MATCH (p:Probe {token: "sneaky"}) RETURN count(p) AS n');
    await check.close();
    expect(count.records[0]!.get('n')).toBe(0);
  });
});
