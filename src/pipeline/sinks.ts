// The sinks a caller hands the pipeline: Neo4j through the store's batch write, or a dry run that resolves and
// counts what would be written.
import type { Extraction } from '../model/extraction.js';
import { loadOntology } from '../model/ontology.js';
import type { Connection } from '../store/connection.js';
import { loadCorrectionIndex } from '../store/corrections.js';
import { applySchema } from '../store/schema.js';
import { emptyCounts, findStoredDocuments, writeResolvedBatch } from '../store/write-graph.js';
import type { GraphSink } from './writer.js';

/** One per run: it remembers where its last batch left the write lock, so its resolver knows what it missed. */
export function neo4jSink(connection: Connection): GraphSink {
  const ontology = loadOntology();
  /** The write lock's count after this sink's last batch: unchanged at the next batch means nobody else wrote. */
  let lastSeq: number | undefined;
  return {
    async open() {
      await applySchema(connection);
      return loadCorrectionIndex(connection);
    },
    stored: (ids) => findStoredDocuments(connection, ids),
    async write(ids, resolve) {
      const written = await writeResolvedBatch(connection, ids, lastSeq, resolve, ontology);
      lastSeq = written.seq;
      return written;
    },
  };
}

/** Stores nothing: each batch is resolved as if the store were empty, counted, and handed to `collect` if given (`kg import` writes it as the importer's files). */
export function dryRunSink(collect?: (extraction: Extraction) => void): GraphSink {
  return {
    open: async () => undefined,
    stored: async () => new Set(),
    async write(_ids, resolve) {
      const extraction = resolve(new Set(), undefined);
      collect?.(extraction);
      const counts = { ...emptyCounts(), documents: extraction.documents.length, entitiesCreated: extraction.entities.length, relationshipsCreated: extraction.relations.length, claims: extraction.entities.reduce((n, e) => n + e.attributes.length, 0) };
      return { counts, extraction };
    },
  };
}
