// How an export names the articles behind a relationship, the same from `kg export` and from the viewer's
// export: title, outlet and date, and the address of a web article, so a file opened elsewhere stays traceable.
import type { ExportDocument, ExportEdge, ExportStreams } from './types.js';

type Cited = Pick<ExportDocument, 'title' | 'source'> & { published?: string | null | undefined };

/** Title, outlet and date: enough to tell two articles apart (the viewer's article filter reads the same). */
export function articleLabel(doc: Cited): string {
  const outlet = (() => {
    try {
      return new URL(doc.source).hostname.replace(/^www\./, '');
    } catch {
      return doc.source.split(/[\\/]/).pop() ?? doc.source;
    }
  })();
  return `${doc.title} (${[outlet, doc.published?.slice(0, 10)].filter(Boolean).join(', ')})`;
}

/** An article as an export's `sources` entry: its label, then its URL when it has one. */
export function citation(doc: Cited): string {
  return /^https?:\/\//.test(doc.source) ? `${articleLabel(doc)} ${doc.source}` : articleLabel(doc);
}

// Relationships whose documents are looked up together: one query per batch instead of one per relationship.
const BATCH = 500;

/**
 * Fills each relationship's `sources` with the articles its evidence cites, asking `lookup` for the documents
 * of a batch of relationships at a time (each document once), so exports stay streamed.
 */
export function citeSources(streams: ExportStreams, lookup: (ids: string[]) => Promise<ExportDocument[]>): ExportStreams {
  const known = new Map<string, ExportDocument>();
  const cite = async (batch: ExportEdge[]): Promise<ExportEdge[]> => {
    const missing = [...new Set(batch.flatMap((e) => e.docs))].filter((d) => !known.has(d));
    if (missing.length > 0) for (const doc of await lookup(missing)) known.set(doc.id, doc);
    return batch.map((e) => ({ ...e, sources: e.docs.flatMap((d) => (known.has(d) ? [citation(known.get(d)!)] : [])) }));
  };
  async function* edges(): AsyncGenerator<ExportEdge> {
    let batch: ExportEdge[] = [];
    for await (const edge of streams.edges) {
      batch.push(edge);
      if (batch.length >= BATCH) {
        yield* await cite(batch);
        batch = [];
      }
    }
    yield* await cite(batch);
  }
  return { ...streams, edges: edges() };
}
