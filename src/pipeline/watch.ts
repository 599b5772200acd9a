// One poll of followed feeds after another, for `kg watch`: each feed asked conditionally (ETag,
// Last-Modified), only the items no earlier poll ingested read and ingested through the pipeline, both recorded
// in Neo4j so that a restart goes on where it stopped.
import { feedListOf, itemInput, type WebClient } from '../ingest/index.js';
import { InputError, type KgError } from '../model/errors.js';
import type { Connection } from '../store/connection.js';
import { loadFeedState, markItemsSeen, saveFeedPoll, seenItemKeys } from '../store/watch-state.js';
import { ingestDocuments } from './run.js';
import { neo4jSink } from './sinks.js';
import { readDocuments } from './sources.js';

export interface WatchLimits {
  batch: number;
  maxMb: number;
  maxItems: number;
}

/** How a watch tells what it does: a line per feed and round, notes, and each input that failed. */
export interface WatchReport {
  line(text: string): void;
  note(text: string): void;
  failed(error: KgError): void;
}

export interface Tally {
  fetched: number;
  skipped: number;
  failed: number;
  unchanged: number;
}

export class FeedWatcher {
  constructor(
    private readonly connection: Connection,
    private readonly newClient: () => WebClient,
    private readonly options: WatchLimits,
    private readonly report: WatchReport,
    private readonly feeds: string[],
  ) {}

  private say(line: string): void {
    this.report.line(line);
  }

  async round(number: number): Promise<Tally> {
    // A client per round: robots.txt is read again each round, as a site may change it.
    const web = this.newClient();
    const tally: Tally = { fetched: 0, skipped: 0, failed: 0, unchanged: 0 };
    // An OPML list among the feeds adds its feeds to this very round.
    for (let i = 0; i < this.feeds.length; i++) await this.poll(web, this.feeds[i]!, tally);
    this.say(`round ${number}: ${tally.fetched} fetched, ${tally.skipped} skipped (seen before or robots.txt), ${tally.failed} failed; ${tally.unchanged} of ${this.feeds.length} feeds unchanged`);
    return tally;
  }

  private async poll(web: WebClient, url: string, tally: Tally): Promise<void> {
    const state = await loadFeedState(this.connection, url);
    let list;
    let resource;
    try {
      resource = await web.get(url, state);
      if (resource.notModified) {
        tally.unchanged++;
        await saveFeedPoll(this.connection, { url, title: undefined, notModified: true, etag: undefined, lastModified: undefined });
        this.say(`${url}: not modified`);
        return;
      }
      list = feedListOf(resource, web.limits.maxBytes);
      if (!list) throw new InputError(url, 'this is an article page, not a feed', 'Ingest it once with `kg ingest`; kg watch follows RSS, Atom, sitemaps and OPML lists.');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      tally.failed++;
      this.report.failed(error);
      return;
    }
    for (const child of list.lists) if (!this.feeds.includes(child)) this.feeds.push(child);
    if (list.items.length > this.options.maxItems) this.report.note(`kg: ${url} lists ${list.items.length} items; kg reads the first ${this.options.maxItems} (raise --max-items for more).`);
    const items = list.items.slice(0, this.options.maxItems).map((item) => ({ item, key: `${url} ${item.key}` }));
    const seen = await seenItemKeys(this.connection, items.map((i) => i.key));
    const fresh = items.filter((i) => !seen.has(i.key));
    const inputs = fresh.map((i) => itemInput(i.item, url));
    const summary = inputs.length > 0 ? await ingestDocuments(readDocuments(inputs, web, this.options.maxMb * 1024 * 1024), { batch: this.options.batch }, neo4jSink(this.connection), { failed: (_source, error) => this.report.failed(error) }) : undefined;
    const failed = new Set(summary?.failedSources ?? []);
    const disallowed = summary?.skippedSources.length ?? 0;
    // Items robots.txt rules out are marked seen too: asking again each poll would not change the answer.
    await markItemsSeen(this.connection, fresh.flatMap((f, k) => (failed.has(inputs[k]!.url) ? [] : [{ key: f.key, feed: url, url: inputs[k]!.url }])));
    // After a failure the validators are dropped, so the next poll reads the whole feed and retries what failed.
    await saveFeedPoll(this.connection, { url, title: list.title, notModified: false, etag: failed.size ? undefined : resource.etag, lastModified: failed.size ? undefined : resource.lastModified });
    tally.fetched += fresh.length - failed.size - disallowed;
    tally.skipped += items.length - fresh.length + disallowed;
    tally.failed += failed.size;
    this.say(`${url}: ${fresh.length - failed.size - disallowed} new, ${items.length - fresh.length} seen before, ${disallowed ? `${disallowed} disallowed by robots.txt, ` : ''}${failed.size} failed${summary ? ` (${summary.documentsNew} documents stored, ${summary.documentsUnchanged} already known)` : ''}`);
  }
}
