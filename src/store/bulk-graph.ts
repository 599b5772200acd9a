// The graph `kg import` hands to neo4j-admin: batches of resolved extraction merged in memory exactly as the
// ingest Cypher merges them in Neo4j (cypher/ingest/*.cypher), then written as the importer's CSV files.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../model/errors.js';
import type { Extraction } from '../model/extraction.js';
import type { Ontology } from '../model/ontology.js';
import { toGraphRows, type GraphRows } from './graph-rows.js';

/** Between the elements of a list in one CSV field; the importer's default (`;`) occurs in sentences. */
export const ARRAY_DELIMITER = '\u001f';

type Row = GraphRows['relations'][number];
type EntityRow = GraphRows['entities'][number];

interface EntityState {
  /** Its place in the order entities first came, which names it in relationship keys. */
  index: number;
  labels: Set<string>;
  name: string;
  type: string;
  aliases: string[];
  nameRank: number | null;
  attack: Record<string, unknown> | undefined;
}

/**
 * Lists the importer cannot store empty (an empty field is no property): set to [] after the import (only nodes
 * hold lists; a relationship's evidence is nodes). Without `ids`, every node of the label (and entity type)
 * lacking the property gets one: no row of that scope left the list out, so a scan finds exactly the empty ones,
 * without a lookup per row.
 */
export interface EmptyLists {
  nodes: Array<{ label: 'Entity' | 'Document'; type?: string; property: string; ids?: string[] }>;
}

/** Per scope (a label or entity type) and list column: the rows whose list was empty, and
 * whether any row of the scope had no list at all there (then only the rows named can be fixed). */
class EmptyListTracker<K> {
  private readonly seen = new Map<string, { scope: string; property: string; keys: K[]; absent: boolean }>();

  note(scope: string, property: string, key: K, empty: boolean): void {
    const id = `${scope}\u0000${property}`;
    let entry = this.seen.get(id);
    if (!entry) this.seen.set(id, (entry = { scope, property, keys: [], absent: false }));
    if (empty) entry.keys.push(key);
    else entry.absent = true;
  }

  /** The scopes with an empty list somewhere: whole scopes when no row left the list out, else their rows. */
  entries(): Array<{ scope: string; property: string; keys?: K[] }> {
    return [...this.seen.values()].filter((e) => e.keys.length > 0).map(({ scope, property, keys, absent }) => (absent ? { scope, property, keys } : { scope, property }));
  }
}

export interface BulkFiles {
  nodes: string[];
  relationships: string[];
  /** Whether any file has a value with a line break in it. */
  multiline: boolean;
  emptyLists: EmptyLists;
  counts: { documents: number; entities: number; relationships: number; claims: number; mentions: number; evidence: number };
}

const LINE_BREAK = /[\r\n]/;
const FLUSH_CHARS = 1 << 20;

function listField(values: Array<string | number>): string {
  let field = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (typeof v === 'string' && v.includes(ARRAY_DELIMITER)) throw new Error(`a list value holds the importer's array delimiter U+001F: ${JSON.stringify(v.slice(0, 60))}`);
    field += i === 0 ? String(v) : ARRAY_DELIMITER + String(v);
  }
  return field;
}

type Kind = 'string' | 'long' | 'double' | 'boolean' | 'datetime' | 'string[]' | 'long[]' | 'double[]';

/** One CSV file: a header of `name:type` columns, rows of values in that order (undefined/null: no property). */
class CsvFile {
  private readonly fd: number;
  private buffer = '';
  private readonly names: string[];
  /** Per column: whether it holds a typed list (an empty or missing one is reported), whether a list in it is
   * quoted (strings, labels), whether a number in it is an integer. */
  private readonly typedLists: boolean[];
  private readonly quotedLists: boolean[];
  private readonly longs: boolean[];
  rows = 0;
  /** Whether a value holds a line break: only then must the importer parse the file's fields across lines, which is slow. */
  multiline = false;

  constructor(
    readonly path: string,
    columns: Array<[string, Kind | '']>,
  ) {
    this.fd = openSync(path, 'w');
    this.names = columns.map(([name]) => name);
    this.typedLists = columns.map(([, kind]) => kind.endsWith('[]'));
    this.quotedLists = columns.map(([name, kind]) => kind === 'string[]' || name === ':LABEL');
    this.longs = columns.map(([, kind]) => kind === 'long');
    this.buffer = `${columns.map(([name, kind]) => (kind && kind !== 'string' ? `${name}:${kind}` : name)).join(',')}\n`;
  }

