// Replays the analyst's corrections on a freshly resolved batch, so an ingest never undoes them: a merged alias
// lands on the kept entity, a split alias on its own, a deleted entity and a rejected edge or figure stay gone,
// and renamed or retyped entities keep their corrected name and type. Pure; the lookup is loaded once per run.
import { figureKey, relationKey, splitKey, type CorrectionIndex } from '../model/corrections.js';
import type { Extraction } from '../model/extraction.js';

/**
 * The entity a resolved id now stands for. A split-off alias takes the document's entity when that is its
 * name, or when every mention in the document is written that way (a gazetteer entity keeps its canonical name).
 */
export function correctedId(index: CorrectionIndex, id: string, name: string, mentionTexts: string[]): string {
  const merged = index.redirects.get(id) ?? id;
  const texts = new Set(mentionTexts.map((t) => t.toLowerCase()));
  const split = index.splits.get(splitKey(merged, name)) ?? (texts.size === 1 ? index.splits.get(splitKey(merged, [...texts][0]!)) : undefined);
  return split ? (index.redirects.get(split) ?? split) : merged;
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
