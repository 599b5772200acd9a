// The attacks table on the seeds' graph in the real Neo4j: every figure with its source and sentence, the
// spread, claimants and perpetrators, filters and sorting, "as of" a publication date, the CLI and the API.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/cli/ingest-command.js';
import { AttackFilter } from '../../src/model/attacks.js';
import { closeConnection, type Connection } from '../../src/store/connection.js';
import { listAttacks } from '../../src/store/attacks.js';
import { createApp } from '../../src/server/app.js';
import { requestLocally } from '../helpers/local-request.js';
import { Neo4jSource } from '../../src/server/sources.js';
import { connectForTest, testNeo4jUri, wipe } from '../helpers/neo4j.js';
import { runKg } from '../helpers/run-kg.js';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const extra = mkdtempSync(join(tmpdir(), 'kg-attacks-'));
// Invented reports of an invented attack, published on different days with growing tolls.
writeFileSync(join(extra, 'first.txt'), 'Blast at a bus station in Tamale\n\nPublished: 2031-04-02\n\nA bombing at a bus station in Tamale killed 9 people on Tuesday, police said.\n');
writeFileSync(join(extra, 'second.txt'), 'Tamale bus station bombing toll rises\n\nPublished: 2031-04-05\n\nThe bombing at a bus station in Tamale killed 23 people and left 40 injured, officials said on Friday.\n');
let connection: Connection;
const attacks = (filter: Record<string, unknown> = {}) => listAttacks(connection, AttackFilter.parse(filter));

beforeAll(async () => {
  connection = await connectForTest();
  await wipe(connection);
  await ingestPaths(connection, [seeds, extra], { batch: 25, maxMb: 10 }, { quiet: true });
});
afterAll(async () => {
  await wipe(connection);
  await closeConnection(connection);
  rmSync(extra, { recursive: true, force: true });
});

describe('the attacks table', () => {
  it('has one row per attack, each figure with its source and sentence, and the spread', async () => {
    const rows = await attacks();
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const crocus = rows.find((r) => r.name === 'Crocus City Hall attack')!;
    expect(crocus).toMatchObject({ date: '2024-03-22', kind: 'shooting', documents: 5 });
    expect(crocus.places.map((p) => p.name)).toEqual(expect.arrayContaining(['Krasnogorsk', 'Crocus City Hall']));
    expect(crocus.spread.deaths).toEqual({ min: 40, max: 144, values: [40, 62, 133, 144], reports: 5, sources: 5 });
    expect(crocus.spread.injured).toMatchObject({ min: 147, max: 147, sources: 2 });
    for (const f of [...crocus.deaths, ...crocus.injured]) {
      expect(f.sentence).toContain(String(f.value));
      expect(f.sentence.length).toBeGreaterThan(f.text.length);
      expect(f.source).toMatch(/^00\d_.*\.txt$/);
    }
    expect(crocus.deaths.find((f) => f.value === 40)).toMatchObject({ source: '003_53f29fefcc580c7c.txt', published: '2024-03-24', qualifier: 'at least' });
    expect(crocus.claimedBy.map((a) => a.name)).toEqual(['Islamic State']);
    expect(crocus.carriedOutBy.map((a) => a.name)).toEqual(expect.arrayContaining(['Islamic State Khorasan Province']));
    for (const a of [...crocus.claimedBy, ...crocus.carriedOutBy]) {
      expect(a.confidence).toBeGreaterThan(0);
      expect(a.evidence.length).toBeGreaterThan(0);
    }
    expect(crocus.deniedBy.map((a) => a.name)).toEqual(['Ukraine']);
  });

  it('filters by kind, place, actor, date range and toll, and sorts', async () => {
    expect((await attacks({ kind: 'bombing' })).map((r) => r.name).sort()).toEqual(['Kerman twin bombings', 'Tamale station blast']);
    expect((await attacks({ place: 'krasnogorsk' })).map((r) => r.name)).toEqual(['Crocus City Hall attack']);
    expect((await attacks({ actor: 'Khorasan' })).map((r) => r.name).sort()).toEqual(['Crocus City Hall attack', 'Kerman twin bombings']);
    expect((await attacks({ minDeaths: 200 })).map((r) => r.name)).toEqual(['Beslan siege']);
    expect((await attacks({ from: '2024-02', to: '2024-12-31' })).map((r) => r.name)).toEqual(['Crocus City Hall attack']);
    const byToll = (await attacks({ sort: 'deaths', desc: true })).map((r) => r.spread.deaths?.max ?? -1);
    expect(byToll).toEqual([...byToll].sort((a, b) => b - a));
    const byDate = (await attacks()).map((r) => r.date ?? '');
    expect(byDate).toEqual([...byDate].sort());
  });

  it('as of a date, shows only what documents published by then said', async () => {
    const early = (await attacks({ asOf: '2031-04-03' })).find((r) => r.name.includes('Tamale'))!;
    expect(early.deaths.map((f) => f.value)).toEqual([9]);
    expect(early.injured).toEqual([]);
    expect(early.documents).toBe(1);
    const later = (await attacks({ asOf: '2031-04' })).find((r) => r.name.includes('Tamale'))!;
    expect(later.deaths.map((f) => f.value)).toEqual([9, 23]);
    expect(later.spread.injured).toMatchObject({ min: 40, max: 40 });
    expect((await attacks({ asOf: '2031-04-01' })).some((r) => r.name.includes('Tamale'))).toBe(false);
    // The event keeps its own date (valid time) whatever the publication dates (transaction time).
    expect(early.date).toBe((await attacks()).find((r) => r.name.includes('Tamale'))!.date);
  });

  it('prints a table with each figure and its source, CSV with one row per attack, and JSON', async () => {
    const kg = (args: string[]) => runKg(args, { NEO4J_URI: testNeo4jUri() });
    const table = await kg(['attacks', '--place', 'Krasnogorsk']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('40–144 (5 sources)');
    expect(table.stdout).toContain('at least 144 [004_f2f71aa2a25de8af.txt]');
    const csv = await kg(['attacks', '--format', 'csv', '--sort', 'name']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toContain('date,attack,kind,places,deaths,injured,claimed_by,carried_out_by');
    expect(lines.length).toBe((await attacks()).length + 1);
    const json = JSON.parse((await kg(['attacks', '--format', 'json', '--kind', 'hostage-taking'])).stdout);
    expect(json.map((r: { name: string }) => r.name).sort()).toEqual(['Beslan siege', 'Dubrovka Theater hostage crisis']);
    const bad = await kg(['attacks', '--as-of', 'last week']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('YYYY-MM-DD');
  });

  it('is served at /api/attacks with the same filters', async () => {
    const app = createApp(new Neo4jSource(connection), extra);
    const response = await requestLocally(app, '/api/attacks?place=Tamale&asOf=2031-04-03');
    expect(response.status).toBe(200);
    const rows = (await response.json()) as Array<{ name: string; deaths: Array<{ value: number }> }>;
    expect(rows.map((r) => [r.name, r.deaths.map((f) => f.value)])).toEqual([['Tamale station blast', [9]]]);
    const sorted = (await (await requestLocally(app, '/api/attacks?sort=deaths&desc=true')).json()) as Array<{ name: string }>;
    expect(sorted[0]!.name).toBe('Beslan siege');
    const bad = await requestLocally(app, '/api/attacks?minDeaths=-3');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('minDeaths');
  });
});