  /** Values in column order; tells `lists` of each list column whose list was empty or left out. */
  write(values: unknown[], lists?: (column: string, empty: boolean) => void): void {
    let line = '';
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (i > 0) line += ',';
      if (value === null || value === undefined) {
        if (this.typedLists[i]) lists?.(this.names[i]!, false);
        continue;
      }
      if (Array.isArray(value)) {
        if (value.length === 0) lists?.(this.names[i]!, true);
        const field = listField(value as Array<string | number>);
        line += this.quotedLists[i] ? this.quoted(field) : field;
      } else if (typeof value === 'string') line += this.quoted(value);
      else if (this.longs[i]) line += String(Math.trunc(value as number));
      else line += String(value);
    }
    this.buffer += `${line}\n`;
    this.rows++;
    if (this.buffer.length > FLUSH_CHARS) this.flush();
  }

  private quoted(text: string): string {
    if (!this.multiline && LINE_BREAK.test(text)) this.multiline = true;
    return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
  }

  private flush(): void {
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const DOCUMENT_COLUMNS: Array<[string, Kind | '']> = [['id:ID(Document)', ''], [':LABEL', ''], ['source', 'string'], ['title', 'string'], ['published', 'string'], ['chars', 'long'], ['url', 'string'], ['author', 'string'], ['outlet', 'string'], ['pageStarts', 'double[]'], ['duplicateOf', 'string'], ['similarity', 'double'], ['ingestedAt', 'datetime']];
const ENTITY_COLUMNS: Array<[string, Kind | '']> = [['id:ID(Entity)', ''], [':LABEL', ''], ['name', 'string'], ['type', 'string'], ['aliases', 'string[]'], ['aliasText', 'string'], ['nameRank', 'long'], ['attackKind', 'string'], ['year', 'long'], ['explicitYear', 'boolean'], ['date', 'string'], ['places', 'string[]'], ['sites', 'string[]'], ['countries', 'string[]'], ['persons', 'string[]'], ['names', 'string[]']];
const RELATION_COLUMNS: Array<[string, Kind | '']> = [[':START_ID(Entity)', ''], [':END_ID(Entity)', ''], [':TYPE', ''], ['confidence', 'double'], ['count', 'long']];
const EVIDENCE_COLUMNS: Array<[string, Kind | '']> = [[':LABEL', ''], ['source', 'string'], ['type', 'string'], ['target', 'string'], ['doc', 'string'], ['start', 'long'], ['end', 'long'], ['page', 'long'], ['text', 'string']];
const MENTION_COLUMNS: Array<[string, Kind | '']> = [[':START_ID(Document)', ''], [':END_ID(Entity)', ''], [':TYPE', ''], ['count', 'long'], ['starts', 'long[]'], ['ends', 'long[]']];
const REPORT_COLUMNS: Array<[string, Kind | '']> = [[':START_ID(Document)', ''], [':END_ID(Claim)', ''], [':TYPE', '']];
const ABOUT_COLUMNS: Array<[string, Kind | '']> = [[':START_ID(Claim)', ''], [':END_ID(Entity)', ''], [':TYPE', '']];
const claimColumns = (value: Kind): Array<[string, Kind | '']> => [['id:ID(Claim)', ''], [':LABEL', ''], ['key', 'string'], ['qualifier', 'string'], ['text', 'string'], ['sentence', 'string'], ['value', value], ['start', 'long'], ['end', 'long']];
const LOCK_COLUMNS: Array<[string, Kind | '']> = [['id:ID(WriteLock)', ''], [':LABEL', ''], ['seq', 'long']];

const ATTACK_FIELDS: Array<[string, string]> = [['attackKind', 'kind'], ['year', 'year'], ['explicitYear', 'explicitYear'], ['date', 'date'], ['places', 'places'], ['sites', 'sites'], ['countries', 'countries'], ['persons', 'persons'], ['names', 'names']];

/** Cypher's toInteger on a number or numeric string (null when it is neither). */
function toInteger(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

/**
 * Accumulates resolved batches in arrival order. Documents, mentions, claims and evidence (one node per
 * sentence, never changed once written) belong to one document each, so they go to disk as they come;
 * entities and ontology relationships merge across batches. Each relationship keeps in memory only its key
 * (two entity numbers and a type as one number), its best confidence and its evidence count, and is written
 * at the end. A row whose endpoints are not stored by then is left out, as the ingest's MATCH leaves it out.
 */
export class BulkGraph {
  private readonly entities = new Map<string, EntityState>();
  private readonly entityIds: string[] = [];
  /** Relationship key ((source number × entityLimit + target number) × types + type) to its number. */
  private readonly relations = new Map<number, number>();
  private readonly relationKeys: number[] = [];
  private readonly confidences: number[] = [];
  private readonly evidenceCounts: number[] = [];
  private readonly relationTypes: string[];
  private readonly typeNumbers: Map<string, number>;
  /** Entity numbers stay below this, so that a relationship key stays an exact integer. */
  private readonly entityLimit: number;
  private readonly documents = new Set<string>();
  /** The claims of the batch being added: a claim's id names its document, and a document is in one batch only
   * (the pipeline drops a document seen earlier in the run), so ids need not be kept across batches. */
  private claims = new Set<string>();
  private readonly emptyDocumentLists = new EmptyListTracker<string>();
  private readonly files: Record<'documents' | 'mentions' | 'reports' | 'about' | 'claimsLong' | 'claimsDouble' | 'claimsString' | 'evidence', CsvFile>;
  private readonly ingestedAt = new Date().toISOString();
  private batches = 0;

  constructor(
    private readonly dir: string,
    private readonly ontology: Ontology,
  ) {
    mkdirSync(dir, { recursive: true });
    const file = (name: string, columns: Array<[string, Kind | '']>) => new CsvFile(join(dir, `${name}.csv`), columns);
    this.files = {
      documents: file('documents', DOCUMENT_COLUMNS),
      mentions: file('mentions', MENTION_COLUMNS),
      reports: file('reports', REPORT_COLUMNS),
      about: file('about', ABOUT_COLUMNS),
      claimsLong: file('claims-long', claimColumns('long')),
      claimsDouble: file('claims-double', claimColumns('double')),
      claimsString: file('claims-string', claimColumns('string')),
      evidence: file('evidence', EVIDENCE_COLUMNS),
    };
    this.relationTypes = Object.keys(ontology.relationTypes);
    this.typeNumbers = new Map(this.relationTypes.map((type, i) => [type, i]));
    this.entityLimit = Math.floor(Math.sqrt(Number.MAX_SAFE_INTEGER / this.relationTypes.length));
  }

  add(extraction: Extraction): void {
    const rows = toGraphRows(extraction, this.ontology);
    this.batches++;
    for (const d of rows.documents) this.addDocument(d);
    for (const e of rows.entities) this.mergeEntity(e);
    for (const m of rows.mentions) {
      if (!this.documents.has(m.doc) || !this.entities.has(m.entity)) continue;
      this.files.mentions.write([m.doc, m.entity, 'MENTIONS', m.count, m.starts, m.ends]);
    }
    // The ingest writes one statement per relationship type, in the order the types first appear.
    const byType = new Map<string, Row[]>();
    for (const r of rows.relations) {
      const list = byType.get(r.type);
      if (list) list.push(r);
      else byType.set(r.type, [r]);
    }
    for (const list of byType.values()) for (const r of list) this.mergeRelation(r);
    this.claims = new Set();
    for (const c of rows.claims) this.addClaim(c);
  }

  private addDocument(d: Record<string, unknown>): void {
    if (this.documents.has(String(d.id))) return;
    this.documents.add(String(d.id));
    const values = DOCUMENT_COLUMNS.map(([column]) => (column === ':LABEL' ? 'Document' : column === 'ingestedAt' ? this.ingestedAt : d[column.split(':')[0]!]));
    this.files.documents.write(values, (property, empty) => this.emptyDocumentLists.note('Document', property, String(d.id), empty));
  }

  /** As cypher/ingest/entities.cypher: aliases accumulate, a better-ranked attack name replaces the name. */
  private mergeEntity(e: EntityRow): void {
    let n = this.entities.get(e.id);
    if (!n) {
      if (this.entityIds.length >= this.entityLimit) {
        throw new ConfigError(`kg import resolves at most ${this.entityLimit} entities in one run, and this corpus holds more; nothing was changed`, 'Import part of the corpus with `kg import`, then add the rest with `kg ingest` (or `kg extract --shard` and `kg load`).');
      }
      n = { index: this.entityIds.length, labels: new Set(['Entity']), name: e.name, type: e.type, aliases: [], nameRank: toInteger(e.nameRank), attack: undefined };
      this.entities.set(e.id, n);
      this.entityIds.push(e.id);
    }
    n.labels.add(e.type);
    const rank = e.nameRank;
    const renamed = rank !== null && n.nameRank !== null && rank < n.nameRank;
    const name = renamed ? e.name : n.name;
    const aliases: string[] = [];
    for (const a of [...n.aliases, ...e.aliases, ...(renamed ? [n.name] : [])]) if (!aliases.includes(a) && a !== name) aliases.push(a);
    n.name = name;
    n.nameRank = renamed ? toInteger(rank) : n.nameRank;
    n.aliases = aliases;
    if (e.attack) n.attack = { ...e.attack, year: toInteger(e.attack.year) };
  }

  /** As cypher/ingest/relations.cypher: the best confidence, and each evidence sentence a node. A sentence's key
   * names its document, and a document is in one batch only, where the resolver gave each sentence once. */
  private mergeRelation(row: Row): void {
    const source = this.entities.get(row.source);
    const target = this.entities.get(row.target);
    if (!source || !target) return;
    const key = (source.index * this.entityLimit + target.index) * this.relationTypes.length + this.typeNumbers.get(row.type)!;
    const relation = this.relations.get(key);
    if (relation === undefined) {
      this.relations.set(key, this.relationKeys.length);
      this.relationKeys.push(key);
      this.confidences.push(row.confidence > 0 ? row.confidence : 0);
      this.evidenceCounts.push(row.evidence.length);
    } else {
      this.evidenceCounts[relation]! += row.evidence.length;
      if (row.confidence > this.confidences[relation]!) this.confidences[relation] = row.confidence;
    }
    for (const e of row.evidence) this.files.evidence.write(['Evidence', row.source, row.type, row.target, e.doc, e.start, e.end, e.page > 0 ? e.page : null, e.text]);
  }

  /** As cypher/ingest/claims.cypher: casualty figures are integers, other values keep their type. */
  private addClaim(c: Record<string, unknown>): void {
    const id = String(c.id);
    if (!this.documents.has(String(c.doc)) || !this.entities.has(String(c.entity))) return;
    if (this.claims.has(id)) return;
    this.claims.add(id);
    const integer = c.key === 'deaths' || c.key === 'injured';
    const value = integer ? toInteger(c.value) : c.value;
    // One value type per file: a figure is an integer, other numbers are floats (as the driver sends them).
    const file = typeof value === 'string' ? this.files.claimsString : integer || value === null ? this.files.claimsLong : this.files.claimsDouble;
    file.write([id, 'Claim', c.key, c.qualifier, c.text, c.sentence, value, toInteger(c.start), toInteger(c.end)]);
    this.files.reports.write([c.doc, id, 'REPORTS']);
    this.files.about.write([id, c.entity, 'ABOUT']);
  }

  /** Writes the merged relationships, each with its two ends found again from its key. */
  private writeRelations(): CsvFile {
    const file = new CsvFile(join(this.dir, 'relations.csv'), RELATION_COLUMNS);
    const types = this.relationTypes.length;
    this.relationKeys.forEach((key, relation) => {
      const pair = (key - (key % types)) / types;
      const source = this.entityIds[Math.floor(pair / this.entityLimit)]!;
      const target = this.entityIds[pair % this.entityLimit]!;
      file.write([source, target, this.relationTypes[key % types], this.confidences[relation], this.evidenceCounts[relation]]);
    });
    file.close();
    return file;
  }

  /** Writes the merged entities and relationships and closes every file. */
  finish(): BulkFiles {
    for (const f of Object.values(this.files)) f.close();
    const relations = this.writeRelations();
    const emptyEntity = new EmptyListTracker<string>();
    const entities = new CsvFile(join(this.dir, 'entities.csv'), ENTITY_COLUMNS);
    for (const [id, n] of this.entities) {
      const attack = n.attack ? ATTACK_FIELDS.map(([, field]) => n.attack![field]) : ATTACK_FIELDS.map(() => undefined);
      entities.write([id, [...n.labels], n.name, n.type, n.aliases, n.aliases.reduce((s, a) => `${s} | ${a}`, ''), n.nameRank, ...attack], (property, empty) => emptyEntity.note(n.type, property, id, empty));
    }
    entities.close();
    const emptyLists: EmptyLists = {
      nodes: [
        ...this.emptyDocumentLists.entries().map(({ property, keys }) => ({ label: 'Document' as const, property, ...(keys ? { ids: keys } : {}) })),
        ...emptyEntity.entries().map(({ scope, property, keys }) => ({ label: 'Entity' as const, type: scope, property, ...(keys ? { ids: keys } : {}) })),
      ],
    };
    // The ingest's store-wide write lock exists once anything was written; its seq counts batches.
    const lock = new CsvFile(join(this.dir, 'write-lock.csv'), LOCK_COLUMNS);
    if (this.batches > 0) lock.write(['graph', 'WriteLock', this.batches]);
    lock.close();
    const f = this.files;
    const all = [...Object.values(f), entities, relations];
    return {
      multiline: all.some((file) => file.multiline),
      nodes: [f.documents.path, entities.path, f.claimsLong.path, f.claimsDouble.path, f.claimsString.path, f.evidence.path, lock.path],
      relationships: [f.mentions.path, relations.path, f.reports.path, f.about.path],
      emptyLists,
      counts: { documents: f.documents.rows, entities: entities.rows, relationships: relations.rows, claims: f.claimsLong.rows + f.claimsDouble.rows + f.claimsString.rows, mentions: f.mentions.rows, evidence: f.evidence.rows },
    };
  }
}
