// Reads the lists news comes in: RSS 2.0, Atom, news sitemaps (and sitemap indexes) and OPML lists of feeds,
// through a real XML parser with entity-expansion limits. Malformed XML is refused with its line and column.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { InputError } from '../model/errors.js';

export interface FeedItem {
  /** What identifies the item across polls: its guid or id, else its link. */
  key: string;
  link: string | undefined;
  title: string | undefined;
  published: string | undefined;
  author: string | undefined;
  outlet: string | undefined;
  /** The full article as HTML, when the feed carries it (content:encoded, Atom content). */
  content: string | undefined;
}

export interface FeedList {
  kind: 'rss' | 'atom' | 'news-sitemap' | 'sitemap-index' | 'opml';
  title: string | undefined;
  items: FeedItem[];
  /** Further lists to read: an OPML's feeds, a sitemap index's sitemaps. */
  lists: string[];
}

const LIST_ROOTS = ['rss', 'feed', 'urlset', 'sitemapindex', 'opml', 'rdf'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'url', 'sitemap', 'outline', 'link', 'author', 'creator'].includes(name),
});

/** Whether a document is one of the lists kg reads (by its root element), so an XML article page is not taken for one. */
export function isFeedList(text: string): boolean {
  const root = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?>/gi, ''));
  return root !== null && LIST_ROOTS.includes(root[2]!.toLowerCase());
}

// The parser gives a string, an object with #text, or an array of those: one reader for all shapes.
const Text = z.unknown().transform((value): string | undefined => {
  const first = Array.isArray(value) ? value[0] : value;
  const text = typeof first === 'string' ? first : typeof first === 'object' && first !== null ? (first as Record<string, unknown>)['#text'] : undefined;
  return typeof text === 'string' && text.trim() ? text.trim() : typeof text === 'number' ? String(text) : undefined;
});
const textOf = (value: unknown): string | undefined => Text.parse(value);
const records = (value: unknown): Array<Record<string, unknown>> => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);

/** A feed date (RFC 822 in RSS, ISO 8601 in Atom and sitemaps) as an ISO date, or undefined if unreadable. */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

const absolute = (link: string | undefined, base: string): string | undefined => {
  if (!link) return undefined;
  // A local file is no base: its links must be absolute.
  for (const attempt of [() => new URL(link), () => new URL(link, base)]) {
    try {
      return attempt().href;
    } catch {
      // try the next reading
    }
  }
  return undefined;
};

function item({ id, ...fields }: Omit<FeedItem, 'key'> & { id: string | undefined }): FeedItem | undefined {
  const key = id ?? fields.link;
  if (!key || (!fields.link && !fields.content)) return undefined;
  return { key, ...fields };
}

function rss(channel: Record<string, unknown>, base: string): Omit<FeedList, 'kind'> {
  const outlet = textOf(channel.title);
  const items = records(channel.item).map((entry) =>
    item({
      id: textOf(entry.guid),
      link: absolute(textOf(entry.link), base),
      title: textOf(entry.title),
      published: isoDate(textOf(entry.pubDate) ?? textOf(entry.date)),
      author: textOf(entry.creator) ?? textOf(entry.author),
      outlet,
      content: textOf(entry.encoded),
    }),
  );
  return { title: outlet, items: items.filter((i) => i !== undefined), lists: [] };
}

function atom(feed: Record<string, unknown>, base: string): Omit<FeedList, 'kind'> {
  const outlet = textOf(feed.title);
  const linkOf = (entry: Record<string, unknown>) => {
    const links = records(entry.link);
    const chosen = links.find((l) => (l['@rel'] ?? 'alternate') === 'alternate') ?? links[0];
    return absolute(typeof chosen?.['@href'] === 'string' ? chosen['@href'] : undefined, base);
  };
  const authorOf = (entry: Record<string, unknown>) => textOf(records(entry.author)[0]?.name);
  const feedAuthor = authorOf(feed);
  const items = records(feed.entry).map((entry) => {
    const content = records(entry.content)[0] ?? (typeof entry.content === 'string' ? { '#text': entry.content } : undefined);
    return item({
      id: textOf(entry.id),
      link: linkOf(entry),
      title: textOf(entry.title),
      published: isoDate(textOf(entry.published) ?? textOf(entry.updated)),
      author: authorOf(entry) ?? feedAuthor,
      outlet,
      // Only inline content is the article; content with a src attribute points elsewhere.
      content: content && !content['@src'] ? textOf(content) : undefined,
    });
  });
  return { title: outlet, items: items.filter((i) => i !== undefined), lists: [] };
}

function sitemap(urlset: Record<string, unknown>, base: string): Omit<FeedList, 'kind'> {
  const items = records(urlset.url).map((entry) => {
    const news = records(entry.news)[0] ?? {};
    const publication = records(news.publication)[0] ?? {};
    const link = absolute(textOf(entry.loc), base);
    return item({ id: link, link, title: textOf(news.title), published: isoDate(textOf(news.publication_date) ?? textOf(entry.lastmod)), author: undefined, outlet: textOf(publication.name), content: undefined });
  });
  return { title: undefined, items: items.filter((i) => i !== undefined), lists: [] };
}

function outlines(body: Record<string, unknown>, base: string): string[] {
  return records(body.outline).flatMap((o) => {
    const url = absolute(typeof o['@xmlUrl'] === 'string' ? o['@xmlUrl'] : undefined, base);
    return [...(url ? [url] : []), ...outlines(o, base)];
  });
}

/** The items (or further lists) of a feed, sitemap or OPML file; base resolves relative links. */
export function parseFeedList(xml: string, source: string, base = source): FeedList {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new InputError(source, `malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`, 'The feed is broken at the source; try again later or tell the site.');
  let tree: Record<string, unknown>;
  try {
    tree = parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(source, `the XML cannot be read: ${(error as Error).message}`, 'The feed is broken at the source, or expands entities beyond the safe limits.');
  }
  const root = (name: string) => records(tree[name])[0];
  const channel = records(root('rss')?.channel)[0];
  if (channel) return { kind: 'rss', ...rss(channel, base) };
  const rdf = root('RDF');
  if (rdf) return { kind: 'rss', ...rss({ ...(records(rdf.channel)[0] ?? {}), item: rdf.item }, base) };
  const feed = root('feed');
  if (feed) return { kind: 'atom', ...atom(feed, base) };
  const urlset = root('urlset');
  if (urlset) return { kind: 'news-sitemap', ...sitemap(urlset, base) };
  const index = root('sitemapindex');
  if (index) return { kind: 'sitemap-index', title: undefined, items: [], lists: records(index.sitemap).flatMap((s) => absolute(textOf(s.loc), base) ?? []) };
  const opml = root('opml');
  if (opml) return { kind: 'opml', title: textOf(records(opml.head)[0]?.title), items: [], lists: outlines(records(opml.body)[0] ?? {}, base) };
  throw new InputError(source, 'this XML is not an RSS or Atom feed, a sitemap or an OPML list', 'Give kg a feed URL, a sitemap, an OPML file or an article.');
}
