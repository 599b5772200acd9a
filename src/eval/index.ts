// Scores extractions against gold annotations with the rules of shared/eval/score.py (see its FORMAT.md):
// entities match by normalised name or alias (attacks also by identifying words), duplicates count as false
// hits, relations match by type and mapped endpoints (symmetric types either way), casualty figures by value.
import { z } from 'zod';
import type { Extraction } from '../model/extraction.js';

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

export class Tally {
  tp = 0;
  fp = 0;
  fn = 0;
  misses: string[] = [];
  falseHits: string[] = [];

  add(other: Tally): void {
    this.tp += other.tp;
    this.fp += other.fp;
    this.fn += other.fn;
    this.misses.push(...other.misses);
    this.falseHits.push(...other.falseHits);
  }

  figures(): { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number } {
    const p = this.tp + this.fp ? this.tp / (this.tp + this.fp) : 0;
    const r = this.tp + this.fn ? this.tp / (this.tp + this.fn) : 0;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    const round = (x: number) => Math.round(x * 1000) / 1000;
    return { tp: this.tp, fp: this.fp, fn: this.fn, precision: round(p), recall: round(r), f1: round(f) };
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
      entities.fp++;
      entities.falseHits.push(`${label}: entity ${e.type} '${e.name}'`);
    } else if (optional.has(g) && !required.has(g)) {
      continue;
    } else if (seen.has(g)) {
      entities.fp++;
      entities.falseHits.push(`${label}: duplicate of ${g}: ${e.type} '${e.name}'`);
    } else {
      seen.add(g);
      entities.tp++;
    }
  }
  for (const g of [...required].filter((g) => !seen.has(g)).sort()) {
    entities.fn++;
    entities.misses.push(`${label}: entity ${catalog.entities[g]!.type} '${goldName(g)}'`);
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
      relations.fp++;
      relations.falseHits.push(`${label}: relation ${r.type} with an unknown endpoint id`);
      continue;
    }
    const s = mapping.get(r.source);
    const o = mapping.get(r.target);
    const k = key(r.type, s ?? '?', o ?? '?');
    if (found.has(k)) continue;
    found.add(k);
    if (s && o && requiredRelations.has(k)) relations.tp++;
    else if (s && o && optionalRelations.has(k)) continue;
    else {
      relations.fp++;
      relations.falseHits.push(`${label}: relation ${r.type} '${names.get(r.source)}' -> '${names.get(r.target)}'`);
    }
  }
  for (const k of [...requiredRelations].filter((k) => !found.has(k)).sort()) {
    const [t, s, o] = k.split('|') as [string, string, string];
    relations.fn++;
    relations.misses.push(`${label}: relation ${t} ${goldName(s)} -> ${goldName(o)}`);
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
      if (requiredAttributes.has(`${g}|${pair}`)) attributes.tp++;
      else if (!optionalAttributes.has(`${g}|${pair}`)) {
        attributes.fp++;
        attributes.falseHits.push(`${label}: attribute ${goldName(g)} ${k}=${v}`);
      }
    }
  }
  for (const item of [...requiredAttributes].sort()) {
    const [g, k, v] = item.split('|') as [string, string, string];
    if (!byGold.get(g)?.has(`${k}|${v}`)) {
      attributes.fn++;
      attributes.misses.push(`${label}: attribute ${goldName(g)} ${k}=${v}`);
    }
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
