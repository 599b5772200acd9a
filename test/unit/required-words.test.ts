// The words a pattern cannot match without, which let a reader skip patterns a sentence cannot hold: one of them
// must be among the letter runs of every sentence the pattern matches, and none are promised where the syntax is unknown.
import { describe, expect, it } from 'vitest';
import { letterRuns, RequiredWordIndex, requiredWords } from '../../src/nlp/required-words.js';

const sorted = (re: RegExp) => requiredWords(re)?.sort();

describe('requiredWords', () => {
  it('takes the longest whole word of each spelling, in lower case', () => {
    expect(sorted(/\b(?:Vow(?:ed|s)?) revenge\b/gi)).toEqual(['revenge']);
    expect(sorted(/\b(?:plotted|schemed)(?: against)?\b/i)).toEqual(['plotted', 'schemed']);
    expect(sorted(/-based\b/i)).toEqual(['based']);
  });

  it('keeps the longest known run around classes, repeats and lookarounds', () => {
    expect(sorted(/(?:is|was)(?: \w+ly)? backing\b/i)).toEqual(['backing']);
    expect(sorted(/\d+ (?:drowned|missing)\b(?=\.)/)).toEqual(['drowned', 'missing']);
    // A lookahead matches no characters: it is no boundary.
    expect(requiredWords(/\d+ (?:drowned|missing)(?=\.)/)).toBeUndefined();
    expect(sorted(/(?:[\w-]+ ){0,4}quarrel(?:led)? with /i)).toEqual(['with']);
    expect(sorted(/ (?<who>raiders|looters)+ fled /i)).toEqual(['fled']);
  });

  it('promises nothing where a word may run on past the match, or where the syntax is unknown', () => {
    // "stormed" may be the start of "stormedx": no boundary after it.
    expect(requiredWords(/\bstormed/i)).toBeUndefined();
    expect(requiredWords(/\w+ly|\d+/i)).toBeUndefined();
    expect(requiredWords(/\b(?:stormed)?\b/i)).toBeUndefined();
    expect(requiredWords(/\bstormed\b|\w+/i)).toBeUndefined();
    expect(requiredWords(/(\w+) and \1/i)).toBeUndefined();
    expect(requiredWords(/\bstormed\tthe\b/i)).toBeUndefined();
    // With the u flag, a case-insensitive k also matches the Kelvin sign, which is no ASCII letter.
    expect(requiredWords(/\bkidnapped\b/iu)).toBeUndefined();
  });

  it('finds one of its words among the letter runs of every sentence the pattern matches', () => {
    const patterns = [/\b(?:seiz(?:ed|es|ing)|t(?:ook|akes)) (?:control|hold) of\b/gi, /(?:[\w-]+ ){0,3}(?:feud|quarrel) between\b/i, /(?:, |was )(?:a|the) (?:\w+ )?smuggler behind\b/i];
    const sentences = ['The Vornish militia seized control of the pass.', 'Rebels TOOK HOLD OF Marrowby on Sunday.', 'A long-running bitter feud between the two clans flared.', 'Tom Brask, the smuggler behind the raid, fled.', 'He was a known smuggler behind it.'];
    let matched = 0;
    for (const re of patterns) {
      const words = requiredWords(re)!;
      expect(words.length).toBeGreaterThan(0);
      for (const s of sentences) {
        re.lastIndex = 0;
        if (!re.test(s)) continue;
        matched++;
        expect(words.some((w) => letterRuns(s).has(w))).toBe(true);
      }
    }
    expect(matched).toBe(5);
  });

  it('splits only on ASCII letters, so that a word next to another letter is no run of its own', () => {
    expect([...letterRuns("Vornish-backed rebels' 3rd raid (émigrés)")]).toEqual(['vornish', 'backed', 'rebels', 'rd', 'raid', 'migr', 's']);
  });

  describe('RequiredWordIndex', () => {
    // Pattern 0 needs "seized" or "captured", 1 needs "feud", 2 promises no word and is always a candidate.
    const index = new RequiredWordIndex([['seized', 'captured'], ['feud'], undefined]);
    it.each([
      ['The Vornish militia SEIZED the pass.', [1, 0, 1]],
      ['A feud between clans; rebels captured Marrowby.', [1, 1, 1]],
      ['A long-running feud flared.', [0, 1, 1]],
      ['Nothing happened in Tarsk (feudal lands).', [0, 0, 1]],
    ])('%s', (text, flags) => {
      expect([...index.candidates(text)]).toEqual(flags);
    });
  });
});
