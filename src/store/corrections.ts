// Applies an analyst's correction to the stored graph at once and records it as a (:Correction) node with
// what, when, why and who, plus a snapshot of what it changed, all in one transaction; undoes one from its
// snapshot; lists them; and loads the lookup that every later ingest replays (see resolve/corrections.ts).
import type { ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { CorrectionEffect, CorrectionRecord, indexCorrections, type CorrectionIndex, type CorrectionRequest, type UndoRequest } from '../model/corrections.js';
import { CorrectionError, KgError } from '../model/errors.js';
import { ENTITY_TYPES, type EntityType, type Ontology } from '../model/ontology.js';
import { slug } from '../nlp/index.js';
import { explainNeo4jError, openSession, type Connection } from './connection.js';
import { readCypher } from './cypher-files.js';
import { readRows, toPlain } from './run-query.js';
import type { GraphRows } from './graph-rows.js';
import { evidenceNodes, relationWrite, runStatements } from './write-graph.js';

type RelationRow = GraphRows['relations'][number];

const q = (name: string) => readCypher(`corrections/${name}.cypher`);
const CYPHER = Object.fromEntries(
  ['find-entity', 'snapshot-entity', 'restore-entity', 'update-entity', 'retype-entity', 'delete-entity', 'move-mentions', 'restore-mentions', 'remove-mentions', 'move-claims', 'restore-claims', 'figures', 'entity-figures', 'delete-claims', 'relation', 'delete-relation', 'strip-evidence', 'merge-evidence', 'create', 'list', 'get', 'later-touching', 'mark-undone', 'active-effects'].map((n) => [n, q(n)]),
) as Record<string, string>;

const Props = z.record(z.string(), z.unknown());
/** A relationship's (:Evidence) nodes as a snapshot keeps them. */
const EvidenceItems = z.array(z.object({ doc: z.string(), start: z.number(), end: z.number(), page: z.number().nullable().default(0), text: z.string() })).default([]);
type EvidenceItems = z.infer<typeof EvidenceItems>;
const EntitySnapshot = z.object({
  labels: z.array(z.string()),
  properties: Props,
  relations: z.array(z.object({ type: z.string(), out: z.boolean(), other: z.string(), properties: Props, evidence: EvidenceItems })),
  mentions: z.array(z.object({ doc: z.string(), properties: Props })),
  claims: z.array(z.object({ doc: z.string(), properties: Props })),
});
type EntitySnapshot = z.infer<typeof EntitySnapshot>;
type Relation = EntitySnapshot['relations'][number];

/** What undo needs, by kind; stored as JSON on the correction. */
const Snapshot = z.object({
  entities: z.array(EntitySnapshot).default([]),
  relation: z.object({ source: z.string(), type: z.string(), target: z.string(), properties: Props, evidence: EvidenceItems }).optional(),
  claims: z.array(z.object({ doc: z.string(), properties: Props })).default([]),
});
type Snapshot = z.infer<typeof Snapshot>;

interface Entity {
  id: string;
  name: string;
  type: string;
}

/** Runs one statement in the correction's transaction; plain rows back. */
async function run(tx: ManagedTransaction, name: string, params: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
  const result = await tx.run(CYPHER[name]!, params);
  return result.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
}

async function findEntity(tx: ManagedTransaction, ref: string): Promise<Entity> {
  const found = (await run(tx, 'find-entity', { ref })) as unknown as Array<Entity & { exact: boolean; named: boolean }>;
  // An id names one entity; so does a name that only one entity has (others may have it as an alias).
  if (found[0]?.exact) return found[0];
  if (found.length === 1 || (found[0]?.named && !found[1]?.named)) return found[0]!;
  if (found.length > 1) throw new CorrectionError(`"${ref}" names ${found.length} entities: ${found.map((f) => `${f.name} (${f.type}, id ${f.id})`).join('; ')}`, 'Give the id of the one you mean.');
  throw new CorrectionError(`No entity is named "${ref}"`, 'Give an entity\'s id or its name or alias as stored; `kg query "MATCH (e:Entity) RETURN e.id, e.name"` lists them.');
}

async function snapshotOf(tx: ManagedTransaction, id: string): Promise<EntitySnapshot> {
  const rows = await run(tx, 'snapshot-entity', { id });
  return EntitySnapshot.parse(rows[0]);
}

const checkedLabels = (labels: string[]): string[] => {
  const allowed = new Set<string>(['Entity', ...ENTITY_TYPES]);
  for (const label of labels) if (!allowed.has(label)) throw new Error(`refusing to restore the label "${label}": not an entity type`);
  return labels;
};

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const keyOf = (e: { doc: string; start: number }) => `${e.doc}:${e.start}`;

/** A stored relationship and its evidence as a row of the ingest's relations statement, so it merges the same way. */
function relationRow(source: string, type: string, target: string, properties: Record<string, unknown>, evidence: EvidenceItems): RelationRow {
  return { source, target, type, confidence: Number(properties.confidence ?? 0), evidence: evidence.map((e) => ({ ...e, page: e.page ?? 0, key: keyOf(e) })) };
}

/** Merges relationships as the ingest does, then their evidence by key, since a moved sentence may be there already. */
async function mergeRelations(tx: ManagedTransaction, ontology: Ontology, rows: RelationRow[]): Promise<void> {
  for (const row of rows) await runStatements(tx, [relationWrite(row.type, [row], ontology)]);
  await run(tx, 'merge-evidence', { evidence: evidenceNodes(rows) });
}

const ends = (self: string, r: Relation) => (r.out ? { source: self, target: r.other } : { source: r.other, target: self });
const LIST_PROPERTIES = ['aliases', 'places', 'sites', 'countries', 'persons', 'names'] as const;

/** Moves everything of `drop` onto `keep` and deletes `drop`: relationships (evidence joined), mentions, claims, names. */
async function mergeInto(tx: ManagedTransaction, ontology: Ontology, keep: EntitySnapshot, drop: EntitySnapshot): Promise<void> {
  const keepId = String(keep.properties.id);
  const dropId = String(drop.properties.id);
  const moved = drop.relations.filter((r) => r.other !== keepId).map((r) => {
    const { source, target } = ends(keepId, r);
    return relationRow(source, r.type, target, r.properties, r.evidence);
  });
  await mergeRelations(tx, ontology, moved);
  await run(tx, 'move-mentions', { from: dropId, to: keepId });
  await run(tx, 'move-claims', { from: dropId, to: keepId });
  const keepName = String(keep.properties.name);
  const properties: Record<string, unknown> = {};
  for (const key of LIST_PROPERTIES) {
    const extra = key === 'aliases' ? [drop.properties.name, ...list(drop.properties.aliases)] : list(drop.properties[key]);
    if (key !== 'aliases' && keep.properties[key] === undefined && extra.length === 0) continue;
    properties[key] = [...new Set([...list(keep.properties[key]), ...extra])].filter((v) => key !== 'aliases' || v !== keepName);
  }
  await run(tx, 'update-entity', { id: keepId, properties });
  await run(tx, 'delete-entity', { id: dropId });
}

/** Undoes mergeInto from the two snapshots, keeping what later ingests added to the kept entity. */
async function unmerge(tx: ManagedTransaction, ontology: Ontology, keep: EntitySnapshot, drop: EntitySnapshot): Promise<void> {
  const keepId = String(keep.properties.id);
  const before = new Map(keep.relations.map((r) => [`${r.type}|${r.out}|${r.other}`, new Set(r.evidence.map(keyOf))]));
  const strip = drop.relations
    .filter((r) => r.other !== keepId)
    .map((r) => {
      const had = before.get(`${r.type}|${r.out}|${r.other}`);
      const { source, target } = ends(keepId, r);
      return { source, target, type: r.type, existed: had !== undefined, keys: r.evidence.map(keyOf).filter((k) => !had?.has(k)) };
    });
  await run(tx, 'strip-evidence', { rows: strip });
  const keepMentions = new Map(keep.mentions.map((m) => [m.doc, m]));
  await run(tx, 'restore-mentions', { id: keepId, mentions: drop.mentions.filter((m) => keepMentions.has(m.doc)).map((m) => keepMentions.get(m.doc)) });
  await run(tx, 'remove-mentions', { id: keepId, docs: drop.mentions.filter((m) => !keepMentions.has(m.doc)).map((m) => m.doc) });
  const current = await snapshotOf(tx, keepId);
  const properties: Record<string, unknown> = {};
  for (const key of LIST_PROPERTIES) {
    if (current.properties[key] === undefined) continue;
    const had = new Set(list(keep.properties[key]));
    const added = new Set((key === 'aliases' ? [drop.properties.name, ...list(drop.properties.aliases)] : list(drop.properties[key])).filter((v) => !had.has(v)));
    properties[key] = list(current.properties[key]).filter((v) => !added.has(v));
  }
  await run(tx, 'update-entity', { id: keepId, properties });
  await restoreEntity(tx, ontology, drop);
}

async function restoreEntity(tx: ManagedTransaction, ontology: Ontology, snapshot: EntitySnapshot): Promise<void> {
  const id = String(snapshot.properties.id);
  await run(tx, 'restore-entity', { properties: snapshot.properties, labels: checkedLabels(snapshot.labels) });
  await mergeRelations(tx, ontology, snapshot.relations.map((r) => {
    const { source, target } = ends(id, r);
    return relationRow(source, r.type, target, r.properties, r.evidence);
  }));
  await run(tx, 'restore-mentions', { id, mentions: snapshot.mentions });
  await run(tx, 'restore-claims', { id, claims: snapshot.claims });
}

const wordPattern = (name: string, flags: string) => new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, flags);

