// Corrections that last, against the real Neo4j: each is applied at once and recorded; a fresh ingest of the
// same articles replays them to the same graph; new articles do not undo them; undo restores what was there.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/cli/ingest-command.js';
import type { CorrectionRequest } from '../../src/model/corrections.js';
import { loadOntology } from '../../src/model/ontology.js';
import { closeConnection, openSession, type Connection } from '../../src/store/connection.js';
import { listCorrections, onlyByAlias, recordCorrection, undoCorrection } from '../../src/store/corrections.js';
import { readRows } from '../../src/store/run-query.js';
import { countOf, dumpGraph } from '../helpers/graph-dump.js';
import { connectForTest, testNeo4jUri, wipe } from '../helpers/neo4j.js';
import { runKg } from '../helpers/run-kg.js';
import { createApp } from '../../src/server/app.js';
import { requestLocally } from '../helpers/local-request.js';
import { FileSource, Neo4jSource } from '../../src/server/sources.js';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const ontology = loadOntology();
const options = { batch: 2, maxMb: 10 };
const quiet = { quiet: true };
const later = mkdtempSync(join(tmpdir(), 'kg-fix-'));
writeFileSync(
  join(later, 'depot.txt'),
  'Officials reassess a rail depot fire near Moscow\n\nPublished: 2025-06-02\n\nInvestigators said on Monday that a fire at a rail depot in Krasnogorsk in the Moscow region was an accident, according to Bloomberg. Russian President Vladimir Putin, a loyal ally of Syrian President Bashar al-Assad, visited the depot on Tuesday.\n',
);
writeFileSync(join(later, 'survivors.txt'), 'Survivors of the Crocus City Hall attack meet again\n\nPublished: 2025-03-22\n\nA year after gunmen killed 40 people at Crocus City Hall in Krasnogorsk, survivors gathered at the site. The Islamic State claimed responsibility for the attack in 2024.\n');
writeFileSync(join(later, 'jalalabad.txt'), 'Market bombing in Jalalabad\n\nPublished: 2023-05-02\n\nA bombing at a market in Jalalabad killed 12 people on Monday. ISIS-K claimed responsibility for the bombing.\n');

const CORRECTIONS: CorrectionRequest[] = [
  { kind: 'merge', keep: 'location/moscow', drop: 'Moscow region', reason: 'one place for this analysis' },
  { kind: 'rename', entity: 'Crocus City Hall attack', name: 'Crocus City Hall massacre', reason: 'house style', by: 'ana' },
  { kind: 'retype', entity: 'Amaq News Agency', type: 'Group', reason: 'treated as part of the group' },
  { kind: 'delete', entity: 'Bloomberg', reason: 'a source, not a party' },
  { kind: 'reject-relation', source: 'Vladimir Putin', type: 'ALLIED_WITH', target: 'Bashar al-Assad', reason: 'not what the sentence says' },
  { kind: 'reject-figure', entity: 'Crocus City Hall attack', key: 'deaths', value: 40, reason: 'an early, superseded count' },
  { kind: 'split-alias', entity: 'Islamic State Khorasan Province', alias: 'ISIS-K', reason: 'kept apart in this case' },
];

/** The graph without the correction records, to compare graphs built in different ways. */
async function graphOnly(connection: Connection) {
  const dump = await dumpGraph(connection);
  return { nodes: dump.nodes.filter((n) => !n.startsWith('[["Correction"]')), relationships: dump.relationships };
}

async function wipeAllButCorrections(connection: Connection): Promise<void> {
  const session = openSession(connection, 'WRITE');
  await session.run('MATCH (n) WHERE NOT n:Correction DETACH DELETE n');
  await session.close();
}

