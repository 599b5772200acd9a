// `kg load`: shards that `kg extract --shard` wrote (on any number of machines) in, resolved and written into
// Neo4j through the same batch writer as `kg ingest`, so the graph is the one an ingest of the same documents makes.
import { Command } from 'commander';
import type { Article } from '../ingest/index.js';
import type { DocumentExtraction } from '../extract/index.js';
import { ExitCode } from '../model/errors.js';
import type { Connection } from '../store/connection.js';
import { BatchWriter, type IngestSummary } from './batch-writer.js';
import { globalsOf, note, printError, withConnection, type GlobalOptions } from './context.js';
import { formatSummary, wholeNumber } from './ingest-command.js';
import { readShards } from './shards.js';

export interface LoadOptions {
  batch: number;
  dryRun?: boolean;
}

export async function loadShards(connection: Connection | undefined, files: string[], options: LoadOptions, globals: GlobalOptions): Promise<IngestSummary> {
  const started = Date.now();
  const writer = await BatchWriter.open(connection, options.dryRun === true);
  const summary = writer.summary;
  let articles: Article[] = [];
  let extractions = new Map<string, DocumentExtraction>();
  const flush = async () => {
    const unseen = await writer.unseen(articles);
    await writer.add(unseen, unseen.map((a) => extractions.get(a.id)!));
    articles = [];
    extractions = new Map();
  };
  try {
    for await (const entry of readShards(files)) {
      if (!entry.ok) {
        summary.documentsFailed++;
        summary.failedSources.push(entry.error.source);
        printError(entry.error);
        continue;
      }
      // The first of two lines for one document is the one an ingest of the same inputs would have kept.
      if (!extractions.has(entry.article.id)) extractions.set(entry.article.id, entry.extraction);
      articles.push(entry.article);
      if (articles.length >= options.batch) await flush();
    }
    if (articles.length > 0) await flush();
    await writer.finish();
  } catch (error) {
    throw await writer.failed(error);
  }
  summary.seconds = (Date.now() - started) / 1000;
  note(globals, `kg: read ${files.length} shard file${files.length === 1 ? '' : 's'}.`);
  return summary;
}

export function loadCommand(): Command {
  return new Command('load')
    .description('resolve and write into Neo4j the shards `kg extract --shard` wrote (JSON lines, one document each); re-running is safe')
    .argument('<shards...>', 'shard files (JSON lines)')
    .option('--batch <n>', 'documents per write transaction', wholeNumber, 25)
    .option('--dry-run', 'read and resolve, but write nothing')
    .action(async (files: string[], options: LoadOptions, command: Command) => {
      const globals = globalsOf(command);
      const summary = options.dryRun ? await loadShards(undefined, files, options, globals) : await withConnection(globals, (connection) => loadShards(connection, files, options, globals));
      process.stdout.write(`${formatSummary(summary, options.dryRun === true)}\n`);
      if (summary.documentsFailed > 0) process.exitCode = summary.documentsNew + summary.documentsUnchanged > 0 ? ExitCode.partialFailure : ExitCode.input;
    });
}
