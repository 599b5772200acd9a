// `kg neo4j start|stop|status`: the local embedded Neo4j.
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_LOCAL_PORT } from '../model/config.js';
import { localServerStatus, startLocalServer, stopLocalServer } from '../store/local-server.js';
import { globalsOf, kgHomeOf, note } from './context.js';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InvalidArgumentError('Expecting a port number from 1 to 65535.');
  return port;
}

const portOption = (command: Command) =>
  command.option('-p, --port <port>', 'Bolt port on 127.0.0.1', parsePort, Number(process.env.KG_NEO4J_PORT ?? DEFAULT_LOCAL_PORT));

export function neo4jCommand(): Command {
  const neo4j = new Command('neo4j').description('run kg\'s local Neo4j (embedded Neo4j 5.26 Community, Bolt on 127.0.0.1)');

  portOption(neo4j.command('start').description('build the launcher if needed, start the server in the background and wait for Bolt'))
    .option('--timeout <seconds>', 'how long to wait for Bolt', (v) => Number(v), 180)
    .action(async (options: { port: number; timeout: number }, command: Command) => {
      const globals = globalsOf(command);
      const result = await startLocalServer({ kgHome: kgHomeOf(globals), port: options.port, timeoutMs: options.timeout * 1000 });
      if (result.alreadyRunning) {
        process.stdout.write(`Neo4j is already running at ${result.uri} (pid ${result.state.pid}).\n`);
      } else {
        if (result.built) note(globals, 'Built the launcher with Maven.');
        process.stdout.write(`Neo4j is running at ${result.uri} (pid ${result.state.pid}); store ${result.state.home}, log ${result.logFile}.\n`);
      }
    });

  portOption(neo4j.command('stop').description('stop the local server cleanly'))
    .action(async (options: { port: number }, command: Command) => {
      const result = await stopLocalServer(kgHomeOf(globalsOf(command)), options.port);
      process.stdout.write(result.stopped ? `Stopped Neo4j (pid ${result.pid}).\n` : `No local Neo4j was running on port ${options.port}.\n`);
    });

  portOption(neo4j.command('status').description('say whether the local server runs and answers'))
    .action(async (options: { port: number }, command: Command) => {
      const status = await localServerStatus(kgHomeOf(globalsOf(command)), options.port);
      if (status.running && status.answering) {
        process.stdout.write(`running: ${status.uri} (pid ${status.state!.pid}, since ${status.state!.startedAt}); store ${status.state!.home}\n`);
      } else if (status.running) {
        process.stdout.write(`starting or stuck: pid ${status.state!.pid} runs but ${status.uri} does not answer; see ${status.logFile}\n`);
        process.exitCode = 1;
      } else {
        process.stdout.write(`stopped: no local Neo4j on port ${status.port} (start it with \`kg neo4j start\`)\n`);
        process.exitCode = 3;
      }
    });
  return neo4j;
}
