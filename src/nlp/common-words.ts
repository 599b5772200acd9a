// `npm run build:words`: writes data/common-words.json, the words English writes in lower case, counted over
// the UD English EWT treebank, so a capitalised "Army" or "Troubles" is read as a word, not a name. A word is
// common when, inside sentences, it is written in lower case at least half as often as capitalised and is
// never tagged PROPN more often than not. Deterministic: the same treebank gives the same file.
// KG_TREEBANK points at the treebank folder (default ../shared/treebanks/ud-english-ewt beside the repo).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConllu } from './syntax/conllu.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TREEBANK = resolve(process.env.KG_TREEBANK ?? join(ROOT, '..', 'shared', 'treebanks', 'ud-english-ewt'));

interface Counts {
  lower: number;
  capitalised: number;
  proper: number;
  all: number;
}

function main(): void {
  const counts = new Map<string, Counts>();
  for (const split of ['train', 'dev', 'test']) {
    for (const sentence of readConllu(readFileSync(join(TREEBANK, `en_ewt-ud-${split}.conllu`), 'utf8'))) {
      sentence.words.forEach((word, k) => {
        if (!/^\p{L}[\p{L}'-]*$/u.test(word)) return;
        const key = word.toLowerCase();
        const c = counts.get(key) ?? { lower: 0, capitalised: 0, proper: 0, all: 0 };
        c.all++;
        if (sentence.upos[k] === 'PROPN') c.proper++;
        // The first word of a sentence is capitalised whatever it is.
        if (k > 0 && /^\p{Ll}/u.test(word)) c.lower++;
        else if (k > 0 && /^\p{Lu}\p{Ll}/u.test(word)) c.capitalised++;
        counts.set(key, c);
      });
    }
  }
  const words = [...counts]
    .filter(([w, c]) => w.length > 1 && c.lower >= 2 && c.lower * 2 >= c.capitalised && c.proper * 2 < c.all)
    .map(([w]) => w)
    .sort();
  const file = {
    about: 'Words English writes in lower case (counted over UD English EWT, CC BY-SA 4.0): a capitalised one alone is a word, not a name. Written by `npm run build:words`.',
    words,
  };
  writeFileSync(join(ROOT, 'data', 'common-words.json'), `${JSON.stringify(file, null, 0).replace('"words":[', '"words":[\n').replace(/","/g, '",\n"')}\n`);
  process.stderr.write(`data/common-words.json: ${words.length} words\n`);
}

main();
