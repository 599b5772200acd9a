// `kg extract`: articles in, the knowledge graph as JSON (or a table) out. Needs no database.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ExitCode } from '../model/errors.js';
import type { Extraction } from '../model/extraction.js';
import { globalsOf, note, printError } from './context.js';
import { shardLine } from './shards.js';
import { printableLine } from './terminal.js';
import { loadArticles, Pipeline, settleOutcomes } from './pipeline.js';
import { addWebOptions, type WebOptions } from './web-options.js';
import { ExtractionPool } from './worker-pool.js';

interface ExtractOptions extends WebOptions {
  format: 'json' | 'table';
  out?: string;
  shard?: string;
  perDocument?: string;
  maxMb: number;
  ontology?: string;
  text?: boolean;
  workers: number;
}

const positive = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('Expecting a positive number.');
  return n;
};

export function formatTable(extraction: Extraction): string {
  const names = new Map(extraction.entities.map((e) => [e.id, e.name]));
  const lines = [`${extraction.documents.length} documents, ${extraction.entities.length} entities, ${extraction.relations.length} relations`, ''];
  for (const d of extraction.documents) lines.push(`document ${d.id}  ${d.source}  "${d.title}"${d.published ? `  ${d.published}` : ''}${d.duplicateOf ? `  (near-duplicate of ${d.duplicateOf}, similarity ${d.similarity})` : ''}`);
  lines.push('');
  for (const e of [...extraction.entities].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name))) {
    const figures = e.attributes.filter((a) => a.key === 'deaths' || a.key === 'injured').map((a) => `${a.key}=${a.value}`);
    lines.push(`${e.type.padEnd(13)} ${e.name}${e.aliases.length ? `  [${e.aliases.slice(0, 4).join('; ')}]` : ''}${figures.length ? `  ${figures.join(' ')}` : ''}`);
  }
  lines.push('');
  for (const r of extraction.relations) lines.push(`${names.get(r.source)} -[${r.type} ${r.confidence}]-> ${names.get(r.target)}   "${r.evidence[0]?.text.slice(0, 100) ?? ''}"`);
  return `${lines.map(printableLine).join('\n')}\n`;
}

export function extractCommand(): Command {
  return addWebOptions(new Command('extract'))
    .description('extract entities, relations and attacks from articles (.txt, .md, .html, .pdf, .docx files, folders, URLs, feeds, sitemaps, OPML)')
    .argument('<inputs...>', 'files, folders, article URLs, feeds (RSS, Atom), news sitemaps or OPML lists')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'table']).default('json'))
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .option('--shard <file>', 'write one JSON line per document extraction for `kg load` instead of the graph (which `--out` still writes)')
    .option('--per-document <dir>', 'also write one JSON file per article, each extracted alone (what `kg eval --pred-dir` reads)')
    .option('--max-mb <n>', 'largest article to read, in MB', positive, 10)
    .option('--ontology <file>', 'an ontology file to use instead of data/ontology.json')
    .option('--text', 'include each document\'s normalised text in the JSON')
    .option('--workers <n>', 'extract in this many worker threads (1: in this thread)', positive, 1)
    .action(async (inputs: string[], options: ExtractOptions, command: Command) => {
      const globals = globalsOf(command);
      const loaded = await loadArticles(inputs, options, (message) => note(globals, message));
      loaded.failures.forEach(printError);
      for (const repeat of loaded.repeats) note(globals, `kg: ${repeat.source} has the same text as ${repeat.sameAs}; read once.`);
      const pipeline = new Pipeline(options.ontology);
      let outcomes;
      if (options.workers > 1 && loaded.articles.length > 1) {
        const pool = new ExtractionPool(Math.floor(options.workers), options.ontology);
        outcomes = await pool.extract(loaded.articles).finally(() => pool.close());
      } else outcomes = loaded.articles.map((article) => pipeline.tryExtract(article));
      const { articles, extractions, failures: failed } = settleOutcomes(loaded.articles, outcomes);
      failed.forEach(printError);
      const failures = [...loaded.failures, ...failed];
      const extraction = pipeline.extractCorpus(articles, extractions);
      if (options.text) for (const d of extraction.documents) d.text = articles.find((a) => a.id === d.id)!.text;
      for (const d of extraction.documents) if (d.duplicateOf) note(globals, `kg: ${d.source} is a near-duplicate of ${extraction.documents.find((x) => x.id === d.duplicateOf)?.source} (similarity ${d.similarity}).`);
      if (options.shard) writeFileSync(options.shard, articles.map((article, i) => shardLine(article, extractions[i]!)).join(''));
      const output = options.format === 'json' ? `${JSON.stringify(extraction, null, 2)}\n` : formatTable(extraction);
      if (options.out) writeFileSync(options.out, output);
      else if (!options.shard) process.stdout.write(output);
      if (options.perDocument) {
        mkdirSync(options.perDocument, { recursive: true });
        for (const [i, article] of articles.entries()) {
          const alone = pipeline.extractCorpus([article], [extractions[i]!]);
          writeFileSync(join(options.perDocument, `${basename(article.source, extname(article.source))}.json`), `${JSON.stringify(alone, null, 2)}\n`);
        }
      }
      note(globals, `Extracted ${extraction.documents.length} documents: ${extraction.entities.length} entities, ${extraction.relations.length} relations.${failures.length ? ` ${failures.length} inputs failed.` : ''}`);
      if (failures.length > 0) process.exitCode = articles.length > 0 ? ExitCode.partialFailure : ExitCode.input;
    });
}
