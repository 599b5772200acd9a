// kg eval --gtd must agree with shared/eval/gtd_score.py on every measure, on rows written for this test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/model/extraction.js';
import { runKg } from '../helpers/run-kg.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scorer = join(root, '..', 'shared', 'eval', 'gtd_score.py');
const out = mkdtempSync(join(tmpdir(), 'kg-eval-gtd-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const stated = (perpetrator: boolean, deaths: boolean, injured: boolean, city: boolean, country: boolean) => ({ perpetrator, deaths, injured, city, country });
// Invented incidents in the GTD style, with coded fields that sometimes disagree with what kg can find.
const rows = [
  { country: 'Nigeria', city: 'Gashua town', gname: 'Boko Haram', gname2: null, nkill: 7, nwound: 3, attacktype: 'Armed Assault', source: 'a:one.csv@1',
    summary: '03/02/2011: Gunmen attacked a market in Gashua town, Yobe state, Nigeria. Seven people were killed and three others were wounded. Boko Haram claimed responsibility for the attack.', stated: stated(true, true, true, true, true) },
  { country: 'Philippines', city: 'Unknown', gname: 'Unknown', gname2: null, nkill: 0, nwound: 0, attacktype: 'Bombing/Explosion', source: 'a:one.csv@1',
    summary: '04/11/2012: An explosive device detonated near a bridge in Cotabato, Philippines. No casualties were reported. The New People\'s Army was blamed by officials, but no group claimed responsibility.', stated: stated(false, false, false, false, true) },
  { country: 'Yemen', city: 'Saywun', gname: 'Al-Qaida in the Arabian Peninsula (AQAP)', gname2: null, nkill: 2, nwound: null, attacktype: 'Assassination', source: 'b/two:x.csv@2',
    summary: '09/19/2014: Gunmen shot dead two police officers outside a checkpoint in Saywun city, Hadramawt governorate, Yemen. Responsibility was claimed by Al-Qaida in the Arabian Peninsula (AQAP).', stated: stated(true, true, false, true, true) },
  { country: 'United States', city: 'Dayton', gname: 'Anti-Government extremists', gname2: null, nkill: 0, nwound: 1, attacktype: 'Facility/Infrastructure Attack', source: 'b/two:x.csv@2',
    summary: '10/01/2015: An assailant set fire to a federal office in Dayton, Ohio, United States. One guard was injured. No group claimed responsibility.', stated: stated(false, false, true, true, true) },
  { country: 'Pakistan', city: 'Quetta', gname: 'Tehrik-i-Taliban Pakistan (TTP)', gname2: 'Lashkar-e-Jhangvi', nkill: 12, nwound: 20, attacktype: 'Bombing/Explosion', source: 'b/two:x.csv@2',
    summary: '06/06/2016: A suicide bomber detonated an explosives vest at a bus stop in Quetta, Balochistan, Pakistan. Twelve people were killed and 20 were injured. Tehrik-i-Taliban Pakistan (TTP) claimed responsibility.', stated: stated(true, true, true, true, true) },
];

/** Gives every predicted attack one extra deaths figure and an extra Group claimant, so some measures miss. */
function perturb(extraction: Extraction): Extraction {
  const attack = extraction.entities.find((e) => e.type === 'Attack');
  if (!attack) return extraction;
  const fake = { id: 'fake-group', type: 'Group' as const, name: 'Front of Nobody', aliases: [], mentions: [], attributes: [] };
  return {
    ...extraction,
    entities: [...extraction.entities.map((e) => (e === attack ? { ...e, attributes: [...e.attributes, { key: 'deaths', value: 99, doc: 'd', text: '99' }] } : e)), fake],
    relations: [...extraction.relations, { type: 'CLAIMED', source: fake.id, target: attack.id, confidence: 0.5, evidence: [] }],
  };
}

describe.skipIf(!existsSync(scorer))('kg eval --gtd and gtd_score.py', () => {
  it('give the same tallies on every measure and source', async () => {
    const rowsFile = join(out, 'rows.jsonl');
    writeFileSync(rowsFile, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const texts = join(out, 'in');
    mkdirSync(texts);
    rows.forEach((r, i) => writeFileSync(join(texts, `${String(i).padStart(4, '0')}.txt`), `${r.summary}\n`));
    const docs = join(out, 'docs');
    const run = await runKg(['-q', 'extract', texts, '--per-document', docs, '--out', join(out, 'all.json')]);
    expect(run.code, run.stderr).toBe(0);
    const perturbed = join(out, 'perturbed');
    mkdirSync(perturbed);
    rows.forEach((_, i) => {
      const name = `${String(i).padStart(4, '0')}.json`;
      const extraction = JSON.parse(readFileSync(join(docs, name), 'utf8')) as Extraction;
      // Row 3 keeps kg's own prediction; row 4 has none at all.
      if (i !== 4) writeFileSync(join(perturbed, name), JSON.stringify(i === 3 ? extraction : perturb(extraction)));
    });
    for (const dir of [docs, perturbed]) {
      const pythonJson = join(out, 'python.json');
      const python = spawnSync('python3', [scorer, '--rows', rowsFile, '--pred-dir', dir, '--json', pythonJson], { encoding: 'utf8' });
      expect(python.status, python.stderr).toBe(0);
      const ours = await runKg(['eval', '--gtd', rowsFile, '--pred-dir', dir, '--json']);
      expect(ours.code, ours.stderr).toBe(0);
      const expected = (JSON.parse(readFileSync(pythonJson, 'utf8')) as { tallies: unknown }).tallies;
      expect((JSON.parse(ours.stdout) as { tallies: unknown }).tallies).toEqual(expected);
      const verbosePython = spawnSync('python3', [scorer, '--rows', rowsFile, '--pred-dir', dir, '-v'], { encoding: 'utf8' });
      const verboseOurs = await runKg(['eval', '--gtd', rowsFile, '--pred-dir', dir, '-v']);
      expect(verboseOurs.stdout).toBe(verbosePython.stdout);
    }
    const falsePerp = JSON.parse((await runKg(['eval', '--gtd', rowsFile, '--pred-dir', perturbed, '--json'])).stdout) as { tallies: { overall: { false_perp: { n: number } } } };
    expect(falsePerp.tallies.overall.false_perp.n).toBeGreaterThan(0);
  });

  it('names the line of a row without its stated flags', async () => {
    const bad = join(out, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify(rows[0])}\n${JSON.stringify({ ...rows[1], stated: undefined })}\n`);
    const run = await runKg(['eval', '--gtd', bad, '--pred-dir', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.jsonl, line 2: not a GTD row[\s\S]*stated/);
  });
});

describe('npm run eval without the development sets', () => {
  it('says where it looked and writes nothing', () => {
    const before = existsSync(join(root, 'EVALUATION.md')) ? readFileSync(join(root, 'EVALUATION.md'), 'utf8') : undefined;
    const run = spawnSync(process.execPath, [join(root, 'dist', 'eval', 'run.js')], { encoding: 'utf8', env: { ...process.env, KG_SHARED: join(out, 'no-such-shared') } });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/no-such-shared does not exist[\s\S]*KG_SHARED[\s\S]*Nothing was scored/);
    expect(existsSync(join(root, 'EVALUATION.md')) ? readFileSync(join(root, 'EVALUATION.md'), 'utf8') : undefined).toBe(before);
  });
});
