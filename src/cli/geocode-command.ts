// `kg geocode`: puts locations, countries and attacks on the map from offline gazetteers and says which places
// could not be placed; exports then carry the coordinates (GEXF/GraphML attributes, GeoJSON).
import { Command } from 'commander';
import { loadGeocoder } from '../resolve/geocode.js';
import { geocodeGraph, type GeocodeSummary } from '../store/geocode.js';
import { globalsOf, withConnection } from './context.js';

export function formatGeocode(summary: GeocodeSummary, verbose: boolean): string {
  const lines = [`Placed ${summary.placed.length} of ${summary.placed.length + summary.unplaced.length} locations and countries, and ${summary.attacks.placed} of ${summary.attacks.placed + summary.attacks.unplaced.length} attacks.`];
  if (verbose) for (const p of summary.placed) lines.push(`  ${p.name.padEnd(30)} ${p.lat.toFixed(4)}, ${p.lon.toFixed(4)}  ${p.source}: ${p.matched}`);
  if (summary.unplaced.length) lines.push('Could not place:', ...summary.unplaced.map((u) => `  ${u.name} (${u.type}): ${u.reason}`));
  if (summary.attacks.unplaced.length) lines.push(`Attacks with no placed location: ${summary.attacks.unplaced.join('; ')}`);
  return `${lines.join('\n')}\n`;
}

export function geocodeCommand(): Command {
  return new Command('geocode')
    .description('give locations, countries and attacks coordinates from offline gazetteers; lists what could not be placed')
    .option('--json', 'the placements as JSON')
    .option('--list', 'also list every place with its coordinates and how it was placed')
    .action(async (options: { json?: boolean; list?: boolean }, command: Command) => {
      const summary = await withConnection(globalsOf(command), (connection) => geocodeGraph(connection, loadGeocoder()));
      process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : formatGeocode(summary, options.list === true));
    });
}
