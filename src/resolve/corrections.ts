// Replays the analyst's corrections on a freshly resolved batch, so an ingest never undoes them: a merged alias
// lands on the kept entity, a split alias (each mention written so) on its own, a deleted entity and a rejected edge or figure stay gone,
// and renamed or retyped entities keep their corrected name and type. Pure; the lookup is loaded once per run.
import { figureKey, relationKey, splitKey, type CorrectionIndex } from '../model/corrections.js';
import type { Extraction } from '../model/extraction.js';

/**
 * Where a document's entity goes after the corrections: `id` (merges followed), except that its mentions written
 * as an alias split off it go to the entity split off (`split`, by lower-case text). An entity written only as
 * one split-off alias is that entity; one written both ways becomes both, so a split alias is its own entity
 * wherever an article names it and never joins the old one again.
 */
export interface Route {
  id: string;
  split: Map<string, string>;
  /** The document's entity is itself one split off: its name is the alias as written, and it takes no other names. */
  splitOff: boolean;
}

export function routeEntity(index: CorrectionIndex, id: string, name: string, mentionTexts: string[]): Route {
  const follow = (x: string) => index.redirects.get(x) ?? x;
  const merged = follow(id);
  const texts = new Set((mentionTexts.length > 0 ? mentionTexts : [name]).map((t) => t.toLowerCase()));
  const split = new Map<string, string>();
  for (const text of texts) {
    const to = index.splits.get(splitKey(merged, text));
    if (to) split.set(text, follow(to));
  }
  const targets = new Set(split.values());
  if (split.size === texts.size && targets.size === 1) return { id: [...targets][0]!, split: new Map(), splitOff: true };
  return { id: merged, split, splitOff: false };
}

export function applyCorrections(extraction: Extraction, index: CorrectionIndex): Extraction {
  const entities = extraction.entities
    .filter((e) => !index.deleted.has(e.id))
    .map((e) => {
      const name = index.names.get(e.id) ?? e.name;
      const removed = index.removedAliases.get(e.id);
      const aliases = [...new Set([...e.aliases, ...(name !== e.name ? [e.name] : [])])].filter((a) => a !== name && !removed?.has(a.toLowerCase()));
      const attributes = e.attributes.filter((a) => !index.rejectedFigures.has(figureKey(e.id, a.key, a.value)) && !index.rejectedFigures.has(figureKey(e.id, a.key, a.value, a.doc)));
      // A corrected name outranks any name a later article offers (attacks take better names as they come).
      return { ...e, type: index.types.get(e.id) ?? e.type, name, aliases, attributes, ...(index.names.has(e.id) ? { nameRank: -1 } : {}) };
    });
  const relations = extraction.relations.filter((r) => !index.deleted.has(r.source) && !index.deleted.has(r.target) && !index.rejectedRelations.has(relationKey(r.source, r.type, r.target)));
  return { documents: extraction.documents, entities, relations };
}
