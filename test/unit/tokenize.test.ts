// The tokenizer's tokens, offsets and spacing on invented text, including the white space and characters outside
// ASCII that news pages carry (no-break spaces, ideographic spaces, emoji), which it skips or keeps by hand.
import { describe, expect, it } from 'vitest';
import { lowerWords, tokenize } from '../../src/nlp/tokenize.js';

const texts = (text: string, offset = 0) => tokenize(text, offset).map((t) => t.text);

describe('tokenize', () => {
  it('keeps abbreviations, titles and numbers whole, and splits hyphens and possessives', () => {
    expect(texts("Mr. Novak of the U.S. said 1,250 people fled Port-Vila's 3rd district.")).toEqual(['Mr.', 'Novak', 'of', 'the', 'U.S.', 'said', '1,250', 'people', 'fled', 'Port', '-', 'Vila', "'s", '3rd', 'district', '.']);
  });

  it('gives offsets into the document and says which tokens follow white space', () => {
    const text = 'Rebels  (the\tFront)\nattacked.';
    const tokens = tokenize(text, 100);
    for (const t of tokens) expect(text.slice(t.start - 100, t.end - 100)).toBe(t.text);
    expect(tokens.map((t) => [t.text, t.spaceBefore])).toEqual([
      ['Rebels', true],
      ['(', true],
      ['the', false],
      ['Front', true],
      [')', false],
      ['attacked', true],
      ['.', false],
    ]);
  });

  it('treats every kind of white space as a gap and every other character as text', () => {
    const text = ' Lagos\u00a0market\u3000fire\u2009today\ufeff\u2028ok \u{1F525}! ';
    expect(texts(text)).toEqual(['Lagos', 'market', 'fire', 'today', 'ok', '\u{1F525}', '!']);
    expect(tokenize(text).every((t) => t.spaceBefore === (t.text !== '!'))).toBe(true);
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\u00a0 ')).toEqual([]);
  });

  it('gives the words in lower case aligned with the tokens, made once per token list', () => {
    const tokens = tokenize('The ÉCOLE Brava-Norte raid');
    const words = lowerWords(tokens);
    expect(words).toEqual(['the', 'école', 'brava', '-', 'norte', 'raid']);
    expect(lowerWords(tokens)).toBe(words);
    expect(lowerWords(tokenize('The ÉCOLE Brava-Norte raid'))).not.toBe(words);
  });
});
