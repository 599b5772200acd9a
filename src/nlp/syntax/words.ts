// What the tagger and parser see of a word: hashes of its normalised form, its affixes and its shape,
// computed once per word so every feature template reuses them.
import { hashString } from './hash.js';

export interface WordCodes {
  form: number;
  lower: number;
  suffix3: number;
  suffix2: number;
  prefix2: number;
  shape: number;
}

/** Numbers collapse to their shape, so "1,100" and "2,500" share weights. */
function normal(word: string): string {
  if (/^\d{4}$/.test(word)) return '!YEAR';
  if (/^[\d.,:/-]+$/.test(word) && /\d/.test(word)) return '!DIGITS';
  return word.toLowerCase();
}

/** Character classes by code for ASCII (the hot path), by Unicode property otherwise: X upper, x lower, d digit. */
function shapeOf(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90 ? 'X' : c >= 97 && c <= 122 ? 'x' : c >= 48 && c <= 57 ? 'd' : ch;
  return /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch;
}

function shape(word: string): string {
  let out = '';
  for (const ch of word.slice(0, 12)) {
    const s = shapeOf(ch);
    if (!out.endsWith(s)) out += s;
  }
  return out;
}

export function wordCodes(word: string): WordCodes {
  const lower = normal(word);
  return {
    form: hashString(word),
    lower: hashString(lower),
    suffix3: hashString(lower.slice(-3)),
    suffix2: hashString(lower.slice(-2)),
    prefix2: hashString(lower.slice(0, 2)),
    shape: hashString(shape(word)),
  };
}

/** Codes for positions outside the sentence (before the first word, after the last). */
export const EDGE: WordCodes = wordCodes('<edge>');
