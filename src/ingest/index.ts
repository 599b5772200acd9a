// ingest: article sources in, normalised documents with ids, titles, dates, outlets and page maps out.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { readArticlePage } from './article-page.js';
import { isoDate } from './feeds.js';
import { publishedDateOf, titleOf } from './metadata.js';
import { normalizeText } from './normalize-text.js';
import { joinPages } from './pages.js';
import type { ArticleSource } from './read-inputs.js';

export { findDates, formatDate, type PartialDate } from './dates.js';
export { isFeedList, parseFeedList, type FeedItem, type FeedList } from './feeds.js';
export { feedListOf, InputExpander, itemInput, readInput, sourceOf, DEFAULT_MAX_ITEMS, type ExpandedInputs, type InputRef, type WebItem } from './inputs.js';
export { findNearDuplicates, type NearDuplicate } from './near-duplicates.js';
export { normalizeText } from './normalize-text.js';
export { pageAt } from './pages.js';
export { decodeArticle, expandPaths, DEFAULT_MAX_BYTES, type ArticleSource, type InputResult, type SourceMeta } from './read-inputs.js';
export { sleep, WebClient, DEFAULT_WEB_LIMITS, type Conditional, type Resource, type WebLimits } from './web-client.js';

export interface Article {
  /** Hash of the canonical URL the article names for itself, else of the normalised text: the same article
   * read twice, or reached by two URLs, is one document. */
  id: string;
  /** File name (or URL) it came from: what the evaluator and users recognise. */
  source: string;
  path: string;
  title: string;
  published: string | undefined;
  /** The article's own URL (canonical when the page declares one). */
  url: string | undefined;
  author: string | undefined;
  outlet: string | undefined;
  /** Where each page starts in text (page n starts at pageStarts[n - 1]); only for paged documents. */
  pageStarts: number[] | undefined;
  text: string;
}

export const documentId = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

const isUrl = (value: string | undefined): value is string => value !== undefined && /^https?:\/\//i.test(value);

/** A URL in the form used as an identity: no fragment, no tracking parameters. A site root is never an article's
 * identity (sites that set every page's canonical to their home page would otherwise merge all articles). */
export function identityUrl(value: string | undefined): string | undefined {
  if (!isUrl(value)) return undefined;
  const url = new URL(value);
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$|ocid$|cmpid$)/i.test(key)) url.searchParams.delete(key);
  return url.pathname === '/' && url.search === '' ? undefined : url.href;
}

export function prepareArticle(input: ArticleSource): Article {
  const meta = input.meta;
  const page = input.format === 'html' ? readArticlePage(input.content, meta?.url ?? (isUrl(input.source) ? input.source : undefined)) : undefined;
  const paged = input.pages ? joinPages(input.pages) : undefined;
  const text = paged?.text ?? normalizeText(page ? page.text : input.content);
  const declared = identityUrl(page?.canonical) ?? identityUrl(meta?.url);
  return {
    id: declared ? documentId(`url ${declared}`) : documentId(text),
    source: isUrl(input.source) ? input.source : basename(input.source),
    path: input.source,
    title: page?.title ?? meta?.title ?? titleOf(text),
    published: isoDate(page?.published) ?? isoDate(meta?.published) ?? publishedDateOf(text) ?? isoDate(meta?.created),
    url: declared ?? (isUrl(input.source) ? input.source : undefined),
    author: page?.author ?? meta?.author,
    outlet: page?.outlet ?? meta?.outlet,
    pageStarts: paged?.pageStarts,
    text,
  };
}
