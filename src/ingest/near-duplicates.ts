// Finds articles that are rewrites of one another (same story, reworded): wire copy reposted by other outlets.
// Jaccard similarity over content-word sets is robust to rewording, unlike exact shingles.

const STOP = new Set('a an and are as at be been but by for from had has have he her his in into is it its of on or our over she that the their them they this to was were which while who will with would not no so than then there these those also after before about more most other some such can could may might said says'.split(' '));

export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z][a-z'-]{2,}/g) ?? [];
  return new Set(words.filter((w) => !STOP.has(w)));
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

export interface NearDuplicate {
  id: string;
  duplicateOf: string;
  similarity: number;
}

export const NEAR_DUPLICATE_THRESHOLD = 0.3;

/** Each document that is a near-copy of an earlier one, paired with the earliest such. */
export function findNearDuplicates(documents: Array<{ id: string; text: string }>, threshold = NEAR_DUPLICATE_THRESHOLD): NearDuplicate[] {
  const sets = documents.map((d) => ({ id: d.id, words: contentWords(d.text) }));
  const result: NearDuplicate[] = [];
  // Inverted index: only documents sharing rare-enough words are compared, so cost stays near linear.
  const postings = new Map<string, number[]>();
  // Shared-word counts by earlier document, and those met in the order first met: reset after each document,
  // so a batch costs one array, not a map per document.
  const counts = new Uint32Array(sets.length);
  const met: number[] = [];
  sets.forEach((doc, index) => {
    for (const word of doc.words) {
      const list = postings.get(word);
      if (list) {
        for (const other of list) if (counts[other]!++ === 0) met.push(other);
      }
    }
    let best: NearDuplicate | undefined;
    for (const other of met) {
      const shared = counts[other]!;
      counts[other] = 0;
      const similarity = shared / (doc.words.size + sets[other]!.words.size - shared);
      if (similarity >= threshold && (!best || similarity > best.similarity)) best = { id: doc.id, duplicateOf: sets[other]!.id, similarity: Math.round(similarity * 1000) / 1000 };
    }
    met.length = 0;
    if (best) result.push(best);
    for (const word of doc.words) {
      const list = postings.get(word);
      if (!list) postings.set(word, [index]);
      else if (list.length < 200) list.push(index);
    }
  });
  return result;
}
