// Greedy arc-hybrid dependency parser (unlabelled; relations come from the labeller afterwards). The root sits
// at the end of the buffer and takes exactly one dependent, so every parse is one tree. Training follows a
// dynamic oracle (Goldberg & Nivre 2013): it learns from its own mistakes and from non-projective trees.
import { feature } from './hash.js';
import { argmax, type Perceptron, type Scorer } from './perceptron.js';
import type { WordCodes } from './words.js';

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const MOVES = 3;
export const PARSER_FEATURES = 56;

const NONE = 0x7fff0001;
const ROOT = 0x7fff0002;

class State {
  readonly stack: Int32Array;
  depth = 0;
  /** Front of the buffer; `n` is the root. */
  front = 0;
  readonly heads: Int32Array;
  readonly inStack: Uint8Array;
  readonly left1: Int32Array;
  readonly left2: Int32Array;
  readonly right1: Int32Array;
  readonly right2: Int32Array;
  readonly lefts: Int32Array;
  readonly rights: Int32Array;

  constructor(readonly n: number) {
    this.stack = new Int32Array(n + 1);
    this.heads = new Int32Array(n).fill(-1);
    this.inStack = new Uint8Array(n + 1);
    this.left1 = new Int32Array(n + 1).fill(-1);
    this.left2 = new Int32Array(n + 1).fill(-1);
    this.right1 = new Int32Array(n + 1).fill(-1);
    this.right2 = new Int32Array(n + 1).fill(-1);
    this.lefts = new Int32Array(n + 1);
    this.rights = new Int32Array(n + 1);
  }

  get done(): boolean {
    return this.front === this.n && this.depth === 0;
  }

  s(i: number): number {
    return this.depth > i ? this.stack[this.depth - 1 - i]! : -1;
  }

  b(i: number): number {
    return this.front + i <= this.n ? this.front + i : -1;
  }

  valid(move: number): boolean {
    if (move === SHIFT) return this.front < this.n;
    if (move === LEFT) return this.depth >= 1 && (this.front < this.n || this.depth === 1);
    return this.depth >= 2;
  }

  apply(move: number): void {
    if (move === SHIFT) {
      this.stack[this.depth++] = this.front;
      this.inStack[this.front++] = 1;
      return;
    }
    const dependent = this.stack[--this.depth]!;
    this.inStack[dependent] = 0;
    this.attach(move === LEFT ? this.front : this.stack[this.depth - 1]!, dependent);
  }

  private attach(head: number, dependent: number): void {
    this.heads[dependent] = head;
    if (dependent < head) {
      this.left2[head] = this.left1[head]!;
      this.left1[head] = dependent;
      this.lefts[head]!++;
    } else {
      this.right2[head] = this.right1[head]!;
      this.right1[head] = dependent;
      this.rights[head]!++;
    }
  }
}

/** Gold arcs lost by each move, given gold heads (root = n) and each word's gold dependents. */
function costs(state: State, gold: Int32Array, dependents: number[][], out: Int32Array): void {
  const s0 = state.s(0);
  const s1 = state.s(1);
  const b0 = state.front;
  out.fill(0);
  if (state.valid(SHIFT)) {
    let cost = 0;
    for (const d of dependents[b0]!) if (state.inStack[d]) cost++;
    const h = gold[b0]!;
    if (h !== s0 && h < state.n && state.inStack[h]) cost++;
    out[SHIFT] = cost;
  }
  if (s0 >= 0) {
    let inBuffer = 0;
    for (const d of dependents[s0]!) if (d >= b0) inBuffer++;
    const h = gold[s0]!;
    out[LEFT] = inBuffer + (h === s1 || h > b0 ? 1 : 0);
    out[RIGHT] = inBuffer + (h >= b0 ? 1 : 0);
  }
}

// Module-level rather than closures: features are computed for every move, and allocation shows in the profile.
let n = 0;
let words: WordCodes[] = [];
let tags: Int32Array = new Int32Array(0);
const w = (x: number) => (x < 0 ? NONE : x === n ? ROOT : words[x]!.lower);
const t = (x: number) => (x < 0 ? NONE : x === n ? ROOT : tags[x]!);
const child = (a: Int32Array, x: number) => (x < 0 ? -1 : a[x]!);

