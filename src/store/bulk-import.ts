// Loads the CSV files of a BulkGraph into kg's local store with Neo4j's own `neo4j-admin database import full`
// (the launcher's jar carries the importer of the same Neo4j version). The import runs into a staging folder;
// only a finished import replaces the store's (empty) database, so a failure leaves the store as it was.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError, EnvironmentError } from '../model/errors.js';
import { ENTITY_TYPES } from '../model/ontology.js';
import { ARRAY_DELIMITER, type BulkFiles, type EmptyLists } from './bulk-graph.js';
import { closeConnection, connect, explainNeo4jError, openSession, type Connection } from './connection.js';
import { readCypher } from './cypher-files.js';
import { buildLauncher, JVM_FLAGS, LAUNCHER_JAR, localServerStatus, startLocalServer, stopLocalServer, storeDirOf } from './local-server.js';
import { readRows } from './run-query.js';
import { applySchema } from './schema.js';

export interface LocalStore {
  kgHome: string;
  port: number;
}

const DATABASE = 'neo4j';
// The database's own folders inside a Neo4j home; the system database beside them stays.
const DATABASE_DIRS = [join('data', 'databases', DATABASE), join('data', 'transactions', DATABASE)];
const LIST_PROPERTY = /^[a-z][A-Za-z]*$/;
const FIX_CHUNK = 10_000;
// The indexes are built over the whole imported graph at once: about 10 million evidence nodes at a million
// documents, minutes on a busy machine, where the ingest's 60 s wait is meant for an index on a store in use.
const INDEX_WAIT_SECONDS = 6 * 3600;

async function withLocalConnection<T>(store: LocalStore, work: (connection: Connection) => Promise<T>): Promise<T> {
  const started = await startLocalServer({ kgHome: store.kgHome, port: store.port });
  const connection = await connect({ uri: started.uri });
  try {
    return await work(connection);
  } finally {
    await closeConnection(connection);
  }
}

/** Refuses a store that holds anything (checked through the running server, started if need be). */
export async function requireEmptyStore(store: LocalStore): Promise<void> {
  const dir = storeDirOf(store.kgHome, store.port);
  if (!existsSync(join(dir, DATABASE_DIRS[0]!))) return;
  const total = await withLocalConnection(store, async (connection) => Number((await readRows(connection, readCypher('bulk/node-count.cypher')))[0]?.total ?? 0));
  if (total > 0) {
    throw new ConfigError(
      `kg import loads only into an empty database, and the local store in ${dir} holds ${total} nodes; nothing was changed`,
      'Add to it with `kg ingest` (same graph, transactional), or start from an empty store: `kg reset --yes` deletes the stored graph, or choose another KG_HOME or KG_NEO4J_PORT.',
    );
  }
}

const UNITS: Record<string, number> = { B: 1 / 2 ** 20, KiB: 1 / 1024, MiB: 1, GiB: 1024, TiB: 1024 ** 2 };

/** The importer's own account of the most memory it used (heap and off-heap), in MB: "Peak memory usage: 1.004GiB". */
function peakMemoryMb(log: string): number | undefined {
  const m = /Peak memory usage: ([\d.]+)\s*(B|KiB|MiB|GiB|TiB)/.exec(log);
  return m ? Number(m[1]) * UNITS[m[2]!]! : undefined;
}

