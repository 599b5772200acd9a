// `kg demo` (`npm run demo`): local Neo4j, schema, the sample articles ingested, what the graph holds and
// three questions answered; then what to run next.
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { loadGeocoder } from '../resolve/geocode.js';
import { geocodeGraph } from '../store/geocode.js';
import { findSavedQuery } from '../store/saved-queries.js';
import { graphStats } from '../store/stats.js';
import { globalsOf, withConnection } from './context.js';
import { formatGeocode } from './geocode-command.js';
import { formatSummary, ingestPaths } from './ingest-command.js';
import { formatResult, runCheckedQuery } from './query-command.js';
import { serveOptions, startViewer } from './serve-command.js';
import { formatStats } from './stats-command.js';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

const EXAMPLES: Array<{ saved: string; params: Record<string, unknown>; question: string }> = [
  { saved: 'who-did-it', params: { attack: 'Crocus City Hall attack' }, question: 'Who claimed or carried out the Crocus City Hall attack?' },
  { saved: 'death-toll-sources', params: { attack: 'Crocus City Hall attack' }, question: 'Which sources report which death toll?' },
  { saved: 'accusations-and-denials', params: {}, question: 'Who accused whom, and who denied it?' },
];

export function demoCommand(): Command {
  return serveOptions(new Command('demo'))
    .description('start the local Neo4j, ingest the sample articles, show what the graph answers, and serve the viewer')
    .option('--no-serve', 'stop after printing the answers')
    .action(async (options: { serve: boolean; port: number; host: string; allowHost?: string[] }, command: Command) => {
      const globals = globalsOf(command);
      await withConnection(globals, async (connection) => {
        const summary = await ingestPaths(connection, [SEEDS], { batch: 25, maxMb: 10 }, globals);
        process.stdout.write(`${formatSummary(summary, false)}\n\n${formatStats(await graphStats(connection, 8))}`);
        for (const example of EXAMPLES) {
          const saved = findSavedQuery(example.saved)!;
          const result = await runCheckedQuery(connection, saved.cypher, example.params, { write: false, timeoutMs: 30_000, limit: 50 });
          const params = Object.entries(example.params).map(([k, v]) => ` --param ${k}="${String(v)}"`).join('');
          process.stdout.write(`\n${example.question}\n$ kg query --saved ${example.saved}${params}\n${formatResult(result, 'table')}`);
        }
        const places = await geocodeGraph(connection, loadGeocoder());
        process.stdout.write(`\n${formatGeocode(places, false).split('\n')[0]}\n`);
        process.stdout.write(`\nMore: \`npx kg query --list\` for saved queries, \`npx kg query "MATCH (n:Group) RETURN n.name"\` for your own, \`npx kg attacks\` for the attacks and their tolls by source.\n`);
      });
      if (!options.serve) return;
      const viewer = await startViewer(globals, { port: options.port, host: options.host, ...(options.allowHost ? { allowHost: options.allowHost } : {}) });
      process.stdout.write(`\nOpen the viewer: ${viewer.url}  (search "ISIS-K", click an edge for its sentences). Ctrl-C stops it; \`npx kg neo4j stop\` stops Neo4j.\n`);
      const stop = () => void viewer.stop().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
