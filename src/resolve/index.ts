// resolve: many documents' extractions in; one entity per real-world thing out. Gazetteer entities share
// their canonical id; people merge by full name (a lone surname joins the one full name it fits); attacks
// merge when their years agree and they share a place, a person or a name. Ids are canonical keys, so the
// same entity gets the same id in every run.
import type { Article } from '../ingest/index.js';
import type { DocumentRecord, EntityRecord, Extraction, RelationRecord } from '../model/extraction.js';
import { anchorsAgree, erasAgree, mergeFacts, type AttackFacts, type DocumentExtraction, type LocalEntity } from '../extract/index.js';

const slugOf = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

interface GlobalAttack {
  id: string;
  facts: AttackFacts;
  explicitYear: boolean;
  era: number | undefined;
  rank: number;
  entity: EntityRecord;
}

export interface ResolveInput {
  article: Article;
  extraction: DocumentExtraction;
  duplicateOf?: { id: string; similarity: number };
}

export function resolveDocuments(inputs: ResolveInput[]): Extraction {
  const entities = new Map<string, EntityRecord>();
  const relations = new Map<string, RelationRecord>();
  const attacks: GlobalAttack[] = [];
  const documents: DocumentRecord[] = [];
  const personKeys = personCanonicalKeys(inputs.flatMap((i) => [...i.extraction.entities.values()]));

  for (const { article, extraction, duplicateOf } of inputs) {
    documents.push({
      id: article.id,
      source: article.source,
      title: article.title,
      ...(article.published ? { published: article.published } : {}),
      chars: article.text.length,
      ...(duplicateOf ? { duplicateOf: duplicateOf.id, similarity: duplicateOf.similarity } : {}),
    });
    const localToGlobal = new Map<string, string>();
    const publishedYear = article.published ? Number(article.published.slice(0, 4)) : undefined;
    for (const local of extraction.entities.values()) {
      let id: string;
      if (local.type === 'Attack' && local.attack) {
        id = resolveAttack(attacks, local, publishedYear, entities);
      } else {
        id = local.type === 'Person' ? (personKeys.get(local.ref) ?? local.ref) : local.ref;
        const entity = entities.get(id) ?? { id, type: local.type, name: local.name, aliases: [], mentions: [], attributes: [] };
        if (local.type === 'Person' && local.name.split(' ').length > entity.name.split(' ').length) entity.name = local.name;
        entities.set(id, entity);
      }
      localToGlobal.set(local.ref, id);
      const entity = entities.get(id)!;
      const aliases = new Set(entity.aliases);
      for (const alias of [local.name, ...local.aliases]) if (alias !== entity.name) aliases.add(alias);
      entity.aliases = [...aliases];
      entity.mentions.push(...local.mentions.map((m) => ({ doc: article.id, ...m })));
      entity.attributes.push(...local.attributes);
    }
    for (const relation of extraction.relations) {
      const source = localToGlobal.get(relation.source);
      const target = localToGlobal.get(relation.target);
      if (!source || !target || source === target) continue;
      const key = `${relation.type}\u0000${source}\u0000${target}`;
      const existing = relations.get(key);
      if (!existing) {
        relations.set(key, { type: relation.type, source, target, confidence: relation.confidence, evidence: [...relation.evidence] });
      } else {
        existing.confidence = Math.max(existing.confidence, relation.confidence);
        for (const e of relation.evidence) if (!existing.evidence.some((x) => x.doc === e.doc && x.start === e.start)) existing.evidence.push(e);
      }
    }
  }
  return { documents, entities: [...entities.values()], relations: [...relations.values()] };
}

/** Maps each person ref to one key: a lone surname ("person/neumann") to the single full name it fits. */
function personCanonicalKeys(locals: LocalEntity[]): Map<string, string> {
  const persons = locals.filter((e) => e.type === 'Person');
  const full = [...new Set(persons.filter((p) => p.name.includes(' ')).map((p) => p.name))];
  const keys = new Map<string, string>();
  for (const p of persons) {
    if (p.name.includes(' ')) continue;
    const fits = full.filter((f) => f.endsWith(` ${p.name}`) || f.endsWith(`-${p.name}`));
    if (fits.length === 1) keys.set(p.ref, `person/${slugOf(fits[0]!)}`);
  }
  return keys;
}

function resolveAttack(attacks: GlobalAttack[], local: LocalEntity, publishedYear: number | undefined, entities: Map<string, EntityRecord>): string {
  const facts = local.attack!;
  const explicit = facts.year !== undefined;
  const era = facts.year ?? publishedYear;
  const rank = local.nameRank ?? 99;
  const match = attacks.find((a) => erasAgree({ year: a.era, explicit: a.explicitYear }, { year: era, explicit }) && anchorsAgree(a.facts, facts));
  if (match) {
    mergeFacts(match.facts, facts);
    match.explicitYear ||= explicit;
    match.era ??= era;
    if (rank < match.rank) {
      match.entity.aliases = [...new Set([...match.entity.aliases, match.entity.name])].filter((a) => a !== local.name);
      match.entity.name = local.name;
      match.rank = rank;
    }
    return match.id;
  }
  // A stable id from where and when, not from wording: the same attack gets it in any run.
  const anchor = facts.places[0] ?? facts.sites[0] ?? facts.names[0] ?? facts.persons[0] ?? facts.countries[0] ?? local.name;
  const base = `attack/${slugOf(anchor.split('/').at(-1)!)}${explicit ? `-${facts.year}` : ''}`;
  let id = base;
  for (let n = 2; entities.has(id); n++) id = `${base}-${n}`;
  const entity: EntityRecord = { id, type: 'Attack', name: local.name, aliases: [], mentions: [], attributes: [] };
  entities.set(id, entity);
  attacks.push({ id, facts: structuredClone(facts), explicitYear: explicit, era, rank, entity });
  return id;
}