/** Whether a sentence names the alias and, with the alias taken out, none of the entity's other names. */
export function onlyByAlias(sentence: string, alias: string, others: string[]): boolean {
  if (!wordPattern(alias, 'iu').test(sentence)) return false;
  const rest = sentence.replace(wordPattern(alias, 'giu'), ' ');
  return !others.some((name) => wordPattern(name, 'iu').test(rest));
}

/**
 * A split's share of the relationships: the evidence sentences that name the entity only by the alias go, with
 * their relationship, to the entity split off (what a fresh ingest of the same articles gives it); the rest stay.
 */
async function moveAliasRelations(tx: ManagedTransaction, ontology: Ontology, snapshot: EntitySnapshot, created: string, alias: string, others: string[]): Promise<void> {
  const id = String(snapshot.properties.id);
  for (const r of snapshot.relations) {
    const { source, target } = ends(id, r);
    const row = relationRow(source, r.type, target, r.properties, r.evidence);
    const moved = row.evidence.filter((e) => onlyByAlias(e.text, alias, others));
    if (moved.length === 0) continue;
    const kept = row.evidence.filter((e) => !moved.includes(e));
    await run(tx, 'delete-relation', { source, type: r.type, target });
    const rows: RelationRow[] = [{ ...row, ...ends(created, r), evidence: moved }];
    if (kept.length > 0) rows.push({ ...row, evidence: kept });
    await mergeRelations(tx, ontology, rows);
  }
}

