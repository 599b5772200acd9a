// Scores extractions against gold annotations with the rules of shared/eval/score.py (see its FORMAT.md):
// entities match by normalised name or alias (attacks also by identifying words), duplicates count as false
// hits, relations match by type and mapped endpoints (symmetric types either way), casualty figures by value.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Extraction } from '../model/extraction.js';
import { loadDataFile } from '../model/ontology.js';

const SYMMETRIC = new Set(['FOUGHT', 'COOPERATED_WITH', 'ALLIED_WITH']);

export const Catalog = z.object({
  entities: z.record(z.string(), z.object({ type: z.string(), name: z.string(), names: z.array(z.string()), keys: z.array(z.string()).optional() })),
});
export type Catalog = z.infer<typeof Catalog>;

const Triple = z.tuple([z.string(), z.string(), z.string()]);
const AttributeTriple = z.tuple([z.string(), z.string(), z.union([z.number(), z.string()])]);
export const GoldDocument = z.object({
  doc: z.string(),
  entities: z.array(z.string()),
  optional_entities: z.array(z.string()),
  relations: z.array(Triple),
  optional_relations: z.array(Triple),
  attributes: z.array(AttributeTriple),
  optional_attributes: z.array(AttributeTriple),
});
export type GoldDocument = z.infer<typeof GoldDocument>;

