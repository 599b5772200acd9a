// What a user names on the command line, made into articles: files and folders, article URLs, feeds, sitemaps
// and OPML lists (expanded into their items), PDF and DOCX documents. Every failure is an InputError for that one
// input; the others go on.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError, RobotsDisallowedError } from '../model/errors.js';
import { isFeedList, parseFeedList, type FeedItem, type FeedList } from './feeds.js';
import { officeFormatOf, readOfficeDocument, type OfficeFormat } from './office-documents.js';
import { decodeArticle, expandPaths, readArticleFile, DEFAULT_MAX_BYTES, type ArticleSource, type InputResult } from './read-inputs.js';
import { WebClient, type Resource } from './web-client.js';

/** One article to read: a file path, a URL, or an item a feed listed (with what the feed said about it). */
export type InputRef = string | WebItem;

export interface WebItem {
  url: string;
  /** The feed or sitemap that listed it. */
  from: string | undefined;
  item: FeedItem | undefined;
  /** The answer already fetched while finding out whether the URL was a feed. */
  fetched: Resource | undefined;
}

export interface ExpandedInputs {
  inputs: InputRef[];
  errors: InputError[];
  /** What kg did that the user should know: a feed cut to --max-items, lists read. */
  notes: string[];
}

export const DEFAULT_MAX_ITEMS = 1000;
const LIST_DEPTH = 2;
const PREFETCH_BUDGET = 64 * 1024 * 1024;
const LIST_EXTENSIONS = new Set(['.xml', '.rss', '.atom', '.opml']);
const isUrl = (value: string) => /^https?:\/\//i.test(value);
export const sourceOf = (input: InputRef): string => (typeof input === 'string' ? input : input.url);

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)/;
const TEXT_TYPES = /^(text\/plain|text\/markdown)/;
const XML_TYPES = /^(application|text)\/([\w.+-]*\+)?xml|^application\/(rss|atom)/;
const OFFICE_TYPES = /^application\/(pdf|vnd\.openxmlformats-officedocument\.wordprocessingml\.document)/;

/** The charset the answer declares: in its Content-Type, else in the document (<meta charset>, <?xml encoding>). */
function declaredCharset(resource: Resource): string | undefined {
  const head = new TextDecoder('latin1').decode(resource.body.subarray(0, 2048));
  const declared = /charset="?([\w-]+)/i.exec(resource.contentType) ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding=["']([\w-]+)/i.exec(head);
  return declared?.[1]?.toLowerCase();
}

/** The body as text in its declared charset (UTF-8 when none is declared). */
function textOf(resource: Resource, maxBytes: number): InputResult {
  const charset = declaredCharset(resource);
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      const content = new TextDecoder(charset).decode(resource.body);
      return content.trim() ? { ok: true, article: { source: resource.url, format: 'text', content } } : { ok: false, error: new InputError(resource.url, 'the page is empty', 'Check the URL.') };
    } catch {
      return { ok: false, error: new InputError(resource.url, `the page declares the unknown charset ${charset}`, 'Save the page as UTF-8 and give kg the file.') };
    }
  }
  return decodeArticle(resource.url, resource.body, maxBytes);
}

/** The feed, sitemap or OPML list a fetched answer holds, or undefined if it holds none (an article page).
 * Told by the root element, not the content type: feeds are often served as text/html or octet-stream. */
export function feedListOf(resource: Resource, maxBytes: number): FeedList | undefined {
  if (officeFormatOf(resource.body)) return undefined;
  const head = new TextDecoder().decode(resource.body.subarray(0, 4096));
  if (!isFeedList(head)) return undefined;
  const text = textOf(resource, maxBytes);
  if (!text.ok) throw text.error;
  return parseFeedList(text.article.content, resource.url);
}

export class InputExpander {
  private readonly seenLists = new Set<string>();
  private kept = 0;

  constructor(
    private readonly web: WebClient,
    private readonly maxItems = DEFAULT_MAX_ITEMS,
  ) {}

