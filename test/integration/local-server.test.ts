// `kg neo4j start|status|stop` as a user runs them, on a port and home of their own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runKg } from '../helpers/run-kg.js';
import { testNeo4jUri } from '../helpers/neo4j.js';

const home = mkdtempSync(join(tmpdir(), 'kg-neo4j-cli-'));
const port = String(Number(process.env.KG_TEST_NEO4J_PORT ?? 7690) + 1);
const env = { KG_HOME: home };

describe('kg neo4j', () => {
  afterAll(async () => {
    await runKg(['neo4j', 'stop', '--port', port], env);
    rmSync(home, { recursive: true, force: true });
  });

  it('starts, reports status, refuses a second start, and stops', async () => {
    const before = await runKg(['neo4j', 'status', '--port', port], env);
    expect(before.code).toBe(3);
    expect(before.stdout).toMatch(/stopped/);

    const start = await runKg(['neo4j', 'start', '--port', port], env);
    expect(start.stderr).toBe('');
    expect(start.code).toBe(0);
    expect(start.stdout).toMatch(new RegExp(`running at bolt://127\\.0\\.0\\.1:${port}`));

    const again = await runKg(['neo4j', 'start', '--port', port], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already running/);

    const status = await runKg(['neo4j', 'status', '--port', port], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^running: /);

    const applied = await runKg(['schema', 'apply'], { ...env, KG_NEO4J_PORT: port });
    expect(applied.code).toBe(0);

    const stop = await runKg(['neo4j', 'stop', '--port', port], env);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toMatch(/Stopped Neo4j/);

    const after = await runKg(['neo4j', 'status', '--port', port], env);
    expect(after.code).toBe(3);
  });

  it('reports a port already in use by another program', async () => {
    const busyPort = new URL(testNeo4jUri().replace(/^[a-z+]+:/, 'http:')).port;
    const otherHome = mkdtempSync(join(tmpdir(), 'kg-neo4j-busy-'));
    const run = await runKg(['neo4j', 'start', '--port', busyPort], { KG_HOME: otherHome });
    rmSync(otherHome, { recursive: true, force: true });
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(new RegExp(`Port ${busyPort} .* already in use`));
  });
});