describe('kg fix', () => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await connectForTest();
  });
  beforeEach(async () => {
    await wipe(connection);
    await ingestPaths(connection, [seeds], options, quiet);
  });
  afterAll(async () => {
    await wipe(connection);
    await closeConnection(connection);
    rmSync(later, { recursive: true, force: true });
  });

  it('applies each correction at once and records what, when, why and who', async () => {
    for (const request of CORRECTIONS) await recordCorrection(connection, ontology, request);
    expect(await countOf(connection, "MATCH (e:Entity) WHERE e.id = 'location/moscow-region' RETURN count(e)")).toBe(0);
    expect(await countOf(connection, "MATCH (:Location {id: 'location/krasnogorsk'})-[:LOCATED_IN]->(:Location {id: 'location/moscow'}) RETURN count(*)")).toBe(1);
    expect(await countOf(connection, "MATCH (e:Location {id: 'location/moscow'}) WHERE 'Moscow region' IN e.aliases RETURN count(e)")).toBe(1);
    expect(await countOf(connection, "MATCH (a:Attack {name: 'Crocus City Hall massacre'}) WHERE 'Crocus City Hall attack' IN a.aliases RETURN count(a)")).toBe(1);
    expect(await countOf(connection, "MATCH (e:Group:Entity {id: 'organization/amaq', type: 'Group'}) WHERE NOT e:Organization RETURN count(e)")).toBe(1);
    expect(await countOf(connection, "MATCH (e:Entity {name: 'Bloomberg'}) RETURN count(e)")).toBe(0);
    expect(await countOf(connection, 'MATCH ()-[r:ALLIED_WITH]->() RETURN count(r)')).toBe(0);
    expect(await countOf(connection, "MATCH (c:Claim {key: 'deaths', value: 40}) RETURN count(c)")).toBe(0);
    expect(await countOf(connection, "MATCH (c:Claim {key: 'deaths', value: 133}) RETURN count(c)")).toBeGreaterThan(0);
    expect(await countOf(connection, "MATCH (e:Group {id: 'group/isis-k', name: 'ISIS-K'}) RETURN count(e)")).toBe(1);
    expect(await countOf(connection, "MATCH (e:Group {id: 'group/islamic-state-khorasan'}) WHERE 'ISIS-K' IN e.aliases RETURN count(e)")).toBe(0);
    const records = await listCorrections(connection, { all: false });
    expect(records.map((r) => r.kind)).toEqual(CORRECTIONS.map((c) => c.kind));
    expect(records.map((r) => r.id)).toEqual(CORRECTIONS.map((_, i) => `fix-${i + 1}`));
    expect(records[1]).toMatchObject({ reason: 'house style', by: 'ana', undone: false, effect: { kind: 'rename', entity: 'attack/moscow', name: 'Crocus City Hall massacre' } });
    expect(Date.parse(records[0]!.at)).toBeGreaterThan(Date.now() - 600_000);
  });

  it('a fresh ingest of the same articles replays the corrections to the same graph', async () => {
    for (const request of CORRECTIONS) await recordCorrection(connection, ontology, request);
    const corrected = await graphOnly(connection);
    await wipeAllButCorrections(connection);
    await ingestPaths(connection, [seeds], options, quiet);
    const replayed = await graphOnly(connection);
    // The entity split off and the original between them hold what the one held: every mention and every
    // evidence sentence, each sentence that names the entity only as "ISIS-K" on the split-off side. A fresh
    // ingest can tell more than the correction (the store keeps no article text): the mentions written as the
    // alias, and sentences that name neither ("this group") in an article that writes only the alias, go with it.
    const pair = ['group/islamic-state-khorasan', 'group/isis-k'];
    type Line = [string, string, string, Record<string, unknown>];
    const ofPair = (lines: string[]) => lines.map((line) => JSON.parse(line) as Line).filter(([a, , b]) => pair.includes(a) || pair.includes(b));
    const shared = (lines: string[]) => {
      const out = new Map<string, string[]>();
      for (const [a, type, b, p] of ofPair(lines)) {
        const key = type === 'MENTIONS' ? `${a} MENTIONS` : `${pair.includes(a) ? 'pair' : a} ${type} ${pair.includes(b) ? 'pair' : b}`;
        out.set(key, [...(out.get(key) ?? []), ...((type === 'MENTIONS' ? p.starts : p.evidenceKeys) as Array<string | number>).map(String)].sort());
      }
      return Object.fromEntries([...out].sort());
    };
    const [original] = await readRows(connection, "MATCH (g:Entity {id: 'group/islamic-state-khorasan'}) RETURN g.name AS name, g.aliases AS aliases");
    const otherNames = [String(original!.name), ...(original!.aliases as string[])];
    const bySplit = (lines: string[]) =>
      ofPair(lines)
        .filter(([a, , b]) => a === 'group/isis-k' || b === 'group/isis-k')
        .flatMap(([, , , p]) => ((p.evidence as string[] | undefined) ?? []).filter((text) => onlyByAlias(text, 'ISIS-K', otherNames)))
        .sort();
    const besidesPair = (lines: string[]) => lines.filter((line) => ofPair([line]).length === 0);
    expect(besidesPair(replayed.relationships)).toEqual(besidesPair(corrected.relationships));
    expect(shared(replayed.relationships)).toEqual(shared(corrected.relationships));
    expect(bySplit(corrected.relationships).length).toBeGreaterThan(0);
    expect(bySplit(replayed.relationships)).toEqual(bySplit(corrected.relationships));
    expect(replayed.nodes).toEqual(corrected.nodes);
  });

  it('new articles do not bring back a deleted entity, a rejected edge or figure, or the merged node', async () => {
    for (const request of CORRECTIONS) await recordCorrection(connection, ontology, request);
    const summary = await ingestPaths(connection, [later], options, quiet);
    expect(summary.documentsNew).toBe(3);
    // An article that writes the group only as "ISIS-K" now tells of the entity split off.
    expect(await countOf(connection, "MATCH (:Group {id: 'group/isis-k'})-[:CLAIMED]->(:Attack) RETURN count(*)")).toBe(1);
    expect(await countOf(connection, "MATCH (:Group {id: 'group/islamic-state-khorasan'})-[:CLAIMED]->(a:Attack) WHERE 'Jalalabad' IN [(a)-[:OCCURRED_IN]->(l) | l.name] RETURN count(*)")).toBe(0);
    expect(await countOf(connection, "MATCH (e:Group {id: 'group/islamic-state-khorasan'}) WHERE 'ISIS-K' IN e.aliases RETURN count(e)")).toBe(0);
    expect(await countOf(connection, "MATCH (e:Entity {name: 'Bloomberg'}) RETURN count(e)")).toBe(0);
    expect(await countOf(connection, 'MATCH ()-[r:ALLIED_WITH]->() RETURN count(r)')).toBe(0);
    expect(await countOf(connection, "MATCH (e:Entity {id: 'location/moscow-region'}) RETURN count(e)")).toBe(0);
    expect(await countOf(connection, "MATCH (c:Claim {key: 'deaths', value: 40}) RETURN count(c)")).toBe(0);
    expect(await countOf(connection, "MATCH (a:Attack) WHERE a.name = 'Crocus City Hall massacre' RETURN count(a)")).toBe(1);
    // The new article's "Krasnogorsk in the Moscow region" is evidence on the kept node's edge.
    const evidence = await countOf(connection, "MATCH (:Entity {id: 'location/krasnogorsk'})-[:LOCATED_IN]->(:Entity {id: 'location/moscow'}) RETURN COUNT { (v:Evidence {source: 'location/krasnogorsk', type: 'LOCATED_IN', target: 'location/moscow'}) WHERE v.text CONTAINS 'rail depot' }");
    expect(evidence).toBe(1);
    // Without the corrections the same articles would have made what was rejected.
    await wipe(connection);
    await ingestPaths(connection, [seeds, later], options, quiet);
    expect(await countOf(connection, 'MATCH ()-[r:ALLIED_WITH]->() RETURN count(r)')).toBe(1);
    expect(await countOf(connection, "MATCH (c:Claim {key: 'deaths', value: 40}) RETURN count(c)")).toBe(2);
    expect(await countOf(connection, "MATCH (e:Entity {name: 'Bloomberg'}) RETURN count(e)")).toBe(1);
  });

  it('undoing every correction, newest first, gives back the graph as it was', async () => {
    const before = await graphOnly(connection);
    const records = [];
    for (const request of CORRECTIONS) records.push(await recordCorrection(connection, ontology, request));
    for (const record of records.reverse()) await undoCorrection(connection, ontology, { id: record.id, reason: 'trying again' });
    expect(await graphOnly(connection)).toEqual(before);
    const all = await listCorrections(connection, { all: true });
    expect(all.every((r) => r.undone && r.undoReason === 'trying again')).toBe(true);
    expect(await listCorrections(connection, { all: false })).toEqual([]);
    // Undone corrections are not replayed: a new ingest builds the uncorrected graph.
    await wipeAllButCorrections(connection);
    await ingestPaths(connection, [seeds], options, quiet);
    expect(await graphOnly(connection)).toEqual(before);
  });

  it('undoing a merge keeps what later articles added to the kept entity', async () => {
    const merge = await recordCorrection(connection, ontology, CORRECTIONS[0]!);
    await ingestPaths(connection, [later], options, quiet);
    await undoCorrection(connection, ontology, { id: merge.id });
    expect(await countOf(connection, "MATCH (e:Entity {id: 'location/moscow-region'}) RETURN count(e)")).toBe(1);
    expect(await countOf(connection, "MATCH (:Entity {id: 'location/krasnogorsk'})-[:LOCATED_IN]->(:Entity {id: 'location/moscow'}) RETURN COUNT { (v:Evidence {source: 'location/krasnogorsk', type: 'LOCATED_IN', target: 'location/moscow'}) WHERE v.text CONTAINS 'rail depot' }")).toBe(1);
    expect(await countOf(connection, "MATCH (:Entity {id: 'location/krasnogorsk'})-[r:LOCATED_IN]->(:Entity {id: 'location/moscow-region'}) RETURN count(r)")).toBe(1);
  });

  it('refuses what it cannot do, with the reason and a fix, and changes nothing', async () => {
    const before = await dumpGraph(connection);
    const attempt = (request: CorrectionRequest) => recordCorrection(connection, ontology, request);
    await expect(attempt({ kind: 'delete', entity: 'Atlantis', reason: 'x' })).rejects.toMatchObject({ name: 'CorrectionError', message: expect.stringContaining('No entity is named "Atlantis"') });
    await expect(attempt({ kind: 'merge', keep: 'Russia', drop: 'country/russia', reason: 'x' })).rejects.toMatchObject({ name: 'CorrectionError', message: expect.stringContaining('same entity') });
    await expect(attempt({ kind: 'reject-relation', source: 'Russia', type: 'CLAIMED', target: 'Ukraine', reason: 'x' })).rejects.toMatchObject({ hint: expect.stringContaining('ACCUSED') });
    await expect(attempt({ kind: 'reject-relation', source: 'Russia', type: 'LOVES', target: 'Ukraine', reason: 'x' })).rejects.toMatchObject({ message: expect.stringContaining('Unknown relation type LOVES') });
    await expect(attempt({ kind: 'reject-figure', entity: 'Crocus City Hall attack', key: 'deaths', value: 7, reason: 'x' })).rejects.toMatchObject({ hint: expect.stringContaining('deaths=133') });
    await expect(attempt({ kind: 'split-alias', entity: 'Russia', alias: 'Narnia', reason: 'x' })).rejects.toMatchObject({ name: 'CorrectionError' });
    expect(await dumpGraph(connection)).toEqual(before);
    const first = await attempt(CORRECTIONS[0]!);
    await attempt({ kind: 'rename', entity: 'location/moscow', name: 'Moscow city', reason: 'x' });
    await expect(undoCorrection(connection, ontology, { id: first.id })).rejects.toMatchObject({ message: expect.stringContaining('fix-2'), hint: expect.stringContaining('Undo those first') });
    await expect(undoCorrection(connection, ontology, { id: 'fix-99' })).rejects.toMatchObject({ name: 'CorrectionError' });
  });

  it('works from the command line: apply, list as JSON, undo, and bad input exits 2', async () => {
    const kg = (args: string[]) => runKg(args, { NEO4J_URI: testNeo4jUri() });
    const merged = await kg(['fix', 'merge', 'Moscow', 'Moscow region', '--reason', 'same place', '--by', 'cli']);
    expect(merged.stderr).toContain('kg fix undo fix-1');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain('fix-1: merged "Moscow region"');
    const listed = await kg(['fix', 'list', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id: 'fix-1', kind: 'merge', reason: 'same place', by: 'cli' })]);
    const undone = await kg(['fix', 'undo', 'fix-1']);
    expect(undone.code).toBe(0);
    expect((await kg(['fix', 'list'])).stdout).toBe('No corrections.\n');
    const missing = await kg(['fix', 'delete', 'Atlantis', '--reason', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No entity is named "Atlantis"');
    const noReason = await kg(['fix', 'delete', 'Russia']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason');
    expect(await countOf(connection, "MATCH (e:Entity {id: 'country/russia'}) RETURN count(e)")).toBe(1);
  });

  it('works over the API: POST a correction, list, undo; bad requests are 400 and name the problem', async () => {
    const app = createApp(new Neo4jSource(connection), later);
    const post = (path: string, body: unknown) => requestLocally(app, path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    const created = await post('/api/corrections', { kind: 'reject-relation', source: 'Vladimir Putin', type: 'ALLIED_WITH', target: 'Bashar al-Assad', reason: 'misread', by: 'viewer' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'fix-1', kind: 'reject-relation', by: 'viewer', undone: false });
    expect(await countOf(connection, 'MATCH ()-[r:ALLIED_WITH]->() RETURN count(r)')).toBe(0);
    expect(await (await requestLocally(app, '/api/corrections')).json()).toEqual([expect.objectContaining({ id: 'fix-1' })]);
    const undone = await post('/api/corrections/fix-1/undo', { reason: 'it was right' });
    expect(undone.status).toBe(200);
    expect(await countOf(connection, 'MATCH ()-[r:ALLIED_WITH]->() RETURN count(r)')).toBe(1);
    expect(await (await requestLocally(app, '/api/corrections')).json()).toEqual([]);
    expect(await (await requestLocally(app, '/api/corrections?all=true')).json()).toEqual([expect.objectContaining({ id: 'fix-1', undone: true, undoReason: 'it was right' })]);
    const noReason = await post('/api/corrections', { kind: 'delete', entity: 'Russia' });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as { error: string }).error).toContain('reason');
    const unknown = await post('/api/corrections', { kind: 'delete', entity: 'Atlantis', reason: 'x' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: expect.stringContaining('Atlantis'), hint: expect.any(String) });
    expect((await post('/api/corrections/fix-9/undo', {})).status).toBe(404);
    const file = join(later, 'graph.json');
    writeFileSync(file, JSON.stringify({ attributes: { documents: {} }, nodes: [], edges: [] }));
    const overFile = await requestLocally(createApp(new FileSource(file), later), '/api/corrections');
    expect(overFile.status).toBe(400);
    expect(((await overFile.json()) as { error: string }).error).toContain('need a database');
    rmSync(file);
  });
});

