// kg eval must agree with the shared scorer, figure for figure, on imperfect predictions too.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/model/extraction.js';
import { normalizeName } from '../../src/eval/index.js';
import { runKg } from '../helpers/run-kg.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scorer = join(root, '..', 'shared', 'eval', 'score.py');
const gold = join(root, '..', 'shared', 'gold', 'seeds');
const out = mkdtempSync(join(tmpdir(), 'kg-eval-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Drops every third relation and attribute, duplicates one entity, adds a false one. */
function perturb(extraction: Extraction): Extraction {
  const entities = extraction.entities.map((e) => ({ ...e, attributes: e.attributes.filter((_, i) => i % 3 !== 1) }));
  const first = entities[0]!;
  entities.push({ ...first, id: `${first.id}-copy` }, { id: 'bogus', type: 'Person', name: 'Nobody Atall', aliases: [], mentions: [], attributes: [] });
  return { ...extraction, entities, relations: extraction.relations.filter((_, i) => i % 3 !== 0) };
}

describe('normalizeName', () => {
  it.each([
    ["The Islamic State's", 'islamic state'],
    ['Aleksandar Vučić', 'aleksandar vucic'],
    ['ISIS-K', 'isis k'],
  ])('%s → %s', (input, expected) => expect(normalizeName(input)).toBe(expected));
});

describe.skipIf(!existsSync(scorer))('kg eval and the shared scorer', () => {
  it('count the same hits, misses and false hits', async () => {
    const docs = join(out, 'docs');
    const run = await runKg(['-q', 'extract', join(root, 'seeds'), '--per-document', docs, '--out', join(out, 'graph.json')]);
    expect(run.code, run.stderr).toBe(0);
    const perturbed = join(out, 'perturbed');
    mkdirSync(perturbed);
    for (const file of readdirSync(docs)) writeFileSync(join(perturbed, file), JSON.stringify(perturb(JSON.parse(readFileSync(join(docs, file), 'utf8')) as Extraction)));
    writeFileSync(join(out, 'graph-perturbed.json'), JSON.stringify(perturb(JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')) as Extraction)));
    for (const mode of [['--pred-dir', perturbed], ['--graph', join(out, 'graph-perturbed.json')]]) {
      const python = spawnSync('python3', [scorer, '--gold', gold, ...mode, '--json'], { encoding: 'utf8' });
      const ours = await runKg(['eval', '--gold', gold, ...mode, '--json']);
      expect(ours.code, ours.stderr).toBe(0);
      const expected = JSON.parse(python.stdout) as Record<string, unknown>;
      const actual = JSON.parse(ours.stdout) as Record<string, unknown>;
      expect(actual).toEqual(expected);
      expect((actual.relations as { fn: number }).fn).toBeGreaterThan(0);
    }
  });
});
