// Splits text into word, number and punctuation tokens with offsets. Abbreviations with dots ("U.S.") and
// numbers with separators ("1,100") stay whole; hyphens and possessives are tokens of their own, so
// gazetteer names match whatever the hyphenation ("ISIS-K", "Afghanistan-based").
import type { Token } from './types.js';

const TOKEN = /(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Maj|St|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.(?=\s)|\d+(?:[.,]\d+)*(?:st|nd|rd|th)?|'s\b|[\p{L}\p{M}]+|[\p{L}\p{M}\d]+|\S/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let previousEnd = -1;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const start = offset + m.index;
    tokens.push({ text: m[0], start, end: start + m[0].length, spaceBefore: m.index !== previousEnd });
    previousEnd = m.index + m[0].length;
  }
  return tokens;
}

export const isCapitalized = (token: Token): boolean => /^\p{Lu}/u.test(token.text);
export const isWord = (token: Token): boolean => /^[\p{L}]/u.test(token.text);
