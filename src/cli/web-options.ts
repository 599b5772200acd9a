// The options of every command that reads the web (ingest, extract, watch), and the client they configure.
import { Command, InvalidArgumentError } from 'commander';
import { WebClient, DEFAULT_MAX_ITEMS, DEFAULT_WEB_LIMITS } from '../ingest/index.js';

export interface WebOptions {
  maxMb: number;
  maxItems: number;
  timeout: number;
  hostDelay: number;
}

export const defaultWebOptions = (): WebOptions => ({ maxMb: 10, maxItems: DEFAULT_MAX_ITEMS, timeout: DEFAULT_WEB_LIMITS.timeoutMs / 1000, hostDelay: DEFAULT_WEB_LIMITS.hostDelayMs });

const atLeast = (min: number) => (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new InvalidArgumentError(`Expecting a number of at least ${min}.`);
  return n;
};

export function addWebOptions(command: Command): Command {
  return command
    .option('--max-items <n>', 'most items read from one feed or sitemap', atLeast(1), DEFAULT_MAX_ITEMS)
    .option('--timeout <s>', 'longest wait for one web request, in seconds', atLeast(0.1), DEFAULT_WEB_LIMITS.timeoutMs / 1000)
    .option('--host-delay <ms>', 'pause between two requests to one site, in milliseconds (robots.txt Crawl-delay may lengthen it)', atLeast(0), DEFAULT_WEB_LIMITS.hostDelayMs);
}

export function webClientOf(options: WebOptions, signal?: AbortSignal): WebClient {
  return new WebClient({ maxBytes: options.maxMb * 1024 * 1024, timeoutMs: options.timeout * 1000, maxRedirects: DEFAULT_WEB_LIMITS.maxRedirects, hostDelayMs: options.hostDelay }, signal);
}