// Invented reports of a group written two ways: one article by its usual name, one only by its long name, one by both.
const twoWays = mkdtempSync(join(tmpdir(), 'kg-split-'));
const LONG = 'Harakat al-Shabaab al-Mujahideen';
const SPLIT_REPORTS: Record<string, string> = {
  'malindi.txt': `Hotel bombing in Malindi\n\nPublished: 2035-02-11\n\nA bombing at a hotel in Malindi killed 6 people on 10 February 2035. Al-Shabaab claimed responsibility for the bombing. Kenya accused ${LONG} of planning the bombing.\n`,
  'wajir.txt': `Raid on a police post in Wajir\n\nPublished: 2035-04-03\n\nGunmen raided a police post in Wajir on 2 April 2035, killing 4 officers. ${LONG} said it carried out the raid.\n`,
  'garsen.txt': 'Ambush near Garsen\n\nPublished: 2035-05-19\n\nAn ambush on a convoy near Garsen killed 7 soldiers on 18 May 2035. Al-Shabaab claimed the ambush.\n',
};

describe('an alias split off', () => {
  let connection: Connection;
  const relationsOf = async (id: string) =>
    (await readRows(connection, 'MATCH (s:Entity)-[r]->(t:Entity) WHERE s.id = $id OR t.id = $id RETURN s.id + " " + type(r) + " " + t.id AS line ORDER BY line', { id })).map((r) => String(r.line));
  beforeAll(async () => {
    connection = await connectForTest();
    for (const [name, text] of Object.entries(SPLIT_REPORTS)) writeFileSync(join(twoWays, name), text);
  });
  afterAll(async () => {
    await wipe(connection);
    await closeConnection(connection);
    rmSync(twoWays, { recursive: true, force: true });
  });

  it('is its own entity wherever an article names it, in the store at once and after a fresh ingest', async () => {
    await wipe(connection);
    await ingestPaths(connection, [twoWays], options, quiet);
    expect((await readRows(connection, "MATCH (g:Group {id: 'group/al-shabaab'}) RETURN g.aliases AS aliases"))[0]!.aliases).toContain(LONG);
    const split = await recordCorrection(connection, ontology, { kind: 'split-alias', entity: 'group/al-shabaab', alias: LONG, reason: 'tracked apart' });
    const created = split.effect.kind === 'split-alias' ? split.effect.created : '';
    // The relationships told only by the long name went with it; those told by the usual name stayed.
    const atOnce = { kept: await relationsOf('group/al-shabaab'), split: await relationsOf(created) };
    // "X said it carried out the raid" is both X's act and X's claim of it.
    expect(atOnce.split).toEqual([
      `country/kenya ACCUSED ${created}`,
      expect.stringMatching(new RegExp(`^${created} CARRIED_OUT attack/`)),
      expect.stringMatching(new RegExp(`^${created} CLAIMED attack/`)),
    ]);
    expect(atOnce.kept.filter((line) => line.includes(' CLAIMED '))).toHaveLength(2);
    expect(atOnce.kept.some((line) => line.includes('ACCUSED') || line.includes('CARRIED_OUT'))).toBe(false);

    // Ingested again into a store emptied of all but the corrections: the same entities and relationships.
    const before = await graphOnly(connection);
    await wipeAllButCorrections(connection);
    await ingestPaths(connection, [twoWays], options, quiet);
    const after = await graphOnly(connection);
    const entityRelations = (lines: string[]) => lines.filter((line) => !line.includes('"MENTIONS"') && !line.includes('"REPORTS"') && !line.includes('"ABOUT"'));
    expect(entityRelations(after.relationships)).toEqual(entityRelations(before.relationships));
    expect({ kept: await relationsOf('group/al-shabaab'), split: await relationsOf(created) }).toEqual(atOnce);
    const ids = (lines: string[]) => lines.map((line) => /"id":"([^"]+)"/.exec(line)?.[1]).filter(Boolean).sort();
    expect(ids(after.nodes)).toEqual(ids(before.nodes));
    // The article written both ways mentions both; the one written only by the long name only the split-off.
    const mentionedIn = async (id: string) => (await readRows(connection, 'MATCH (d:Document)-[:MENTIONS]->(:Entity {id: $id}) RETURN d.source AS source ORDER BY source', { id })).map((r) => String(r.source));
    expect(await mentionedIn(created)).toEqual(['malindi.txt', 'wajir.txt']);
    expect(await mentionedIn('group/al-shabaab')).toEqual(['garsen.txt', 'malindi.txt']);
    const [stored] = await readRows(connection, 'MATCH (e:Entity {id: $id}) RETURN e.name AS name, e.aliases AS aliases', { id: created });
    expect(stored).toEqual({ name: LONG, aliases: [] });
    expect((await readRows(connection, "MATCH (g:Group {id: 'group/al-shabaab'}) RETURN g.aliases AS aliases"))[0]!.aliases).not.toContain(LONG);
  });
});
