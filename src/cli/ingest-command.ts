// `kg ingest`: extract articles and write them into Neo4j, batch by batch, resumable and idempotent.
import { Command, InvalidArgumentError } from 'commander';
import { ExitCode } from '../model/errors.js';
import type { Connection } from '../store/connection.js';
import { dryRunSink, ingestDocuments, neo4jSink, openInputs, type GraphSink, type IngestSummary, type PipelineEvents } from '../pipeline/index.js';
import { globalsOf, note, printError, withConnection, type GlobalOptions } from './context.js';
import { Progress } from './progress.js';
import { addWebOptions, defaultWebOptions, webClientOf, type WebOptions } from './web-options.js';

export interface IngestOptions extends Partial<WebOptions> {
  batch: number;
  dryRun?: boolean;
  maxMb: number;
  workers?: number;
}

export const wholeNumber = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('Expecting a whole number of at least 1.');
  return n;
};

/** How a run tells the user about single inputs: each failure with its fix, each skip as a note. */
export const reportingEvents = (globals: GlobalOptions): PipelineEvents => ({
  failed: (_source, error) => printError(error),
  skipped: (_source, error) => note(globals, `kg: ${error.message}; skipped.`),
});

/** The whole ingest, for the command, `kg demo` and `kg import` (which hands its own sink). */
export async function ingestPaths(connection: Connection | undefined, paths: string[], options: IngestOptions, globals: GlobalOptions, given?: GraphSink): Promise<IngestSummary> {
  const webOptions = { ...defaultWebOptions(), ...options };
  const web = webClientOf(webOptions);
  const stream = await openInputs(paths, web, { maxItems: webOptions.maxItems, maxBytes: webOptions.maxMb * 1024 * 1024 }, (message) => note(globals, message));
  const progress = new Progress(stream.total, options.dryRun ? 'extracting' : 'ingesting', globals.quiet === true);
  const sink = given ?? (connection && !options.dryRun ? neo4jSink(connection) : dryRunSink());
  try {
    return await ingestDocuments(stream.items, { batch: options.batch, workers: options.workers ?? 1 }, sink, { ...reportingEvents(globals), progress: (done) => progress.update(done) });
  } finally {
    progress.finish();
  }
}

export function formatSummary(summary: IngestSummary, dryRun: boolean): string {
  const c = summary.counts;
  return [
    `${dryRun ? 'Would ingest' : 'Ingested'} in ${summary.seconds.toFixed(1)} s: documents ${summary.documentsNew} new, ${summary.documentsUnchanged} unchanged, ${summary.documentsFailed} failed${summary.skippedSources.length ? `, ${summary.skippedSources.length} skipped (robots.txt)` : ''}${summary.nearDuplicates ? ` (${summary.nearDuplicates} near-duplicates flagged)` : ''}.`,
    dryRun
      ? `Entities ${c.entitiesCreated}, relationships ${c.relationshipsCreated}, attribute reports ${c.claims}.`
      : `Entities ${c.entitiesCreated} created, ${c.entitiesMerged} merged; relationships ${c.relationshipsCreated} created, ${c.relationshipsMerged} merged; attribute reports ${c.claims}.`,
  ].join('\n');
}

export function ingestCommand(): Command {
  return addWebOptions(new Command('ingest'))
    .description('extract articles (files, folders, URLs, feeds, sitemaps, OPML, PDF, DOCX) and write them into Neo4j; re-running is safe')
    .argument('<inputs...>', 'files, folders, article URLs, feeds (RSS, Atom), news sitemaps or OPML lists')
    .option('--batch <n>', 'documents per write transaction', wholeNumber, 25)
    .option('--dry-run', 'extract and resolve, but write nothing')
    .option('--max-mb <n>', 'largest article to read, in MB', (v) => Number(v), 10)
    .option('--workers <n>', 'extract in this many worker threads (1: in this thread)', wholeNumber, 1)
    .action(async (inputs: string[], options: IngestOptions, command: Command) => {
      const globals = globalsOf(command);
      const summary = options.dryRun ? await ingestPaths(undefined, inputs, options, globals) : await withConnection(globals, (connection) => ingestPaths(connection, inputs, options, globals));
      process.stdout.write(`${formatSummary(summary, options.dryRun === true)}\n`);
      if (summary.documentsFailed > 0) process.exitCode = summary.documentsNew + summary.documentsUnchanged > 0 ? ExitCode.partialFailure : ExitCode.input;
      if (!options.dryRun) note(globals, 'Explore it: `kg stats`, or `kg query --list` for saved queries.');
    });
}
