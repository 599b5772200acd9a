// Averaged perceptron over hashed features: one dense table of buckets x classes, trained in place and
// frozen into 16-bit integers for shipping (the argmax of integer sums equals that of the scaled floats).

/**
 * Sums each class's weights over the features' buckets into `out`. The parser's three moves are summed in locals:
 * it scores every move of every parsed sentence, and sums kept in the array cost a load and a store per weight.
 */
function scoreInto(weights: Int16Array | Float32Array, mask: number, classes: number, features: Int32Array | number[], count: number, out: Float64Array): void {
  if (classes === 3) {
    let a = 0;
    let b = 0;
    let c = 0;
    for (let f = 0; f < count; f++) {
      const base = (features[f]! & mask) * 3;
      a += weights[base]!;
      b += weights[base + 1]!;
      c += weights[base + 2]!;
    }
    out[0] = a;
    out[1] = b;
    out[2] = c;
    return;
  }
  for (let k = 0; k < classes; k++) out[k] = 0;
  for (let f = 0; f < count; f++) {
    const base = (features[f]! & mask) * classes;
    for (let k = 0; k < classes; k++) out[k]! += weights[base + k]!;
  }
}

/** The frozen, shipped form: scores are sums of int16 weights. */
export class Scorer {
  constructor(
    readonly bucketBits: number,
    readonly classes: number,
    readonly weights: Int16Array,
  ) {}

  /** Scores of every class for the features, into `out` (length `classes`). */
  score(features: Int32Array | number[], count: number, out: Float64Array): void {
    scoreInto(this.weights, (1 << this.bucketBits) - 1, this.classes, features, count, out);
  }
}

export class Perceptron {
  private readonly weights: Float32Array;
  private readonly totals: Float64Array;
  private readonly stamps: Int32Array;
  private instances = 0;
  private readonly mask: number;

  constructor(
    readonly bucketBits: number,
    readonly classes: number,
  ) {
    const size = (1 << bucketBits) * classes;
    this.weights = new Float32Array(size);
    this.totals = new Float64Array(size);
    this.stamps = new Int32Array(size);
    this.mask = (1 << bucketBits) - 1;
  }

  score(features: Int32Array | number[], count: number, out: Float64Array): void {
    scoreInto(this.weights, this.mask, this.classes, features, count, out);
  }

  /** Counts one training instance; call once per decision, whether or not it updates. */
  tick(): void {
    this.instances++;
  }

  update(truth: number, guess: number, features: Int32Array | number[], count: number): void {
    if (truth === guess) return;
    for (let f = 0; f < count; f++) {
      const base = (features[f]! & this.mask) * this.classes;
      this.bump(base + truth, 1);
      this.bump(base + guess, -1);
    }
  }

  private bump(index: number, delta: number): void {
    this.totals[index]! += (this.instances - this.stamps[index]!) * this.weights[index]!;
    this.stamps[index] = this.instances;
    this.weights[index]! += delta;
  }

  /** The averaged weights, quantised to int16 on one scale; weights below `floor` of the largest are dropped. */
  freeze(floor: number): Scorer {
    const n = this.instances || 1;
    const averaged = new Float64Array(this.weights.length);
    let largest = 0;
    for (let i = 0; i < averaged.length; i++) {
      const total = this.totals[i]! + (this.instances - this.stamps[i]!) * this.weights[i]!;
      averaged[i] = total / n;
      largest = Math.max(largest, Math.abs(averaged[i]!));
    }
    const scale = largest > 0 ? 32767 / largest : 1;
    const quantised = new Int16Array(averaged.length);
    const cut = floor * 32767;
    for (let i = 0; i < averaged.length; i++) {
      const q = Math.round(averaged[i]! * scale);
      quantised[i] = Math.abs(q) < cut ? 0 : q;
    }
    return new Scorer(this.bucketBits, this.classes, quantised);
  }
}

/** Index of the highest score among the classes `allowed` accepts; ties go to the lower index. */
export function argmax(scores: Float64Array, allowed: (k: number) => boolean = () => true): number {
  let best = -1;
  for (let k = 0; k < scores.length; k++) if (allowed(k) && (best < 0 || scores[k]! > scores[best]!)) best = k;
  return best;
}