const label = (e: Entity) => `"${e.name}" (${e.id})`;

interface Applied {
  effect: CorrectionEffect;
  summary: string;
  entities: string[];
  snapshot: Snapshot;
}

async function apply(tx: ManagedTransaction, ontology: Ontology, request: CorrectionRequest): Promise<Applied> {
  const empty = { claims: [], entities: [] };
  switch (request.kind) {
    case 'merge': {
      const keep = await findEntity(tx, request.keep);
      const drop = await findEntity(tx, request.drop);
      if (keep.id === drop.id) throw new CorrectionError(`"${request.keep}" and "${request.drop}" are the same entity (${keep.id})`, 'Name two different entities.');
      const snapshot = { ...empty, entities: [await snapshotOf(tx, keep.id), await snapshotOf(tx, drop.id)] };
      await mergeInto(tx, ontology, snapshot.entities[0]!, snapshot.entities[1]!);
      return { effect: { kind: 'merge', keep: keep.id, drop: drop.id }, summary: `merged ${label(drop)} into ${label(keep)}`, entities: [keep.id, drop.id], snapshot };
    }
    case 'split-alias': {
      const entity = await findEntity(tx, request.entity);
      const snapshot = await snapshotOf(tx, entity.id);
      const aliases = list(snapshot.properties.aliases) as string[];
      const alias = aliases.find((a) => a.toLowerCase() === request.alias.toLowerCase());
      if (!alias) throw new CorrectionError(`${label(entity)} has no alias "${request.alias}"`, aliases.length ? `Its aliases: ${aliases.join(', ')}.` : 'It has no aliases; to change its name use `kg fix rename`.');
      const type = (request.type ?? entity.type) as EntityType;
      const base = `${type.toLowerCase()}/${slug(alias) || 'entity'}`;
      let created = base;
      for (let n = 2; (await run(tx, 'find-entity', { ref: created })).some((r) => r.exact); n++) created = `${base}-${n}`;
      await run(tx, 'update-entity', { id: entity.id, properties: { aliases: aliases.filter((a) => a !== alias) } });
      await run(tx, 'restore-entity', { properties: { id: created, name: alias, type, aliases: [], aliasText: '' }, labels: checkedLabels(['Entity', type]) });
      await moveAliasRelations(tx, ontology, snapshot, created, alias, [entity.name, ...aliases.filter((a) => a !== alias)]);
      return { effect: { kind: 'split-alias', entity: entity.id, alias, created, type }, summary: `split "${alias}" off ${label(entity)} as ${type} ${created}`, entities: [entity.id, created], snapshot: { ...empty, entities: [snapshot] } };
    }
    case 'rename': {
      const entity = await findEntity(tx, request.entity);
      const snapshot = await snapshotOf(tx, entity.id);
      if (entity.name === request.name) throw new CorrectionError(`${label(entity)} is already called that`, 'Give a different name.');
      const aliases = [...new Set([...(list(snapshot.properties.aliases) as string[]), entity.name])].filter((a) => a !== request.name);
      // Rank -1 outranks every name an extractor gives, so no later article renames it back.
      await run(tx, 'update-entity', { id: entity.id, properties: { name: request.name, nameRank: -1, aliases } });
      return { effect: { kind: 'rename', entity: entity.id, name: request.name }, summary: `renamed ${label(entity)} to "${request.name}"`, entities: [entity.id], snapshot: { ...empty, entities: [snapshot] } };
    }
    case 'retype': {
      const entity = await findEntity(tx, request.entity);
      if (entity.type === request.type) throw new CorrectionError(`${label(entity)} is already a ${request.type}`, `Entity types: ${ENTITY_TYPES.join(', ')}.`);
      const snapshot = await snapshotOf(tx, entity.id);
      await run(tx, 'retype-entity', { id: entity.id, from: entity.type, to: request.type });
      return { effect: { kind: 'retype', entity: entity.id, type: request.type }, summary: `retyped ${label(entity)} from ${entity.type} to ${request.type}`, entities: [entity.id], snapshot: { ...empty, entities: [snapshot] } };
    }
    case 'delete': {
      const entity = await findEntity(tx, request.entity);
      const snapshot = await snapshotOf(tx, entity.id);
      await run(tx, 'delete-entity', { id: entity.id });
      return { effect: { kind: 'delete', entity: entity.id }, summary: `deleted ${entity.type} ${label(entity)} with ${snapshot.relations.length} relationships`, entities: [entity.id], snapshot: { ...empty, entities: [snapshot] } };
    }
    case 'reject-relation': {
      if (!(request.type in ontology.relationTypes)) throw new CorrectionError(`Unknown relation type ${request.type}`, `Relation types: ${Object.keys(ontology.relationTypes).join(', ')}.`);
      const source = await findEntity(tx, request.source);
      const target = await findEntity(tx, request.target);
      const found = await run(tx, 'relation', { source: source.id, type: request.type, target: target.id });
      if (found.length === 0) {
        const between = (await snapshotOf(tx, source.id)).relations.filter((r) => r.other === target.id).map((r) => (r.out ? `${r.type} →` : `← ${r.type}`));
        throw new CorrectionError(`No ${request.type} relationship from ${label(source)} to ${label(target)}`, between.length ? `Between them: ${between.join(', ')}.` : 'No relationship links them.');
      }
      await run(tx, 'delete-relation', { source: source.id, type: request.type, target: target.id });
      const relation = { source: source.id, type: request.type, target: target.id, properties: Props.parse(found[0]!.properties), evidence: EvidenceItems.parse(found[0]!.evidence) };
      return { effect: { kind: 'reject-relation', source: source.id, type: request.type, target: target.id }, summary: `rejected ${source.name} -[${request.type}]-> ${target.name}`, entities: [source.id, target.id], snapshot: { ...empty, relation } };
    }
    case 'reject-figure': {
      const entity = await findEntity(tx, request.entity);
      const claims = (await run(tx, 'figures', { entity: entity.id, key: request.key, value: request.value, doc: request.doc ?? null })) as Snapshot['claims'];
      if (claims.length === 0) {
        const figures = (await run(tx, 'entity-figures', { entity: entity.id })).map((f) => `${String(f.key)}=${String(f.value)}`);
        throw new CorrectionError(`No report of ${request.key} = ${String(request.value)} about ${label(entity)}${request.doc ? ` in ${request.doc}` : ''}`, figures.length ? `Its reports: ${figures.join(', ')}.` : 'Nothing is reported about it.');
      }
      await run(tx, 'delete-claims', { ids: claims.map((c) => c.properties.id) });
      const doc = request.doc ? claims[0]!.doc : null;
      return {
        effect: { kind: 'reject-figure', entity: entity.id, key: request.key, value: claims[0]!.properties.value as number | string, doc },
        summary: `rejected ${request.key} = ${String(request.value)} for ${label(entity)}${doc ? ` as reported by ${doc}` : ` (${claims.length} reports)`}`,
        entities: [entity.id],
        snapshot: { ...empty, claims },
      };
    }
  }
}