  /** Files and folders as before; URLs fetched once to tell a feed from an article; lists expanded into items. */
  async expand(paths: string[]): Promise<ExpandedInputs> {
    const out: ExpandedInputs = { inputs: [], errors: [], notes: [] };
    const { files, errors } = expandPaths(paths);
    out.errors.push(...errors);
    const seen = new Set<string>();
    for (const file of files) {
      try {
        if (isUrl(file)) await this.expandUrl(file, out, 0);
        else if (LIST_EXTENSIONS.has(extname(file).toLowerCase())) await this.expandLocalList(file, out);
        else out.inputs.push(file);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        // Left to the reading step, which reports it as skipped rather than failed.
        if (error instanceof RobotsDisallowedError) out.inputs.push(file);
        else out.errors.push(error);
      }
    }
    // An article listed by two feeds (or by a feed and the command line) is read once.
    out.inputs = out.inputs.filter((input) => {
      const key = sourceOf(input);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return out;
  }

  private expandLocalList(file: string, out: ExpandedInputs): Promise<void> {
    const read = readArticleFile(file, this.web.limits.maxBytes);
    if (!read.ok) throw read.error;
    if (!isFeedList(read.article.content.slice(0, 4096))) throw new InputError(file, 'this XML file is not an RSS or Atom feed, a sitemap or an OPML list', 'Give kg a feed, a sitemap, an OPML file or an article.');
    return this.expandList(parseFeedList(read.article.content, file), file, out, 0);
  }

  private async expandUrl(url: string, out: ExpandedInputs, depth: number): Promise<void> {
    const resource = await this.web.get(url);
    const list = feedListOf(resource, this.web.limits.maxBytes);
    if (list) return this.expandList(list, url, out, depth);
    // Pages fetched to find out what they were are kept for reading, up to a budget; past it (a list of
    // thousands of URLs) a page is fetched again when its turn comes, rather than all held in memory at once.
    const keep = this.kept + resource.body.length <= PREFETCH_BUDGET;
    if (keep) this.kept += resource.body.length;
    out.inputs.push({ url, from: undefined, item: undefined, fetched: keep ? resource : undefined });
  }

  private async expandList(list: FeedList, source: string, out: ExpandedInputs, depth: number): Promise<void> {
    this.addList(list, source, out, depth);
    for (const child of list.lists.slice(0, this.maxItems)) {
      if (this.seenLists.has(child) || depth + 1 >= LIST_DEPTH) continue;
      this.seenLists.add(child);
      try {
        await this.expandUrl(child, out, depth + 1);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        out.errors.push(error);
      }
    }
  }

  private addList(list: FeedList, source: string, out: ExpandedInputs, depth: number): void {
    this.seenLists.add(source);
    const listed = list.items.length + list.lists.length;
    if (listed === 0) out.notes.push(`${source}: the ${list.kind} lists nothing.`);
    if (list.items.length > this.maxItems) out.notes.push(`${source}: the ${list.kind} lists ${list.items.length} items; kg reads the first ${this.maxItems} (raise --max-items for more).`);
    if (list.lists.length > 0 && depth + 1 >= LIST_DEPTH) out.errors.push(new InputError(source, `a ${list.kind} inside another list; kg reads lists ${LIST_DEPTH} levels deep`, 'Give kg the inner lists directly.'));
    for (const item of list.items.slice(0, this.maxItems)) out.inputs.push(itemInput(item, source));
  }
}

/** A feed's item as an input; without a link the item's own content is the article, and its key stands in for the URL. */
export const itemInput = (item: FeedItem, feed: string): WebItem => ({ url: item.link ?? `${feed}#${item.key}`, from: feed, item, fetched: undefined });

function fromOffice(source: string, format: OfficeFormat, bytes: Uint8Array): Promise<InputResult> {
  return readOfficeDocument(source, format, bytes).then(
    (doc): InputResult => ({ ok: true, article: { source, format: 'text', content: doc.pages.join('\n\n'), pages: doc.pages, meta: { title: doc.title, author: doc.author, published: undefined, created: doc.created, outlet: undefined, url: undefined } } }),
    (error: unknown): InputResult => {
      if (error instanceof InputError) return { ok: false, error };
      throw error;
    },
  );
}

/** A fetched answer as an article source, refusing what is none (an image, an archive, another feed). */
function articleOfResource(resource: Resource, maxBytes: number): Promise<InputResult> {
  const office = officeFormatOf(resource.body);
  if (office) return fromOffice(resource.url, office, resource.body);
  const type = resource.contentType.split(';')[0]!.trim();
  if (OFFICE_TYPES.test(type)) return Promise.resolve({ ok: false, error: new InputError(resource.url, `the server says ${type}, but the file is not one`, 'The site sent an error page or a damaged file; try again later.') });
  if (type && !HTML_TYPES.test(type) && !TEXT_TYPES.test(type) && !XML_TYPES.test(type)) {
    return Promise.resolve({ ok: false, error: new InputError(resource.url, `the server sent ${type}, which is not an article, a feed or a PDF/DOCX document`, 'Give kg the URL of the article page itself.') });
  }
  const text = textOf(resource, maxBytes);
  if (text.ok) text.article.format = TEXT_TYPES.test(type) ? 'text' : 'html';
  return Promise.resolve(text);
}

/** Reads one input as an article. Feed items carrying their full content are not fetched again. */
export async function readInput(input: InputRef, maxBytes = DEFAULT_MAX_BYTES, web = new WebClient()): Promise<InputResult> {
  if (typeof input === 'string' && !isUrl(input)) {
    const office = ['.pdf', '.docx'].includes(extname(input).toLowerCase()) ? readOfficeFile(input, maxBytes) : undefined;
    return office ?? readArticleFile(input, maxBytes);
  }
  const ref: WebItem = typeof input === 'string' ? { url: input, from: undefined, item: undefined, fetched: undefined } : input;
  const item = ref.item;
  let result: InputResult;
  if (item?.content) {
    result = { ok: true, article: { source: ref.url, format: 'html', content: item.content } };
  } else {
    try {
      result = await articleOfResource(ref.fetched ?? (await web.get(ref.url)), maxBytes);
    } catch (error) {
      if (error instanceof InputError) return { ok: false, error };
      throw error;
    }
  }
  if (!result.ok) return result;
  const article: ArticleSource = { ...result.article, source: ref.url };
  // What the feed says fills what the page leaves out; the page's own metadata wins where both speak.
  if (item) article.meta = { title: article.meta?.title ?? item.title, author: article.meta?.author ?? item.author, published: item.published, created: article.meta?.created, outlet: item.outlet, url: item.content ? item.link : undefined };
  return { ok: true, article };
}

function readOfficeFile(path: string, maxBytes: number): Promise<InputResult> | undefined {
  let bytes: Uint8Array;
  try {
    const size = statSync(path).size;
    if (size > maxBytes) return undefined;
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  const format = officeFormatOf(bytes);
  if (!format) return Promise.resolve({ ok: false, error: new InputError(path, `the file is named ${extname(path)} but is not a ${extname(path).slice(1).toUpperCase()} document`, 'Check the file; save it again from the program that made it.') });
  return fromOffice(path, format, bytes);
}
