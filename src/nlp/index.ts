// nlp: a document's text in; its sentences, tokens and typed entity mentions out.
import type { Gazetteer } from './gazetteer.js';
import { findMentions } from './mentions.js';
export { datelineTokenCount } from './mentions.js';
import { splitSentences } from './sentences.js';
import type { EntityMention, Sentence } from './types.js';

export { loadGazetteer, loadLexicon, slug, type Gazetteer, type GazetteerEntry } from './gazetteer.js';
export { countPattern, parseCount } from './numbers.js';
export { splitSentences } from './sentences.js';
export { parseSentence, parseTokens, type Analysis, type LazyAnalysis } from './syntax/index.js';
export { isCapitalized, lowerWords, tokenize } from './tokenize.js';
export { RequiredWordIndex, requiredWords } from './required-words.js';
export { COMPASS_WORD, NEIGHBOURING_WORD } from './compass.js';
export { isFirstName, isProperWord, isVerbForm } from './word-classes.js';
export type { EntityMention, Sentence, Token } from './types.js';

export interface AnalyzedText {
  sentences: Sentence[];
  mentions: EntityMention[];
}

export function analyzeText(text: string, gazetteer: Gazetteer): AnalyzedText {
  const sentences = splitSentences(text);
  return { sentences, mentions: findMentions(gazetteer, sentences) };
}
