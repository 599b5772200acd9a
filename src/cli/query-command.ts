// `kg query`: Cypher against the graph, read-only by default, as a table, JSON or CSV.
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from '../model/errors.js';
import type { Connection } from '../store/connection.js';
import { cellText, rowsToCsv } from '../export/result-table.js';
import { queryParameters, runQuery, type QueryResult } from '../store/run-query.js';
import { findSavedQuery, listSavedQueries } from '../store/saved-queries.js';
import { restrictResult } from '../store/as-of.js';
import { asOfOption } from './as-of.js';
import { globalsOf, note, withConnection, type GlobalOptions } from './context.js';
import { printableLine } from './terminal.js';

interface QueryOptions {
  file?: string;
  saved?: string;
  param: Record<string, unknown>;
  format: 'table' | 'json' | 'csv';
  limit: number;
  timeout: number;
  write?: boolean;
  list?: boolean;
  asOf?: string;
}

/** `--param key=value`: the value is read as JSON when it is JSON ("3", "true", "[1,2]"), else as a string. */
export function parseParam(pair: string, previous: Record<string, unknown> = {}): Record<string, unknown> {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(pair);
  if (!match) throw new InvalidArgumentError(`Expecting key=value, such as attack="Crocus City Hall attack"; got "${pair}".`);
  let value: unknown = match[2];
  try {
    value = JSON.parse(match[2]!);
  } catch {
    // A plain string.
  }
  return { ...previous, [match[1]!]: value };
}

const positive = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('Expecting a positive number.');
  return n;
};

export function formatResult(result: QueryResult, format: 'table' | 'json' | 'csv'): string {
  if (format === 'json') return `${JSON.stringify(result.rows, null, 2)}\n`;
  if (format === 'csv') return rowsToCsv(result.columns, result.rows);
  const width = 60;
  const cut = (s: string) => {
    const line = printableLine(s).replace(/\s+/g, ' ');
    return line.length > width ? `${line.slice(0, width - 1)}…` : line;
  };
  const table = [result.columns.map(cut), ...result.rows.map((row) => result.columns.map((c) => cut(cellText(row[c]))))];
  const widths = result.columns.map((_, i) => table.reduce((most, r) => Math.max(most, r[i]!.length), 0));
  const line = (r: string[]) => r.map((s, i) => s.padEnd(widths[i]!)).join(' │ ');
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  const rows = table.slice(1).map(line);
  return `${[line(table[0]!), rule, ...rows].join('\n')}\n(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})\n`;
}

/** What a cut result lacks, for stderr: stdout stays a clean table, CSV or JSON of the rows that came. */
export function truncationNotice(result: QueryResult, limit: number): string | undefined {
  if (result.truncated === 'rows') return `kg: first ${result.rows.length} of more rows; raise --limit (now ${limit}) to see more.`;
  if (result.truncated === 'bytes') return `kg: first ${result.rows.length} of more rows; the rest would pass the size a result may hold, so return fewer or smaller values.`;
  return undefined;
}

/** Runs a query text with its parameters, refusing missing or unknown ones before Neo4j sees the query. */
export async function runCheckedQuery(connection: Connection, cypher: string, params: Record<string, unknown>, options: { write: boolean; timeoutMs: number; limit: number }): Promise<QueryResult> {
  const wanted = queryParameters(cypher);
  const missing = wanted.filter((p) => !(p in params));
  const unknown = Object.keys(params).filter((p) => !wanted.includes(p));
  if (missing.length) throw new ConfigError(`The query needs ${missing.map((m) => `$${m}`).join(', ')}`, `Pass ${missing.map((m) => `--param ${m}=...`).join(' ')}.`);
  if (unknown.length) throw new ConfigError(`The query has no parameter ${unknown.map((m) => `$${m}`).join(', ')}`, `It takes: ${wanted.map((w) => `$${w}`).join(', ') || 'no parameters'}.`);
  return runQuery(connection, cypher, params, options);
}

/** Runs the query (with $asOf if it asks for it), then keeps what documents published by then tell of. */
export async function queryAsOf(connection: Connection, cypher: string, params: Record<string, unknown>, options: { write: boolean; timeoutMs: number; limit: number }, asOf: string, globals: GlobalOptions): Promise<QueryResult> {
  const withDate = queryParameters(cypher).includes('asOf') ? { ...params, asOf } : params;
  const result = await restrictResult(connection, await runCheckedQuery(connection, cypher, withDate, options), asOf);
  if (result.dropped > 0) note(globals, `${result.dropped} row${result.dropped === 1 ? '' : 's'} left out: not known from documents published by ${asOf}.`);
  return result;
}

export function queryCommand(): Command {
  return new Command('query')
    .description('run Cypher against the graph (read-only unless --write); see --list for saved queries')
    .argument('[cypher]', 'the query')
    .option('-f, --file <file>', 'read the query from a file')
    .option('-s, --saved <name>', 'run a saved query from cypher/queries/')
    .option('-p, --param <key=value>', 'a query parameter (repeatable); values are JSON or strings', parseParam, {})
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--limit <n>', 'most rows to return', positive, 1000)
    .option('--timeout <seconds>', 'stop the query after this long', positive, 30)
    .option('--write', 'allow the query to write')
    .option('--list', 'list the saved queries')
    .addOption(asOfOption('only rows whose entities, claims, documents and relationships documents published by DATE tell of; $asOf is set for the query'))
    .action(async (text: string | undefined, options: QueryOptions, command: Command) => {
      if (options.list) {
        for (const q of listSavedQueries()) process.stdout.write(`${q.name.padEnd(26)} ${q.description}\n${''.padEnd(26)} params: ${q.params}\n`);
        return;
      }
      const sources = [text, options.file, options.saved].filter((s) => s !== undefined);
      if (sources.length !== 1) throw new ConfigError('Give one query: a Cypher string, --file FILE or --saved NAME', 'See `kg query --help`; `kg query --list` shows the saved queries.');
      let cypher = text;
      if (options.file) {
        try {
          cypher = readFileSync(options.file, 'utf8');
        } catch (error) {
          throw new ConfigError(`Cannot read ${options.file}: ${(error as Error).message}`, 'Check the path.');
        }
      }
      if (options.saved) {
        const saved = findSavedQuery(options.saved);
        if (!saved) throw new ConfigError(`No saved query named "${options.saved}"`, `Saved queries: ${listSavedQueries().map((q) => q.name).join(', ')}.`);
        cypher = saved.cypher;
      }
      const run = { write: options.write === true, timeoutMs: options.timeout * 1000, limit: options.limit };
      const globals = globalsOf(command);
      const result = await withConnection(globals, (connection) => (options.asOf ? queryAsOf(connection, cypher!, options.param, run, options.asOf, globals) : runCheckedQuery(connection, cypher!, options.param, run)));
      process.stdout.write(formatResult(result, options.format));
      const notice = truncationNotice(result, options.limit);
      // Shown even with --quiet: a silent cut would pass for the whole answer.
      if (notice) process.stderr.write(`${notice}\n`);
    });
}
