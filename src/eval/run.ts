// `npm run eval`: extracts every development set with the built kg, scores each with kg's scorers (the rules
// of shared/eval/score.py and gtd_score.py) and rewrites EVALUATION.md with one table per set and type.
// The sets live in ../shared (or KG_SHARED), outside the repository; without them nothing is scored.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreGoldDir, type CorpusScore, type Figures } from './index.js';
import { commitStamp } from './commit-stamp.js';
import { formatRate, GtdScorer, gtdInputs, gtdPredictions, MEASURES, readGtdRows, type GtdScore } from './gtd.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KG = join(ROOT, 'bin', 'kg.js');
const SHARED = resolve(process.env.KG_SHARED ?? join(ROOT, '..', 'shared'));
const log = (message: string) => process.stderr.write(`${message}\n`);

/** The bars: figure name, what it must reach, and whether it is a ceiling instead of a floor. */
interface Bar {
  set: string;
  figure: string;
  value: number | null;
  bar: number;
  atMost?: boolean;
}

function extract(inputs: string, perDocument: string): void {
  mkdirSync(perDocument, { recursive: true });
  const run = spawnSync(process.execPath, [KG, '-q', 'extract', inputs, '--per-document', perDocument, '-o', join(perDocument, '..', 'corpus.json')], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`kg extract ${inputs} failed (${run.status}):\n${run.stderr}`);
}

const f3 = (x: number) => x.toFixed(3);
const figureRow = (label: string, f: Figures) => `| ${label} | ${f3(f.precision)} | ${f3(f.recall)} | **${f3(f.f1)}** | ${f.tp} | ${f.fp} | ${f.fn} |`;
const FIGURE_HEAD = ['| | P | R | F1 | tp | fp | fn |', '|---|---|---|---|---|---|---|'];

function goldTables(scores: CorpusScore[]): string[] {
  const lines = [...FIGURE_HEAD];
  for (const s of scores) for (const k of ['entities', 'relations', 'attributes'] as const) lines.push(figureRow(`${k} (${s.mode})`, s[k].figures()));
  const perDocument = scores[0]!;
  for (const k of ['entities', 'relations', 'attributes'] as const) {
    const types = perDocument[k].typeFigures();
    if (!types.length) continue;
    lines.push('', `${k[0]!.toUpperCase()}${k.slice(1)} by type (${perDocument.mode}):`, '', ...FIGURE_HEAD, ...types.map(([t, f]) => figureRow(t, f)));
  }
  return lines;
}

function gtdTables(score: GtdScore): string[] {
  const lines = [`| measure | ${score.columns.map(([n]) => n).join(' | ')} |`, `|---|${score.columns.map(() => '---|').join('')}`];
  lines.push(`| rows | ${score.columns.map(([, t]) => t.rows).join(' | ')} |`);
  for (const [key, label] of MEASURES) {
    if (key === null) lines.push(`| *${label.replace(/^-+ | -+$/g, '')}* |${score.columns.map(() => ' |').join('')}`);
    else lines.push(`| ${label.trim().replace(/^\+ /, '+ ')} | ${score.columns.map(([, t]) => formatRate(t.measures[key]).trim()).join(' | ')} |`);
  }
  lines.push('', 'Attack detected by GTD attack type (overall):', '', '| attack type | attack detected |', '|---|---|');
  for (const [type, r] of Object.entries(score.columns[0]![1].attackDetectedByAttacktype)) lines.push(`| ${type} | ${formatRate(r).trim()} |`);
  return lines;
}