export function normalizeName(text: string): string {
  let s = String(text).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\u2019/g, "'").replace(/`/g, "'");
  s = s.replace(/'s\b/g, '');
  s = s.replace(/[^a-z0-9]+/g, ' ').trim();
  return s.replace(/^the /, '');
}

export interface Figures {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function figuresOf(tp: number, fp: number, fn: number): Figures {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { tp, fp, fn, precision: round(p), recall: round(r), f1: round(f) };
}

/** Hits, false hits and misses, in total and per entity, relation or attribute type. */
export class Tally {
  tp = 0;
  fp = 0;
  fn = 0;
  misses: string[] = [];
  falseHits: string[] = [];
  readonly byType = new Map<string, { tp: number; fp: number; fn: number }>();

  private count(type: string, kind: 'tp' | 'fp' | 'fn'): void {
    this[kind]++;
    const t = this.byType.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    t[kind]++;
    this.byType.set(type, t);
  }

  hit(type: string): void {
    this.count(type, 'tp');
  }

  falseHit(type: string, text: string): void {
    this.count(type, 'fp');
    this.falseHits.push(text);
  }

  miss(type: string, text: string): void {
    this.count(type, 'fn');
    this.misses.push(text);
  }

  add(other: Tally): void {
    this.tp += other.tp;
    this.fp += other.fp;
    this.fn += other.fn;
    this.misses.push(...other.misses);
    this.falseHits.push(...other.falseHits);
    for (const [type, o] of other.byType) {
      const t = this.byType.get(type) ?? { tp: 0, fp: 0, fn: 0 };
      this.byType.set(type, { tp: t.tp + o.tp, fp: t.fp + o.fp, fn: t.fn + o.fn });
    }
  }

  figures(): Figures {
    return figuresOf(this.tp, this.fp, this.fn);
  }

  /** Figures per type, types in alphabetical order. */
  typeFigures(): Array<[string, Figures]> {
    return [...this.byType].sort(([a], [b]) => a.localeCompare(b)).map(([type, t]) => [type, figuresOf(t.tp, t.fp, t.fn)]);
  }
}

class CatalogIndex {
  readonly names = new Map<string, Set<string>>();
  readonly keys = new Map<string, string[]>();
  constructor(readonly catalog: Catalog) {
    for (const [id, e] of Object.entries(catalog.entities)) {
      this.names.set(id, new Set([...e.names, e.name].map(normalizeName)));
      this.keys.set(id, (e.keys ?? []).map(normalizeName));
    }
  }

  match(pred: { type: string; name: string; aliases?: string[] }, allowed: string[]): string | undefined {
    const candidates = allowed.filter((g) => this.catalog.entities[g]?.type === pred.type);
    const name = normalizeName(pred.name ?? '');
    const byName = candidates.find((g) => this.names.get(g)!.has(name));
    if (byName) return byName;
    const aliases = new Set((pred.aliases ?? []).map(normalizeName));
    const byAlias = candidates.find((g) => [...aliases].some((a) => this.names.get(g)!.has(a)));
    if (byAlias) return byAlias;
    if (pred.type !== 'Attack') return undefined;
    const words = ` ${[name, ...[...aliases].sort()].join(' ')} `;
    let best: string | undefined;
    let hits = 0;
    for (const g of candidates) {
      const h = this.keys.get(g)!.filter((k) => k && words.includes(` ${k} `)).length;
      if (h > hits) {
        best = g;
        hits = h;
      }
    }
    return best;
  }
}

export interface Score {
  entities: Tally;
  relations: Tally;
  attributes: Tally;
}

export function scoreOne(catalog: Catalog, gold: GoldDocument, pred: Extraction, label: string): Score {
  const index = new CatalogIndex(catalog);
  const required = new Set(gold.entities);
  const optional = new Set(gold.optional_entities);
  const allowed = [...new Set([...gold.entities, ...gold.optional_entities])];
  const entities = new Tally();
  const mapping = new Map<string, string | undefined>();
  const seen = new Set<string>();
  const goldName = (g: string) => catalog.entities[g]!.name;
  for (const e of pred.entities) {
    const g = index.match(e, allowed);
    mapping.set(e.id, g);
    if (e.type === 'Event') continue;
    if (g === undefined) {
      entities.falseHit(e.type, `${label}: entity ${e.type} '${e.name}'`);
    } else if (optional.has(g) && !required.has(g)) {
      continue;
    } else if (seen.has(g)) {
      entities.falseHit(e.type, `${label}: duplicate of ${g}: ${e.type} '${e.name}'`);
    } else {
      seen.add(g);
      entities.hit(e.type);
    }
  }
  for (const g of [...required].filter((g) => !seen.has(g)).sort()) {
    const type = catalog.entities[g]!.type;
    entities.miss(type, `${label}: entity ${type} '${goldName(g)}'`);
  }

  const key = (t: string, s: string, o: string) => (SYMMETRIC.has(t) && s > o ? `${t}|${o}|${s}` : `${t}|${s}|${o}`);
  const requiredRelations = new Set(gold.relations.map(([t, s, o]) => key(t, s, o)));
  const optionalRelations = new Set(gold.optional_relations.map(([t, s, o]) => key(t, s, o)));
  const relations = new Tally();
  const found = new Set<string>();
  const ids = new Set(pred.entities.map((e) => e.id));
  const events = new Set(pred.entities.filter((e) => e.type === 'Event').map((e) => e.id));
  const names = new Map(pred.entities.map((e) => [e.id, e.name]));
  for (const r of pred.relations) {
    if (events.has(r.source) || events.has(r.target)) continue;
    if (!ids.has(r.source) || !ids.has(r.target)) {
      relations.falseHit(r.type, `${label}: relation ${r.type} with an unknown endpoint id`);
      continue;
    }
    const s = mapping.get(r.source);
    const o = mapping.get(r.target);
    const k = key(r.type, s ?? '?', o ?? '?');
    if (found.has(k)) continue;
    found.add(k);
    if (s && o && requiredRelations.has(k)) relations.hit(r.type);
    else if (s && o && optionalRelations.has(k)) continue;
    else relations.falseHit(r.type, `${label}: relation ${r.type} '${names.get(r.source)}' -> '${names.get(r.target)}'`);
  }
  for (const k of [...requiredRelations].filter((k) => !found.has(k)).sort()) {
    const [t, s, o] = k.split('|') as [string, string, string];
    relations.miss(t, `${label}: relation ${t} ${goldName(s)} -> ${goldName(o)}`);
  }

  const attributes = new Tally();
  const byGold = new Map<string, Set<string>>();
  for (const e of pred.entities) {
    const g = mapping.get(e.id);
    if (!g) continue;
    for (const a of e.attributes) byGold.set(g, (byGold.get(g) ?? new Set()).add(`${a.key}|${String(a.value)}`));
  }
  const requiredAttributes = new Set(gold.attributes.map(([g, k, v]) => `${g}|${k}|${String(v)}`));
  const optionalAttributes = new Set(gold.optional_attributes.map(([g, k, v]) => `${g}|${k}|${String(v)}`));
  for (const [g, pairs] of byGold) {
    for (const pair of pairs) {
      const [k, v] = pair.split('|') as [string, string];
      if (k !== 'deaths' && k !== 'injured') continue;
      if (requiredAttributes.has(`${g}|${pair}`)) attributes.hit(k);
      else if (!optionalAttributes.has(`${g}|${pair}`)) attributes.falseHit(k, `${label}: attribute ${goldName(g)} ${k}=${v}`);
    }
  }
  for (const item of [...requiredAttributes].sort()) {
    const [g, k, v] = item.split('|') as [string, string, string];
    if (!byGold.get(g)?.has(`${k}|${v}`)) attributes.miss(k, `${label}: attribute ${goldName(g)} ${k}=${v}`);
  }
  return { entities, relations, attributes };
}

/** The gold of all documents as one record, for scoring one graph of the whole corpus. */
export function mergeGold(golds: GoldDocument[]): GoldDocument {
  const union = <T>(lists: T[][], key: (t: T) => string) => [...new Map(lists.flat().map((t) => [key(t), t])).values()];
  const req = (f: (g: GoldDocument) => unknown[]) => golds.flatMap(f);
  const entities = [...new Set(req((g) => g.entities) as string[])].sort();
  const relations = union(golds.map((g) => g.relations), (t) => t.join('|'));
  const attributes = union(golds.map((g) => g.attributes), (t) => t.join('|'));
  const relationKeys = new Set(relations.map((t) => t.join('|')));
  const attributeKeys = new Set(attributes.map((t) => t.join('|')));
  return {
    doc: 'graph',
    entities,
    optional_entities: [...new Set(req((g) => g.optional_entities) as string[])].filter((e) => !entities.includes(e)).sort(),
    relations,
    optional_relations: union(golds.map((g) => g.optional_relations), (t) => t.join('|')).filter((t) => !relationKeys.has(t.join('|'))),
    attributes,
    optional_attributes: union(golds.map((g) => g.optional_attributes), (t) => t.join('|')).filter((t) => !attributeKeys.has(t.join('|'))),
  };
}

export interface CorpusScore {
  mode: 'per-document' | 'graph';
  entities: Tally;
  relations: Tally;
  attributes: Tally;
}

/** Scores a gold folder (catalog.json, one <doc>.json per document) against per-document predictions or one graph. */
export function scoreGoldDir(goldDir: string, prediction: { predDir: string } | { graph: string }): CorpusScore {
  const catalog = loadDataFile(Catalog, join(goldDir, 'catalog.json'));
  const golds = readdirSync(goldDir)
    .filter((f) => f.endsWith('.json') && f !== 'catalog.json')
    .sort()
    .map((f) => loadDataFile(GoldDocument, join(goldDir, f)));
  const total = { entities: new Tally(), relations: new Tally(), attributes: new Tally() };
  const add = (score: Score) => (['entities', 'relations', 'attributes'] as const).forEach((k) => total[k].add(score[k]));
  if ('predDir' in prediction) {
    for (const gold of golds) {
      const stem = gold.doc.replace(/\.[^.]+$/, '');
      const file = join(prediction.predDir, `${stem}.json`);
      const pred = existsSync(file) ? loadDataFile(Extraction, file) : { documents: [], entities: [], relations: [] };
      add(scoreOne(catalog, gold, pred, stem));
    }
    return { mode: 'per-document', ...total };
  }
  add(scoreOne(catalog, mergeGold(golds), loadDataFile(Extraction, prediction.graph), 'graph'));
  return { mode: 'graph', ...total };
}
