// Title and publication date of an article, from what its text states.
import { findDates, formatDate } from './dates.js';

/** The headline: the first line that reads like one (not a section label such as "NEWS" or "LIVE."). */
export function titleOf(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const headline = lines.find((l) => l.split(/\s+/).length >= 3) ?? lines[0] ?? '';
  return headline.length > 200 ? `${headline.slice(0, 197)}...` : headline;
}

/** A full date (day, month, year) near the top of the article, where bylines put it. */
export function publishedDateOf(text: string): string | undefined {
  const head = text.slice(0, 600);
  const full = findDates(head).find((d) => d.year !== undefined && d.month !== undefined && d.day !== undefined);
  return full ? formatDate(full) : undefined;
}
