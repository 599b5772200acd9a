// Reads calendar dates written out in English ("24 March 2024", "March 22nd", "September 2004", "2024-03-24").

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';

export interface PartialDate {
  year?: number;
  month?: number;
  day?: number;
  start: number;
  end: number;
  text: string;
}

const monthNumber = (name: string): number => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;

const PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray) => Omit<PartialDate, 'start' | 'end' | 'text'> }> = [
  { re: new RegExp(`\\b${YEAR}-(\\d{2})-(\\d{2})\\b`, 'g'), read: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! }) },
  { re: new RegExp(`\\b${DAY} ${MONTH},? ${YEAR}\\b`, 'gi'), read: (m) => ({ day: +m[1]!, month: monthNumber(m[2]!), year: +m[3]! }) },
  { re: new RegExp(`\\b${MONTH} ${DAY},? ${YEAR}\\b`, 'gi'), read: (m) => ({ month: monthNumber(m[1]!), day: +m[2]!, year: +m[3]! }) },
  { re: new RegExp(`\\b${MONTH} ${YEAR}\\b`, 'gi'), read: (m) => ({ month: monthNumber(m[1]!), year: +m[2]! }) },
  { re: new RegExp(`\\b${MONTH} ${DAY}\\b(?!,? \\d)`, 'gi'), read: (m) => ({ month: monthNumber(m[1]!), day: +m[2]! }) },
  { re: new RegExp(`\\b${DAY} ${MONTH}\\b(?!,? \\d)`, 'gi'), read: (m) => ({ day: +m[1]!, month: monthNumber(m[2]!) }) },
  { re: new RegExp(`\\b(?:in|since|of|from|during|by) ${YEAR}\\b`, 'gi'), read: (m) => ({ year: +m[1]! }) },
];

/** Every date in the text, longest reading first where two overlap. */
export function findDates(text: string): PartialDate[] {
  const found: PartialDate[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (found.some((d) => start < d.end && end > d.start)) continue;
      const value = read(m);
      if (value.month === 0 || (value.day !== undefined && (value.day < 1 || value.day > 31))) continue;
      // "may 2024" is a month; "may" alone is too often the verb to count.
      if (/^may\b/i.test(m[0]) && value.year === undefined) continue;
      found.push({ ...value, start, end, text: m[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export function formatDate(date: Pick<PartialDate, 'year' | 'month' | 'day'>): string | undefined {
  if (date.year === undefined) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return `${date.year}-${pad(date.month)}`;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}
