// `kg demo` (`npm run demo`): local Neo4j, schema, the sample articles ingested, what the graph holds and
// three questions answered; then what to run next.
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { findSavedQuery } from '../store/saved-queries.js';
import { graphStats } from '../store/stats.js';
import { globalsOf, withConnection } from './context.js';
import { formatSummary, ingestPaths } from './ingest-command.js';
import { formatResult, runCheckedQuery } from './query-command.js';
import { formatStats } from './stats-command.js';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

const EXAMPLES: Array<{ saved: string; params: Record<string, unknown>; question: string }> = [
  { saved: 'who-did-it', params: { attack: 'Crocus City Hall attack' }, question: 'Who claimed or carried out the Crocus City Hall attack?' },
  { saved: 'death-toll-sources', params: { attack: 'Crocus City Hall attack' }, question: 'Which sources report which death toll?' },
  { saved: 'accusations-and-denials', params: {}, question: 'Who accused whom, and who denied it?' },
];

export function demoCommand(): Command {
  return new Command('demo')
    .description('start the local Neo4j, ingest the sample articles, and show what the graph answers')
    .action(async (_options: unknown, command: Command) => {
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
        process.stdout.write(`\nNext: \`npx kg query --list\` for more saved queries, \`npx kg query "MATCH (n:Group) RETURN n.name"\` for your own, and \`npx kg neo4j stop\` when done.\n`);
      });
    });
}
