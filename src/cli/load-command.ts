// `kg load`: shards that `kg extract --shard` wrote (on any number of machines) in, resolved and written into
// Neo4j through the same pipeline as `kg ingest`, so the graph is the one an ingest of the same documents makes.
import { Command } from 'commander';
import { ExitCode } from '../model/errors.js';
import type { Connection } from '../store/connection.js';
import { dryRunSink, ingestDocuments, neo4jSink, shardDocuments, type IngestSummary } from '../pipeline/index.js';
import { globalsOf, note, withConnection, type GlobalOptions } from './context.js';
import { formatSummary, reportingEvents, wholeNumber } from './ingest-command.js';

export interface LoadOptions {
  batch: number;
  dryRun?: boolean;
}

export async function loadShards(connection: Connection | undefined, files: string[], options: LoadOptions, globals: GlobalOptions): Promise<IngestSummary> {
  const sink = connection && !options.dryRun ? neo4jSink(connection) : dryRunSink();
  const summary = await ingestDocuments(shardDocuments(files), { batch: options.batch }, sink, reportingEvents(globals));
  note(globals, `kg: read ${files.length} shard file${files.length === 1 ? '' : 's'}.`);
  return summary;
}

export function loadCommand(): Command {
  return new Command('load')
    .description('resolve and write into Neo4j the shards `kg extract --shard` wrote (JSON lines, one document each); re-running is safe')
    .argument('<shards...>', 'shard files (JSON lines)')
    .option('--batch <n>', 'documents per write transaction', wholeNumber, 25)
    .option('--dry-run', 'read and resolve, but write nothing')
    .action(async (files: string[], options: LoadOptions, command: Command) => {
      const globals = globalsOf(command);
      const summary = options.dryRun ? await loadShards(undefined, files, options, globals) : await withConnection(globals, (connection) => loadShards(connection, files, options, globals));
      process.stdout.write(`${formatSummary(summary, options.dryRun === true)}\n`);
      if (summary.documentsFailed > 0) process.exitCode = summary.documentsNew + summary.documentsUnchanged > 0 ? ExitCode.partialFailure : ExitCode.input;
    });
}
