// `kg stats` and `kg reset`: what the graph holds, and starting over.
import { createInterface } from 'node:readline/promises';
import { Command } from 'commander';
import { ConfigError } from '../model/errors.js';
import { graphStats, resetGraph, type GraphStats } from '../store/stats.js';
import { globalsOf, withConnection } from './context.js';
import { printable } from './terminal.js';

export function formatStats(stats: GraphStats): string {
  const lines = ['Nodes by label:'];
  for (const l of stats.labels) lines.push(`  ${l.label.padEnd(14)} ${l.count}`);
  lines.push('Relationships by type:');
  for (const r of stats.relationshipTypes) lines.push(`  ${r.type.padEnd(16)} ${r.count}`);
  lines.push('Most connected entities:');
  for (const e of stats.topEntities) lines.push(`  ${String(e.degree).padStart(4)}  ${e.name} (${e.type})`);
  return `${lines.join('\n')}\n`;
}

export function statsCommand(): Command {
  return new Command('stats')
    .description('counts by label and relationship type, and the most connected entities')
    .option('--top <n>', 'how many entities to list', (v) => Number(v), 10)
    .option('--json', 'print as JSON')
    .action(async (options: { top: number; json?: boolean }, command: Command) => {
      const stats = await withConnection(globalsOf(command), (c) => graphStats(c, options.top));
      process.stdout.write(options.json ? `${JSON.stringify(stats, null, 2)}\n` : printable(formatStats(stats)));
    });
}

export function resetCommand(): Command {
  return new Command('reset')
    .description("delete kg's data (documents, entities, claims) from Neo4j")
    .option('--yes', 'do not ask for confirmation')
    .action(async (options: { yes?: boolean }, command: Command) => {
      if (!options.yes) {
        if (!process.stdin.isTTY) throw new ConfigError("kg reset deletes every document, entity and claim kg stored, and there is no terminal to confirm it", 'Run `kg reset --yes` to confirm.');
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        const answer = await rl.question('Delete every document, entity and claim kg stored? Type "yes": ');
        rl.close();
        if (answer.trim().toLowerCase() !== 'yes') {
          process.stdout.write('Nothing deleted.\n');
          return;
        }
      }
      await withConnection(globalsOf(command), resetGraph);
      process.stdout.write("Deleted kg's data.\n");
    });
}
