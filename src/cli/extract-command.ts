// `kg extract`: articles in, the knowledge graph as JSON (or a table) out. Needs no database.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Article } from '../ingest/index.js';
import type { DocumentExtraction } from '../extract/index.js';
import { ExitCode, type KgError } from '../model/errors.js';
import type { Extraction } from '../model/extraction.js';
import { extractBatches, openInputs, resolveCorpus, ShardWriter } from '../pipeline/index.js';
import { globalsOf, note, printError } from './context.js';
import { reportingEvents } from './ingest-command.js';
import { printableLine } from './terminal.js';
import { addWebOptions, webClientOf, type WebOptions } from './web-options.js';

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
      const web = webClientOf(options);
      const stream = await openInputs(inputs, web, { maxItems: options.maxItems, maxBytes: options.maxMb * 1024 * 1024 }, (message) => note(globals, message));
      // The graph needs every document; a shard alone is written as documents finish, so memory stays bounded.
      const wantGraph = options.out !== undefined || options.shard === undefined;
      const all = { articles: [] as Article[], extractions: [] as DocumentExtraction[] };
      const shard = options.shard ? await ShardWriter.create(options.shard) : undefined;
      if (options.perDocument) mkdirSync(options.perDocument, { recursive: true });
      let failures = 0;
      let extracted = 0;
      const events = {
        ...reportingEvents(globals),
        failed: (_source: string, error: KgError) => {
          failures++;
          printError(error);
        },
        repeated: (source: string, sameAs: string) => note(globals, `kg: ${source} has the same text as ${sameAs}; read once.`),
      };
      try {
        for await (const { articles, extractions } of extractBatches(stream.items, { batch: 50, workers: Math.floor(options.workers), ...(options.ontology ? { ontology: options.ontology } : {}) }, events)) {
          extracted += articles.length;
          await shard?.add(articles, extractions);
          // Each article extracted alone: what `kg eval --pred-dir` scores.
          if (options.perDocument) for (const [i, article] of articles.entries()) writeFileSync(join(options.perDocument, `${basename(article.source, extname(article.source))}.json`), `${JSON.stringify(resolveCorpus([article], [extractions[i]!]), null, 2)}\n`);
          if (wantGraph) {
            all.articles.push(...articles);
            all.extractions.push(...extractions);
          }
        }
      } finally {
        await shard?.close();
      }
      if (wantGraph) {
        const extraction = resolveCorpus(all.articles, all.extractions);
        if (options.text) for (const d of extraction.documents) d.text = all.articles.find((a) => a.id === d.id)!.text;
        for (const d of extraction.documents) if (d.duplicateOf) note(globals, `kg: ${d.source} is a near-duplicate of ${extraction.documents.find((x) => x.id === d.duplicateOf)?.source} (similarity ${d.similarity}).`);
        const output = options.format === 'json' ? `${JSON.stringify(extraction, null, 2)}\n` : formatTable(extraction);
        if (options.out) writeFileSync(options.out, output);
        else process.stdout.write(output);
        note(globals, `Extracted ${extraction.documents.length} documents: ${extraction.entities.length} entities, ${extraction.relations.length} relations.${failures ? ` ${failures} inputs failed.` : ''}`);
      } else note(globals, `Extracted ${extracted} documents into ${options.shard}.${failures ? ` ${failures} inputs failed.` : ''}`);
      if (failures > 0) process.exitCode = extracted > 0 ? ExitCode.partialFailure : ExitCode.input;
    });
}
