// Reads the attacks table from Neo4j: one query for the attacks, one for the documents they cite; the rows are
// assembled, restricted to what was published by an "as of" date, filtered and sorted here (pure, below).
import { z } from 'zod';
import { AttackRow, type Actor, type AttackFilter, type Figure, type Spread } from '../model/attacks.js';
import { publishedBy } from '../model/time.js';
import type { Connection } from './connection.js';
import { readCypher } from './cypher-files.js';
import { readRows } from './run-query.js';

const StoredAttack = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  year: z.number().nullable(),
  date: z.string().nullable(),
  places: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), docs: z.array(z.string()) })),
  reports: z.array(z.object({ key: z.string(), value: z.union([z.number(), z.string()]), qualifier: z.string().nullable(), text: z.string(), sentence: z.string().nullable(), doc: z.string() })),
  actors: z.array(z.object({ relation: z.string(), id: z.string(), name: z.string(), type: z.string(), confidence: z.number().nullable(), docs: z.array(z.string()), evidence: z.array(z.string()) })),
  mentionedIn: z.array(z.string()),
});
export type StoredAttack = z.infer<typeof StoredAttack>;

export interface StoredDocument {
  id: string;
  source: string;
  title: string;
  published: string | null;
}

/** The event date as precisely as known: a month-day ("--03-22") takes the attack's year. */
export function eventDate(year: number | null, date: string | null): string | null {
  if (date && /^\d{4}/.test(date)) return date;
  if (date && /^--\d{2}-\d{2}$/.test(date) && year !== null) return `${year}${date.slice(1)}`;
  return year !== null ? String(year) : null;
}

function spreadOf(figures: Figure[]): Spread | null {
  const values = figures.map((f) => f.value).filter((v): v is number => typeof v === 'number');
  if (values.length === 0) return null;
  return { min: Math.min(...values), max: Math.max(...values), values: [...new Set(values)].sort((a, b) => a - b), reports: values.length, sources: new Set(figures.map((f) => f.doc)).size };
}

const byCount = (values: string[]): string[] => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
};

/** One attack's row; with `asOf`, only what documents published by then said (null if none told of it). */
export function toAttackRow(attack: StoredAttack, documents: Map<string, StoredDocument>, asOf?: string): AttackRow | null {
  const known = (doc: string) => asOf === undefined || publishedBy(documents.get(doc)?.published, asOf);
  const mentionedIn = attack.mentionedIn.filter(known);
  if (mentionedIn.length === 0 && asOf !== undefined) return null;
  const figures = (key: string): Figure[] =>
    attack.reports
      .filter((r) => r.key === key && known(r.doc))
      .map((r) => {
        const d = documents.get(r.doc);
        return { value: r.value, qualifier: r.qualifier, text: r.text, sentence: r.sentence ?? r.text, doc: r.doc, source: d?.source ?? r.doc, title: d?.title ?? '', published: d?.published ?? null };
      })
      .sort((a, b) => Number(a.value) - Number(b.value) || a.source.localeCompare(b.source));
  const actors = (relation: string): Actor[] =>
    attack.actors
      .filter((a) => a.relation === relation)
      .map((a) => ({ id: a.id, name: a.name, type: a.type, confidence: a.confidence ?? 0, evidence: a.evidence.map((text, i) => ({ text, doc: a.docs[i] ?? '' })).filter((e) => known(e.doc)) }))
      .filter((a) => a.evidence.length > 0 || asOf === undefined)
      .sort((a, b) => b.confidence - a.confidence || a.name.localeCompare(b.name));
  const deaths = figures('deaths');
  const injured = figures('injured');
  const kinds = byCount(attack.reports.filter((r) => r.key === 'kind' && known(r.doc)).map((r) => String(r.value)));
  const datesReported = attack.reports.filter((r) => r.key === 'date' && known(r.doc));
  return {
    id: attack.id,
    name: attack.name,
    kind: kinds.find((k) => k !== 'attack') ?? attack.kind,
    kinds,
    // Under "as of", the event date is the most precise one the sources of the time gave.
    date: eventDate(attack.year, asOf === undefined ? attack.date : (datesReported.map((r) => String(r.value)).sort((a, b) => b.length - a.length)[0] ?? null)),
    places: attack.places.filter((p) => asOf === undefined || p.docs.some(known)).map(({ id, name, type }) => ({ id, name, type })),
    deaths,
    injured,
    spread: { deaths: spreadOf(deaths), injured: spreadOf(injured) },
    claimedBy: actors('CLAIMED'),
    carriedOutBy: actors('CARRIED_OUT'),
    deniedBy: actors('DENIED'),
    documents: (asOf === undefined ? attack.mentionedIn : mentionedIn).length,
  };
}

const contains = (haystack: string, needle: string) => haystack.toLowerCase().includes(needle.toLowerCase());

export function filterAttacks(rows: AttackRow[], filter: AttackFilter): AttackRow[] {
  // Dates are as precise as the sources: "2024" is within a range that starts on 2024-03-01.
  const compare = (date: string, bound: string) => {
    const n = Math.min(date.length, bound.length);
    return date.slice(0, n).localeCompare(bound.slice(0, n));
  };
  const kept = rows.filter((row) => {
    if (filter.kind && row.kind.toLowerCase() !== filter.kind.toLowerCase()) return false;
    if (filter.place && !row.places.some((p) => p.id === filter.place || contains(p.name, filter.place!))) return false;
    if (filter.actor && ![...row.claimedBy, ...row.carriedOutBy].some((a) => a.id === filter.actor || contains(a.name, filter.actor!))) return false;
    if (filter.from && (row.date === null || compare(row.date, filter.from) < 0)) return false;
    if (filter.to && (row.date === null || compare(row.date, filter.to) > 0)) return false;
    if (filter.minDeaths !== undefined && (row.spread.deaths?.max ?? -1) < filter.minDeaths) return false;
    return true;
  });
  const key = (row: AttackRow): string | number => (filter.sort === 'deaths' ? (row.spread.deaths?.max ?? -1) : filter.sort === 'documents' ? row.documents : filter.sort === 'name' ? row.name.toLowerCase() : (row.date ?? ''));
  const direction = filter.desc ? -1 : 1;
  return kept.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return (x < y ? -1 : x > y ? 1 : 0) * direction || a.name.localeCompare(b.name);
  });
}

export async function listAttacks(connection: Connection, filter: AttackFilter): Promise<AttackRow[]> {
  const attacks = (await readRows(connection, readCypher('attacks/attacks.cypher'))).map((r) => StoredAttack.parse(r));
  const cited = new Set(attacks.flatMap((a) => [...a.mentionedIn, ...a.reports.map((r) => r.doc), ...a.actors.flatMap((x) => x.docs), ...a.places.flatMap((p) => p.docs)]));
  const documents = new Map((await readRows(connection, readCypher('export/documents.cypher'), { ids: [...cited] })).map((d) => [String(d.id), d as unknown as StoredDocument]));
  const rows = attacks.map((a) => toAttackRow(a, documents, filter.asOf)).filter((r): r is AttackRow => r !== null);
  return filterAttacks(rows.map((r) => AttackRow.parse(r)), filter);
}