async function unapply(tx: ManagedTransaction, ontology: Ontology, effect: CorrectionEffect, snapshot: Snapshot): Promise<void> {
  const [first, second] = snapshot.entities;
  switch (effect.kind) {
    case 'merge':
      return unmerge(tx, ontology, first!, second!);
    case 'split-alias': {
      // The split-off entity (and whatever later ingests sent to it) goes back into the original.
      const created = await snapshotOf(tx, effect.created).catch(() => undefined);
      const original = await snapshotOf(tx, effect.entity);
      if (created) await mergeInto(tx, ontology, original, created);
      return;
    }
    case 'rename': {
      const oldName = String(first!.properties.name);
      const current = await snapshotOf(tx, effect.entity);
      const hadNew = list(first!.properties.aliases).includes(effect.name);
      const aliases = [...new Set([...(list(current.properties.aliases) as string[]).filter((a) => a !== oldName), ...(hadNew ? [effect.name] : [])])];
      await run(tx, 'update-entity', { id: effect.entity, properties: { name: oldName, nameRank: first!.properties.nameRank ?? null, aliases } });
      return;
    }
    case 'retype': {
      const before = String(first!.properties.type);
      await run(tx, 'retype-entity', { id: effect.entity, from: effect.type, to: before });
      return;
    }
    case 'delete':
      return restoreEntity(tx, ontology, first!);
    case 'reject-relation': {
      const r = snapshot.relation!;
      return mergeRelations(tx, ontology, [relationRow(r.source, r.type, r.target, r.properties, r.evidence)]);
    }
    case 'reject-figure': {
      for (const claim of snapshot.claims) await run(tx, 'restore-claims', { id: effect.entity, claims: [claim] });
      return;
    }
  }
}

