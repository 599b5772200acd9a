// Title and publication date of an article, from what its text states.
import { findDates, formatDate } from './dates.js';

/** The headline: the first line that reads like one (not a section label such as "NEWS" or "LIVE."). */
export function titleOf(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const headline = lines.find((l) => l.split(/\s+/).length >= 3) ?? lines[0] ?? '';
  return headline.length > 200 ? `${headline.slice(0, 197)}...` : headline;
}

// "On 12 October 2018, two bombs ...", "since March 3, 2015": a date a sentence tells an event by is no
// byline's, unless a word of publishing introduces it ("Posted on March 3, 2019").
const EVENT_DATE = /\b(?:on|since|until|till|before|after|from|of|by)\s+(?:the\s+)?$/i;
const PUBLISHED = /\b(?:published|posted|updated|dated|issued|filed|released)\s+(?:on\s+)?$/i;

// Words a byline or dateline holds in lower case ("by Jane Roe, staff writer | 3 March 2020").
const BYLINE_WORDS = new Set(['by', 'and', 'staff', 'writer', 'writers', 'reporter', 'reporters', 'correspondent', 'editor', 'on', 'at', 'in', 'the', 'of', 'from', 'last', 'updated', 'published', 'posted']);

/** "A bomb exploded in X on Monday, 12 October 2018": a date in the run of a sentence is its event's, not a byline's. */
function insideSentence(head: string, at: number): boolean {
  const start = Math.max(head.lastIndexOf('\n', at - 1), ...['. ', '! ', '? '].map((end) => head.lastIndexOf(end, at - 1))) + 1;
  const words = head.slice(start, at).match(/(?<![\p{L}'])\p{Ll}[\p{L}'.-]*/gu) ?? [];
  return words.filter((w) => !BYLINE_WORDS.has(w)).length >= 2;
}

/** A full date (day, month, year) near the top of the article, where bylines put it. */
export function publishedDateOf(text: string): string | undefined {
  const head = text.slice(0, 600);
  const full = findDates(head).find((d) => {
    if (d.year === undefined || d.month === undefined || d.day === undefined) return false;
    const before = head.slice(Math.max(0, d.start - 30), d.start);
    return PUBLISHED.test(before) || (!EVENT_DATE.test(before) && !insideSentence(head, d.start));
  });
  return full ? formatDate(full) : undefined;
}
