import { describe, expect, it } from 'vitest';
import { resolveNeo4jTarget } from '../../src/model/config.js';
import { ConfigError } from '../../src/model/errors.js';

describe('resolveNeo4jTarget', () => {
  it('uses the local server when no URI is configured', () => {
    expect(resolveNeo4jTarget({}, {})).toEqual({ kind: 'local', port: 7687, database: undefined });
    expect(resolveNeo4jTarget({}, { KG_NEO4J_PORT: '7700' })).toMatchObject({ kind: 'local', port: 7700 });
  });

  it.each(['bolt://127.0.0.1:7687', 'neo4j://cluster.example.com:7687', 'neo4j+s://abcd1234.databases.neo4j.io', 'bolt+ssc://host'])(
    'accepts %s unchanged',
    (uri) => {
      const target = resolveNeo4jTarget({}, { NEO4J_URI: uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'secret' });
      expect(target).toEqual({ kind: 'remote', uri, user: 'neo4j', password: 'secret', database: undefined });
    },
  );

  it('lets flags win over the environment', () => {
    const target = resolveNeo4jTarget({ uri: 'bolt://a:1', database: 'graphs' }, { NEO4J_URI: 'bolt://b:2', NEO4J_DATABASE: 'neo4j' });
    expect(target).toMatchObject({ uri: 'bolt://a:1', database: 'graphs' });
  });

  it.each([
    ['http://localhost:7474', /NEO4J_URI/],
    ['bolt//missing-colon', /NEO4J_URI/],
    ['', undefined],
  ])('rejects the URI %j with a message naming the variable', (uri, pattern) => {
    if (pattern === undefined) {
      expect(resolveNeo4jTarget({}, { NEO4J_URI: uri }).kind).toBe('local');
      return;
    }
    expect(() => resolveNeo4jTarget({}, { NEO4J_URI: uri })).toThrow(pattern);
  });

  it('refuses a user without a password', () => {
    const attempt = () => resolveNeo4jTarget({}, { NEO4J_URI: 'bolt://h:7687', NEO4J_USER: 'neo4j' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/NEO4J_PASSWORD/);
  });

  it('rejects a port out of range', () => {
    expect(() => resolveNeo4jTarget({}, { KG_NEO4J_PORT: '70000' })).toThrow(/KG_NEO4J_PORT/);
  });
});