async function inWriteTransaction<T>(connection: Connection, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = openSession(connection, 'WRITE');
  try {
    return await session.executeWrite(work);
  } catch (error) {
    if (error instanceof KgError) throw error;
    throw explainNeo4jError(error, connection.uri);
  } finally {
    await session.close();
  }
}

/** Applies a correction and records it, in one transaction: both happen, or neither. */
export async function recordCorrection(connection: Connection, ontology: Ontology, request: CorrectionRequest): Promise<CorrectionRecord> {
  const id = await inWriteTransaction(connection, async (tx) => {
    const applied = await apply(tx, ontology, request);
    const properties = { kind: request.kind, summary: applied.summary, effect: JSON.stringify(applied.effect), snapshot: JSON.stringify(applied.snapshot), entities: applied.entities, reason: request.reason, by: request.by ?? null, at: new Date().toISOString() };
    return String((await run(tx, 'create', { properties }))[0]!.id);
  });
  return getCorrection(connection, id);
}

export async function undoCorrection(connection: Connection, ontology: Ontology, request: UndoRequest): Promise<CorrectionRecord> {
  await inWriteTransaction(connection, async (tx) => {
    const found = await run(tx, 'get', { id: request.id });
    if (found.length === 0) throw new CorrectionError(`No correction ${request.id}`, 'List them with `kg fix list`.');
    const stored = Props.parse(found[0]!.properties);
    if (stored.undone) throw new CorrectionError(`Correction ${request.id} is already undone`, 'List the active ones with `kg fix list`.');
    const later = await run(tx, 'later-touching', { seq: stored.seq, entities: stored.entities });
    if (later.length > 0) throw new CorrectionError(`Later corrections change the same entities: ${later.map((l) => String(l.id)).join(', ')}`, 'Undo those first (newest first), then this one.');
    await unapply(tx, ontology, CorrectionEffect.parse(JSON.parse(String(stored.effect))), Snapshot.parse(JSON.parse(String(stored.snapshot))));
    await run(tx, 'mark-undone', { id: request.id, at: new Date().toISOString(), by: request.by ?? null, reason: request.reason ?? null });
  });
  return getCorrection(connection, request.id);
}

