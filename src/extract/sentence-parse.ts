// What the relation readers ask of a sentence's dependency parse beyond its arrays: the parse itself, made once
// for all readers that ask for it, and the token heading a span.
import { datelineTokenCount, parseTokens, type LazyAnalysis, type Sentence } from '../nlp/index.js';

const parses = new WeakMap<Sentence, LazyAnalysis>();

/**
 * The parse of a sentence, made on the first reader's asking and kept while the sentence lives. A dateline
 * ("KINSHASA, Congo (Reuters) -") is left out of it: parsed with the report, its place becomes the subject of the
 * first verb. Its tokens head nothing and hang off nothing.
 */
export function parseOf(sentence: Sentence): LazyAnalysis {
  let parse = parses.get(sentence);
  if (!parse) {
    parse = withoutDateline(sentence);
    parses.set(sentence, parse);
  }
  return parse;
}

function withoutDateline(sentence: Sentence): LazyAnalysis {
  const skip = datelineTokenCount(sentence);
  if (skip === 0 || skip >= sentence.tokens.length) return parseTokens(sentence.tokens);
  const report = parseTokens(sentence.tokens.slice(skip));
  const upos = [...sentence.tokens.slice(0, skip).map(() => 'X'), ...report.upos];
  const head = [...sentence.tokens.slice(0, skip).map(() => -1), ...report.head.map((h) => (h < 0 ? -1 : h + skip))];
  return { upos, head, deprel: (k) => (k < skip ? 'dep' : report.deprel(k - skip)) };
}

/** The token of a span [first, last) that heads it: the one whose head lies outside. */
export function headOf(head: readonly number[], first: number, last: number): number {
  for (let k = first; k < last; k++) if (head[k]! < first || head[k]! >= last) return k;
  return first;
}