function features(state: State, sentenceWords: WordCodes[], sentenceTags: Int32Array, out: Int32Array): number {
  n = state.n;
  words = sentenceWords;
  tags = sentenceTags;
  const s0 = state.s(0);
  const s1 = state.s(1);
  const s2 = state.s(2);
  const b0 = state.b(0);
  const b1 = state.b(1);
  const b2 = state.b(2);
  const s0w = w(s0), s0t = t(s0), s1w = w(s1), s1t = t(s1), s2t = t(s2);
  const b0w = w(b0), b0t = t(b0), b1w = w(b1), b1t = t(b1), b2t = t(b2);
  const s0l1 = child(state.left1, s0), s0l2 = child(state.left2, s0);
  const s0r1 = child(state.right1, s0), s0r2 = child(state.right2, s0);
  const s1l1 = child(state.left1, s1), s1r1 = child(state.right1, s1);
  const b0l1 = child(state.left1, b0), b0l2 = child(state.left2, b0);
  const distance = s0 < 0 || b0 < 0 ? 0 : Math.min(b0 - s0, 6);
  const s0lefts = s0 < 0 ? 0 : state.lefts[s0]!, s0rights = s0 < 0 ? 0 : state.rights[s0]!;
  const b0lefts = b0 < 0 ? 0 : state.lefts[b0]!, s1rights = s1 < 0 ? 0 : state.rights[s1]!;
  const b0suffix = b0 >= 0 && b0 < n ? words[b0]!.suffix3 : NONE;
  let k = 0;
  out[k++] = feature(0, 0);
  out[k++] = feature(1, s0w);
  out[k++] = feature(2, s0t);
  out[k++] = feature(3, s0w, s0t);
  out[k++] = feature(4, s1w);
  out[k++] = feature(5, s1t);
  out[k++] = feature(6, s1w, s1t);
  out[k++] = feature(7, b0w);
  out[k++] = feature(8, b0t);
  out[k++] = feature(9, b0w, b0t);
  out[k++] = feature(10, b1w);
  out[k++] = feature(11, b1t);
  out[k++] = feature(12, b1w, b1t);
  out[k++] = feature(13, b2t);
  out[k++] = feature(14, s2t);
  out[k++] = feature(15, s0w, b0w);
  out[k++] = feature(16, s0t, b0t);
  out[k++] = feature(17, s0w, s0t, b0t);
  out[k++] = feature(18, s0t, b0w, b0t);
  out[k++] = feature(19, s0w, b0t);
  out[k++] = feature(20, s0t, b0w);
  out[k++] = feature(21, s1t, s0t);
  out[k++] = feature(22, s1w, s0w);
  out[k++] = feature(23, s1t, s0w);
  out[k++] = feature(24, s1w, s0t);
  out[k++] = feature(25, b0t, b1t, b2t);
  out[k++] = feature(26, s0t, b0t, b1t);
  out[k++] = feature(27, s1t, s0t, b0t);
  out[k++] = feature(28, s2t, s1t, s0t);
  out[k++] = feature(29, s0t, t(s0l1), b0t);
  out[k++] = feature(30, s0t, t(s0r1), b0t);
  out[k++] = feature(31, s1t, t(s1r1), s0t);
  out[k++] = feature(32, s0t, b0t, t(b0l1));
  out[k++] = feature(33, s1t, s0t, t(s0l1));
  out[k++] = feature(34, s1t, s0t, t(s0r1));
  out[k++] = feature(35, t(s0l1));
  out[k++] = feature(36, w(s0l1));
  out[k++] = feature(37, t(s0r1));
  out[k++] = feature(38, w(s0r1));
  out[k++] = feature(39, t(s0l2), t(s0l1));
  out[k++] = feature(40, t(s0r2), t(s0r1));
  out[k++] = feature(41, t(s1r1));
  out[k++] = feature(42, t(s1l1));
  out[k++] = feature(43, t(b0l1));
  out[k++] = feature(44, w(b0l1));
  out[k++] = feature(45, t(b0l2), t(b0l1));
  out[k++] = feature(46, s0w, distance);
  out[k++] = feature(47, s0t, distance);
  out[k++] = feature(48, b0t, distance);
  out[k++] = feature(49, s0t, b0t, distance);
  out[k++] = feature(50, s0w, s0rights);
  out[k++] = feature(51, s0t, s0lefts);
  out[k++] = feature(52, s0t, s0rights);
  out[k++] = feature(53, b0t, b0lefts);
  out[k++] = feature(54, s1t, s1rights);
  out[k++] = feature(55, b0suffix, b0t, s0t);
  return k;
}

/** Heads of a tagged sentence, -1 for the root. */
export function parse(model: Scorer | Perceptron, words: WordCodes[], tags: Int32Array): Int32Array {
  const n = words.length;
  const state = new State(n);
  const valid = (m: number) => state.valid(m);
  const feats = new Int32Array(PARSER_FEATURES);
  const scores = new Float64Array(MOVES);
  while (!state.done) {
    const count = features(state, words, tags, feats);
    model.score(feats, count, scores);
    state.apply(argmax(scores, valid));
  }
  return state.heads.map((h) => (h === n ? -1 : h));
}

/**
 * One training pass over a sentence with gold heads (-1 for root). `explore` follows the model's own choice
 * (the dynamic oracle says what is still reachable); otherwise the best zero-cost move is followed.
 */
export function trainParser(model: Perceptron, words: WordCodes[], tags: Int32Array, goldHeads: number[], explore: boolean): number {
  const n = words.length;
  const gold = Int32Array.from(goldHeads, (h) => (h < 0 ? n : h));
  const dependents: number[][] = Array.from({ length: n + 1 }, () => []);
  gold.forEach((h, d) => dependents[h]!.push(d));
  const state = new State(n);
  const feats = new Int32Array(PARSER_FEATURES);
  const scores = new Float64Array(MOVES);
  const cost = new Int32Array(MOVES);
  while (!state.done) {
    const count = features(state, words, tags, feats);
    model.score(feats, count, scores);
    costs(state, gold, dependents, cost);
    const guess = argmax(scores, (m) => state.valid(m));
    let least = Infinity;
    for (let m = 0; m < MOVES; m++) if (state.valid(m)) least = Math.min(least, cost[m]!);
    const best = argmax(scores, (m) => state.valid(m) && cost[m] === least);
    model.tick();
    model.update(best, guess, feats, count);
    state.apply(explore ? guess : best);
  }
  let correct = 0;
  for (let d = 0; d < n; d++) if (state.heads[d] === gold[d]) correct++;
  return correct;
}
