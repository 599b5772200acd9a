// `npm run train:syntax`: trains the tagger, parser and labeller on UD English EWT, writes
// data/models/syntax-en-ewt.bin and prints UPOS accuracy, UAS and LAS on the treebank's test split.
// Deterministic (fixed seed, fixed order): the same treebank gives the same model file byte for byte.
// It also rewrites SYNTAX.md with those figures, the command and the commit.
// KG_TREEBANK points at the treebank folder (default ../shared/treebanks/ud-english-ewt beside the repo).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../model/random.js';
import { analyseWords, functionTagSet } from './analyse.js';
import { readConllu, type TreebankSentence } from './conllu.js';
import { trainLabeller } from './labeller.js';
import { decodeModel, encodeModel, MODEL_FILE } from './model.js';
import { Perceptron } from './perceptron.js';
import { MOVES, trainParser } from './parser.js';
import { tag, trainTagger } from './tagger.js';
import { wordCodes } from './words.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TREEBANK = resolve(process.env.KG_TREEBANK ?? join(ROOT, '..', 'shared', 'treebanks', 'ud-english-ewt'));
const SEED = 20260101;
const ITERATIONS = { tagger: 8, parser: 14, labeller: 8 };
const FUNCTION_TAGS = ['ADP', 'SCONJ', 'PART', 'AUX', 'DET', 'CCONJ'];
const log = (message: string) => process.stderr.write(`${message}\n`);

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const read = (split: string) => readConllu(readFileSync(join(TREEBANK, `en_ewt-ud-${split}.conllu`), 'utf8'));

interface Prepared {
  sentence: TreebankSentence;
  codes: ReturnType<typeof wordCodes>[];
  tags: Int32Array;
  labels: Int32Array;
  heads: Int32Array;
}

function score(model: ReturnType<typeof decodeModel>, sentences: TreebankSentence[]) {
  let words = 0, tags = 0, unlabelled = 0, labelled = 0;
  for (const s of sentences) {
    const a = analyseWords(model, s.words);
    for (let i = 0; i < s.words.length; i++) {
      words++;
      if (a.upos[i] === s.upos[i]) tags++;
      if (a.head[i] === s.heads[i]) {
        unlabelled++;
        if (a.deprel[i] === s.deprels[i]) labelled++;
      }
    }
  }
  const pct = (x: number) => Number(((100 * x) / words).toFixed(2));
  return { sentences: sentences.length, words, upos: pct(tags), uas: pct(unlabelled), las: pct(labelled) };
}

function main(): void {
  const started = Date.now();
  const train = read('train');
  const upos = [...new Set(train.flatMap((s) => s.upos))].sort();
  const deprels = [...new Set(train.flatMap((s) => s.deprels))].sort();
  const prepared: Prepared[] = train.map((sentence) => ({
    sentence,
    codes: sentence.words.map(wordCodes),
    tags: Int32Array.from(sentence.upos, (t) => upos.indexOf(t)),
    labels: Int32Array.from(sentence.deprels, (d) => deprels.indexOf(d)),
    heads: Int32Array.from(sentence.heads),
  }));
  const functional = functionTagSet(upos, FUNCTION_TAGS);
  const random = seededRandom(SEED);
  const words = prepared.reduce((n, p) => n + p.codes.length, 0);

  const tagger = new Perceptron(18, upos.length);
  for (let it = 0; it < ITERATIONS.tagger; it++) {
    let correct = 0;
    for (const p of shuffled(prepared, random)) correct += trainTagger(tagger, p.codes, p.tags);
    log(`tagger iteration ${it + 1}: ${((100 * correct) / words).toFixed(2)}% on train`);
  }
  const frozenTagger = tagger.freeze(0.0005);
  // The parser and labeller train on the tagger's own tags, as they will see them at run time.
  const predicted = prepared.map((p) => tag(frozenTagger, p.codes, upos.length));

  const parser = new Perceptron(21, MOVES);
  for (let it = 0; it < ITERATIONS.parser; it++) {
    let correct = 0;
    for (const i of shuffled([...prepared.keys()], random)) correct += trainParser(parser, prepared[i]!.codes, predicted[i]!, prepared[i]!.sentence.heads, it > 0);
    log(`parser iteration ${it + 1}: UAS ${((100 * correct) / words).toFixed(2)}% on train`);
  }
  const labeller = new Perceptron(17, deprels.length);
  for (let it = 0; it < ITERATIONS.labeller; it++) {
    let correct = 0;
    for (const i of shuffled([...prepared.keys()], random)) correct += trainLabeller(labeller, prepared[i]!.codes, predicted[i]!, prepared[i]!.heads, prepared[i]!.labels, functional);
    log(`labeller iteration ${it + 1}: ${((100 * correct) / words).toFixed(2)}% on train`);
  }

  const bytes = encodeModel(
    {
      format: 'kg-syntax',
      version: 1,
      source: 'Universal Dependencies English Web Treebank v2.15 (train split), Stanford University',
      license: 'CC BY-SA 4.0 (derived from UD English EWT; see data/models/README.md)',
      upos,
      deprels,
      functionTags: FUNCTION_TAGS,
    },
    { tagger: frozenTagger, parser: parser.freeze(0.0005), labeller: labeller.freeze(0.0005) },
  );
  const file = fileURLToPath(MODEL_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  log(`wrote ${file} (${(bytes.length / 1e6).toFixed(2)} MB) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  // Scored through the file just written, so the figures are those of the shipped model.
  const model = decodeModel(bytes, file);
  const result = { dev: score(model, read('dev')), test: score(model, read('test')) };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(ROOT, 'SYNTAX.md'), report(result, bytes.length));
  log('Wrote SYNTAX.md');
}

function report(result: Record<'dev' | 'test', ReturnType<typeof score>>, size: number): string {
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() || 'unknown';
  const row = (name: string, r: ReturnType<typeof score>) => `| ${name} | ${r.sentences} | ${r.words} | ${r.upos.toFixed(2)} | ${r.uas.toFixed(2)} | ${r.las.toFixed(2)} |`;
  return [
    '# Syntax model',
    '',
    `Written by \`npm run train:syntax\` at commit ${commit}. The part-of-speech tagger, dependency parser and`,
    'relation labeller of `src/nlp/syntax/` trained on the train split of UD English EWT v2.15',
    `(\`../shared/treebanks/ud-english-ewt/\`, or \`KG_TREEBANK\`) and shipped as \`data/models/syntax-en-ewt.bin\` (${(size / 1e6).toFixed(2)} MB).`,
    'Scored on gold tokens with predicted tags; punctuation counts; relations without subtypes (`obl:tmod` is `obl`).',
    'The test split is read only for this table.',
    '',
    '| split | sentences | words | UPOS accuracy % | UAS % | LAS % |',
    '|---|---|---|---|---|---|',
    row('dev', result.dev),
    row('test', result.test),
    '',
    `Training: tagger ${ITERATIONS.tagger}, parser ${ITERATIONS.parser}, labeller ${ITERATIONS.labeller} passes over the train split in a fixed`,
    `shuffled order (seed ${SEED}); the same treebank gives the same model file byte for byte.`,
    '',
  ].join('\n');
}

main();
