// `kg ingest`: extract articles and write them into Neo4j, batch by batch, resumable and idempotent.
import { Command, InvalidArgumentError } from 'commander';
import { prepareArticle, readInput, sourceOf, DEFAULT_MAX_ITEMS, DEFAULT_WEB_LIMITS, type Article, type InputRef, type WebClient } from '../ingest/index.js';
import { ExitCode, RobotsDisallowedError } from '../model/errors.js';
import type { Extraction } from '../model/extraction.js';
import type { Connection } from '../store/connection.js';
import { BatchWriter, type IngestSummary } from './batch-writer.js';
import { globalsOf, note, printError, withConnection, type GlobalOptions } from './context.js';
import { Pipeline, settleOutcomes } from './pipeline.js';
import { Progress } from './progress.js';
import { addWebOptions, expandInputs, webClientOf, type WebOptions } from './web-options.js';
import { ExtractionPool } from './worker-pool.js';

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

/** The whole ingest, for the command and for `kg demo`. */
export async function ingestPaths(connection: Connection | undefined, paths: string[], options: IngestOptions, globals: GlobalOptions, sink?: (extraction: Extraction) => void): Promise<IngestSummary> {
  const webOptions = { maxItems: DEFAULT_MAX_ITEMS, timeout: DEFAULT_WEB_LIMITS.timeoutMs / 1000, hostDelay: DEFAULT_WEB_LIMITS.hostDelayMs, ...options };
  const web = webClientOf(webOptions);
  const { inputs, errors } = await expandInputs(paths, web, webOptions, (message) => note(globals, message));
  errors.forEach(printError);
  const summary = await ingestInputs(connection, inputs, options, globals, web, sink);
  summary.documentsFailed += errors.length;
  summary.failedSources.unshift(...errors.map((e) => e.source));
  return summary;
}

/** Ingests inputs already expanded (files, URLs, feed items): what `kg ingest` and each round of `kg watch` run. */
export async function ingestInputs(connection: Connection | undefined, files: InputRef[], options: IngestOptions, globals: GlobalOptions, web: WebClient, sink?: (extraction: Extraction) => void): Promise<IngestSummary> {
  const started = Date.now();
  const pipeline = new Pipeline();
  const writer = await BatchWriter.open(connection, options.dryRun === true, sink);
  const summary = writer.summary;
  const progress = new Progress(files.length, options.dryRun ? 'extracting' : 'ingesting', globals.quiet === true);
  const pool = (options.workers ?? 1) > 1 ? new ExtractionPool(options.workers!) : undefined;
  let done = 0;
  try {
    for (let i = 0; i < files.length; i += options.batch) {
      const batch = files.slice(i, i + options.batch);
      const articles: Article[] = [];
      for (const file of batch) {
        const result = await readInput(file, options.maxMb * 1024 * 1024, web);
        if (!result.ok && result.error instanceof RobotsDisallowedError) {
          summary.skippedSources.push(sourceOf(file));
          note(globals, `kg: ${result.error.message}; skipped.`);
          continue;
        }
        if (!result.ok) {
          summary.documentsFailed++;
          summary.failedSources.push(sourceOf(file));
          printError(result.error);
          continue;
        }
        articles.push(prepareArticle(result.article));
      }
      const unseen = await writer.unseen(articles);
      // Extraction of this batch runs while the previous batch is being written.
      const outcomes = pool ? await pool.extract(unseen, Math.max(1, Math.ceil(unseen.length / (options.workers ?? 1)))) : unseen.map((article) => pipeline.tryExtract(article));
      const { articles: fresh, extractions, failures } = settleOutcomes(unseen, outcomes);
      failures.forEach(printError);
      summary.documentsFailed += failures.length;
      summary.failedSources.push(...failures.map((failure) => failure.source));
      await writer.add(fresh, extractions);
      done += batch.length;
      progress.update(done);
    }
    await writer.finish();
  } catch (error) {
    progress.finish();
    await pool?.close();
    throw await writer.failed(error);
  }
  progress.finish();
  await pool?.close();
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
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
    .option('--workers <n>', 'extract in this many worker threads', wholeNumber, 1)
    .action(async (inputs: string[], options: IngestOptions, command: Command) => {
      const globals = globalsOf(command);
      const summary = options.dryRun ? await ingestPaths(undefined, inputs, options, globals) : await withConnection(globals, (connection) => ingestPaths(connection, inputs, options, globals));
      process.stdout.write(`${formatSummary(summary, options.dryRun === true)}\n`);
      if (summary.documentsFailed > 0) process.exitCode = summary.documentsNew + summary.documentsUnchanged > 0 ? ExitCode.partialFailure : ExitCode.input;
      if (!options.dryRun) note(globals, 'Explore it: `kg stats`, or `kg query --list` for saved queries.');
    });
}
