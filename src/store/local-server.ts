// Runs kg's own embedded Neo4j (the Maven project in neo4j/) as a background process: build, start, stop, status.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { EnvironmentError } from '../model/errors.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LAUNCHER_DIR = join(PROJECT_ROOT, 'neo4j');
export const LAUNCHER_JAR = join(LAUNCHER_DIR, 'target', 'kg-neo4j.jar');

// The flags Neo4j's own build runs with on Java 17; the heap stays small so tests fit beside it.
export const JVM_FLAGS = [
  '-Xms256m',
  '-Xmx1g',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

const HOST = '127.0.0.1';

const ServerState = z.object({ pid: z.number().int(), port: z.number().int(), home: z.string(), startedAt: z.string() });
export type ServerState = z.infer<typeof ServerState>;

export interface LocalServerOptions {
  /** Folder holding the store, the log and the pid file (`.kg` by default). */
  kgHome: string;
  port: number;
  /** How long to wait for Bolt, in ms. */
  timeoutMs?: number;
  /** Tie the server's life to this process: it exits when our end of its stdin closes. */
  attached?: boolean;
}

export interface StartResult {
  state: ServerState;
  alreadyRunning: boolean;
  built: boolean;
  uri: string;
  logFile: string;
  child?: ChildProcess;
}

export const defaultKgHome = (env: NodeJS.ProcessEnv, cwd: string): string => resolve(cwd, env.KG_HOME ?? '.kg');

/** Where the local server on this port keeps its store (Neo4j's home: data/databases, data/transactions). */
export const storeDirOf = (kgHome: string, port: number): string => join(kgHome, port === 7687 ? 'neo4j' : `neo4j-${port}`);

const paths = (kgHome: string, port: number) => ({
  store: storeDirOf(kgHome, port),
  state: join(kgHome, `neo4j-${port}.json`),
  log: join(kgHome, `neo4j-${port}.log`),
});

export const boltUri = (port: number): string => `bolt://${HOST}:${port}`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when something accepts TCP connections on the port. */
export function portAnswers(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: HOST, port });
    const finish = (answer: boolean) => {
      socket.destroy();
      done(answer);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

function readState(file: string): ServerState | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = ServerState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

function requireTool(command: string, args: string[], what: string, hint: string): void {
  const probe = spawnSync(command, args, { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new EnvironmentError(`${what} was not found (\`${command} ${args.join(' ')}\` failed)`, hint);
  }
}

/** Builds the launcher jar with Maven when it is missing or older than its sources. */
export function buildLauncher(): boolean {
  const source = join(LAUNCHER_DIR, 'src', 'main', 'java', 'kg', 'neo4j', 'LocalNeo4j.java');
  const pom = join(LAUNCHER_DIR, 'pom.xml');
  const upToDate =
    existsSync(LAUNCHER_JAR) &&
    statSync(LAUNCHER_JAR).mtimeMs >= Math.max(statSync(source).mtimeMs, statSync(pom).mtimeMs);
  if (upToDate) return false;
  requireTool('java', ['-version'], 'Java', 'Install Java 17 or newer (Debian: apt-get install openjdk-17-jre-headless), or point NEO4J_URI at an existing Neo4j.');
  requireTool('mvn', ['-v'], 'Maven', 'Install Maven (Debian: apt-get install maven), or point NEO4J_URI at an existing Neo4j.');
  const build = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], { cwd: LAUNCHER_DIR, encoding: 'utf8' });
  if (build.status !== 0) {
    const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new EnvironmentError(`Building the local Neo4j launcher with Maven failed:\n${output}`, 'Check that Maven Central is reachable, then run `kg neo4j start` again.');
  }
  return true;
}

function waitForReady(logFile: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((done, fail) => {
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    const deadline = Date.now() + timeoutMs;
    const poll = () => {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
      const failure = /NEO4J_FAILED (.*)/.exec(log);
      if (failure) return fail(new EnvironmentError(`The local Neo4j did not start: ${failure[1]}`, failure[1]!.includes('in use') ? 'Stop whatever uses that port, or choose another with --port / KG_NEO4J_PORT.' : `See ${logFile}.`));
      if (log.includes('NEO4J_READY')) return done();
      if (exited) return fail(new EnvironmentError(`The local Neo4j exited while starting`, `See ${logFile}; the last lines say why.`));
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        return fail(new EnvironmentError(`The local Neo4j did not answer within ${Math.round(timeoutMs / 1000)} s`, `See ${logFile}.`));
      }
      setTimeout(poll, 200);
    };
    poll();
  });
}

/** Starts the local server unless it already runs; never starts two on one store or port. */
export async function startLocalServer(options: LocalServerOptions): Promise<StartResult> {
  const { kgHome, port } = options;
  const p = paths(kgHome, port);
  const existing = readState(p.state);
  if (existing && isAlive(existing.pid) && (await portAnswers(port))) {
    return { state: existing, alreadyRunning: true, built: false, uri: boltUri(port), logFile: p.log };
  }
  if (existing) rmSync(p.state, { force: true });
  if (await portAnswers(port)) {
    throw new EnvironmentError(
      `Port ${port} on ${HOST} is already in use by another program`,
      `If it is a Neo4j of yours, set NEO4J_URI=${boltUri(port)}; otherwise start kg's server on another port with --port or KG_NEO4J_PORT.`,
    );
  }
  const built = buildLauncher();
  mkdirSync(kgHome, { recursive: true });
  const logFd = openSync(p.log, 'w');
  const args = [...JVM_FLAGS, '-jar', LAUNCHER_JAR, '--home', p.store, '--port', String(port)];
  if (options.attached) args.push('--exit-on-stdin-close');
  const child = spawn('java', args, {
    detached: !options.attached,
    stdio: [options.attached ? 'pipe' : 'ignore', logFd, logFd],
  });
  closeSync(logFd);
  try {
    await waitForReady(p.log, child, options.timeoutMs ?? 180_000);
  } catch (error) {
    if (child.exitCode === null) child.kill('SIGKILL');
    throw error;
  }
  if (!options.attached) child.unref();
  const state: ServerState = { pid: child.pid!, port, home: p.store, startedAt: new Date().toISOString() };
  writeFileSync(p.state, JSON.stringify(state, null, 2));
  return { state, alreadyRunning: false, built, uri: boltUri(port), logFile: p.log, ...(options.attached ? { child } : {}) };
}

export interface ServerStatus {
  running: boolean;
  answering: boolean;
  port: number;
  uri: string;
  state: ServerState | undefined;
  logFile: string;
}

export async function localServerStatus(kgHome: string, port: number): Promise<ServerStatus> {
  const p = paths(kgHome, port);
  const state = readState(p.state);
  const running = state !== undefined && isAlive(state.pid);
  return { running, answering: running && (await portAnswers(port)), port, uri: boltUri(port), state, logFile: p.log };
}

/** Stops the server with SIGTERM (Neo4j shuts down cleanly), then SIGKILL after the grace period. */
export async function stopLocalServer(kgHome: string, port: number, graceMs = 60_000): Promise<{ stopped: boolean; pid?: number }> {
  const p = paths(kgHome, port);
  const state = readState(p.state);
  if (!state || !isAlive(state.pid)) {
    rmSync(p.state, { force: true });
    return { stopped: false };
  }
  process.kill(state.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(state.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (isAlive(state.pid)) process.kill(state.pid, 'SIGKILL');
  rmSync(p.state, { force: true });
  return { stopped: true, pid: state.pid };
}
