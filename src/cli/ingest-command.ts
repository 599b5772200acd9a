// `kg ingest`: extract articles and write them into Neo4j, batch by batch, resumable and idempotent.
import { Command, InvalidArgumentError } from 'commander';
import { findNearDuplicates, prepareArticle, readInput, sourceOf, DEFAULT_MAX_ITEMS, DEFAULT_WEB_LIMITS, type Article, type InputRef, type WebClient } from '../ingest/index.js';
import { ExitCode, Neo4jBusyError, Neo4jUnavailableError, RobotsDisallowedError } from '../model/errors.js';
import { loadOntology, type Ontology } from '../model/ontology.js';
import { Resolver, type ResolveInput } from '../resolve/index.js';
import type { Connection } from '../store/connection.js';
import { loadCorrectionIndex } from '../store/corrections.js';
import { applySchema } from '../store/schema.js';
import { emptyCounts, findStoredDocuments, loadKnownEntities, writeGraph, type WriteCounts } from '../store/write-graph.js';
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

export interface IngestSummary {
  documentsNew: number;
  documentsUnchanged: number;
  documentsFailed: number;
  /** The inputs that could not be read (for kg watch, which reads them again on its next poll). */
  failedSources: string[];
  /** The pages robots.txt asks crawlers to leave alone: not read, and not failures. */
  skippedSources: string[];
  nearDuplicates: number;
  counts: WriteCounts;
  seconds: number;
}

export const wholeNumber = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('Expecting a whole number of at least 1.');
  return n;
};

function addCounts(into: WriteCounts, more: WriteCounts): void {
  for (const key of Object.keys(into) as Array<keyof WriteCounts>) into[key] += more[key];
}

/** The whole ingest, for the command and for `kg demo`. */
export async function ingestPaths(connection: Connection | undefined, paths: string[], options: IngestOptions, globals: GlobalOptions): Promise<IngestSummary> {
  const webOptions = { maxItems: DEFAULT_MAX_ITEMS, timeout: DEFAULT_WEB_LIMITS.timeoutMs / 1000, hostDelay: DEFAULT_WEB_LIMITS.hostDelayMs, ...options };
  const web = webClientOf(webOptions);
  const { inputs, errors } = await expandInputs(paths, web, webOptions, (message) => note(globals, message));
  errors.forEach(printError);
  const summary = await ingestInputs(connection, inputs, options, globals, web);
  summary.documentsFailed += errors.length;
  summary.failedSources.unshift(...errors.map((e) => e.source));
  return summary;
}

/** Ingests inputs already expanded (files, URLs, feed items): what `kg ingest` and each round of `kg watch` run. */
export async function ingestInputs(connection: Connection | undefined, files: InputRef[], options: IngestOptions, globals: GlobalOptions, web: WebClient): Promise<IngestSummary> {
  const started = Date.now();
  const ontology: Ontology = loadOntology();
  const pipeline = new Pipeline();
  if (connection && !options.dryRun) await applySchema(connection);
  const resolver = new Resolver(connection ? { ...(await loadKnownEntities(connection)), corrections: await loadCorrectionIndex(connection) } : {});
  const summary: IngestSummary = { documentsNew: 0, documentsUnchanged: 0, documentsFailed: 0, failedSources: [], skippedSources: [], nearDuplicates: 0, counts: emptyCounts(), seconds: 0 };
  const progress = new Progress(files.length, options.dryRun ? 'extracting' : 'ingesting', globals.quiet === true);
  const seen = new Set<string>();
  const pool = (options.workers ?? 1) > 1 ? new ExtractionPool(options.workers!) : undefined;
  let pending: Promise<WriteCounts> | undefined;
  let stored = 0;
  let done = 0;
  const settle = async () => {
    if (!pending) return;
    const written = await pending;
    addCounts(summary.counts, written);
    stored += written.documents;
    pending = undefined;
  };
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
        const article = prepareArticle(result.article);
        if (seen.has(article.id)) {
          summary.documentsUnchanged++;
          continue;
        }
        seen.add(article.id);
        articles.push(article);
      }
      const already = connection ? await findStoredDocuments(connection, articles.map((a) => a.id)) : new Set<string>();
      const unseen = articles.filter((a) => !already.has(a.id));
      summary.documentsUnchanged += articles.length - unseen.length;
      // Extraction of this batch runs while the previous batch is being written.
      const outcomes = pool ? await pool.extract(unseen, Math.max(1, Math.ceil(unseen.length / (options.workers ?? 1)))) : unseen.map((article) => pipeline.tryExtract(article));
      const { articles: fresh, extractions: extracted, failures } = settleOutcomes(unseen, outcomes);
      failures.forEach(printError);
      summary.documentsFailed += failures.length;
      summary.failedSources.push(...failures.map((failure) => failure.source));
      summary.documentsNew += fresh.length;
      const duplicates = new Map(findNearDuplicates(fresh).map((d) => [d.id, d]));
      summary.nearDuplicates += duplicates.size;
      const inputs: ResolveInput[] = fresh.map((article, k) => {
        const duplicate = duplicates.get(article.id);
        return { article, extraction: extracted[k]!, ...(duplicate ? { duplicateOf: { id: duplicate.duplicateOf, similarity: duplicate.similarity } } : {}) };
      });
      const extraction = resolver.resolve(inputs);
      await settle();
      if (connection && !options.dryRun && inputs.length > 0) {
        pending = writeGraph(connection, extraction, ontology);
        // Its failure is reported by settle(); until then the loop is reading the next batch, and a failure
        // left without a handler that long would end the process before kg can explain it.
        pending.catch(() => undefined);
      } else if (options.dryRun) {
        summary.counts.documents += extraction.documents.length;
        summary.counts.entitiesCreated += extraction.entities.length;
        summary.counts.relationshipsCreated += extraction.relations.length;
        summary.counts.claims += extraction.entities.reduce((n, e) => n + e.attributes.length, 0);
      }
      done += batch.length;
      progress.update(done);
    }
    await settle();
  } catch (error) {
    // A write may still be in flight when the next batch's lookup fails; wait for it so its outcome is counted
    // and its rejection is not left unhandled once the connection closes.
    if (pending) await pending.then((written) => (stored += written.documents), () => undefined);
    progress.finish();
    await pool?.close();
    if (error instanceof Neo4jUnavailableError) {
      throw new Neo4jUnavailableError(
        `${error.message.split('\n')[0]} — ${stored} of ${summary.documentsNew} new documents were stored before it went away`,
        'Start Neo4j again and run the same command: stored documents are skipped, the rest are written, nothing is doubled.',
        { cause: error },
      );
    }
    if (error instanceof Neo4jBusyError) {
      throw new Neo4jBusyError(`${error.message.split('\n')[0]} — ${stored} of ${summary.documentsNew} new documents were stored`, 'Run the same command again: stored documents are skipped, the rest are written, nothing is doubled.', { cause: error });
    }
    throw error;
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
