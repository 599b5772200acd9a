// The timeline's data: attacks on their event dates and the reports on their publication dates, so a view can
// place both and brush either; the two dates are never mixed.
import { z } from 'zod';
import type { Connection } from './connection.js';
import { readCypher } from './cypher-files.js';
import { eventDate } from './attacks.js';
import { readRows } from './run-query.js';

const Row = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().nullable(),
  date: z.string().nullable(),
  documents: z.array(z.object({ id: z.string(), title: z.string(), source: z.string(), published: z.string().nullable() })),
});

export interface Timeline {
  attacks: Array<{ id: string; name: string; date: string | null; documents: string[] }>;
  documents: Array<{ id: string; title: string; source: string; published: string | null }>;
}

export async function readTimeline(connection: Connection): Promise<Timeline> {
  const rows = (await readRows(connection, readCypher('time/timeline.cypher'))).map((r) => Row.parse(r));
  const documents = new Map(rows.flatMap((r) => r.documents).map((d) => [d.id, d]));
  const byDate = (a: string | null, b: string | null) => (a ?? '9999').localeCompare(b ?? '9999');
  return {
    attacks: rows.map((r) => ({ id: r.id, name: r.name, date: eventDate(r.year, r.date), documents: r.documents.map((d) => d.id).sort() })).sort((a, b) => byDate(a.date, b.date) || a.name.localeCompare(b.name)),
    documents: [...documents.values()].sort((a, b) => byDate(a.published, b.published) || a.source.localeCompare(b.source)),
  };
}
