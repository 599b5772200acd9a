// The lexicon's word classes, which keep their answers per word: the same answer whether asked first, again, or
// after the table of answers filled up and was dropped.
import { describe, expect, it } from 'vitest';
import { isCommonWord, isFirstName, isPersonName, isProperWord, isVerbForm } from '../../src/nlp/word-classes.js';

const asked = () => [isVerbForm('attacked'), isVerbForm('of'), isVerbForm('zorbled'), isFirstName('José'), isFirstName('Tuesday'), isPersonName('Jordan'), isProperWord('Qarvelin'), isCommonWord('bridges')];

describe('word classes', () => {
  it('tell verbs, first names, proper and common words', () => {
    expect(asked()).toEqual([true, false, true, true, false, true, true, true]);
  });

  it('answer the same when asked again and after many other words', () => {
    const first = asked();
    expect(asked()).toEqual(first);
    for (let k = 0; k < 60_000; k++) isVerbForm(`qx${k}ed`);
    expect(asked()).toEqual(first);
  });
});
