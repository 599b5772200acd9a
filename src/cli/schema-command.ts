// `kg schema apply`: constraints and indexes from cypher/schema.cypher.
import { Command } from 'commander';
import { applySchema } from '../store/schema.js';
import { globalsOf, withConnection } from './context.js';

export function schemaCommand(): Command {
  const schema = new Command('schema').description('manage kg\'s constraints and indexes');
  schema
    .command('apply')
    .description('create the constraints and indexes of cypher/schema.cypher (idempotent)')
    .action(async (_options: unknown, command: Command) => {
      const count = await withConnection(globalsOf(command), applySchema);
      process.stdout.write(`Schema applied: ${count} statements.\n`);
    });
  return schema;
}
