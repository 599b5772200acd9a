// The summary's arithmetic and wording, apart from the page: what is not shown yet and how to say so.
import type { Overview } from '../../../src/model/api.js';
import type { Hit } from '../search.js';

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
  return hidden === 0 ? `All ${plural(total, 'relationship')} shown.` : `${number(loaded)} of ${plural(total, 'relationship')} shown; ${number(hidden)} not shown yet.`;
}

/** Search on a summary: the store's hits first (they cover every entity), then the page's own, without repeats. */
export function combineHits(store: Hit[], page: Hit[], limit: number): Hit[] {
  const seen = new Set(store.map((h) => h.id));
  return [...store, ...page.filter((h) => !seen.has(h.id))].slice(0, limit);
}
