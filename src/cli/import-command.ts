// `kg import`: the bulk path into an empty local store. Reads, extracts and resolves as `kg ingest` does, writes
// the graph as CSV files, and loads them with Neo4j's own `neo4j-admin database import full`.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { ConfigError, ExitCode } from '../model/errors.js';
import { loadOntology } from '../model/ontology.js';
import { BulkGraph } from '../store/bulk-graph.js';
import { importIntoLocalStore, requireEmptyStore } from '../store/bulk-import.js';
import { dryRunSink } from '../pipeline/index.js';
import { globalsOf, kgHomeOf, note, targetOf } from './context.js';
import { ingestPaths, wholeNumber, type IngestOptions } from './ingest-command.js';
import { addWebOptions } from './web-options.js';

interface ImportOptions extends IngestOptions {
  memory: string;
}

export function importCommand(): Command {
  return addWebOptions(new Command('import'))
    .description("bulk-load articles into an EMPTY local store with neo4j-admin database import (the same graph as `kg ingest`, much faster); stops and restarts kg's local Neo4j")
    .argument('<inputs...>', 'files, folders, article URLs, feeds (RSS, Atom), news sitemaps or OPML lists')
    .option('--batch <n>', 'documents resolved together (as kg ingest --batch: the same value gives the same graph)', wholeNumber, 25)
    .option('--max-mb <n>', 'largest article to read, in MB', (v) => Number(v), 10)
    .option('--workers <n>', 'extract in this many worker threads', wholeNumber, 1)
    .option('--memory <size>', "the importer's off-heap memory (neo4j-admin --max-off-heap-memory), e.g. 2G or 50%", '2G')
    .action(async (inputs: string[], options: ImportOptions, command: Command) => {
      const globals = globalsOf(command);
      const target = targetOf(globals);
      if (target.kind === 'remote') {
        throw new ConfigError(
          `kg import writes the files of kg's local Neo4j store, but NEO4J_URI (or --neo4j-uri) points at ${target.uri}; nothing was changed`,
          "Unset NEO4J_URI to import into the local store (KG_HOME, KG_NEO4J_PORT), or write to that server with `kg ingest`.",
        );
      }
      const store = { kgHome: kgHomeOf(globals), port: target.port };
      // Refused before any work: reading and extracting a large corpus only to find the store full wastes hours.
      await requireEmptyStore(store);
      const ontology = loadOntology();
      const dir = join(store.kgHome, `import-${store.port}-csv`);
      rmSync(dir, { recursive: true, force: true });
      try {
        const graph = new BulkGraph(dir, ontology);
        const summary = await ingestPaths(undefined, inputs, options, globals, dryRunSink((extraction) => graph.add(extraction)));
        const finishStart = performance.now();
        const files = graph.finish();
        const csvSeconds = (performance.now() - finishStart) / 1000;
        if (files.counts.documents === 0) {
          process.stdout.write(`Nothing to import: documents ${summary.documentsFailed} failed; the store was not changed.\n`);
          process.exitCode = ExitCode.input;
          return;
        }
        const loaded = await importIntoLocalStore(store, files, { memory: options.memory, note: (message) => note(globals, message) });
        const c = files.counts;
        process.stdout.write(
          [
            `Imported in ${(summary.seconds + csvSeconds + loaded.importSeconds + loaded.startSeconds + loaded.schemaSeconds + loaded.listsSeconds).toFixed(1)} s (reading, extraction and resolution ${summary.seconds.toFixed(1)} s, last CSV files ${csvSeconds.toFixed(1)} s, neo4j-admin ${loaded.importSeconds.toFixed(1)} s${loaded.importerPeakMb === undefined ? '' : ` using at most ${Math.round(loaded.importerPeakMb)} MB`}, Neo4j start ${loaded.startSeconds.toFixed(1)} s, schema ${loaded.schemaSeconds.toFixed(1)} s, empty lists ${loaded.listsSeconds.toFixed(1)} s): documents ${c.documents} new, ${summary.documentsUnchanged} repeated, ${summary.documentsFailed} failed${summary.nearDuplicates ? ` (${summary.nearDuplicates} near-duplicates flagged)` : ''}.`,
            `Entities ${c.entities}; relationships ${c.relationships} with ${c.evidence} evidence sentences, mentions ${c.mentions}; attribute reports ${c.claims}.`,
          ].join('\n') + '\n',
        );
        if (summary.documentsFailed > 0) process.exitCode = ExitCode.partialFailure;
        note(globals, `The local Neo4j runs at ${loaded.uri} (stop it with \`kg neo4j stop\`); add more with \`kg ingest\`.`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
}
