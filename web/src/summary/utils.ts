// The summary's arithmetic and wording, apart from the page: what is not shown yet and how to say so.
import type { Overview, SerializedGraph } from '../../../src/model/api.js';

export type SummaryInfo = NonNullable<Overview['summary']>;

const number = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;

/** Relationships of an entity the page does not hold yet: the store's count less those loaded. */
export const notShown = (total: number, loaded: number): number => Math.max(0, total - loaded);

/** The line over the graph: what the summary stands for, what is shown of it, and how to open more. */
export function describeSummary(info: SummaryInfo, shown: { entities: number; relationships: number }): string {
  return (
    `Summary of ${plural(info.entities, 'entity', 'entities')} and ${plural(info.relationships, 'relationship')}: ` +
    `${number(shown.entities)} entities and ${number(shown.relationships)} relationships shown, starting from those with the most relationships. ` +
    'Select an entity to open what it links to (+N on a name counts what is not shown yet); search finds any entity.'
  );
}

/** What the panel says of one entity: how many of its relationships are shown. */
export function describeEntity(total: number, loaded: number): string {
  const hidden = notShown(total, loaded);
  return hidden === 0 ? `All its relationships are shown (${number(total)}).` : `${number(loaded)} of ${plural(total, 'relationship')} shown; ${number(hidden)} not shown yet.`;
}

/** Several responses as one graph: each entity and relationship once, by its key, and every document cited. */
export function combineGraphs(parts: SerializedGraph[]): SerializedGraph {
  const nodes = new Map(parts.flatMap((p) => p.nodes).map((n) => [n.key, n]));
  const edges = new Map(parts.flatMap((p) => p.edges).map((e) => [e.key, e]));
  return { attributes: { documents: Object.assign({}, ...parts.map((p) => p.attributes.documents)) }, nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Search on a summary: the store's hits first (they cover every entity), then the page's own, without repeats. */
export function combineHits<T extends { id: string }>(store: T[], page: T[], limit: number): T[] {
  const seen = new Set(store.map((h) => h.id));
  return [...store, ...page.filter((h) => !seen.has(h.id))].slice(0, limit);
}
