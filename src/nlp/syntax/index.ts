// Syntax for kg's own tokens: part-of-speech tags, dependency heads and relations from the shipped model
// (loaded once). kg splits "don't" into "don" "'" "t" and "we're" into "we" "'" "re"; UD writes "do" "n't" and
// "we" "'re", so tokens are regrouped into UD words before parsing and the analysis is mapped back.
import type { Token } from '../types.js';
import { analyseLazily, analyseWords, type Analysis, type LazyAnalysis } from './analyse.js';
import { MODEL_FILE, readModel, type SyntaxModel } from './model.js';

export { SyntaxModelError, MODEL_FILE } from './model.js';
export type { Analysis, LazyAnalysis } from './analyse.js';

let loaded: SyntaxModel | undefined;

/** The shipped model, read and checked on first use. */
export function syntaxModel(): SyntaxModel {
  loaded ??= readModel(MODEL_FILE);
  return loaded;
}

/** Parses UD-style words (as the treebank splits them). */
export function parseWords(words: readonly string[], model: SyntaxModel = syntaxModel()): Analysis {
  return analyseWords(model, words);
}

const APOSTROPHE = /^['’]$/;
const CLITIC = /^(?:s|re|ve|ll|d|m)$/i;

interface Word {
  text: string;
  /** The kg tokens this word covers, first one standing for it. */
  first: number;
  count: number;
}

/** Groups kg tokens into UD words: "don ' t" is "do" + "n't", "we ' re" is "we" + "'re", curly quotes straightened. */
function udWords(tokens: readonly Token[]): Word[] {
  const words: Word[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i]!.text.replace(/’/g, "'").replace(/[“”]/g, '"');
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    const joined = (t: Token | undefined) => t !== undefined && !t.spaceBefore;
    if (/n$/i.test(text) && text.length > 1 && joined(next) && APOSTROPHE.test(next!.text) && joined(after) && /^t$/i.test(after!.text)) {
      words.push({ text: text.slice(0, -1), first: i, count: 1 });
      words.push({ text: `${text.slice(-1)}'t`, first: i + 1, count: 2 });
      i += 2;
    } else if (APOSTROPHE.test(text) && i > 0 && !tokens[i]!.spaceBefore && joined(next) && CLITIC.test(next!.text) && /\p{L}$/u.test(tokens[i - 1]!.text)) {
      words.push({ text: `'${next!.text}`, first: i, count: 2 });
      i += 1;
    } else {
      words.push({ text, first: i, count: 1 });
    }
  }
  return words;
}

/**
 * Tags and parses one sentence of kg tokens, each token's relation computed when asked for. Every array is
 * aligned with the tokens; `head` is a token index (-1 for the root). A token that is the second part of a UD
 * word ("t" of "n't") hangs off the first as `goeswith`.
 */
export function parseTokens(tokens: readonly Token[], model: SyntaxModel = syntaxModel()): LazyAnalysis {
  const words = udWords(tokens);
  const analysis = analyseLazily(model, words.map((w) => w.text));
  const upos: string[] = new Array<string>(tokens.length);
  const head: number[] = new Array<number>(tokens.length);
  /** The UD word a token stands for, -1 for the later tokens of a word. */
  const wordOf = new Int32Array(tokens.length).fill(-1);
  words.forEach((word, w) => {
    const h = analysis.head[w]!;
    wordOf[word.first] = w;
    upos[word.first] = analysis.upos[w]!;
    head[word.first] = h < 0 ? -1 : words[h]!.first;
    for (let k = 1; k < word.count; k++) {
      upos[word.first + k] = analysis.upos[w]!;
      head[word.first + k] = word.first;
    }
  });
  return { upos, head, deprel: (k) => (wordOf[k]! < 0 ? 'goeswith' : analysis.deprel(wordOf[k]!)) };
}

/** `parseTokens` with every relation filled in. */
export function parseSentence(tokens: readonly Token[], model: SyntaxModel = syntaxModel()): Analysis {
  const parsed = parseTokens(tokens, model);
  return { upos: parsed.upos, head: parsed.head, deprel: tokens.map((_, k) => parsed.deprel(k)) };
}
