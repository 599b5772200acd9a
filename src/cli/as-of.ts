// `--as-of DATE` for the commands that read the graph, checked as a date before anything runs.
import { InvalidArgumentError, Option } from 'commander';
import { AsOf } from '../model/time.js';

export function asOfOption(description: string): Option {
  return new Option('--as-of <date>', description).argParser((value: string) => {
    const parsed = AsOf.safeParse(value);
    if (!parsed.success) throw new InvalidArgumentError(`Expecting a date as YYYY-MM-DD (or YYYY-MM, YYYY); got "${value}".`);
    return parsed.data;
  });
}
