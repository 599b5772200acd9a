// `kg watch`: follows feeds, one poll of the pipeline's feed watcher after another. Ctrl-C or SIGTERM stops it
// cleanly: the write in flight finishes, nothing half-done is recorded as done.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { isFeedList, parseFeedList, sleep } from '../ingest/index.js';
import { ConfigError } from '../model/errors.js';
import { FeedWatcher, type Tally } from '../pipeline/index.js';
import { applySchema } from '../store/schema.js';
import { globalsOf, note, printError, withConnection } from './context.js';
import { wholeNumber } from './ingest-command.js';
import { addWebOptions, webClientOf, type WebOptions } from './web-options.js';

interface WatchOptions extends WebOptions {
  feeds?: string;
  interval: number;
  rounds?: number;
  batch: number;
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
          const report = { line: (text: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${text}\n`), note: (text: string) => note(globals, text), failed: printError };
          const watcher = new FeedWatcher(connection, () => webClientOf(options, controller.signal), options, report, feeds);
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
