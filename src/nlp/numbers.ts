// Reads counts written as digits ("1,100", "144") or words ("nine", "a hundred", "twenty-five").

const MULTIPLIERS: Record<string, number> = { dozen: 12, hundred: 100, thousand: 1000 };

export function parseCount(text: string, countWords: Record<string, number>): number | undefined {
  const cleaned = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^\d{1,3}(?:,\d{3})+$|^\d+$/.test(cleaned)) return Number(cleaned.replace(/,/g, ''));
  // "two dozen", "three hundred", "2 thousand": a count times the word after it.
  const multiplied = /^(.+) (dozen|hundred|thousand)$/.exec(cleaned);
  if (multiplied && !(cleaned in countWords)) {
    const base = parseCount(multiplied[1]!, countWords);
    return base === undefined ? undefined : base * MULTIPLIERS[multiplied[2]!]!;
  }
  if (cleaned in countWords) return countWords[cleaned];
  const compound = /^(\w+)[- ](\w+)$/.exec(cleaned);
  if (compound && compound[1]! in countWords && compound[2]! in countWords) {
    const tens = countWords[compound[1]!]!;
    const units = countWords[compound[2]!]!;
    if (tens >= 20 && tens % 10 === 0 && units < 10) return tens + units;
  }
  return undefined;
}

/** A regular-expression source matching any count `parseCount` reads. */
export function countPattern(countWords: Record<string, number>): string {
  const words = Object.keys(countWords)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, '\\s'))
    .join('|');
  const single = `(?:\\d{1,3}(?:,\\d{3})+|\\d+|(?:${words})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)`;
  return `${single}(?:\\s(?:dozen|hundred|thousand)\\b)?`;
}