function runImporter(files: BulkFiles, home: string, conf: string, logFile: string, memory: string): Promise<number | undefined> {
  const args = [
    ...JVM_FLAGS,
    '-cp',
    LAUNCHER_JAR,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    // Before the file options, which take any number of values and would take the name as one.
    DATABASE,
    // The log is kg's to show on failure: with --verbose it names the file, line and value that failed.
    '--verbose',
    `--array-delimiter=U+${ARRAY_DELIMITER.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`,
    // Every text field is quoted; fields across lines cost the importer much, so only when a value holds a break.
    `--multiline-fields=${files.multiline}`,
    `--max-off-heap-memory=${memory}`,
    `--report-file=${join(dirname(logFile), 'import.report')}`,
    ...files.nodes.map((f) => `--nodes=${f}`),
    ...files.relationships.map((f) => `--relationships=${f}`),
  ];
  const log = openSync(logFile, 'w');
  const child = spawn('java', args, { env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf }, stdio: ['ignore', log, log] });
  closeSync(log);
  return new Promise((done, fail) => {
    child.once('error', (error) => fail(new EnvironmentError(`Could not run Java for neo4j-admin import: ${error.message}`, 'Install Java 17 or newer.')));
    child.once('exit', (code) => {
      if (code === 0) return done(peakMemoryMb(readFileSync(logFile, 'utf8')));
      const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-12).join('\n');
      fail(new EnvironmentError(`neo4j-admin database import failed (exit ${code}); the store was not changed:\n${tail}`, `See ${logFile} and the importer's report beside it.`));
    });
  });
}

/** Moves the imported database into the store, keeping the store's own aside until the server runs on the new one. */
function swapIn(stagingHome: string, storeDir: string): { commit: () => void; rollback: () => void } {
  const targets = DATABASE_DIRS.map((sub) => join(storeDir, sub));
  const kept = targets.filter((target) => existsSync(target));
  const rollback = () => {
    for (const target of targets) if (existsSync(`${target}.before-import`) || !kept.includes(target)) rmSync(target, { recursive: true, force: true });
    for (const target of kept) if (existsSync(`${target}.before-import`)) renameSync(`${target}.before-import`, target);
  };
  try {
    for (const target of kept) renameSync(target, `${target}.before-import`);
    DATABASE_DIRS.forEach((sub, i) => {
      mkdirSync(dirname(targets[i]!), { recursive: true });
      renameSync(join(stagingHome, sub), targets[i]!);
    });
  } catch (error) {
    rollback();
    throw new EnvironmentError(`Could not move the imported database into ${storeDir}: ${(error as Error).message}; the store was left as it was`, "Check the folder's permissions and free space, then run `kg import` again.");
  }
  return { commit: () => kept.forEach((target) => rmSync(`${target}.before-import`, { recursive: true, force: true })), rollback };
}

async function inChunks<T>(connection: Connection, query: string, key: string, rows: T[]): Promise<void> {
  const session = openSession(connection, 'WRITE');
  try {
    for (let i = 0; i < rows.length; i += FIX_CHUNK) await session.executeWrite((tx) => tx.run(query, { [key]: rows.slice(i, i + FIX_CHUNK) }));
  } catch (error) {
    throw explainNeo4jError(error, connection.uri);
  } finally {
    await session.close();
  }
}

async function scan(connection: Connection, query: string, params: Record<string, unknown>): Promise<void> {
  const session = openSession(connection, 'WRITE');
  try {
    // CALL … IN TRANSACTIONS commits as it goes, so it runs in an implicit transaction.
    await session.run(query, params);
  } catch (error) {
    throw explainNeo4jError(error, connection.uri);
  } finally {
    await session.close();
  }
}

/** `x.p IS NULL OR …` and `x.p = coalesce(x.p, []), …` for these list properties of kg's. */
function listClauses(variable: string, properties: string[]): { missing: string; empty: string } {
  for (const property of properties) if (!LIST_PROPERTY.test(property)) throw new Error(`not a list property of kg: ${property}`);
  return {
    missing: properties.map((p) => `${variable}.${p} IS NULL`).join(' OR '),
    empty: properties.map((p) => `${variable}.${p} = coalesce(${variable}.${p}, [])`).join(', '),
  };
}

/** The entries to fix by scan, grouped by scope, each scope's properties together: one scan of a scope sets them all. */
function scansByScope<T extends { property: string }>(entries: T[], scope: (entry: T) => string): Map<string, { first: T; properties: string[] }> {
  const scopes = new Map<string, { first: T; properties: string[] }>();
  for (const entry of entries) {
    const key = scope(entry);
    const found = scopes.get(key);
    if (found) found.properties.push(entry.property);
    else scopes.set(key, { first: entry, properties: [entry.property] });
  }
  return scopes;
}

