// Fetches from the web as a careful crawler must: bounded in time, in decoded bytes and in redirects, one host
// asked at a measured pace, robots.txt obeyed, and conditional requests so an unchanged feed costs one 304.
import robotsParserModule from 'robots-parser';
import { InputError, RobotsDisallowedError } from '../model/errors.js';

export const USER_AGENT = 'kg/0.1 (news knowledge graph; polite crawler)';

export interface WebLimits {
  /** Largest body accepted, counted after gzip/br decoding, so a compressed bomb stops here too. */
  maxBytes: number;
  /** For one request from first byte asked to last byte read. */
  timeoutMs: number;
  maxRedirects: number;
  /** Pause between two requests to the same host (robots.txt's Crawl-delay may lengthen it). */
  hostDelayMs: number;
}

export const DEFAULT_WEB_LIMITS: WebLimits = { maxBytes: 10 * 1024 * 1024, timeoutMs: 20_000, maxRedirects: 5, hostDelayMs: 1000 };

export interface Conditional {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

export interface Resource {
  /** Where the body came from after redirects. */
  url: string;
  notModified: boolean;
  contentType: string;
  body: Uint8Array;
  etag: string | undefined;
  lastModified: string | undefined;
}

// The package is CommonJS: its module.exports is the function its types call the default export.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;
type Robot = ReturnType<typeof robotsParser>;

const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(bytes < 1048576 ? 2 : 0)} MB`;

export class WebClient {
  private readonly nextSlot = new Map<string, number>();
  private readonly robots = new Map<string, Promise<Robot | undefined>>();

  constructor(
    readonly limits: WebLimits = DEFAULT_WEB_LIMITS,
    private readonly signal?: AbortSignal,
  ) {}

  /** The resource at url, or an InputError that says what went wrong and what to do. */
  async get(url: string, conditional: Conditional = {}): Promise<Resource> {
    const target = parseHttpUrl(url);
    const robot = await this.robotsFor(target);
    if (robot?.isAllowed(target.href, USER_AGENT) === false) throw new RobotsDisallowedError(url);
    return this.fetchFollowing(target, conditional);
  }

  private robotsFor(target: URL): Promise<Robot | undefined> {
    let pending = this.robots.get(target.origin);
    if (!pending) {
      const robotsUrl = new URL('/robots.txt', target.origin);
      // A site without a readable robots.txt (404, 500, timeout) sets no rules: the standard's "allow all".
      pending = this.fetchFollowing(robotsUrl, {}).then(
        (resource) => robotsParser(robotsUrl.href, new TextDecoder().decode(resource.body)),
        (error: unknown) => {
          if (this.signal?.aborted) throw error;
          return undefined;
        },
      );
      this.robots.set(target.origin, pending);
    }
    return pending;
  }

  private async waitForHost(url: URL): Promise<void> {
    const robot = url.pathname === '/robots.txt' ? undefined : await this.robots.get(url.origin);
    const delay = Math.max(this.limits.hostDelayMs, (robot?.getCrawlDelay(USER_AGENT) ?? 0) * 1000);
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot.get(url.host) ?? 0);
    // The slot is taken before waiting, so requests issued together still go out one delay apart.
    this.nextSlot.set(url.host, slot + delay);
    if (slot > now) await sleep(slot - now, this.signal);
  }

  private async fetchFollowing(start: URL, conditional: Conditional): Promise<Resource> {
    const visited = [start.href];
    let current = start;
    for (;;) {
      await this.waitForHost(current);
      const timeout = AbortSignal.timeout(this.limits.timeoutMs);
      const signal = this.signal ? AbortSignal.any([timeout, this.signal]) : timeout;
      try {
        const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml, text/xml, application/pdf, text/plain;q=0.8, */*;q=0.5' };
        if (conditional.etag) headers['if-none-match'] = conditional.etag;
        if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
        const response = await fetch(current, { headers, redirect: 'manual', signal });
        if (response.status >= 300 && response.status < 400 && response.status !== 304) {
          await response.body?.cancel();
          const location = response.headers.get('location');
          if (!location) throw new InputError(start.href, `the server answered ${response.status} without saying where to go`, 'Check the URL.');
          const next = parseHttpUrl(new URL(location, current).href);
          if (visited.includes(next.href)) throw new InputError(start.href, `redirect loop: ${[...visited, next.href].join(' → ')}`, 'The site sends requests in a circle; try the final article URL, or tell the site owner.');
          visited.push(next.href);
          if (visited.length > this.limits.maxRedirects + 1) throw new InputError(start.href, `more than ${this.limits.maxRedirects} redirects (${visited.join(' → ')})`, 'Give kg the final URL.');
          current = next;
          continue;
        }
        const base = { url: current.href, contentType: (response.headers.get('content-type') ?? '').toLowerCase(), etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined };
        if (response.status === 304) {
          await response.body?.cancel();
          return { ...base, notModified: true, body: new Uint8Array() };
        }
        if (!response.ok) {
          await response.body?.cancel();
          throw new InputError(start.href, `the server answered ${response.status} ${response.statusText}`.trim(), response.status >= 500 ? 'The site has a problem; try again later.' : 'Check the URL.');
        }
        return { ...base, notModified: false, body: await this.readBody(start.href, response) };
      } catch (error) {
        if (error instanceof InputError) throw error;
        if (this.signal?.aborted) throw this.signal.reason;
        if (timeout.aborted) throw new InputError(start.href, `no complete answer within ${this.limits.timeoutMs / 1000} s`, 'The site is slow or sends without end; try again later, or raise --timeout.');
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new InputError(start.href, `cannot fetch: ${cause?.code ?? cause?.message ?? (error as Error).message}`, 'Check the URL and the network, or save the page and give kg the file.');
      }
    }
  }

  /** Reads the decoded stream chunk by chunk and stops at the limit: never holds more than maxBytes. */
  private async readBody(url: string, response: Response): Promise<Uint8Array> {
    const { maxBytes } = this.limits;
    const declared = Number(response.headers.get('content-length') ?? 0);
    const encoded = response.headers.has('content-encoding');
    if (!encoded && declared > maxBytes) {
      await response.body?.cancel();
      throw tooLarge(url, `announces ${megabytes(declared)}`, maxBytes);
    }
    if (!response.body) return new Uint8Array();
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel();
        throw tooLarge(url, encoded ? 'decodes to more than the limit' : 'sends more than the limit', maxBytes);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  }
}

function tooLarge(url: string, what: string, maxBytes: number): InputError {
  return new InputError(url, `the answer ${what} (${megabytes(maxBytes)}); kg stopped reading`, 'If it really is one article, raise --max-mb.');
}

function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(url, 'not a valid URL', 'Write it in full, for example https://example.org/news/feed.xml');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new InputError(url, `kg fetches only http and https, not ${parsed.protocol}`, 'Save the resource and give kg the file.');
  parsed.hash = '';
  return parsed;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}
