// The one orchestration every way in drives: a stream of documents in, batches of extracted documents out in
// input order (the next batch extracting while the caller handles this one), and for a writing run the
// resolution of each batch handed to the caller's sink.
import type { Article } from '../ingest/index.js';
import type { DocumentExtraction } from '../extract/index.js';
import type { KgError } from '../model/errors.js';
import { extractionFailure } from './extractor.js';
import type { SourceItem } from './sources.js';
import { openExtraction } from './worker-pool.js';
import { ResolvingWriter, type GraphSink, type IngestSummary } from './writer.js';

/** Batches read and extracting ahead of the one the caller handles. */
const AHEAD = 2;

export interface PipelineEvents {
  /** An input that could not be read or extracted; the others go on. */
  failed?(source: string, error: KgError): void;
  /** An input robots.txt asks crawlers to leave alone. */
  skipped?(source: string, error: KgError): void;
  /** A document met earlier in this run under another name (same id): read once. */
  repeated?(source: string, sameAs: string): void;
  /** How many items of the stream are done, after each batch. */
  progress?(done: number): void;
}

export interface ExtractedBatch {
  articles: Article[];
  extractions: DocumentExtraction[];
}

export interface RunOptions {
  /** Items of the stream per batch (per write transaction for a writing run). */
  batch: number;
  /** Extraction threads; 1 extracts in this thread. */
  workers?: number;
  ontology?: string;
}

/** Extracts the stream batch by batch. `select` keeps, before extraction, the documents worth extracting. */
export async function* extractBatches(items: AsyncIterable<SourceItem>, options: RunOptions & { select?: (articles: Article[]) => Promise<Article[]> }, events: PipelineEvents = {}): AsyncGenerator<ExtractedBatch> {
  const extraction = openExtraction(options.workers ?? 1, options.ontology);
  const seen = new Map<string, string>();
  let done = 0;

  // Extracts what the stream did not bring extracted (shards bring their extraction); in input order.
  async function extractGroup(group: SourceItem[], through: number): Promise<ExtractedBatch & { through: number }> {
    const firsts: Article[] = [];
    const given = new Map<string, DocumentExtraction>();
    for (const item of group) {
      if (!item.ok) {
        if (item.skipped) events.skipped?.(item.source, item.error);
        else events.failed?.(item.source, item.error);
        continue;
      }
      const same = seen.get(item.article.id);
      if (same !== undefined) {
        events.repeated?.(item.article.source, same);
        continue;
      }
      seen.set(item.article.id, item.article.source);
      firsts.push(item.article);
      if (item.extraction) given.set(item.article.id, item.extraction);
    }
    const chosen = options.select ? await options.select(firsts) : firsts;
    const missing = chosen.filter((a) => !given.has(a.id));
    const outcomes = new Map((await extraction.extract(missing)).map((outcome, i) => [missing[i]!.id, outcome]));
    const batch: ExtractedBatch & { through: number } = { articles: [], extractions: [], through };
    for (const article of chosen) {
      const outcome = outcomes.get(article.id);
      const extracted = given.get(article.id) ?? (outcome?.ok ? outcome.extraction : undefined);
      if (extracted) {
        batch.articles.push(article);
        batch.extractions.push(extracted);
      } else if (outcome && !outcome.ok) events.failed?.(article.source, extractionFailure(article.source, outcome.reason));
    }
    return batch;
  }

  // The reader runs ahead of the caller: it reads and starts extracting up to AHEAD batches while the caller
  // handles the current one, and waits while that many are waiting.
  const started: Array<Promise<ExtractedBatch & { through: number }>> = [];
  let stopped = false;
  let finished = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  let room: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  const start = (group: SourceItem[]) => {
    const batch = extractGroup(group, (done += group.length));
    // Its failure is met when its turn comes; until then it must not count as unhandled.
    batch.catch(() => undefined);
    started.push(batch);
    signal();
  };
  const reader = (async () => {
    try {
      let group: SourceItem[] = [];
      for await (const item of items) {
        group.push(item);
        if (group.length < options.batch) continue;
        start(group);
        group = [];
        while (started.length >= AHEAD && !stopped) await new Promise<void>((resume) => (room = resume));
        if (stopped) return;
      }
      if (group.length > 0) start(group);
    } catch (error) {
      failure = { error };
    } finally {
      finished = true;
      signal();
    }
  })();
  try {
    for (;;) {
      const next = started.shift();
      if (!next) {
        if (finished) break;
        await new Promise<void>((resume) => (wake = resume));
        continue;
      }
      room?.();
      const { through, ...batch } = await next;
      events.progress?.(through);
      yield batch;
    }
    if (failure) throw failure.error;
  } finally {
    // A caller that stopped early (its write failed) is not kept waiting for batches it will never take: their
    // lookups may be waiting on a store that went away.
    stopped = true;
    room?.();
    if (finished) await reader;
    await extraction.close();
  }
}

/** A writing run (`kg ingest`, each poll of `kg watch`, `kg load`): documents already stored are skipped before
 * extraction, each batch is resolved and written by the sink while the next one is read and extracted. */
export async function ingestDocuments(items: AsyncIterable<SourceItem>, options: RunOptions, sink: GraphSink, events: PipelineEvents = {}): Promise<IngestSummary> {
  const started = Date.now();
  const writer = await ResolvingWriter.open(sink);
  const summary = writer.summary;
  const counted: PipelineEvents = {
    ...events,
    failed(source, error) {
      summary.documentsFailed++;
      summary.failedSources.push(source);
      events.failed?.(source, error);
    },
    skipped(source, error) {
      summary.skippedSources.push(source);
      events.skipped?.(source, error);
    },
    repeated(source, sameAs) {
      summary.documentsUnchanged++;
      events.repeated?.(source, sameAs);
    },
  };
  try {
    for await (const batch of extractBatches(items, { ...options, select: (articles) => writer.unseen(articles) }, counted)) await writer.add(batch.articles, batch.extractions);
    await writer.finish();
  } catch (error) {
    throw await writer.failed(error);
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
