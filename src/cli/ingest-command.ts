// `kg ingest`: extract articles and write them into Neo4j, batch by batch, resumable and idempotent.
import { Command, InvalidArgumentError } from 'commander';
import { expandPaths, findNearDuplicates, prepareArticle, readInput, type Article } from '../ingest/index.js';
import { ExitCode, KgError, Neo4jUnavailableError } from '../model/errors.js';
import { loadOntology, type Ontology } from '../model/ontology.js';
import { Resolver, type ResolveInput } from '../resolve/index.js';
import type { Connection } from '../store/connection.js';
import { loadCorrectionIndex } from '../store/corrections.js';
import { applySchema } from '../store/schema.js';
import { emptyCounts, findStoredDocuments, loadKnownEntities, writeGraph, type WriteCounts } from '../store/write-graph.js';
import { globalsOf, note, printError, withConnection, type GlobalOptions } from './context.js';
import { Pipeline } from './pipeline.js';
import { Progress } from './progress.js';
import { ExtractionPool } from './worker-pool.js';

export interface IngestOptions {
  batch: number;
  dryRun?: boolean;
  maxMb: number;
  workers?: number;
}

export interface IngestSummary {
  documentsNew: number;
  documentsUnchanged: number;
  documentsFailed: number;
  nearDuplicates: number;
  counts: WriteCounts;
  seconds: number;
}

const wholeNumber = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('Expecting a whole number of at least 1.');
  return n;
};

function addCounts(into: WriteCounts, more: WriteCounts): void {
  for (const key of Object.keys(into) as Array<keyof WriteCounts>) into[key] += more[key];
}

/** The whole ingest, for the command and for `kg demo`. */
export async function ingestPaths(connection: Connection | undefined, paths: string[], options: IngestOptions, globals: GlobalOptions): Promise<IngestSummary> {
  const started = Date.now();
  const ontology: Ontology = loadOntology();
  const pipeline = new Pipeline();
  const { files, errors } = expandPaths(paths);
  errors.forEach(printError);
  if (connection && !options.dryRun) await applySchema(connection);
  const resolver = new Resolver(connection ? { ...(await loadKnownEntities(connection)), corrections: await loadCorrectionIndex(connection) } : {});
  const summary: IngestSummary = { documentsNew: 0, documentsUnchanged: 0, documentsFailed: errors.length, nearDuplicates: 0, counts: emptyCounts(), seconds: 0 };
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
        const result = await readInput(file, options.maxMb * 1024 * 1024);
        if (!result.ok) {
          summary.documentsFailed++;
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
      const fresh = articles.filter((a) => !already.has(a.id));
      summary.documentsUnchanged += articles.length - fresh.length;
      summary.documentsNew += fresh.length;
      // Extraction of this batch runs while the previous batch is being written.
      const duplicates = new Map(findNearDuplicates(fresh).map((d) => [d.id, d]));
      summary.nearDuplicates += duplicates.size;
      const extracted = pool ? await pool.extract(fresh, Math.max(1, Math.ceil(fresh.length / (options.workers ?? 1)))) : fresh.map((article) => pipeline.extractArticle(article));
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
    if (error instanceof Neo4jUnavailableError || (error instanceof KgError && error.exitCode === ExitCode.neo4jUnavailable)) {
      throw new Neo4jUnavailableError(
        `${error.message.split('\n')[0]} — ${stored} of ${summary.documentsNew} new documents were stored before it went away`,
        'Start Neo4j again and run the same command: stored documents are skipped, the rest are written, nothing is doubled.',
        { cause: error },
      );
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
    `${dryRun ? 'Would ingest' : 'Ingested'} in ${summary.seconds.toFixed(1)} s: documents ${summary.documentsNew} new, ${summary.documentsUnchanged} unchanged, ${summary.documentsFailed} failed${summary.nearDuplicates ? ` (${summary.nearDuplicates} near-duplicates flagged)` : ''}.`,
    dryRun
      ? `Entities ${c.entitiesCreated}, relationships ${c.relationshipsCreated}, attribute reports ${c.claims}.`
      : `Entities ${c.entitiesCreated} created, ${c.entitiesMerged} merged; relationships ${c.relationshipsCreated} created, ${c.relationshipsMerged} merged; attribute reports ${c.claims}.`,
  ].join('\n');
}

export function ingestCommand(): Command {
  return new Command('ingest')
    .description('extract articles (files, folders or URLs) and write them into Neo4j; re-running is safe')
    .argument('<inputs...>', 'files, folders or URLs')
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
