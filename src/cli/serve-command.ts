// `kg serve`: the viewer and its API, over Neo4j or over an exported JSON file.
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Command, InvalidArgumentError, Option } from 'commander';
import { EnvironmentError } from '../model/errors.js';
import { closeConnection } from '../store/connection.js';
import { createApp } from '../server/app.js';
import { FileSource, Neo4jSource, type GraphSource } from '../server/sources.js';
import { DEFAULT_SUMMARY, resolveSummaryOptions } from '../server/summary.js';
import { globalsOf, note, openConnection, type GlobalOptions } from './context.js';

const WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

interface ServeOptions {
  port: number;
  host: string;
  graph?: string;
  /** More host names the viewer answers to (a reverse proxy's, a LAN name). */
  allowHost?: string[];
  /** Entities past which the page starts from a summary, and how many the summary shows. */
  summaryAbove?: number;
  summarySize?: number;
}

const count = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('Expecting a whole number of entities.');
  return n;
};

const ANY_ADDRESS = ['0.0.0.0', '::', '[::]'];

const port = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('Expecting a port number.');
  return n;
};

async function openSource(globals: GlobalOptions, graphFile: string | undefined): Promise<{ source: GraphSource; close: () => Promise<void> }> {
  if (graphFile) return { source: new FileSource(graphFile), close: async () => {} };
  const connection = await openConnection(globals);
  return { source: new Neo4jSource(connection), close: () => closeConnection(connection) };
}

/** Starts the server; resolves with its URL and a way to stop it. */
export async function startViewer(globals: GlobalOptions, options: ServeOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  const summary = resolveSummaryOptions({ ...(options.summaryAbove !== undefined ? { above: options.summaryAbove } : {}), ...(options.summarySize !== undefined ? { size: options.summarySize } : {}) });
  const { source, close } = await openSource(globals, options.graph);
  // The address it binds is a name it answers to, unless that is "every address", which names no host.
  const allowedHosts = [...(ANY_ADDRESS.includes(options.host) ? [] : [options.host]), ...(options.allowHost ?? [])];
  const app = createApp(source, WEB_ROOT, { allowedHosts }, summary);
  const server = await new Promise<ReturnType<typeof serve>>((done, fail) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => done(s));
    s.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EADDRINUSE' ? new EnvironmentError(`Port ${options.port} on ${options.host} is already in use`, 'Choose another with --port.') : error),
    );
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host}:${actualPort}/`,
    stop: async () => {
      // Open event streams (/api/updates) would keep close() waiting for ever.
      const closing = new Promise((done) => server.close(done));
      if ('closeAllConnections' in server) server.closeAllConnections();
      await closing;
      await close();
    },
  };
}

export function serveOptions(command: Command): Command {
  return command
    .option('--port <port>', 'port to listen on', port, 4000)
    .option('--host <host>', 'address to bind (127.0.0.1 keeps it on this machine)', '127.0.0.1')
    .option('--graph <file>', 'serve an exported JSON graph (kg export -f json) instead of Neo4j')
    .option('--allow-host <name>', 'also answer requests addressed to this host name (repeatable; loopback names always work)', (value: string, previous: string[] = []) => [...previous, value])
    .addOption(new Option('--summary-above <entities>', `start the page from a summary past this many entities (or three times as many relationships); default ${DEFAULT_SUMMARY.above}`).argParser(count).env('KG_SUMMARY_ABOVE'))
    .addOption(new Option('--summary-size <entities>', `entities a summary shows, those with the most relationships; default ${DEFAULT_SUMMARY.size}`).argParser(count).env('KG_SUMMARY_SIZE'));
}

export function serveCommand(): Command {
  return serveOptions(new Command('serve').description('serve the graph viewer and its JSON API')).action(async (options: ServeOptions, command: Command) => {
    const globals = globalsOf(command);
    const viewer = await startViewer(globals, options);
    process.stdout.write(`Viewer at ${viewer.url} (bound to ${options.host}${options.host === '127.0.0.1' ? ', this machine only' : ''}; ${options.graph ? `serving ${options.graph}` : 'serving Neo4j'}). Ctrl-C stops it.\n`);
    if (options.host !== '127.0.0.1' && options.host !== 'localhost') note(globals, 'kg: the viewer is reachable from other machines; its API is read-only but has no login (see SECURITY.md).');
    if (ANY_ADDRESS.includes(options.host) && !options.allowHost?.length) note(globals, 'kg: bound to every address, it answers only to loopback names; add --allow-host NAME for the name others use.');
    const stop = () => void viewer.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
