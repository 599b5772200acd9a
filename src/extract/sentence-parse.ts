// What the relation readers ask of a sentence's dependency parse beyond its arrays: the token heading a span.
/** The token of a span [first, last) that heads it: the one whose head lies outside. */
export function headOf(head: readonly number[], first: number, last: number): number {
  for (let k = first; k < last; k++) if (head[k]! < first || head[k]! >= last) return k;
  return first;
}