/** Sets the lists the importer could not write empty; labels and names come from kg's closed lists. */
async function restoreEmptyLists(connection: Connection, empty: EmptyLists): Promise<void> {
  for (const { label, property, ids } of empty.nodes) {
    if (!ids) continue;
    if (!LIST_PROPERTY.test(property)) throw new Error(`not a list property of kg: ${property}`);
    await inChunks(connection, readCypher('bulk/empty-node-list.cypher').replaceAll('NODE_LABEL', label).replaceAll('LIST_PROPERTY', property), 'ids', ids);
  }
  for (const { first, properties } of scansByScope(empty.nodes.filter((n) => !n.ids), (n) => `${n.label}:${n.type ?? ''}`).values()) {
    // An entity's type is one of its labels: the scan reads that label's nodes only.
    const label = first.type ?? first.label;
    if (!(ENTITY_TYPES as readonly string[]).includes(label) && label !== first.label) throw new Error(`not an entity type of kg: ${label}`);
    const clauses = listClauses('n', properties);
    await scan(connection, readCypher('bulk/empty-node-lists-scan.cypher').replaceAll('NODE_LABEL', label).replaceAll('MISSING_LISTS', clauses.missing).replaceAll('EMPTY_LISTS', clauses.empty), { type: first.type ?? null });
  }
}

export interface ImportOptions {
  /** The importer's off-heap memory (neo4j-admin's --max-off-heap-memory), e.g. 2G or 50%. */
  memory: string;
  note: (message: string) => void;
}

/**
 * Imports the files into the store of the local server on this port, then starts the server on it and applies
 * kg's schema. The store must be empty (checked again here, just before the server is stopped).
 */
export async function importIntoLocalStore(store: LocalStore, files: BulkFiles, options: ImportOptions): Promise<{ importSeconds: number; importerPeakMb: number | undefined; startSeconds: number; schemaSeconds: number; listsSeconds: number; uri: string }> {
  buildLauncher();
  const staging = join(store.kgHome, `import-${store.port}`);
  rmSync(staging, { recursive: true, force: true });
  const home = join(staging, 'home');
  const conf = join(staging, 'conf');
  mkdirSync(home, { recursive: true });
  mkdirSync(conf, { recursive: true });
  writeFileSync(join(conf, 'neo4j.conf'), '');
  const started = performance.now();
  options.note(`kg: running neo4j-admin database import full (log: ${join(staging, 'import.log')})`);
  const importerPeakMb = await runImporter(files, home, conf, join(staging, 'import.log'), options.memory);
  const importSeconds = (performance.now() - started) / 1000;


  await requireEmptyStore(store);
  if ((await localServerStatus(store.kgHome, store.port)).running) {
    options.note(`kg: stopping the local Neo4j on port ${store.port} to swap in the imported database`);
    await stopLocalServer(store.kgHome, store.port);
  }
  const storeDir = storeDirOf(store.kgHome, store.port);
  const swap = swapIn(home, storeDir);
  const startStart = performance.now();
  let startSeconds = 0;
  let schemaSeconds = 0;
  let listsSeconds = 0;
  let uri: string;
  try {
    uri = await withLocalConnection(store, async (connection) => {
      const schemaStart = performance.now();
      startSeconds = (schemaStart - startStart) / 1000;
      await applySchema(connection, INDEX_WAIT_SECONDS);
      const listsStart = performance.now();
      schemaSeconds = (listsStart - schemaStart) / 1000;
      await restoreEmptyLists(connection, files.emptyLists);
      listsSeconds = (performance.now() - listsStart) / 1000;
      return connection.uri;
    });
  } catch (error) {
    // The store goes back to the database it had; the import is dropped.
    await stopLocalServer(store.kgHome, store.port);
    swap.rollback();
    throw error;
  }
  swap.commit();
  rmSync(staging, { recursive: true, force: true });
  return { importSeconds, importerPeakMb, startSeconds, schemaSeconds, listsSeconds, uri };
}
