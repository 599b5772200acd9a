// Turns an extraction into the parameter rows of the ingest Cypher. Pure; labels and relationship types are
// checked against the ontology's closed list here, because they are the only parts not sent as values.
import { createHash } from 'node:crypto';
import { pageAt } from '../ingest/pages.js';
import type { Extraction } from '../model/extraction.js';
import { ENTITY_TYPES, type Ontology } from '../model/ontology.js';

export interface GraphRows {
  documents: Array<Record<string, unknown>>;
  entities: Array<{ id: string; type: string; name: string; aliases: string[]; nameRank: number | null; attack: Record<string, unknown> | null }>;
  mentions: Array<{ doc: string; entity: string; count: number; starts: number[]; ends: number[] }>;
  relations: Array<{ source: string; target: string; type: string; confidence: number; evidence: Array<{ key: string; doc: string; start: number; end: number; page: number; text: string }> }>;
  claims: Array<{ id: string; doc: string; entity: string } & Record<string, unknown>>;
}

const claimId = (...parts: Array<string | number>) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20);

export function toGraphRows(extraction: Extraction, ontology: Ontology): GraphRows {
  const types = new Set<string>(ENTITY_TYPES);
  const entities = extraction.entities.map((e) => {
    if (!types.has(e.type)) throw new Error(`entity ${e.id} has a type outside the ontology: ${e.type}`);
    return { id: e.id, type: e.type, name: e.name, aliases: e.aliases, nameRank: e.nameRank ?? null, attack: e.attack ? { year: null, date: null, ...e.attack } : null };
  });
  const mentions = extraction.entities.flatMap((e) => {
    const byDoc = new Map<string, Array<{ start: number; end: number }>>();
    for (const m of e.mentions) byDoc.set(m.doc, [...(byDoc.get(m.doc) ?? []), m]);
    return [...byDoc].map(([doc, list]) => ({ doc, entity: e.id, count: list.length, starts: list.map((m) => m.start), ends: list.map((m) => m.end) }));
  });
  const pagesOf = new Map(extraction.documents.flatMap((d) => (d.pageStarts ? [[d.id, d.pageStarts] as const] : [])));
  const relations = extraction.relations.map((r) => {
    if (!(r.type in ontology.relationTypes)) throw new Error(`relation type outside the ontology: ${r.type}`);
    return {
      source: r.source,
      target: r.target,
      type: r.type,
      confidence: r.confidence,
      // Page 0: the document has no pages (Neo4j lists hold no nulls).
      evidence: r.evidence.map((e) => ({ key: `${e.doc}:${e.start}`, doc: e.doc, start: e.start, end: e.end, page: pagesOf.has(e.doc) ? pageAt(pagesOf.get(e.doc)!, e.start) : 0, text: e.text })),
    };
  });
  const claims = extraction.entities.flatMap((e) =>
    e.attributes.map((a) => ({
      id: claimId(a.doc, e.id, a.key, String(a.value), a.start ?? -1),
      doc: a.doc,
      entity: e.id,
      key: a.key,
      value: a.value,
      qualifier: a.qualifier ?? null,
      text: a.text,
      sentence: a.sentence ?? null,
      start: a.start ?? null,
      end: a.end ?? null,
    })),
  );
  const documents = extraction.documents.map((d) => ({
    id: d.id,
    source: d.source,
    title: d.title,
    published: d.published ?? null,
    url: d.url ?? null,
    author: d.author ?? null,
    outlet: d.outlet ?? null,
    pageStarts: d.pageStarts ?? null,
    chars: d.chars,
    duplicateOf: d.duplicateOf ?? null,
    similarity: d.similarity ?? null,
  }));
  return { documents, entities, mentions, relations, claims };
}
