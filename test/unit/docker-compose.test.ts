// docker-compose.yml cannot run here (no Docker engine), so this keeps it from rotting.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8')) as {
  services: Record<string, { image: string; ports: string[]; healthcheck: { test: string[] | string }; env_file?: string[] | string; volumes: string[] }>;
  volumes: Record<string, unknown>;
};

describe('docker-compose.yml', () => {
  const neo4j = compose.services.neo4j!;

  it('runs Neo4j 5.26 Community', () => {
    expect(neo4j.image).toMatch(/^neo4j:5\.26(\.\d+)?-community$/);
  });

  it('publishes Bolt and HTTP on loopback only', () => {
    expect(neo4j.ports.length).toBeGreaterThan(0);
    for (const port of neo4j.ports) expect(port).toMatch(/^127\.0\.0\.1:/);
    expect(neo4j.ports.some((p) => p.endsWith(':7687'))).toBe(true);
  });

  it('has a health check that asks Bolt with cypher-shell', () => {
    expect(JSON.stringify(neo4j.healthcheck.test)).toMatch(/cypher-shell/);
  });

  it('keeps data in a named volume and reads NEO4J_AUTH from an env file', () => {
    const named = neo4j.volumes.map((v) => v.split(':')[0]!);
    expect(named.some((name) => name in compose.volumes)).toBe(true);
    expect(neo4j.env_file).toBeDefined();
  });
});
