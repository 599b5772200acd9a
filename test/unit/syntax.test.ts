// The shipped tagger and parser on sentences written for these tests, kg's tokens regrouped as UD expects,
// and the model file refusing damage with an error that names the file and the rebuild command.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tokenize } from '../../src/nlp/tokenize.js';
import { MODEL_FILE, parseSentence, parseWords, syntaxModel } from '../../src/nlp/syntax/index.js';
import { decodeModel, readModel, SyntaxModelError } from '../../src/nlp/syntax/model.js';

const parsed = (text: string) => {
  const tokens = tokenize(text);
  return { words: tokens.map((t) => t.text), ...parseSentence(tokens) };
};
/** The dependent of `head` with relation `deprel`, as text. */
const dependent = (p: ReturnType<typeof parsed>, head: string, deprel: string) =>
  p.words.find((_, i) => p.deprel[i] === deprel && p.words[p.head[i]!] === head);

describe('syntax model', () => {
  it('tags and parses subject and object of a verb', () => {
    const p = parsed('Gunmen attacked a police convoy near the river on Tuesday.');
    expect(p.upos[p.words.indexOf('attacked')]).toBe('VERB');
    expect(dependent(p, 'attacked', 'nsubj')).toBe('Gunmen');
    expect(dependent(p, 'attacked', 'obj')).toBe('convoy');
    expect(p.deprel[p.words.indexOf('attacked')]).toBe('root');
  });

  it('finds the agent of a passive verb through "by"', () => {
    const p = parsed('The raid was carried out by a little-known militia.');
    expect(dependent(p, 'carried', 'nsubj')).toBe('raid');
    expect(dependent(p, 'carried', 'obl')).toBe('militia');
    expect(dependent(p, 'militia', 'case')).toBe('by');
  });

  it('links coordinated names and appositions', () => {
    const p = parsed('Police arrested Tomas Verlaine and Ada Quist, two brothers from the coast.');
    // Which word of a two-word name heads it (flat or compound) varies in the treebank; the name's head is its
    // word attached outside it.
    const head = (first: string, second: string) => {
      const a = p.words.indexOf(first);
      const b = p.words.indexOf(second);
      return p.head[a] === b ? second : first;
    };
    const first = head('Tomas', 'Verlaine');
    const second = head('Ada', 'Quist');
    expect(dependent(p, first, 'conj')).toBe(second);
    expect(dependent(p, first, 'appos')).toBe('brothers');
    expect(dependent(p, 'arrested', 'obj')).toBe(first);
  });

  it('gives one root and heads that lead to it from every word', () => {
    for (const text of ['Nobody said anything.', 'The mayor, who was elected in May, warned that the bridge would close if the rains continued.', 'Fire!']) {
      const p = parsed(text);
      expect(p.head.filter((h) => h === -1)).toHaveLength(1);
      p.head.forEach((_, start) => {
        let at = start;
        for (let steps = 0; at !== -1; steps++) {
          expect(steps).toBeLessThan(p.head.length);
          at = p.head[at]!;
        }
      });
    }
  });

  it('regroups kg tokens of contractions into UD words and maps the analysis back', () => {
    const p = parsed("They don't think we're ready.");
    expect(p.words).toEqual(['They', 'don', "'", 't', 'think', 'we', "'", 're', 'ready', '.']);
    expect(p.upos[1]).toBe('AUX');
    expect(p.upos[2]).toBe('PART');
    expect(p.deprel[3]).toBe('goeswith');
    expect(p.head[3]).toBe(2);
    expect(p.words[p.head[2]!]).toBe('think');
    expect(p.upos[6]).toBe('AUX');
    // Without regrouping, "don" and "t" are unknown words and the apostrophe punctuation.
    expect(parseWords(p.words).upos[2]).not.toBe('PART');
  });

  it('gives the same analysis every time', () => {
    const text = 'The group said in a statement that its fighters had shelled the base.';
    expect(parsed(text)).toEqual(parsed(text));
  });
});

describe('syntax model file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-syntax-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const good = readFileSync(MODEL_FILE);
  const refused = (bytes: Buffer | undefined, problem: RegExp) => {
    const file = join(dir, `model-${Math.random().toString(36).slice(2)}.bin`);
    if (bytes) writeFileSync(file, bytes);
    let error: unknown;
    try {
      readModel(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SyntaxModelError);
    const message = `${(error as SyntaxModelError).message} ${(error as SyntaxModelError).hint}`;
    expect(message).toContain(file);
    expect(message).toContain('npm run train:syntax');
    expect(message).toMatch(problem);
  };

  it('loads the shipped model once and checks its header', () => {
    expect(syntaxModel()).toBe(syntaxModel());
    expect(syntaxModel().header.upos).toContain('PROPN');
    expect(decodeModel(good, fileURLToPath(MODEL_FILE)).header.sha256).toBe(syntaxModel().header.sha256);
  });

  it('refuses a missing, truncated, altered or foreign file', () => {
    refused(undefined, /cannot be read/);
    refused(good.subarray(0, good.length - 100), /truncated/);
    const altered = Buffer.from(good);
    altered[altered.length - 10] = altered[altered.length - 10]! ^ 0xff;
    refused(altered, /checksum/);
    refused(Buffer.from('{"format":"something-else"}\n\u0000'), /invalid header/);
    refused(Buffer.from('not a model at all'), /no header/);
  });
});
