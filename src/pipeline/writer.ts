// The resolving half of a run, shared by `kg ingest`, `kg watch` and `kg load`: skip stored documents, flag
// near-duplicates, resolve across batches, and hand each resolved batch to the caller's sink while the next
// batch is extracted.
import type { Article } from '../ingest/index.js';
import type { DocumentExtraction } from '../extract/index.js';
import type { CorrectionIndex } from '../model/corrections.js';
import { Neo4jBusyError, Neo4jUnavailableError } from '../model/errors.js';
import type { Extraction } from '../model/extraction.js';
import { Resolver } from '../resolve/index.js';
import { emptyCounts, type ResolveLocked, type WriteCounts } from '../store/write-graph.js';
import { resolveInputs } from './extractor.js';

/** Where resolved batches go: a store (Neo4j), or nowhere for a dry run. */
export interface GraphSink {
  /** Readies the store (its schema) and returns the corrections resolution must respect. */
  open(): Promise<CorrectionIndex | undefined>;
  /** The ids among these that the store holds already. */
  stored(ids: string[]): Promise<Set<string>>;
  /** Resolves and stores one batch: `resolve` runs once, under whatever lock the store needs so that writers take
   * turns, told which of `ids` another writer stored meanwhile and, when others wrote, what they stored. */
  write(ids: string[], resolve: ResolveLocked): Promise<{ counts: WriteCounts; extraction: Extraction }>;
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

export const emptySummary = (): IngestSummary => ({ documentsNew: 0, documentsUnchanged: 0, documentsFailed: 0, failedSources: [], skippedSources: [], nearDuplicates: 0, counts: emptyCounts(), seconds: 0 });

function addCounts(into: WriteCounts, more: WriteCounts): void {
  for (const key of Object.keys(into) as Array<keyof WriteCounts>) into[key] += more[key];
}

export class ResolvingWriter {
  readonly summary = emptySummary();
  private pending: Promise<WriteCounts> | undefined;
  private stored = 0;

  private constructor(
    private readonly sink: GraphSink,
    private readonly resolver: Resolver,
  ) {}

  /** What others stored is read under the sink's lock at the first batch (and whenever they wrote since). */
  static async open(sink: GraphSink): Promise<ResolvingWriter> {
    const corrections = await sink.open();
    return new ResolvingWriter(sink, new Resolver(corrections ? { corrections } : {}));
  }

  /** The articles not stored already; the others are counted unchanged. */
  async unseen(articles: Article[]): Promise<Article[]> {
    const already = await this.sink.stored(articles.map((a) => a.id));
    const unseen = articles.filter((a) => !already.has(a.id));
    this.summary.documentsUnchanged += articles.length - unseen.length;
    return unseen;
  }

  /** Starts one batch's resolution and write once the previous batch's has finished. */
  async add(fresh: Article[], extractions: DocumentExtraction[]): Promise<void> {
    await this.settle();
    if (fresh.length === 0) return;
    this.summary.documentsNew += fresh.length;
    const extractionOf = new Map(fresh.map((article, k) => [article.id, extractions[k]!]));
    // Another writer may have stored some of these documents, and other attacks, since they were looked up:
    // under the lock, those documents are left out and the resolver learns what the others wrote.
    this.pending = this.sink
      .write(
        fresh.map((a) => a.id),
        (stored, known) => {
          if (known) this.resolver.refresh(known);
          const left = fresh.filter((a) => !stored.has(a.id));
          return this.resolver.resolve(resolveInputs(left, left.map((a) => extractionOf.get(a.id)!)));
        },
      )
      .then(({ counts, extraction }) => {
        const dropped = fresh.length - extraction.documents.length;
        this.summary.documentsNew -= dropped;
        this.summary.documentsUnchanged += dropped;
        this.summary.nearDuplicates += extraction.documents.filter((d) => d.duplicateOf).length;
        return counts;
      });
    // Its failure is reported by settle(); until then the caller is reading the next batch, and a failure
    // left without a handler that long would end the process before kg can explain it.
    this.pending.catch(() => undefined);
  }

  /** Waits for the last write. */
  async finish(): Promise<IngestSummary> {
    await this.settle();
    return this.summary;
  }

  /** After a failure: waits for a write still in flight (so its outcome is counted and its rejection is not left
   * unhandled once the connection closes) and returns the error, saying how much was stored and what to do. */
  async failed(error: unknown): Promise<unknown> {
    if (this.pending) await this.pending.then((written) => (this.stored += written.documents), () => undefined);
    const told = `${this.stored} of ${this.summary.documentsNew} new documents were stored`;
    if (error instanceof Neo4jUnavailableError) {
      return new Neo4jUnavailableError(`${error.message.split('\n')[0]} — ${told} before it went away`, 'Start Neo4j again and run the same command: stored documents are skipped, the rest are written, nothing is doubled.', { cause: error });
    }
    if (error instanceof Neo4jBusyError) {
      return new Neo4jBusyError(`${error.message.split('\n')[0]} — ${told}`, 'Run the same command again: stored documents are skipped, the rest are written, nothing is doubled.', { cause: error });
    }
    return error;
  }

  private async settle(): Promise<void> {
    if (!this.pending) return;
    const written = await this.pending;
    addCounts(this.summary.counts, written);
    this.stored += written.documents;
    this.pending = undefined;
  }
}
