// Where a run's documents come from, as one stream of items: inputs read in turn (files, URLs, feed items),
// or the lines of shards that already carry their extraction. A failure is an item too: it costs only itself.
import { InputExpander, prepareArticle, readInput, sourceOf, type Article, type InputRef, type WebClient } from '../ingest/index.js';
import type { DocumentExtraction } from '../extract/index.js';
import { RobotsDisallowedError, type InputError } from '../model/errors.js';
import { readShards } from './shards.js';

export type SourceItem =
  | { ok: true; article: Article; extraction?: DocumentExtraction }
  /** `skipped`: robots.txt asked crawlers to leave it alone, which is no failure. */
  | { ok: false; source: string; error: InputError; skipped?: boolean };

export interface DocumentStream {
  /** How many items the stream holds, for progress. */
  total: number;
  items: AsyncIterable<SourceItem>;
}

/** Reads each input when the stream reaches it, so only the batches in flight are held in memory. */
export async function* readDocuments(inputs: InputRef[], web: WebClient, maxBytes: number): AsyncGenerator<SourceItem> {
  for (const input of inputs) {
    const result = await readInput(input, maxBytes, web);
    if (result.ok) yield { ok: true, article: prepareArticle(result.article) };
    else yield { ok: false, source: sourceOf(input), error: result.error, ...(result.error instanceof RobotsDisallowedError ? { skipped: true } : {}) };
  }
}

/** The named paths and URLs expanded (folders into files, feeds into items), then read in turn; inputs that
 * could not be expanded come first, as failures. */
export async function openInputs(paths: string[], web: WebClient, limits: { maxItems: number; maxBytes: number }, note: (message: string) => void): Promise<DocumentStream> {
  const expanded = await new InputExpander(web, limits.maxItems).expand(paths);
  expanded.notes.forEach((message) => note(`kg: ${message}`));
  async function* items(): AsyncGenerator<SourceItem> {
    for (const error of expanded.errors) yield { ok: false, source: error.source, error };
    yield* readDocuments(expanded.inputs, web, limits.maxBytes);
  }
  return { total: expanded.errors.length + expanded.inputs.length, items: items() };
}

/** The lines of shard files in order, each with the extraction `kg extract --shard` made of it. */
export async function* shardDocuments(files: string[]): AsyncGenerator<SourceItem> {
  for await (const entry of readShards(files)) yield entry.ok ? { ok: true, article: entry.article, extraction: entry.extraction } : { ok: false, source: entry.error.source, error: entry.error };
}
