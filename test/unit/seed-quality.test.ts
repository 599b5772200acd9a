// End to end: `kg extract` on the sample corpus, scored by the shared scorer against the shared gold.
// The gold stays in shared/; this test only reads the scorer's figures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runKg } from '../helpers/run-kg.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shared = join(root, '..', 'shared');
const scorer = join(shared, 'eval', 'score.py');
const gold = join(shared, 'gold', 'seeds');
const available = existsSync(scorer) && existsSync(gold);
const out = mkdtempSync(join(tmpdir(), 'kg-seeds-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Figures {
  entities: { f1: number; fp: number };
  relations: { f1: number };
  attributes: { f1: number };
}

function score(mode: string[]): Figures {
  const run = spawnSync('python3', [scorer, '--gold', gold, ...mode, '--json'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Figures;
}

describe.skipIf(!available)('extraction quality on the seeds (shared scorer)', () => {
  it('meets the bars per document and for the whole corpus', async () => {
    const run = await runKg(['-q', 'extract', join(root, 'seeds'), '--per-document', join(out, 'docs'), '--out', join(out, 'graph.json')]);
    expect(run.code, run.stderr).toBe(0);
    const perDocument = score(['--pred-dir', join(out, 'docs')]);
    expect(perDocument.entities.f1).toBeGreaterThanOrEqual(0.9);
    expect(perDocument.relations.f1).toBeGreaterThanOrEqual(0.75);
    expect(perDocument.attributes.f1).toBeGreaterThanOrEqual(0.85);
    const graph = score(['--graph', join(out, 'graph.json')]);
    expect(graph.entities.f1).toBeGreaterThanOrEqual(0.9);
    expect(graph.relations.f1).toBeGreaterThanOrEqual(0.75);
  });

  it('reports the rewritten seed as a near-duplicate', async () => {
    const run = await runKg(['extract', join(root, 'seeds'), '--out', join(out, 'dup.json')]);
    expect(run.stderr).toMatch(/001_8495493e77831655\.txt is a near-duplicate of 000_bee353ea5aef4695\.txt/);
  });
});
