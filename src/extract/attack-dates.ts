// When an attack happened, as its report says: dates written out in full are read as stated ("Feb. 9, 2019"
// is 2019 whatever the article's year); dates that lean on the day of writing ("last Friday", "yesterday",
// "on Nov. 21") are resolved against the article's publication date (weekdays and relative words by
// chrono-node), never taken from it.
import * as chrono from 'chrono-node';
import { findDates, type PartialDate } from '../ingest/index.js';
import { DAY_MS } from '../model/time.js';

/** An attack's date: `year` only when the text states it; `date` ISO 8601 as far as it is known. */
export interface AttackDate {
  year: number | undefined;
  date: string | undefined;
}

// chrono costs about a quarter of a millisecond a call: only text with a word it reads against the day of
// writing reaches it ("on Nov. 21" needs no parser to take the publication's year).
const LEANS_ON_TODAY = /\b(?:yesterday|today|tonight|ago|last (?:night|week|weekend|month)|this (?:morning|afternoon|evening|week)|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;

const two = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 as far as the text says: "2024", "2024-03", "2024-03-22", or "--03-22" with no year. */
export function isoDate(date: Pick<PartialDate, 'year' | 'month' | 'day'>): string | undefined {
  if (date.year === undefined) return date.month !== undefined && date.day !== undefined ? `--${two(date.month)}-${two(date.day)}` : undefined;
  return [String(date.year), ...(date.month !== undefined ? [two(date.month)] : []), ...(date.month !== undefined && date.day !== undefined ? [two(date.day)] : [])].join('-');
}

/** The most precise stated date: year and month first, then a year, then a day of a month. */
export function bestDate(dates: PartialDate[]): PartialDate | undefined {
  return dates.find((d) => d.year !== undefined && d.month !== undefined) ?? dates.find((d) => d.year !== undefined) ?? dates.find((d) => d.month !== undefined && d.day !== undefined);
}

/** The publication date as a UTC noon instant, or undefined when the article has none (or an unreadable one). */
export function publicationInstant(published: string | undefined): Date | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '');
  return day ? new Date(Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!, 12)) : undefined;
}

const dayDate = (when: number): AttackDate => {
  const day = new Date(when);
  return { year: undefined, date: isoDate({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() }) };
};

/** A date told relative to the day of writing, read by chrono against `published`: never after it. */
function relativeDate(text: string, published: Date): AttackDate | undefined {
  const result = chrono.en.parse(text, { instant: published, timezone: 0 }, { forwardDate: false })[0];
  if (!result) return undefined;
  const start = result.start;
  if (!/\b(?:yesterday|today|tonight|ago)\b/i.test(result.text) && !start.isCertain('weekday')) return undefined;
  const when = Date.UTC(start.get('year')!, start.get('month')! - 1, start.get('day')!, 12);
  // A report tells of what has happened: "on Friday" in Monday's paper is the Friday before.
  return dayDate(when > published.getTime() ? when - 7 * DAY_MS : when);
}

/** "on Dec. 29" with no year: the latest Dec. 29 up to the publication day ("Dec. 29" in January's paper is last year's). */
function dayThisYear(month: number, day: number, published: Date): AttackDate {
  const year = published.getUTCFullYear();
  const when = Date.UTC(year, month - 1, day, 12);
  return dayDate(when > published.getTime() ? Date.UTC(year - 1, month - 1, day, 12) : when);
}

/** The date of the attack a stretch of text tells of, if it gives one. */
export function readAttackDate(text: string, published: Date | undefined): AttackDate | undefined {
  const stated = bestDate(findDates(text));
  if (stated?.year !== undefined) return { year: stated.year, date: isoDate(stated) };
  if (stated && published) return dayThisYear(stated.month!, stated.day!, published);
  if (stated) return { year: undefined, date: isoDate(stated) };
  return published && LEANS_ON_TODAY.test(text) ? relativeDate(text, published) : undefined;
}
