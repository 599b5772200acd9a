// Inputs that could hang kg, exhaust it or stop a whole run: pipes and devices are refused by name without
// blocking, UTF-16 is read, and text with no sentence breaks or endless repetition is extracted like any other.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleExtractor } from '../../src/pipeline/index.js';
import { prepareArticle, readInput } from '../../src/ingest/index.js';
import { MAX_NAME_CHARS } from '../../src/model/extraction.js';
import { splitSentences } from '../../src/nlp/index.js';
import { MAX_SENTENCE_CHARS } from '../../src/nlp/sentences.js';
import { runKg } from '../helpers/run-kg.js';

const dir = mkdtempSync(join(tmpdir(), 'kg-bounded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pipeline = new ArticleExtractor();

const STORY = 'Flood in Dhaka\n\nA flood killed 12 people in Dhaka on Friday, officials said.\n';

describe('file inputs', () => {
  it('refuses a FIFO named .txt and a device by name, without blocking, and reads the rest', async () => {
    const folder = join(dir, 'odd');
    execFileSync('mkdir', ['-p', folder]);
    execFileSync('mkfifo', [join(folder, 'pipe.txt')]);
    writeFileSync(join(folder, 'story.txt'), STORY);
    const run = await runKg(['extract', folder, '/dev/zero', '--format', 'table']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/pipe\.txt: this is a named pipe \(FIFO\), not a file/);
    expect(run.stderr).toMatch(/\/dev\/zero: this is a device, not a file/);
    expect(run.stdout).toMatch(/^1 documents/);
    expect(run.stdout).toContain('Dhaka');
  });

  it.each([
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(STORY, 'utf16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(STORY, 'utf16le').swap16()])],
  ])('decodes %s text with its byte-order mark', async (encoding, bytes) => {
    const file = join(dir, `${encoding}.txt`);
    writeFileSync(file, bytes);
    const result = await readInput(file);
    expect(result.ok && result.article.content).toBe(STORY);
  });
});

describe('pathological text', () => {
  const words = ['the', 'Harbour', 'said', 'boats', 'in', 'Tromso', 'and', 'ferry', 'Nordic', 'of'];
  const runOn = (count: number) => Array.from({ length: count }, (_, i) => words[(i * 7 + (i >> 3)) % words.length]).join(' ');

  it('cuts a line with no sentence break into sentences of bounded length that keep their offsets', () => {
    const text = `Headline of a long page\n\n${runOn(60_000)}`;
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(text.length / MAX_SENTENCE_CHARS);
    for (const s of sentences) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('extracts an article that names one place tens of thousands of times', () => {
    const text = `Storm in Oslo\n\n${'In Oslo, police said boats in Oslo and Oslo were lost. '.repeat(50_000)}`;
    const graph = pipeline.extractCorpus([prepareArticle({ source: 'storm.txt', format: 'text', content: text })]);
    const oslo = graph.entities.find((e) => e.name === 'Oslo');
    expect(oslo?.mentions.length).toBeGreaterThanOrEqual(150_000);
  });

  it('leaves out a "name" longer than any name, and keeps the rest of the article', () => {
    const name = Array.from({ length: 1800 }, (_, i) => ['Alba', 'Borin', 'Cato', 'Dusk', 'Erin'][(i * 3) % 5]).join(' ');
    const text = `Bombing in Lagos\n\nThe ${name} Brigade claimed the bombing of a market in Lagos on Monday, police said.\n`;
    const graph = pipeline.extractCorpus([prepareArticle({ source: 'lagos.txt', format: 'text', content: text })]);
    expect(graph.entities.length).toBeGreaterThan(0);
    for (const e of graph.entities) {
      expect(e.name.length).toBeLessThanOrEqual(MAX_NAME_CHARS);
      for (const alias of e.aliases) expect(alias.length).toBeLessThanOrEqual(MAX_NAME_CHARS);
    }
    expect(graph.entities.map((e) => e.name)).toContain('Lagos');
  });
});
