// `kg fix …`: corrections that last — merge, split an alias off, rename, retype, delete, reject a relationship
// or a figure; list them; undo one. Each is applied at once, recorded in Neo4j, and replayed by every ingest.
import { Command, Option } from 'commander';
import { z } from 'zod';
import { CorrectionRequest, type CorrectionRecord } from '../model/corrections.js';
import { ConfigError } from '../model/errors.js';
import { ENTITY_TYPES, loadOntology } from '../model/ontology.js';
import { listCorrections, recordCorrection, undoCorrection } from '../store/corrections.js';
import { applySchema } from '../store/schema.js';
import { globalsOf, note, withConnection } from './context.js';

interface MetaOptions {
  reason: string;
  by?: string;
}

const withMeta = (command: Command): Command =>
  command
    .requiredOption('-r, --reason <text>', 'why (kept with the record)')
    .addOption(new Option('--by <name>', 'who made it (kept with the record)').env('KG_AUTHOR'));

export function formatCorrection(c: CorrectionRecord): string {
  const state = c.undone ? ` — undone ${c.undoneAt}${c.undoneBy ? ` by ${c.undoneBy}` : ''}${c.undoReason ? `: ${c.undoReason}` : ''}` : '';
  return `${c.id.padEnd(7)} ${c.at}  ${c.summary}\n${''.padEnd(8)}why: ${c.reason}${c.by ? ` (by ${c.by})` : ''}${state}\n`;
}

async function applyRequest(command: Command, fields: Record<string, unknown>): Promise<void> {
  const parsed = CorrectionRequest.safeParse(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
  if (!parsed.success) throw new ConfigError(`Invalid correction: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`, `See \`kg fix ${String(fields.kind)} --help\`.`);
  const globals = globalsOf(command);
  const record = await withConnection(globals, async (connection) => {
    await applySchema(connection);
    return recordCorrection(connection, loadOntology(), parsed.data);
  });
  process.stdout.write(`${record.id}: ${record.summary}\n`);
  note(globals, `Later ingests respect it; undo it with \`kg fix undo ${record.id}\`.`);
}

/** "133" is the number 133 (figures are stored as numbers), anything else a string. */
const figureValue = (v: string): number | string => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : v);

export function fixCommand(): Command {
  const fix = new Command('fix').description('correct the graph so that later ingests respect it (merge, split-alias, rename, retype, delete, reject-relation, reject-figure, list, undo)');
  fix.addCommand(
    withMeta(new Command('merge').description('merge entity <drop> into <keep>: its relationships, mentions, reports and names move over').argument('<keep>', 'name, alias or id of the entity to keep').argument('<drop>', 'name, alias or id of the entity that goes')).action(
      (keep: string, drop: string, o: MetaOptions, c: Command) => applyRequest(c, { kind: 'merge', keep, drop, ...o }),
    ),
  );
  fix.addCommand(
    withMeta(new Command('split-alias').description('make an alias of <entity> an entity of its own; later mentions under that name go to it').argument('<entity>', 'name, alias or id').argument('<alias>', 'one of its aliases'))
      .addOption(new Option('--type <type>', 'type of the new entity (default: the same)').choices([...ENTITY_TYPES]))
      .action((entity: string, alias: string, o: MetaOptions & { type?: string }, c: Command) => applyRequest(c, { kind: 'split-alias', entity, alias, ...o })),
  );
  fix.addCommand(withMeta(new Command('rename').description('give <entity> a new name; the old one becomes an alias').argument('<entity>', 'name, alias or id').argument('<name>', 'the new name')).action((entity: string, name: string, o: MetaOptions, c: Command) => applyRequest(c, { kind: 'rename', entity, name, ...o })));
  fix.addCommand(
    withMeta(new Command('retype').description('change the type of <entity>').argument('<entity>', 'name, alias or id').addArgument(new Command().createArgument('<type>', 'the new type').choices([...ENTITY_TYPES]))).action(
      (entity: string, type: string, o: MetaOptions, c: Command) => applyRequest(c, { kind: 'retype', entity, type, ...o }),
    ),
  );
  fix.addCommand(withMeta(new Command('delete').description('delete <entity> with its relationships; later ingests do not bring it back').argument('<entity>', 'name, alias or id')).action((entity: string, o: MetaOptions, c: Command) => applyRequest(c, { kind: 'delete', entity, ...o })));
  fix.addCommand(
    withMeta(new Command('reject-relation').description('delete the relationship <source> -[<type>]-> <target>; later ingests do not recreate it').argument('<source>', 'name, alias or id').argument('<type>', 'e.g. CLAIMED').argument('<target>', 'name, alias or id')).action(
      (source: string, type: string, target: string, o: MetaOptions, c: Command) => applyRequest(c, { kind: 'reject-relation', source, type, target, ...o }),
    ),
  );
  fix.addCommand(
    withMeta(new Command('reject-figure').description('reject a reported figure about <entity> (e.g. deaths 40), from every source or one (--doc)').argument('<entity>', 'name, alias or id').argument('<key>', 'deaths, injured, date or kind').argument('<value>', 'the reported value, e.g. 40'))
      .option('--doc <doc>', 'only the report of this document (its id or source file)')
      .action((entity: string, key: string, value: string, o: MetaOptions & { doc?: string }, c: Command) => applyRequest(c, { kind: 'reject-figure', entity, key, value: figureValue(value), ...o })),
  );
  fix.addCommand(
    new Command('list')
      .description('the corrections in force, oldest first (--all: with the undone ones)')
      .option('--all', 'include undone corrections')
      .option('--json', 'as JSON')
      .action(async (o: { all?: boolean; json?: boolean }, c: Command) => {
        const records = await withConnection(globalsOf(c), (connection) => listCorrections(connection, { all: o.all === true }));
        process.stdout.write(o.json ? `${JSON.stringify(records, null, 2)}\n` : records.length ? records.map(formatCorrection).join('') : 'No corrections.\n');
      }),
  );
  fix.addCommand(
    new Command('undo')
      .description('undo a correction (by its id, see `kg fix list`); the record stays, marked undone')
      .argument('<id>', 'e.g. fix-3')
      .option('-r, --reason <text>', 'why it is undone')
      .addOption(new Option('--by <name>', 'who undid it').env('KG_AUTHOR'))
      .action(async (id: string, o: { reason?: string; by?: string }, c: Command) => {
        const record = await withConnection(globalsOf(c), (connection) => undoCorrection(connection, loadOntology(), { id, ...o }));
        process.stdout.write(`${record.id} undone: ${record.summary}\n`);
      }),
  );
  return fix;
}
