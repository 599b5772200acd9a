// The write half of an ingest, shared by `kg ingest` (and `kg watch`) and `kg load`: skip stored documents,
// flag near-duplicates, resolve across batches and write each batch while the caller prepares the next.
import { findNearDuplicates, type Article } from '../ingest/index.js';
import type { DocumentExtraction } from '../extract/index.js';
import { Neo4jBusyError, Neo4jUnavailableError } from '../model/errors.js';
import type { Extraction } from '../model/extraction.js';
import { loadOntology, type Ontology } from '../model/ontology.js';
import { Resolver } from '../resolve/index.js';
import type { Connection } from '../store/connection.js';
import { loadCorrectionIndex } from '../store/corrections.js';
import { applySchema } from '../store/schema.js';
import { emptyCounts, findStoredDocuments, writeResolvedBatch, type WriteCounts } from '../store/write-graph.js';

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

export class BatchWriter {
  readonly summary = emptySummary();
  private readonly ontology: Ontology = loadOntology();
  /** Article ids met in this run: one article reached twice (two URLs, two shards) is extracted and written once. */
  private readonly seen = new Set<string>();
  private pending: Promise<WriteCounts> | undefined;
  private stored = 0;
  /** The write lock's count after this writer's last batch: unchanged at the next batch means nobody else wrote. */
  private lastSeq: number | undefined;

  private constructor(
    private readonly connection: Connection | undefined,
    private readonly resolver: Resolver,
    private readonly dryRun: boolean,
    private readonly sink: ((extraction: Extraction) => void) | undefined,
  ) {}

  /** Applies the schema and loads what resolution must know of the store (attacks, people, corrections).
   * Without a connection, each resolved batch goes to `sink` (kg import) instead of Neo4j. */
  static async open(connection: Connection | undefined, dryRun: boolean, sink?: (extraction: Extraction) => void): Promise<BatchWriter> {
    if (connection && !dryRun) await applySchema(connection);
    // What others stored is read under the write lock at the first batch (and whenever they wrote since).
    const resolver = new Resolver(connection ? { corrections: await loadCorrectionIndex(connection) } : {});
    return new BatchWriter(connection, resolver, dryRun, sink);
  }

  /** The articles neither met before in this run nor stored already; the others are counted unchanged. */
  async unseen(articles: Article[]): Promise<Article[]> {
    const first: Article[] = [];
    for (const article of articles) {
      if (this.seen.has(article.id)) continue;
      this.seen.add(article.id);
      first.push(article);
    }
    const already = this.connection ? await findStoredDocuments(this.connection, first.map((a) => a.id)) : new Set<string>();
    const unseen = first.filter((a) => !already.has(a.id));
    this.summary.documentsUnchanged += articles.length - unseen.length;
    return unseen;
  }

  /** Resolves one batch of extracted articles and starts its write once the previous batch's has finished. */
  async add(fresh: Article[], extractions: DocumentExtraction[]): Promise<void> {
    await this.settle();
    this.summary.documentsNew += fresh.length;
    if (!this.connection || this.dryRun) {
      const extraction = this.resolve(fresh, extractions);
      this.sink?.(extraction);
      this.summary.nearDuplicates += extraction.documents.filter((d) => d.duplicateOf).length;
      const c = this.summary.counts;
      c.documents += extraction.documents.length;
      c.entitiesCreated += extraction.entities.length;
      c.relationshipsCreated += extraction.relations.length;
      c.claims += extraction.entities.reduce((n, e) => n + e.attributes.length, 0);
      return;
    }
    if (fresh.length === 0) return;
    const extractionOf = new Map(fresh.map((article, k) => [article.id, extractions[k]!]));
    // Another ingester may have stored some of these documents, and other attacks, since they were looked up:
    // under the lock, those documents are left out and the resolver learns what the others wrote.
    this.pending = writeResolvedBatch(
      this.connection,
      fresh.map((a) => a.id),
      this.lastSeq,
      (stored, known) => {
        if (known) this.resolver.refresh(known);
        const left = fresh.filter((a) => !stored.has(a.id));
        return this.resolve(left, left.map((a) => extractionOf.get(a.id)!));
      },
      this.ontology,
    ).then(({ counts, seq, extraction }) => {
      this.lastSeq = seq;
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

  private resolve(fresh: Article[], extractions: DocumentExtraction[]): Extraction {
    const duplicates = new Map(findNearDuplicates(fresh).map((d) => [d.id, d]));
    return this.resolver.resolve(
      fresh.map((article, k) => {
        const duplicate = duplicates.get(article.id);
        return { article, extraction: extractions[k]!, ...(duplicate ? { duplicateOf: { id: duplicate.duplicateOf, similarity: duplicate.similarity } } : {}) };
      }),
    );
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
