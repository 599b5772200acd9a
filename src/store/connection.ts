// Opens a neo4j-driver connection for any target (local, bolt, routing neo4j://, Aura) and explains failures.
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { Neo4jBusyError, Neo4jUnavailableError, QueryError } from '../model/errors.js';

export interface Connection {
  driver: Driver;
  uri: string;
  database: string | undefined;
  /** How it was opened, so a user's query can run in a worker with a driver of its own. */
  options: ConnectOptions;
}

export interface ConnectOptions {
  uri: string;
  user?: string | undefined;
  password?: string | undefined;
  database?: string | undefined;
  /** Give up connecting after this many ms (the driver's default is a minute). */
  connectTimeoutMs?: number;
}

// A server that is down answers at once (refused) or never (filtered): either way a user hears it in seconds,
// not after the driver's minute of connect timeout and retries.
const CONNECT_TIMEOUT_MS = 5_000;

/** Turns a driver error into a message that names the server and the fix. */
export function explainNeo4jError(error: unknown, uri: string): Error {
  const e = error as { code?: string; message?: string };
  const code = e.code ?? '';
  const message = e.message ?? String(error);
  if (code === 'Neo.ClientError.Security.Unauthorized' || code.startsWith('Neo.ClientError.Security.Authentication')) {
    return new Neo4jUnavailableError(`Neo4j at ${uri} refused the credentials: ${message}`, 'Set NEO4J_USER and NEO4J_PASSWORD (or --neo4j-user / --neo4j-password) to a valid login.', { cause: error });
  }
  // However the connection was lost (refused, reset, closed mid-transaction, pool shut), it is the same to a user.
  const lost = /ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|Could not perform discovery|Failed to connect|Failed to establish connection|Connection was closed|closed by server|Pool is closed|acquisition timed out|socket hang up/i;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || lost.test(message)) {
    return new Neo4jUnavailableError(`Cannot reach Neo4j at ${uri}: ${message.split('\n')[0]}`, 'Start the local server with `kg neo4j start`, or point NEO4J_URI at a running Neo4j.', { cause: error });
  }
  if (code.startsWith('Neo.TransientError.General.MemoryPoolOutOfMemoryError') || code.startsWith('Neo.TransientError.General.TransactionMemoryLimit')) {
    return new QueryError(`The query needed more memory than one query may use: ${message.split('\n')[0]}`, 'Return less: add LIMIT, or return properties rather than whole lists.', { cause: error });
  }
  if (code.startsWith('Neo.TransientError.')) {
    // Busy, not gone: a deadlock or a lock wait is the server working, and running again usually succeeds.
    return new Neo4jBusyError(`Neo4j at ${uri} could not finish the work now (${code}): ${message.split('\n')[0]}`, 'Run the same command again; if it keeps failing, run fewer kg commands at once.', { cause: error });
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new Neo4jUnavailableError(`Neo4j at ${uri}: ${message}`, 'Set NEO4J_DATABASE to an existing database (Community edition has only "neo4j").', { cause: error });
  }
  if (code.startsWith('Neo.ClientError.Statement.AccessMode') || /write operations are not allowed|Writing in read access mode/i.test(message)) {
    return new QueryError(`This query writes, but it ran in a read-only session: ${message.split('\n')[0]}`, 'Pass --write to allow writes.', { cause: error });
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || /terminated.*timeout|timed out/i.test(message)) {
    return new QueryError(`The query ran past its timeout: ${message.split('\n')[0]}`, 'Narrow the query, add LIMIT, or raise --timeout.', { cause: error });
  }
  if (code.startsWith('Neo.ClientError.Statement') || code.startsWith('Neo.ClientError.Procedure') || code.startsWith('Neo.ClientError.Schema')) {
    return new QueryError(`Neo4j rejected the query: ${message}`, undefined, { cause: error });
  }
  return error instanceof Error ? error : new Error(message);
}

/** A driver for the target, with kg's timeouts; nothing is connected until it is used. */
function createDriver(options: ConnectOptions): Driver {
  const auth = options.user !== undefined ? neo4j.auth.basic(options.user, options.password ?? '') : undefined;
  const connectTimeout = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  try {
    return neo4j.driver(options.uri, auth, {
      connectionTimeout: connectTimeout,
      connectionAcquisitionTimeout: connectTimeout + 5_000,
      maxTransactionRetryTime: 15_000,
      // Counts and offsets fit in a double; plain numbers keep every caller simple.
      disableLosslessIntegers: true,
      userAgent: 'kg',
    });
  } catch (error) {
    throw new Neo4jUnavailableError(`Cannot use Neo4j URI ${options.uri}: ${(error as Error).message}`, 'Fix NEO4J_URI (for example bolt://127.0.0.1:7687 or neo4j+s://xxxx.databases.neo4j.io).', { cause: error });
  }
}

/** Connects and checks the server answers, so later failures are about queries, not reachability. */
export async function connect(options: ConnectOptions): Promise<Connection> {
  const driver = createDriver(options);
  try {
    await driver.verifyConnectivity(options.database !== undefined ? { database: options.database } : {});
  } catch (error) {
    await driver.close();
    throw explainNeo4jError(error, options.uri);
  }
  return { driver, uri: options.uri, database: options.database, options };
}

export function openSession(connection: Connection, mode: 'READ' | 'WRITE'): Session {
  return connection.driver.session({
    defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    ...(connection.database !== undefined ? { database: connection.database } : {}),
  });
}

export async function closeConnection(connection: Connection): Promise<void> {
  await connection.driver.close();
}
