// Case files: a saved view of the graph (selection, filters, positions, paths, Cypher results, notes on
// entities and relationships) under a name, so an analyst can reopen it or hand it on as a report.
import { z } from 'zod';

export const CaseName = z.string().trim().min(1, 'a case needs a name').max(200).regex(/^[^/\\]+$/, 'no slashes in a case name');

const Point = z.object({ x: z.number().finite(), y: z.number().finite() });

export const CaseView = z.object({
  /** The entities the case is about (ids). */
  selection: z.array(z.string().min(1)).max(5000).default([]),
  /** The viewer's filters as it keeps them; stored as given. */
  filters: z.record(z.string(), z.unknown()).default({}),
  positions: z.record(z.string(), Point).default({}),
  /** Paths as lists of entity ids. */
  paths: z.array(z.array(z.string().min(1)).min(2)).default([]),
  cypher: z.array(z.object({ query: z.string().min(1), columns: z.array(z.string()).default([]), rows: z.array(z.record(z.string(), z.unknown())).default([]) })).default([]),
  /** Notes by entity id, and by relationship as "source|TYPE|target". */
  notes: z.object({ entities: z.record(z.string(), z.string().max(20_000)).default({}), relationships: z.record(z.string(), z.string().max(20_000)).default({}) }).default({ entities: {}, relationships: {} }),
});
export type CaseView = z.infer<typeof CaseView>;

export const CaseRecord = z.object({ name: z.string(), view: CaseView, by: z.string().nullable(), createdAt: z.string(), updatedAt: z.string() });
export type CaseRecord = z.infer<typeof CaseRecord>;

export const relationshipNoteKey = (source: string, type: string, target: string): string => `${source}|${type}|${target}`;

/** Every entity a case shows: the selection, the paths' entities and those with notes. */
export function caseEntities(view: CaseView): string[] {
  const fromNotes = Object.keys(view.notes.relationships).flatMap((k) => {
    const [source, , target] = k.split('|');
    return [source, target].filter((x): x is string => Boolean(x));
  });
  return [...new Set([...view.selection, ...view.paths.flat(), ...Object.keys(view.notes.entities), ...fromNotes])];
}
