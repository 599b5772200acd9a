// A news page reduced to its article: the main text by Mozilla's Readability (navigation, comments, related
// links and scripts left out) and the facts a byline card needs from the page's metadata: JSON-LD NewsArticle,
// OpenGraph, <time> and the canonical URL. Nothing in the page is ever run: linkedom builds a DOM without scripts.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { z } from 'zod';
import { htmlToText } from './html-to-text.js';

export interface PageArticle {
  title: string | undefined;
  text: string;
  published: string | undefined;
  author: string | undefined;
  outlet: string | undefined;
  /** The URL the page names as its own (rel=canonical, og:url, JSON-LD url): one article, however reached. */
  canonical: string | undefined;
}

const NEWS_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|LiveBlogPosting|Report)$/;

const Named = z.union([z.string(), z.object({ name: z.string().optional() }).loose()]);
const nameOf = (value: z.infer<typeof Named> | Array<z.infer<typeof Named>> | undefined): string | undefined => {
  const names = (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => (typeof v === 'string' ? v : v.name)).filter((n): n is string => !!n?.trim());
  return names.length ? names.join(', ') : undefined;
};

const LinkedArticle = z
  .object({
    '@type': z.union([z.string(), z.array(z.string())]),
    headline: z.string().optional(),
    datePublished: z.string().optional(),
    author: z.union([Named, z.array(Named)]).optional(),
    publisher: Named.optional(),
    url: z.string().optional(),
    mainEntityOfPage: z.union([z.string(), z.object({ '@id': z.string().optional() }).loose()]).optional(),
  })
  .loose();
type LinkedArticle = z.infer<typeof LinkedArticle>;

/** The first NewsArticle-like object in the page's JSON-LD blocks (which may nest them in @graph or arrays). */
function linkedArticle(document: ReturnType<typeof parseHTML>['document']): LinkedArticle | undefined {
  const queue: unknown[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      queue.push(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is the site's mistake; the other metadata still counts.
    }
  }
  for (let value = queue.shift(); queue.length > 0 || value !== undefined; value = queue.shift()) {
    if (Array.isArray(value)) queue.push(...(value as unknown[]));
    else if (typeof value === 'object' && value !== null) {
      const parsed = LinkedArticle.safeParse(value);
      if (parsed.success && [parsed.data['@type']].flat().some((t) => NEWS_TYPES.test(t))) return parsed.data;
      const graph = (value as Record<string, unknown>)['@graph'];
      if (graph) queue.push(graph);
    }
  }
  return undefined;
}

const clean = (value: string | null | undefined): string | undefined => value?.replace(/\s+/g, ' ').trim() || undefined;

function absoluteUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function readArticlePage(html: string, url?: string): PageArticle {
  const { document } = parseHTML(html);
  const meta = (key: string) => clean(document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`)?.getAttribute('content'));
  const linked = linkedArticle(document);
  const mainEntity = typeof linked?.mainEntityOfPage === 'string' ? linked.mainEntityOfPage : linked?.mainEntityOfPage?.['@id'];
  const canonical = absoluteUrl(clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? meta('og:url') ?? linked?.url ?? mainEntity, url);
  const published = linked?.datePublished ?? meta('article:published_time') ?? meta('datePublished') ?? clean(document.querySelector('time[datetime]')?.getAttribute('datetime'));
  const metaAuthor = meta('author') ?? meta('article:author');
  const fallback = htmlToText(html);
  // Readability rewrites the DOM it is given, so the metadata above is read first.
  const readable = new Readability(document, { keepClasses: false }).parse();
  const readableText = readable?.content ? htmlToText(readable.content).text : '';
  const title = clean(linked?.headline) ?? meta('og:title') ?? fallback.title ?? clean(readable?.title);
  const body = readableText.length >= 80 ? readableText : fallback.text;
  return {
    title,
    text: title && !body.startsWith(title) ? `${title}\n\n${body}` : body,
    published: published ?? fallback.published,
    author: nameOf(linked?.author) ?? (metaAuthor && !/^https?:/.test(metaAuthor) ? metaAuthor : undefined) ?? clean(readable?.byline),
    outlet: nameOf(linked?.publisher) ?? meta('og:site_name') ?? clean(readable?.siteName),
    canonical,
  };
}