function main(): number {
  if (!existsSync(SHARED)) {
    log(`npm run eval: the development sets are not here: ${SHARED} does not exist.`);
    log('They live outside the repository (shared/ beside the checkout: gold/seeds, devset, devset-gtd, eval).');
    log('Put them there or set KG_SHARED=<folder>. Nothing was scored; EVALUATION.md is unchanged.');
    return 3;
  }
  const work = mkdtempSync(join(tmpdir(), 'kg-eval-run-'));
  const sections: string[] = [];
  const bars: Bar[] = [];
  try {
    const seedsGold = join(SHARED, 'gold', 'seeds');
    if (existsSync(seedsGold)) {
      log('seeds …');
      extract(join(ROOT, 'seeds'), join(work, 'seeds', 'docs'));
      const perDocument = scoreGoldDir(seedsGold, { predDir: join(work, 'seeds', 'docs') });
      const graph = scoreGoldDir(seedsGold, { graph: join(work, 'seeds', 'corpus.json') });
      sections.push('', '## Seeds', '', 'The five articles of `seeds/` against `shared/gold/seeds/`, per document and as one graph.', '', ...goldTables([perDocument, graph]));
      bars.push(
        { set: 'seeds', figure: 'entities F1', value: perDocument.entities.figures().f1, bar: 0.95 },
        { set: 'seeds', figure: 'relations F1', value: perDocument.relations.figures().f1, bar: 0.9 },
        { set: 'seeds', figure: 'casualty figures F1', value: perDocument.attributes.figures().f1, bar: 0.9 },
      );
    } else log(`seeds skipped: no ${seedsGold}`);

    const devset = join(SHARED, 'devset');
    if (existsSync(join(devset, 'gold'))) {
      log('devset …');
      extract(join(devset, 'texts'), join(work, 'devset', 'docs'));
      const perDocument = scoreGoldDir(join(devset, 'gold'), { predDir: join(work, 'devset', 'docs') });
      sections.push('', '## Devset (WikiEvents)', '', '`shared/devset/`: 20 real documents, scored per document (its gold has no claims, warnings, accusations or figures).', '', ...goldTables([perDocument]));
      bars.push(
        { set: 'devset', figure: 'entities F1', value: perDocument.entities.figures().f1, bar: 0.8 },
        { set: 'devset', figure: 'relations F1', value: perDocument.relations.figures().f1, bar: 0.45 },
      );
    } else log(`devset skipped: no ${join(devset, 'gold')}`);

    // Written by the team (invented events, not real news), so it ships with the repository.
    const written = join(ROOT, 'eval', 'written');
    log('written …');
    extract(join(written, 'texts'), join(work, 'written', 'docs'));
    const writtenScore = scoreGoldDir(join(written, 'gold'), { predDir: join(work, 'written', 'docs') });
    sections.push('', '## Written (by the team)', '', '`eval/written/`: articles the team wrote about invented events (not real news): short ones, one for each shape of who did what', 'that issue 10 lists, and longer newswire reports with several attacks, claims, arrests and roles each (see its README), scored per document.', '', ...goldTables([writtenScore]));

    const gtdRows = join(SHARED, 'devset-gtd', 'rows.jsonl');
    if (existsSync(gtdRows)) {
      log('devset-gtd …');
      const rows = readGtdRows(gtdRows);
      const texts = join(work, 'gtd', 'in');
      mkdirSync(texts, { recursive: true });
      for (const input of gtdInputs(rows)) writeFileSync(join(texts, input.name), input.text);
      extract(texts, join(work, 'gtd', 'docs'));
      const score = new GtdScorer().score(rows, gtdPredictions(rows, join(work, 'gtd', 'docs')));
      sections.push('', '## Devset-GTD', '', `\`shared/devset-gtd/rows.jsonl\`: ${rows.length} GTD incident summaries, each extracted alone; each fact scored only where the summary states it (see gtd_score.py).`, '', ...gtdTables(score));
      const overall = score.columns[0]![1].measures;
      const gtdBar = (figure: string, key: string, bar: number, atMost?: boolean) => bars.push({ set: 'devset-gtd', figure, value: overall[key]!.rate, bar, ...(atMost ? { atMost } : {}) });
      gtdBar('attack found', 'attack_detected', 0.9);
      gtdBar('perpetrator right', 'perp_right', 0.8);
      gtdBar('false perpetrator', 'false_perp', 0.03, true);
      gtdBar('deaths right', 'deaths_right', 0.8);
      gtdBar('injured right', 'injured_right', 0.8);
      gtdBar('city right', 'city_right', 0.85);
      gtdBar('country right', 'country_right', 0.85);
    } else log(`devset-gtd skipped: no ${gtdRows}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!sections.length) {
    log(`npm run eval: ${SHARED} holds none of gold/seeds, devset, devset-gtd. Nothing was scored; EVALUATION.md is unchanged.`);
    return 3;
  }
  const met = (b: Bar) => b.value !== null && (b.atMost ? b.value <= b.bar : b.value >= b.bar);
  const doc = [
    '# Evaluation',
    '',
    `Written by \`npm run eval\` on ${new Date().toISOString().slice(0, 10)} at commit ${commitStamp(ROOT, 'EVALUATION.md')}. Each set is extracted with`,
    '`kg extract --per-document` and scored by `kg eval` (the rules of `shared/eval/score.py` and',
    '`shared/eval/gtd_score.py`; unit tests check that both give the same figures). The sets are not in the',
    'repository: `../shared/` beside the checkout, or `KG_SHARED`. The syntax model\'s own accuracy on the',
    'UD English EWT test split (UPOS, UAS, LAS) is in [SYNTAX.md](SYNTAX.md), written by `npm run train:syntax`.',
    '',
    '## Bars (issue 10)',
    '',
    '| set | figure | value | bar | met |',
    '|---|---|---|---|---|',
    ...bars.map((b) => `| ${b.set} | ${b.figure} | ${b.value === null ? '-' : f3(b.value)} | ${b.atMost ? '≤' : '≥'} ${b.bar} | ${met(b) ? 'yes' : 'no'} |`),
    '',
    ...sections,
    '',
  ].join('\n');
  writeFileSync(join(ROOT, 'EVALUATION.md'), doc);
  process.stdout.write(doc);
  log('Wrote EVALUATION.md');
  return 0;
}

process.exitCode = main();
