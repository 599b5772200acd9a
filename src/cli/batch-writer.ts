// The write half of an ingest, shared by `kg ingest` (and `kg watch`) and `kg load`: skip stored documents,
// flag near-duplicates, resolve across batches and write each batch while the caller prepares the next.
import { findNearDuplicates, type Article } from '../ingest/index.js';
import type { DocumentExtraction } from '../extract/index.js';
import { Neo4jBusyError, Neo4jUnavailableError } from '../model/errors.js';
import { loadOntology, type Ontology } from '../model/ontology.js';
import { Resolver, type ResolveInput } from '../resolve/index.js';
import type { Connection } from '../store/connection.js';
import { loadCorrectionIndex } from '../store/corrections.js';
import { applySchema } from '../store/schema.js';
import { emptyCounts, findStoredDocuments, loadKnownEntities, writeGraph, type WriteCounts } from '../store/write-graph.js';

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

  private constructor(
    private readonly connection: Connection | undefined,
    private readonly resolver: Resolver,
    private readonly dryRun: boolean,
  ) {}

  /** Applies the schema and loads what resolution must know of the store (attacks, people, corrections). */
  static async open(connection: Connection | undefined, dryRun: boolean): Promise<BatchWriter> {
    if (connection && !dryRun) await applySchema(connection);
    const resolver = new Resolver(connection ? { ...(await loadKnownEntities(connection)), corrections: await loadCorrectionIndex(connection) } : {});
    return new BatchWriter(connection, resolver, dryRun);
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
    this.summary.documentsNew += fresh.length;
    const duplicates = new Map(findNearDuplicates(fresh).map((d) => [d.id, d]));
    this.summary.nearDuplicates += duplicates.size;
    const inputs: ResolveInput[] = fresh.map((article, k) => {
      const duplicate = duplicates.get(article.id);
      return { article, extraction: extractions[k]!, ...(duplicate ? { duplicateOf: { id: duplicate.duplicateOf, similarity: duplicate.similarity } } : {}) };
    });
    const extraction = this.resolver.resolve(inputs);
    await this.settle();
    if (this.connection && !this.dryRun && inputs.length > 0) {
      this.pending = writeGraph(this.connection, extraction, this.ontology);
      // Its failure is reported by settle(); until then the caller is reading the next batch, and a failure
      // left without a handler that long would end the process before kg can explain it.
      this.pending.catch(() => undefined);
    } else if (this.dryRun) {
      const c = this.summary.counts;
      c.documents += extraction.documents.length;
      c.entitiesCreated += extraction.entities.length;
      c.relationshipsCreated += extraction.relations.length;
      c.claims += extraction.entities.reduce((n, e) => n + e.attributes.length, 0);
    }
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
