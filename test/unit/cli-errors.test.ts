import { describe, expect, it } from 'vitest';
import { runKg } from '../helpers/run-kg.js';

describe('kg reports configuration problems in one line and a fix, with no stack trace', () => {
  it.each([
    ['a bad URI', { NEO4J_URI: 'http://localhost:7474' }, 2, /Invalid NEO4J_URI/],
    ['a user without a password', { NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_USER: 'neo4j' }, 2, /NEO4J_PASSWORD is empty/],
    ['an unreachable server', { NEO4J_URI: 'bolt://127.0.0.1:1' }, 4, /Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/],
  ])('%s', async (_what, env, code, message) => {
    const run = await runKg(['schema', 'apply'], env);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });

  it('shows the stack with --verbose', async () => {
    const run = await runKg(['--verbose', 'schema', 'apply'], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/\n\s+at /);
  });

  it('rejects an unknown command with a usage exit code', async () => {
    const run = await runKg(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command/);
  });
});
