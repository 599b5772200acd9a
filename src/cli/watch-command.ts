// `kg watch`: follows feeds. Each poll asks conditionally (ETag, Last-Modified), ingests only the items no earlier
// poll ingested, and records both in Neo4j, so a restart goes on where it stopped. Ctrl-C or SIGTERM stops it
// cleanly: the write in flight finishes, nothing half-done is recorded as done.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { feedListOf, isFeedList, itemInput, parseFeedList, sleep, type WebClient } from '../ingest/index.js';
import { ConfigError, InputError } from '../model/errors.js';
import type { Connection } from '../store/connection.js';
import { applySchema } from '../store/schema.js';
import { loadFeedState, markItemsSeen, saveFeedPoll, seenItemKeys } from '../store/watch-state.js';
import { globalsOf, note, printError, withConnection, type GlobalOptions } from './context.js';
import { ingestInputs, wholeNumber } from './ingest-command.js';
import { addWebOptions, webClientOf, type WebOptions } from './web-options.js';

interface WatchOptions extends WebOptions {
  feeds?: string;
  interval: number;
  rounds?: number;
  batch: number;
}

interface Tally {
  fetched: number;
  skipped: number;
  failed: number;
  unchanged: number;
}

/** The feeds named on the command line and in --feeds (one URL a line, # comments; or an OPML file). */
export function feedsToWatch(args: string[], file: string | undefined): string[] {
  const feeds = [...args];
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(`--feeds ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'Name a text file with one feed URL a line, or an OPML file.');
    }
    if (isFeedList(text)) feeds.push(...parseFeedList(text, file).lists);
    else feeds.push(...text.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter((line) => line.length > 0));
  }
  for (const feed of feeds) if (!/^https?:\/\//i.test(feed)) throw new ConfigError(`${feed}: kg watch follows feeds on the web (http or https URLs)`, 'For files on disk use `kg ingest`.');
  if (feeds.length === 0) throw new ConfigError('kg watch needs feeds to follow', 'Name feed URLs, or a file of them with --feeds FILE.');
  return [...new Set(feeds)];
}

class Watcher {
  constructor(
    private readonly connection: Connection,
    private readonly newClient: () => WebClient,
    private readonly options: WatchOptions,
    private readonly globals: GlobalOptions,
    private readonly feeds: string[],
  ) {}

  private say(line: string): void {
    process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
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
      printError(error);
      return;
    }
    for (const child of list.lists) if (!this.feeds.includes(child)) this.feeds.push(child);
    if (list.items.length > this.options.maxItems) note(this.globals, `kg: ${url} lists ${list.items.length} items; kg reads the first ${this.options.maxItems} (raise --max-items for more).`);
    const items = list.items.slice(0, this.options.maxItems).map((item) => ({ item, key: `${url} ${item.key}` }));
    const seen = await seenItemKeys(this.connection, items.map((i) => i.key));
    const fresh = items.filter((i) => !seen.has(i.key));
    const inputs = fresh.map((i) => itemInput(i.item, url));
    const summary = inputs.length > 0 ? await ingestInputs(this.connection, inputs, { batch: this.options.batch, maxMb: this.options.maxMb }, { ...this.globals, quiet: true }, web) : undefined;
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

export function watchCommand(): Command {
  return addWebOptions(new Command('watch'))
    .description('follow feeds: poll them on an interval and ingest new items; state in Neo4j, Ctrl-C stops')
    .argument('[feeds...]', 'URLs of RSS or Atom feeds, news sitemaps or OPML lists')
    .option('--feeds <file>', 'a file of feeds to follow: one URL a line (# comments), or OPML')
    .option('--interval <s>', 'seconds between polls', wholeNumber, 900)
    .option('--rounds <n>', 'stop after this many polls (default: until stopped)', wholeNumber)
    .option('--batch <n>', 'documents per write transaction', wholeNumber, 25)
    .option('--max-mb <n>', 'largest article or feed to read, in MB', (v) => Number(v), 10)
    .action(async (args: string[], options: WatchOptions, command: Command) => {
      const globals = globalsOf(command);
      const feeds = feedsToWatch(args, options.feeds);
      const controller = new AbortController();
      let signals = 0;
      const stop = (signal: NodeJS.Signals) => {
        // A second Ctrl-C means now.
        if (++signals > 1) process.exit(130);
        note(globals, `kg: ${signal}: stopping after the current step…`);
        controller.abort(signal);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      const total: Tally = { fetched: 0, skipped: 0, failed: 0, unchanged: 0 };
      let rounds = 0;
      try {
        await withConnection(globals, async (connection) => {
          await applySchema(connection);
          const watcher = new Watcher(connection, () => webClientOf(options, controller.signal), options, globals, feeds);
          note(globals, `Watching ${feeds.length} feed${feeds.length === 1 ? '' : 's'} every ${options.interval} s (Ctrl-C stops).`);
          while (!controller.signal.aborted) {
            const tally = await watcher.round(++rounds);
            for (const key of Object.keys(total) as Array<keyof Tally>) total[key] += tally[key];
            if (options.rounds !== undefined && rounds >= options.rounds) break;
            await sleep(options.interval * 1000, controller.signal);
          }
        });
      } catch (error) {
        if (!controller.signal.aborted) throw error;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      process.stdout.write(`Stopped after ${rounds} round${rounds === 1 ? '' : 's'}: ${total.fetched} fetched, ${total.skipped} skipped, ${total.failed} failed.\n`);
    });
}
