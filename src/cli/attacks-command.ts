// `kg attacks`: the attacks table — one row per attack with date, place, kind, every death and injury figure
// with its source and sentence, the spread of the figures, and claimants and perpetrators with confidence.
import { Command, Option } from 'commander';
import { z } from 'zod';
import { ATTACK_SORTS, AttackFilter, type Actor, type AttackRow, type Figure, type Spread } from '../model/attacks.js';
import { ConfigError } from '../model/errors.js';
import { listAttacks } from '../store/attacks.js';
import { globalsOf, note, withConnection } from './context.js';
import { formatResult } from './query-command.js';

interface AttacksOptions {
  format: 'table' | 'csv' | 'json';
  kind?: string;
  place?: string;
  actor?: string;
  from?: string;
  to?: string;
  minDeaths?: string;
  sort: string;
  desc?: boolean;
  asOf?: string;
  figures: boolean;
}

const spread = (s: Spread | null): string => (!s ? '' : `${s.min === s.max ? s.min : `${s.min}–${s.max}`} (${s.sources} source${s.sources === 1 ? '' : 's'})`);
const actors = (list: Actor[]): string => list.map((a) => `${a.name} (${a.confidence.toFixed(2)})`).join('; ');
const figure = (f: Figure): string => `${f.qualifier ? `${f.qualifier} ` : ''}${f.value} [${f.source}${f.published ? `, ${f.published}` : ''}] "${f.sentence}"`;

/** The table's columns, in order; CSV adds every figure with its source and sentence. */
function summary(row: AttackRow, withFigures: boolean): Record<string, unknown> {
  return {
    date: row.date ?? '',
    attack: row.name,
    kind: row.kind,
    places: row.places.map((p) => p.name).join('; '),
    deaths: spread(row.spread.deaths),
    injured: spread(row.spread.injured),
    claimed_by: actors(row.claimedBy),
    carried_out_by: actors(row.carriedOutBy),
    ...(withFigures
      ? {
          denied_by: actors(row.deniedBy),
          deaths_min: row.spread.deaths?.min ?? '',
          deaths_max: row.spread.deaths?.max ?? '',
          injured_min: row.spread.injured?.min ?? '',
          injured_max: row.spread.injured?.max ?? '',
          death_reports: row.deaths.map(figure).join(' || '),
          injury_reports: row.injured.map(figure).join(' || '),
          documents: row.documents,
          id: row.id,
        }
      : { documents: row.documents }),
  };
}

export function formatAttacks(rows: AttackRow[], format: 'table' | 'csv' | 'json', withFigures = true): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const table = rows.map((r) => summary(r, format === 'csv'));
  const columns = Object.keys(summary({ spread: { deaths: null, injured: null }, places: [], claimedBy: [], carriedOutBy: [], deniedBy: [], deaths: [], injured: [] } as unknown as AttackRow, format === 'csv'));
  const text = formatResult({ columns, rows: table, truncated: false }, format);
  if (format === 'csv' || !withFigures) return text;
  const details = rows
    .filter((r) => r.deaths.length + r.injured.length > 0)
    .map((r) => [`${r.name}:`, ...r.deaths.map((f) => `  deaths  ${figure(f)}`), ...r.injured.map((f) => `  injured ${figure(f)}`)].join('\n'));
  return `${text}${details.length ? `\nFigures by source:\n${details.join('\n')}\n` : ''}`;
}

export function attacksCommand(): Command {
  return new Command('attacks')
    .description('the attacks table: date, place, kind, every casualty figure with its source, who claimed and carried it out')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .option('--kind <kind>', 'only attacks of this kind (shooting, bombing, …: the kind most sources give)')
    .option('--place <place>', 'only attacks in a place (name or id; part of a name will do)')
    .option('--actor <actor>', 'only attacks claimed or carried out by this group or person')
    .option('--from <date>', 'only attacks on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'only attacks on or before this date')
    .option('--min-deaths <n>', 'only attacks with a reported death toll of at least n')
    .addOption(new Option('--sort <by>', 'sort by').choices([...ATTACK_SORTS]).default('date'))
    .option('--desc', 'sort in descending order')
    .option('--as-of <date>', 'only what documents published by this date said')
    .option('--no-figures', 'table only, without each figure with its source')
    .action(async (options: AttacksOptions, command: Command) => {
      const parsed = AttackFilter.safeParse(Object.fromEntries(Object.entries({ ...options, format: undefined, figures: undefined }).filter(([, v]) => v !== undefined)));
      if (!parsed.success) throw new ConfigError(`Invalid option: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`, 'See `kg attacks --help`.');
      const globals = globalsOf(command);
      const rows = await withConnection(globals, (connection) => listAttacks(connection, parsed.data));
      process.stdout.write(formatAttacks(rows, options.format, options.figures));
      if (rows.length === 0) note(globals, 'No attack matches.');
    });
}
