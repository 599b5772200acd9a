// ingest: article sources in, normalised documents with ids, titles and dates out.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { htmlToText } from './html-to-text.js';
import { publishedDateOf, titleOf } from './metadata.js';
import { normalizeText } from './normalize-text.js';
import type { ArticleSource } from './read-inputs.js';

export { findDates, formatDate, type PartialDate } from './dates.js';
export { findNearDuplicates, type NearDuplicate } from './near-duplicates.js';
export { normalizeText } from './normalize-text.js';
export { decodeArticle, expandPaths, readInput, DEFAULT_MAX_BYTES, type ArticleSource, type InputResult } from './read-inputs.js';

export interface Article {
  /** Hash of the normalised text: the same article read twice is one document. */
  id: string;
  /** File name (or URL) it came from: what the evaluator and users recognise. */
  source: string;
  path: string;
  title: string;
  published: string | undefined;
  text: string;
}

export const documentId = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

export function prepareArticle(input: ArticleSource): Article {
  const html = input.format === 'html' ? htmlToText(input.content) : undefined;
  const text = normalizeText(html ? html.text : input.content);
  const published = html?.published?.slice(0, 10) ?? publishedDateOf(text);
  return {
    id: documentId(text),
    source: /^https?:/i.test(input.source) ? input.source : basename(input.source),
    path: input.source,
    title: html?.title ?? titleOf(text),
    published,
    text,
  };
}
