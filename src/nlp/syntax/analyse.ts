// Tags, parses and labels one sentence of UD-style words with a loaded model: the step both the runtime API
// and the training script's evaluation go through.
import { labeller } from './labeller.js';
import type { SyntaxModel } from './model.js';
import { parse } from './parser.js';
import { tag } from './tagger.js';
import { wordCodes } from './words.js';

export interface Analysis {
  upos: string[];
  /** Head of each word as an index into the words, -1 for the root. */
  head: number[];
  deprel: string[];
}

const functionTagIds = new WeakMap<SyntaxModel, Set<number>>();

export function functionTagSet(upos: readonly string[], functionTags: readonly string[]): Set<number> {
  return new Set(functionTags.map((t) => upos.indexOf(t)).filter((i) => i >= 0));
}

/** Tags and heads at once; each word's relation when first asked for. */
export interface LazyAnalysis {
  upos: string[];
  head: number[];
  deprel: (word: number) => string;
}

export function analyseLazily(model: SyntaxModel, words: readonly string[]): LazyAnalysis {
  const { upos, deprels, functionTags } = model.header;
  let functional = functionTagIds.get(model);
  if (!functional) {
    functional = functionTagSet(upos, functionTags);
    functionTagIds.set(model, functional);
  }
  const codes = words.map(wordCodes);
  const tags = tag(model.tagger, codes, upos.length);
  const heads = parse(model.parser, codes, tags);
  const labelOf = labeller(model.labeller, codes, tags, heads, functional);
  return { upos: Array.from(tags, (t) => upos[t]!), head: Array.from(heads), deprel: (w) => deprels[labelOf(w)]! };
}

export function analyseWords(model: SyntaxModel, words: readonly string[]): Analysis {
  const lazy = analyseLazily(model, words);
  return { upos: lazy.upos, head: lazy.head, deprel: words.map((_, w) => lazy.deprel(w)) };
}
