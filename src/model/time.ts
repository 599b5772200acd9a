// The two times of the graph, kept apart: when an event happened (valid time: an attack's date) and when a
// source said so (transaction time: its document's publication date). "As of D" keeps only what documents
// published by D said.
import { z } from 'zod';

/** One day in milliseconds: dates are compared as day numbers. */
export const DAY_MS = 86_400_000;

export const AsOf = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY-MM-DD (or YYYY-MM, YYYY)')
  .refine((d) => {
    const [year, month = 1, day = 1] = d.split('-').map(Number);
    const date = new Date(Date.UTC(year!, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'a real calendar date');

/**
 * Whether a document published on `published` was out by `asOf` (a whole day, month or year: "2024-03" is up
 * to the end of March). A document without a publication date was not known to be out, so it is left out.
 */
export function publishedBy(published: string | null | undefined, asOf: string): boolean {
  if (!published || !/^\d{4}/.test(published)) return false;
  return published.slice(0, asOf.length) <= asOf;
}

/** The parallel lists an exported relationship gives its evidence nodes as, one item per sentence. */
const EVIDENCE_LISTS = ['evidence', 'evidenceDocs', 'evidenceStarts', 'evidenceEnds', 'evidencePages'];

/**
 * An exported relationship's properties with only the evidence of known documents (the lists kept in step, `docs` and
 * `count` to match), or null if none of its evidence is known. Properties without evidence lists come back as
 * they are.
 */
export function knownEvidence(properties: Record<string, unknown>, known: Set<string>): Record<string, unknown> | null {
  const docs = properties.evidenceDocs;
  if (!Array.isArray(docs)) return properties;
  const kept = docs.map((d, i) => (known.has(String(d)) ? i : -1)).filter((i) => i >= 0);
  if (kept.length === 0) return null;
  const out: Record<string, unknown> = { ...properties, count: kept.length };
  for (const list of EVIDENCE_LISTS) if (Array.isArray(out[list])) out[list] = kept.map((i) => (out[list] as unknown[])[i]);
  if (Array.isArray(out.docs)) out.docs = (out.docs as unknown[]).filter((d) => known.has(String(d)));
  return out;
}
