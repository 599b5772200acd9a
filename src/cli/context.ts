// What every command shares: global options, the Neo4j target, messages on stderr, and error reporting.
import { Command, Option } from 'commander';
import { resolveNeo4jTarget, type Neo4jTarget } from '../model/config.js';
import { KgError } from '../model/errors.js';
import { closeConnection, connect, type Connection } from '../store/connection.js';
import { defaultKgHome, startLocalServer } from '../store/local-server.js';
import { printable } from './terminal.js';

export interface GlobalOptions {
  verbose?: boolean;
  quiet?: boolean;
  neo4jUri?: string;
  neo4jUser?: string;
  neo4jPassword?: string;
  neo4jDatabase?: string;
  home?: string;
}

export function addGlobalOptions(program: Command): Command {
  return program
    .option('-v, --verbose', 'show stack traces and extra detail')
    .option('-q, --quiet', 'print only results, no progress')
    .addOption(new Option('--neo4j-uri <uri>', 'Neo4j to use (bolt://, neo4j://, neo4j+s://); default: kg\'s local server').env('NEO4J_URI'))
    .addOption(new Option('--neo4j-user <user>', 'Neo4j user').env('NEO4J_USER'))
    .addOption(new Option('--neo4j-password <password>', 'Neo4j password').env('NEO4J_PASSWORD'))
    .addOption(new Option('--neo4j-database <name>', 'Neo4j database').env('NEO4J_DATABASE'))
    .addOption(new Option('--home <dir>', 'folder for the local server\'s store, logs and pid files').env('KG_HOME'));
}

export const globalsOf = (command: Command): GlobalOptions => command.optsWithGlobals<GlobalOptions>();

export const kgHomeOf = (globals: GlobalOptions): string => defaultKgHome(globals.home !== undefined ? { KG_HOME: globals.home } : {}, process.cwd());

/** Progress and notes go to stderr so stdout stays clean for results. */
export function note(globals: GlobalOptions, message: string): void {
  if (!globals.quiet) process.stderr.write(`${printable(message)}\n`);
}

export function targetOf(globals: GlobalOptions): Neo4jTarget {
  return resolveNeo4jTarget(
    { uri: globals.neo4jUri, user: globals.neo4jUser, password: globals.neo4jPassword, database: globals.neo4jDatabase },
    process.env,
  );
}

/** Connects to the configured Neo4j, starting the local server first when nothing else is configured. */
export async function openConnection(globals: GlobalOptions): Promise<Connection> {
  const target = targetOf(globals);
  if (target.kind === 'remote') return connect({ uri: target.uri, user: target.user, password: target.password, database: target.database });
  const started = await startLocalServer({ kgHome: kgHomeOf(globals), port: target.port });
  if (!started.alreadyRunning) note(globals, `Started the local Neo4j at ${started.uri} (stop it with \`kg neo4j stop\`).`);
  return connect({ uri: started.uri, database: target.database });
}

export async function withConnection<T>(globals: GlobalOptions, work: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await openConnection(globals);
  try {
    return await work(connection);
  } finally {
    await closeConnection(connection);
  }
}

/** An error and its fix, as kg prints it: for the failure that stops a command and for each bad input. */
export function printError(error: KgError): void {
  process.stderr.write(printable(`kg: ${error.message}\n${error.hint ? `    ${error.hint}\n` : ''}`));
}

/** The one place errors become output and exit codes. */
export function reportError(error: unknown, verbose: boolean): number {
  if (error instanceof KgError) {
    printError(error);
    if (verbose && error.cause instanceof Error && error.cause.stack) process.stderr.write(`${error.cause.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`kg: unexpected error: ${printable(message.split('\n')[0]!)}\n`);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('    Run again with --verbose for details.\n');
  return 1;
}
