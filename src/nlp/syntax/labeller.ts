// Gives each arc of a finished tree its UD relation, from the dependent, its head, the head's head, their
// neighbours and the function words hanging off the dependent ("in", "by", "to" decide obl, nmod, xcomp).
import { feature } from './hash.js';
import { argmax, type Perceptron, type Scorer } from './perceptron.js';
import type { WordCodes } from './words.js';

export const LABELLER_FEATURES = 26;
const NONE = 0x7fff0001;

function features(words: WordCodes[], tags: Int32Array, heads: Int32Array, firstChild: Int32Array, lastChild: Int32Array, marker: Int32Array, d: number, out: Int32Array): number {
  const h = heads[d]!;
  const w = (x: number) => (x < 0 || x >= words.length ? NONE : words[x]!.lower);
  const t = (x: number) => (x < 0 || x >= words.length ? NONE : tags[x]!);
  const g = h < 0 ? -1 : heads[h]!;
  const direction = h < 0 ? 0 : h < d ? 1 : 2;
  const distance = h < 0 ? 0 : Math.min(Math.abs(h - d), 8);
  const dt = t(d), ht = t(h), dw = w(d), hw = w(h);
  const mark = marker[d]! < 0 ? NONE : w(marker[d]!);
  let k = 0;
  out[k++] = feature(0, 0);
  out[k++] = feature(1, dw);
  out[k++] = feature(2, dt);
  out[k++] = feature(3, dw, dt);
  out[k++] = feature(4, hw);
  out[k++] = feature(5, ht);
  out[k++] = feature(6, dt, ht, direction);
  out[k++] = feature(7, dw, ht, direction);
  out[k++] = feature(8, dt, hw, direction);
  out[k++] = feature(9, dt, ht, distance);
  out[k++] = feature(10, dt, ht, t(g));
  out[k++] = feature(11, mark, dt, ht);
  out[k++] = feature(12, mark, direction);
  out[k++] = feature(13, t(firstChild[d]!), dt);
  out[k++] = feature(14, t(lastChild[d]!), dt);
  out[k++] = feature(15, w(firstChild[d]!), dt);
  out[k++] = feature(16, t(d - 1), dt, ht);
  out[k++] = feature(17, dt, t(d + 1), ht);
  out[k++] = feature(18, words[d]!.suffix3, dt, direction);
  out[k++] = feature(19, words[d]!.shape, dt);
  out[k++] = feature(20, hw, dw);
  out[k++] = feature(21, h < 0 ? 1 : 0, dt);
  out[k++] = feature(22, w(d - 1), dt);
  out[k++] = feature(23, dt, ht, direction === 1 ? t(d - 1) : t(d + 1));
  out[k++] = feature(24, w(lastChild[d]!), dt, direction);
  out[k++] = feature(25, mark, ht, w(g));
  return k;
}

/** Each word's leftmost and rightmost dependent, and its nearest function-word dependent (adposition, subordinator, particle). */
function treeFacts(tags: Int32Array, heads: Int32Array, functionTags: Set<number>) {
  const n = heads.length;
  const firstChild = new Int32Array(n).fill(-1);
  const lastChild = new Int32Array(n).fill(-1);
  const marker = new Int32Array(n).fill(-1);
  for (let d = 0; d < n; d++) {
    const h = heads[d]!;
    if (h < 0) continue;
    if (firstChild[h]! < 0) firstChild[h] = d;
    lastChild[h] = d;
    if (functionTags.has(tags[d]!) && (marker[h]! < 0 || Math.abs(d - h) < Math.abs(marker[h]! - h))) marker[h] = d;
  }
  return { firstChild, lastChild, marker };
}

/** Labels words on demand, each once: callers that read a few relations of a long sentence pay for those only. */
export function labeller(model: Scorer | Perceptron, words: WordCodes[], tags: Int32Array, heads: Int32Array, functionTags: Set<number>): (d: number) => number {
  const { firstChild, lastChild, marker } = treeFacts(tags, heads, functionTags);
  const labels = new Int32Array(words.length).fill(-1);
  const feats = new Int32Array(LABELLER_FEATURES);
  const scores = new Float64Array(model.classes);
  return (d) => {
    if (labels[d]! < 0) {
      const count = features(words, tags, heads, firstChild, lastChild, marker, d, feats);
      model.score(feats, count, scores);
      labels[d] = argmax(scores);
    }
    return labels[d]!;
  };
}

export function trainLabeller(model: Perceptron, words: WordCodes[], tags: Int32Array, heads: Int32Array, gold: Int32Array, functionTags: Set<number>): number {
  const { firstChild, lastChild, marker } = treeFacts(tags, heads, functionTags);
  const feats = new Int32Array(LABELLER_FEATURES);
  const scores = new Float64Array(model.classes);
  let correct = 0;
  for (let d = 0; d < words.length; d++) {
    const count = features(words, tags, heads, firstChild, lastChild, marker, d, feats);
    model.score(feats, count, scores);
    const guess = argmax(scores);
    model.tick();
    model.update(gold[d]!, guess, feats, count);
    if (guess === gold[d]) correct++;
  }
  return correct;
}
