// Gives the integration tests a real Neo4j: the one named by KG_TEST_NEO4J_URI, or a private one started here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalServer } from '../../src/store/local-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.KG_TEST_NEO4J_URI;
  if (given) {
    project.provide('neo4jUri', given);
    return async () => {};
  }
  // Never the user's database: tests wipe what they write, so they get a store of their own.
  const home = mkdtempSync(join(tmpdir(), 'kg-test-neo4j-'));
  const port = Number(process.env.KG_TEST_NEO4J_PORT ?? 7690);
  const server = await startLocalServer({ kgHome: home, port, attached: true });
  project.provide('neo4jUri', server.uri);
  // Each test project runs this setup; the next ones use the server this one started.
  process.env.KG_TEST_NEO4J_URI = server.uri;
  return async () => {
    delete process.env.KG_TEST_NEO4J_URI;
    server.child?.kill('SIGTERM');
    await new Promise((done) => server.child?.once('exit', done) ?? done(undefined));
    rmSync(home, { recursive: true, force: true });
  };
}
