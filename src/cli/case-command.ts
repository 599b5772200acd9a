// `kg case …`: case files — save a view under a name (from the viewer's JSON or from entity names and notes),
// list, show, rename, delete, and export one as a self-contained HTML report that opens offline.
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { z } from 'zod';
import { CaseName, CaseView, caseEntities, type CaseRecord } from '../model/cases.js';
import { ConfigError } from '../model/errors.js';
import { fileSink, selectGraph, writeCaseReport } from '../export/index.js';
import type { Connection } from '../store/connection.js';
import { deleteCase, getCase, listCases, renameCase, saveCase } from '../store/cases.js';
import { findEntityRef } from '../store/corrections.js';
import { applySchema } from '../store/schema.js';
import { globalsOf, withConnection } from './context.js';

const name = (value: string): string => {
  const parsed = CaseName.safeParse(value);
  if (!parsed.success) throw new ConfigError(`Invalid case name "${value}": ${parsed.error.issues[0]!.message}`);
  return parsed.data;
};

const collectNote = (pair: string, previous: Record<string, string> = {}): Record<string, string> => {
  const at = pair.indexOf('=');
  if (at < 1) throw new ConfigError(`Expecting --note ENTITY=TEXT; got "${pair}"`);
  return { ...previous, [pair.slice(0, at)]: pair.slice(at + 1) };
};

interface SaveOptions {
  file?: string;
  entities?: string;
  note: Record<string, string>;
  overwrite?: boolean;
  by?: string;
}

/** The view to save: the viewer's JSON file, or entities and notes by name, resolved to ids. */
async function viewOf(connection: Connection, options: SaveOptions): Promise<CaseView> {
  let raw: unknown = {};
  if (options.file) {
    try {
      raw = JSON.parse(readFileSync(options.file, 'utf8'));
    } catch (error) {
      throw new ConfigError(`Cannot read the view ${options.file}: ${(error as Error).message}`, 'Give a JSON file such as the viewer saves.');
    }
  }
  const parsed = CaseView.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${options.file} is not a case view: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  const view = parsed.data;
  const refs = (options.entities ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const ref of refs) view.selection.push((await findEntityRef(connection, ref)).id);
  for (const [ref, text] of Object.entries(options.note)) view.notes.entities[(await findEntityRef(connection, ref)).id] = text;
  view.selection = [...new Set(view.selection)];
  if (caseEntities(view).length === 0) throw new ConfigError('The case has no entities', 'Name some with --entities, or give a view with --file.');
  return view;
}

const summary = (c: CaseRecord) => `${c.name.padEnd(30)} ${String(caseEntities(c.view).length).padStart(4)} entities  saved ${c.updatedAt}${c.by ? ` by ${c.by}` : ''}\n`;

/** The report of a case, from the graph as it is now. */
export async function exportCaseReport(connection: Connection, caseName: string, out: string): Promise<{ nodes: number; edges: number }> {
  const record = await getCase(connection, caseName);
  const streams = await selectGraph(connection, { kind: 'ids', ids: caseEntities(record.view) });
  return writeCaseReport(record, streams, fileSink(out, false).open());
}

export function caseCommand(): Command {
  const cases = new Command('case').description('case files: save a view under a name; list, show, rename, delete; export as an HTML report');
  cases.addCommand(
    new Command('save')
      .description('save a case: a view file from the viewer (--file) and/or entities and notes by name')
      .argument('<name>', 'the case name', name)
      .option('--file <view.json>', 'the view as JSON (selection, filters, positions, paths, cypher, notes)')
      .option('--entities <list>', 'entities by id, name or alias, comma-separated')
      .option('--note <entity=text>', 'a note on an entity (repeatable)', collectNote, {})
      .option('--overwrite', 'replace a case of the same name')
      .addOption(new Option('--by <name>', 'who saved it').env('KG_AUTHOR'))
      .action(async (caseName: string, options: SaveOptions, command: Command) => {
        const record = await withConnection(globalsOf(command), async (connection) => {
          await applySchema(connection);
          return saveCase(connection, caseName, await viewOf(connection, options), { overwrite: options.overwrite === true, by: options.by });
        });
        process.stdout.write(`Saved case "${record.name}" (${caseEntities(record.view).length} entities).\n`);
      }),
  );
  cases.addCommand(
    new Command('list').description('the saved cases').option('--json', 'as JSON').action(async (options: { json?: boolean }, command: Command) => {
      const records = await withConnection(globalsOf(command), listCases);
      process.stdout.write(options.json ? `${JSON.stringify(records, null, 2)}\n` : records.length ? records.map(summary).join('') : 'No cases.\n');
    }),
  );
  cases.addCommand(
    new Command('show').description('a case as JSON (what the viewer opens)').argument('<name>', 'the case', name).action(async (caseName: string, _o: unknown, command: Command) => {
      process.stdout.write(`${JSON.stringify(await withConnection(globalsOf(command), (c) => getCase(c, caseName)), null, 2)}\n`);
    }),
  );
  cases.addCommand(
    new Command('rename').description('rename a case').argument('<name>', 'the case', name).argument('<new-name>', 'its new name', name).action(async (from: string, to: string, _o: unknown, command: Command) => {
      await withConnection(globalsOf(command), (c) => renameCase(c, from, to));
      process.stdout.write(`Renamed case "${from}" to "${to}".\n`);
    }),
  );
  cases.addCommand(
    new Command('delete').description('delete a case (the graph is untouched)').argument('<name>', 'the case', name).action(async (caseName: string, _o: unknown, command: Command) => {
      await withConnection(globalsOf(command), (c) => deleteCase(c, caseName));
      process.stdout.write(`Deleted case "${caseName}".\n`);
    }),
  );
  cases.addCommand(
    new Command('export')
      .description('write a case as one self-contained HTML report (opens offline)')
      .argument('<name>', 'the case', name)
      .requiredOption('-o, --out <file.html>', 'where to write the report')
      .action(async (caseName: string, options: { out: string }, command: Command) => {
        const counts = await withConnection(globalsOf(command), (c) => exportCaseReport(c, caseName, options.out));
        process.stdout.write(`Wrote the report of "${caseName}" (${counts.nodes} entities, ${counts.edges} relationships) to ${options.out}.\n`);
      }),
  );
  return cases;
}
