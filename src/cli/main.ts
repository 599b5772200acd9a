// The `kg` command line: parses arguments and hands them to the pipeline steps; nothing else.
import { Command } from 'commander';
import { attacksCommand } from './attacks-command.js';
import { caseCommand } from './case-command.js';
import { addGlobalOptions, reportError } from './context.js';
import { demoCommand } from './demo-command.js';
import { evalCommand } from './eval-command.js';
import { exportCommand } from './export-command.js';
import { extractCommand } from './extract-command.js';
import { fixCommand } from './fix-command.js';
import { geocodeCommand } from './geocode-command.js';
import { importCommand } from './import-command.js';
import { ingestCommand } from './ingest-command.js';
import { loadCommand } from './load-command.js';
import { neo4jCommand } from './neo4j-command.js';
import { queryCommand } from './query-command.js';
import { schemaCommand } from './schema-command.js';
import { serveCommand } from './serve-command.js';
import { resetCommand, statsCommand } from './stats-command.js';
import { watchCommand } from './watch-command.js';

const program = addGlobalOptions(new Command('kg'))
  .description('Build a knowledge graph of who did what to whom from news articles.')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

for (const command of [demoCommand(), ingestCommand(), importCommand(), extractCommand(), loadCommand(), queryCommand(), exportCommand(), serveCommand(), statsCommand(), resetCommand(), evalCommand(), neo4jCommand(), schemaCommand(), watchCommand(), fixCommand(), attacksCommand(), geocodeCommand(), caseCommand()]) program.addCommand(command);

// Commands added with addCommand() do not inherit these settings; every parse error must reach the handler below.
const configure = (command: Command): void => {
  command.exitOverride().showHelpAfterError();
  command.commands.forEach(configure);
};
configure(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const e = error as { code?: string; exitCode?: number };
  if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
    // Commander already printed the message; help and version are not failures.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else {
    process.exitCode = reportError(error, process.argv.includes('--verbose') || process.argv.includes('-v'));
  }
}