const toRecord = (row: Record<string, unknown>): CorrectionRecord =>
  CorrectionRecord.parse({ ...Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v ?? null])), effect: JSON.parse(String(row.effect)), undone: row.undone === true });

export async function listCorrections(connection: Connection, options: { all: boolean }): Promise<CorrectionRecord[]> {
  return (await readRows(connection, CYPHER.list!, { all: options.all })).map(toRecord);
}

async function getCorrection(connection: Connection, id: string): Promise<CorrectionRecord> {
  const found = (await listCorrections(connection, { all: true })).find((c) => c.id === id);
  if (!found) throw new CorrectionError(`No correction ${id}`, 'List them with `kg fix list --all`.');
  return found;
}

/** The one entity an id, name or alias stands for (as corrections name them), for commands that take names. */
export async function findEntityRef(connection: Connection, ref: string): Promise<{ id: string; name: string; type: string }> {
  const session = openSession(connection, 'READ');
  try {
    return await session.executeRead((tx) => findEntity(tx, ref));
  } catch (error) {
    if (error instanceof KgError) throw error;
    throw explainNeo4jError(error, connection.uri);
  } finally {
    await session.close();
  }
}

/** The lookup an ingest applies: one read before the first batch. */
export async function loadCorrectionIndex(connection: Connection): Promise<CorrectionIndex> {
  const rows = await readRows(connection, CYPHER['active-effects']!);
  return indexCorrections(rows.map((r) => CorrectionEffect.parse(JSON.parse(String(r.effect)))));
}
