// `kg export`: a selection of the graph to GraphML, GEXF, JSON, CSV or a Cypher script.
import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from '../model/errors.js';
import { loadOntology } from '../model/ontology.js';
import { citeSources, documentsByIds, exporters, fileSink, restrictStreams, selectGraph, validateSelection, type Selection } from '../export/index.js';
import { knownDocuments } from '../store/as-of.js';
import { asOfOption } from './as-of.js';
import { globalsOf, note, withConnection } from './context.js';

interface ExportOptions {
  format: string;
  out: string;
  cypher?: string;
  around?: string;
  hops: number;
  types?: string[];
  relations?: string[];
  asOf?: string;
}

const csvList = (value: string): string[] => value.split(',').map((v) => v.trim()).filter(Boolean);
const hops = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 3) throw new InvalidArgumentError('Expecting 1, 2 or 3.');
  return n;
};

export function selectionOf(options: Pick<ExportOptions, 'cypher' | 'around' | 'hops' | 'types' | 'relations'>): Selection {
  const chosen = [options.cypher !== undefined, options.around !== undefined, options.types !== undefined].filter(Boolean).length;
  if (chosen > 1) throw new ConfigError('Choose one selection: --cypher, --around or --types', '--relations can go with any of them.');
  const relations = options.relations ? { relations: options.relations } : {};
  if (options.cypher !== undefined) return { kind: 'cypher', query: options.cypher, ...relations };
  if (options.around !== undefined) return { kind: 'around', name: options.around, hops: options.hops, ...relations };
  if (options.types !== undefined) return { kind: 'types', types: options.types, ...relations };
  return { kind: 'all', ...relations };
}

export function exportCommand(): Command {
  const ontology = loadOntology();
  const formats = exporters(ontology);
  return new Command('export')
    .description('export the graph, or a part of it, for Gephi, networkx, spreadsheets or another Neo4j')
    .addOption(new Option('-f, --format <format>', formats.map((f) => `${f.format}: ${f.description}`).join('; ')).choices(formats.map((f) => f.format)).makeOptionMandatory())
    .requiredOption('-o, --out <path>', 'the file to write (a folder for csv)')
    .option('--cypher <query>', 'export the entities a read-only query returns (nodes, relationships or paths)')
    .option('--around <name>', 'export an entity (by name or alias) and its neighbourhood')
    .option('--hops <n>', 'neighbourhood size with --around', hops, 1)
    .option('--types <types>', 'export entities of these types, e.g. Person,Group', csvList)
    .option('--relations <types>', 'export only these relationship types, e.g. CLAIMED,WARNED', csvList)
    .addOption(asOfOption('the graph as documents published by DATE tell it: their evidence, reports and mentions only'))
    .action(async (options: ExportOptions, command: Command) => {
      const globals = globalsOf(command);
      const selection = selectionOf(options);
      validateSelection(selection, ontology);
      const exporter = formats.find((f) => f.format === options.format)!;
      const counts = await withConnection(globals, async (connection) => {
        const selected = await selectGraph(connection, selection);
        const streams = options.asOf ? restrictStreams(selected, await knownDocuments(connection, options.asOf)) : selected;
        // Each relationship names its articles, as the viewer's exports do (after "as of" kept only known ones).
        return exporter.write(citeSources(streams, (ids) => documentsByIds(connection, ids)), fileSink(options.out, exporter.folder));
      });
      process.stdout.write(`Exported ${counts.nodes} entities and ${counts.edges} relationships as ${exporter.format} to ${options.out}.\n`);
      if (counts.nodes === 0) note(globals, 'The selection is empty: nothing matched it.');
    });
}
