// Greedy left-to-right part-of-speech tagger (UPOS): each word's tag from its own form, affixes and shape, its
// neighbours' forms and the two tags already given to its left.
import { feature } from './hash.js';
import { argmax, type Perceptron, type Scorer } from './perceptron.js';
import { EDGE, type WordCodes } from './words.js';

export const TAGGER_FEATURES = 22;
/** Tag index used for positions before the sentence. */
const START = 1000;

/** Fills `out` with the features of word `i`, given the tags of the words before it. */
export function taggerFeatures(words: WordCodes[], i: number, tags: Int32Array, out: Int32Array): number {
  const w = words[i]!;
  const p1 = i > 0 ? words[i - 1]! : EDGE;
  const p2 = i > 1 ? words[i - 2]! : EDGE;
  const n1 = i + 1 < words.length ? words[i + 1]! : EDGE;
  const n2 = i + 2 < words.length ? words[i + 2]! : EDGE;
  const t1 = i > 0 ? tags[i - 1]! : START;
  const t2 = i > 1 ? tags[i - 2]! : START;
  let k = 0;
  out[k++] = feature(0, 0);
  out[k++] = feature(1, w.lower);
  out[k++] = feature(2, w.form);
  out[k++] = feature(3, w.suffix3);
  out[k++] = feature(4, w.suffix2);
  out[k++] = feature(5, w.prefix2);
  out[k++] = feature(6, w.shape);
  out[k++] = feature(7, t1);
  out[k++] = feature(8, t1, t2);
  out[k++] = feature(9, t1, w.lower);
  out[k++] = feature(10, p1.lower);
  out[k++] = feature(11, p1.suffix3);
  out[k++] = feature(12, p2.lower);
  out[k++] = feature(13, n1.lower);
  out[k++] = feature(14, n1.suffix3);
  out[k++] = feature(15, n2.lower);
  out[k++] = feature(16, p1.lower, w.lower);
  out[k++] = feature(17, w.lower, n1.lower);
  out[k++] = feature(18, t1, n1.lower);
  out[k++] = feature(19, w.shape, i === 0 ? 1 : 0);
  out[k++] = feature(20, n1.shape);
  out[k++] = feature(21, t2);
  return k;
}

/** Tags a sentence with a frozen or training model; returns tag indices. */
export function tag(model: Scorer | Perceptron, words: WordCodes[], classes: number): Int32Array {
  const tags = new Int32Array(words.length);
  const feats = new Int32Array(TAGGER_FEATURES);
  const scores = new Float64Array(classes);
  for (let i = 0; i < words.length; i++) {
    const n = taggerFeatures(words, i, tags, feats);
    model.score(feats, n, scores);
    tags[i] = argmax(scores);
  }
  return tags;
}

/** One training pass over a sentence: tag greedily and correct each wrong tag. */
export function trainTagger(model: Perceptron, words: WordCodes[], gold: Int32Array): number {
  const tags = new Int32Array(words.length);
  const feats = new Int32Array(TAGGER_FEATURES);
  const scores = new Float64Array(model.classes);
  let correct = 0;
  for (let i = 0; i < words.length; i++) {
    const n = taggerFeatures(words, i, tags, feats);
    model.score(feats, n, scores);
    const guess = argmax(scores);
    model.tick();
    model.update(gold[i]!, guess, feats, n);
    if (guess === gold[i]) correct++;
    // Training sees its own earlier guesses, as tagging does.
    tags[i] = guess;
  }
  return correct;
}
