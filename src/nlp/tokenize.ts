// Splits text into word, number and punctuation tokens with offsets. Abbreviations with dots ("U.S.") and
// numbers with separators ("1,100") stay whole; hyphens and possessives are tokens of their own, so
// gazetteer names match whatever the hyphenation ("ISIS-K", "Afghanistan-based").
import type { Token } from './types.js';

// Sticky, and read with test() and lastIndex: exec would build a match array for every token of every document.
// Between tokens there is only white space (\s), as the last alternative takes any other character.
const TOKEN = /(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Maj|St|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.(?=\s)|\d+(?:[.,]\d+)*(?:st|nd|rd|th)?|'s\b|[\p{L}\p{M}]+|[\p{L}\p{M}\d]+|\S/uy;

/** Exactly the characters of \s (ECMAScript's white space and line terminators), tested without a regex. */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -1;
  for (let at = 0; ; ) {
    let from = at;
    while (from < text.length && isSpace(text.charCodeAt(from))) from++;
    TOKEN.lastIndex = from;
    if (!TOKEN.test(text)) break;
    at = TOKEN.lastIndex;
    tokens.push({ text: text.slice(from, at), start: offset + from, end: offset + at, spaceBefore: from !== previousEnd });
    previousEnd = at;
  }
  return tokens;
}

export const isCapitalized = (token: Token): boolean => /^\p{Lu}/u.test(token.text);
export const isWord = (token: Token): boolean => /^[\p{L}]/u.test(token.text);

// Every reader of a sentence (attack nouns, roles, relation gaps, mention titles) wants its words in lower case:
// made once per token list, which is never changed after tokenize. Callers only read the list.
const lowered = new WeakMap<readonly Token[], readonly string[]>();

/** Each token's text in lower case, aligned with the tokens. */
export function lowerWords(tokens: readonly Token[]): readonly string[] {
  let words = lowered.get(tokens);
  if (words === undefined) lowered.set(tokens, (words = tokens.map((t) => t.text.toLowerCase())));
  return words;
}
