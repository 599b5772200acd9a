// `kg eval`: precision, recall and F1 of extractions against gold annotations (the shared scorer's rules),
// or GTD incident rows scored by the rules of shared/eval/gtd_score.py.
import { Command } from 'commander';
import { ConfigError } from '../model/errors.js';
import { scoreGoldDir, type CorpusScore } from '../eval/index.js';
import { formatRate, GtdScorer, gtdPredictions, MEASURES, readGtdRows } from '../eval/gtd.js';
import { printable } from './terminal.js';

interface EvalOptions {
  gold?: string;
  gtd?: string;
  predDir?: string;
  graph?: string;
  json?: boolean;
}

const KINDS = ['entities', 'relations', 'attributes'] as const;

function printGold(score: CorpusScore, json: boolean, verbose: boolean): void {
  const figures = { mode: score.mode, entities: score.entities.figures(), relations: score.relations.figures(), attributes: score.attributes.figures() };
  if (json) {
    process.stdout.write(`${JSON.stringify(figures, null, 1)}\n`);
    return;
  }
  if (verbose) {
    for (const k of KINDS) {
      for (const m of score[k].misses) process.stdout.write(`MISS  ${printable(m)}\n`);
      for (const f of score[k].falseHits) process.stdout.write(`FALSE ${printable(f)}\n`);
    }
  }
  for (const k of KINDS) {
    const f = figures[k];
    process.stdout.write(`${k.padEnd(10)} P=${f.precision.toFixed(3)} R=${f.recall.toFixed(3)} F1=${f.f1.toFixed(3)}  (tp=${f.tp} fp=${f.fp} fn=${f.fn})\n`);
  }
  process.stdout.write(`${score.mode}: entities F1=${figures.entities.f1.toFixed(3)} relations F1=${figures.relations.f1.toFixed(3)} attributes F1=${figures.attributes.f1.toFixed(3)}\n`);
}

function evalGtd(rowsFile: string, predDir: string, json: boolean, verbose: boolean): void {
  const rows = readGtdRows(rowsFile);
  if (rows.length === 0) throw new ConfigError(`${rowsFile} holds no rows`, 'Give a rows.jsonl file with one GTD row a line.');
  const score = new GtdScorer().score(rows, gtdPredictions(rows, predDir));
  if (json) {
    const tallies = Object.fromEntries(score.columns.map(([name, t]) => [name, { rows: t.rows, ...t.measures, attack_detected_by_attacktype: t.attackDetectedByAttacktype }]));
    process.stdout.write(`${JSON.stringify({ tallies }, null, 1)}\n`);
    return;
  }
  if (verbose) process.stdout.write(`${score.misses.map((m) => `${printable(m)}\n`).join('')}\n`);
  const w = 24;
  const line = (label: string, cells: string[]) => process.stdout.write(`${label.padEnd(42)}${cells.map((c) => c.padStart(w)).join('')}\n`);
  line('measure', score.columns.map(([name]) => name.slice(0, w - 2)));
  line('rows', score.columns.map(([, t]) => String(t.rows)));
  for (const [key, label] of MEASURES) {
    if (key === null) process.stdout.write(`${label}\n`);
    else line(label, score.columns.map(([, t]) => formatRate(t.measures[key])));
  }
  process.stdout.write('\nattack detected by GTD attacktype (overall):\n');
  for (const [type, r] of Object.entries(score.columns[0]![1].attackDetectedByAttacktype)) process.stdout.write(`  ${type.padEnd(40)} ${formatRate(r)}\n`);
}

export function evalCommand(): Command {
  return new Command('eval')
    .description('score extractions against gold annotations (rules of shared/eval/score.py) or GTD rows (shared/eval/gtd_score.py)')
    .option('--gold <dir>', 'folder with catalog.json and one <doc>.json per document')
    .option('--gtd <rows.jsonl>', 'GTD rows (one JSON object a line, with `stated` flags) to score instead of gold; needs --pred-dir with NNNN.json by row index')
    .option('--pred-dir <dir>', 'one prediction per document: <dir>/<doc stem>.json (kg extract --per-document)')
    .option('--graph <file>', 'one prediction for the whole corpus (kg extract --out)')
    .option('--json', 'print the figures as JSON')
    .action((options: EvalOptions, command: Command) => {
      const verbose = command.optsWithGlobals<{ verbose?: boolean }>().verbose === true;
      if ((options.gold === undefined) === (options.gtd === undefined)) throw new ConfigError('Give exactly one of --gold and --gtd', 'See `kg eval --help`.');
      if (options.gtd !== undefined) {
        if (options.predDir === undefined || options.graph !== undefined) throw new ConfigError('--gtd scores per-document predictions: give --pred-dir, not --graph', 'Run `kg extract <summaries> --per-document DIR` first.');
        evalGtd(options.gtd, options.predDir, options.json === true, verbose);
        return;
      }
      if ((options.predDir === undefined) === (options.graph === undefined)) throw new ConfigError('Give exactly one of --pred-dir and --graph', 'See `kg eval --help`.');
      printGold(scoreGoldDir(options.gold!, options.predDir !== undefined ? { predDir: options.predDir } : { graph: options.graph! }), options.json === true, verbose);
    });
}
