// Reads CoNLL-U treebank files into sentences of words with gold tags, heads and base relations. Multiword
// token lines ("don't" over "do" + "n't") and empty nodes are skipped: the tree is over syntactic words.
export interface TreebankSentence {
  words: string[];
  upos: string[];
  /** Head of each word as a 0-based index, -1 for the root. */
  heads: number[];
  /** UD relation without its subtype ("obl:tmod" is "obl"). */
  deprels: string[];
}

export function readConllu(text: string): TreebankSentence[] {
  const sentences: TreebankSentence[] = [];
  let current: TreebankSentence = { words: [], upos: [], heads: [], deprels: [] };
  const flush = () => {
    if (current.words.length > 0) sentences.push(current);
    current = { words: [], upos: [], heads: [], deprels: [] };
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length !== 10) throw new Error(`CoNLL-U: expected 10 tab-separated columns, got ${cols.length} in line "${line.slice(0, 60)}"`);
    if (!/^\d+$/.test(cols[0]!)) continue;
    current.words.push(cols[1]!);
    current.upos.push(cols[3]!);
    current.heads.push(Number(cols[6]) - 1);
    current.deprels.push(cols[7]!.split(':')[0]!);
  }
  flush();
  return sentences;
}
