// `kg eval`: precision, recall and F1 of extractions against gold annotations (the shared scorer's rules).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { ConfigError } from '../model/errors.js';
import { Extraction } from '../model/extraction.js';
import { loadDataFile } from '../model/ontology.js';
import { Catalog, GoldDocument, mergeGold, scoreOne, Tally } from '../eval/index.js';
import { printable } from './terminal.js';

interface EvalOptions {
  gold: string;
  predDir?: string;
  graph?: string;
  json?: boolean;
}

export function evalCommand(): Command {
  return new Command('eval')
    .description('score extractions against gold annotations (rules of shared/eval/score.py)')
    .requiredOption('--gold <dir>', 'folder with catalog.json and one <doc>.json per document')
    .option('--pred-dir <dir>', 'one prediction per document: <dir>/<doc stem>.json (kg extract --per-document)')
    .option('--graph <file>', 'one prediction for the whole corpus (kg extract --out)')
    .option('--json', 'print the figures as JSON')
    .action((options: EvalOptions, command: Command) => {
      if ((options.predDir === undefined) === (options.graph === undefined)) throw new ConfigError('Give exactly one of --pred-dir and --graph', 'See `kg eval --help`.');
      const catalog = loadDataFile(Catalog, join(options.gold, 'catalog.json'));
      const golds = readdirSync(options.gold)
        .filter((f) => f.endsWith('.json') && f !== 'catalog.json')
        .sort()
        .map((f) => loadDataFile(GoldDocument, join(options.gold, f)));
      const total = { entities: new Tally(), relations: new Tally(), attributes: new Tally() };
      const add = (score: typeof total) => (['entities', 'relations', 'attributes'] as const).forEach((k) => total[k].add(score[k]));
      if (options.predDir) {
        for (const gold of golds) {
          const stem = gold.doc.replace(/\.[^.]+$/, '');
          const file = join(options.predDir, `${stem}.json`);
          const pred = existsSync(file) ? loadDataFile(Extraction, file) : { documents: [], entities: [], relations: [] };
          add(scoreOne(catalog, gold, pred, stem));
        }
      } else {
        add(scoreOne(catalog, mergeGold(golds), loadDataFile(Extraction, options.graph!), 'graph'));
      }
      const mode = options.predDir ? 'per-document' : 'graph';
      const figures = { mode, entities: total.entities.figures(), relations: total.relations.figures(), attributes: total.attributes.figures() };
      if (options.json) {
        process.stdout.write(`${JSON.stringify(figures, null, 1)}\n`);
        return;
      }
      if (command.optsWithGlobals<{ verbose?: boolean }>().verbose) {
        for (const k of ['entities', 'relations', 'attributes'] as const) {
          for (const m of total[k].misses) process.stdout.write(`MISS  ${printable(m)}\n`);
          for (const f of total[k].falseHits) process.stdout.write(`FALSE ${printable(f)}\n`);
        }
      }
      for (const k of ['entities', 'relations', 'attributes'] as const) {
        const f = figures[k];
        process.stdout.write(`${k.padEnd(10)} P=${f.precision.toFixed(3)} R=${f.recall.toFixed(3)} F1=${f.f1.toFixed(3)}  (tp=${f.tp} fp=${f.fp} fn=${f.fn})\n`);
      }
      process.stdout.write(`${mode}: entities F1=${figures.entities.f1.toFixed(3)} relations F1=${figures.relations.f1.toFixed(3)} attributes F1=${figures.attributes.f1.toFixed(3)}\n`);
    });
}
