// Reading articles: every bad input is refused with its reason; HTML is reduced to its text; rewrites are found.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeArticle, findNearDuplicates, prepareArticle } from '../../src/ingest/index.js';
import { htmlToText } from '../../src/ingest/html-to-text.js';
import { splitSentences } from '../../src/nlp/index.js';
import { runKg } from '../helpers/run-kg.js';

const dir = mkdtempSync(join(tmpdir(), 'kg-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('decodeArticle', () => {
  it.each([
    ['an empty file', new Uint8Array(0), /empty/],
    ['white space only', new TextEncoder().encode('  \n\t '), /white space/],
    ['a binary file', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), /binary/],
    ['invalid UTF-8', Uint8Array.from([0x48, 0x69, 0x20, 0xff, 0xfe, 0x21]), /not valid UTF-8/],
  ])('refuses %s', (_what, bytes, reason) => {
    const result = decodeArticle('x.txt', bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(reason);
      expect(result.error.message).toMatch(/^x\.txt: /);
      expect(result.error.hint).toBeTruthy();
    }
  });

  it('refuses a file over the size limit', () => {
    const result = decodeArticle('big.txt', new Uint8Array(2048).fill(65), 1024);
    expect(result.ok).toBe(false);
  });
});

describe('kg extract on bad inputs', () => {
  it('names each bad file, still extracts the good ones, and exits non-zero', async () => {
    const good = join(dir, 'good.txt');
    writeFileSync(good, 'Al-Shabaab claimed responsibility for the hotel bombing in Mogadishu.');
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x61, 0x74, 0x74, 0x61, 0x63, 0x6b]));
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(21 * 1024 * 1024, 'a'));
    mkdirSync(join(dir, 'nothing-here'), { recursive: true });
    const run = await runKg(['extract', dir, join(dir, 'nothing-here'), join(dir, 'missing.txt')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/empty\.txt: the file is empty/);
    expect(run.stderr).toMatch(/binary\.txt: this (?:is|looks like) a binary file/);
    expect(run.stderr).toMatch(/latin1\.txt: the file is not valid UTF-8/);
    expect(run.stderr).toMatch(/huge\.txt: the file is 21\.0 MB, over the 10 MB limit/);
    expect(run.stderr).toMatch(/nothing-here: the folder holds no articles/);
    expect(run.stderr).toMatch(/missing\.txt: no such file or folder/);
    const output = JSON.parse(run.stdout) as { documents: Array<{ source: string }>; relations: Array<{ type: string }> };
    expect(output.documents.map((d) => d.source)).toEqual(['good.txt']);
    expect(output.relations.map((r) => r.type)).toContain('CLAIMED');
  });

  it('exits with the input error code when nothing could be read', async () => {
    const run = await runKg(['extract', join(dir, 'missing.txt')]);
    expect(run.code).toBe(3);
  });
});

describe('HTML articles', () => {
  const page = `<html><head><title>Site | Blast in Kabul</title><meta property="article:published_time" content="2024-05-02T10:00:00Z">
    <script>alert("x"); var s = "Taliban";</script><style>p { color: red }</style></head>
    <body><nav>Home | World | Hamas</nav><article><h1>Blast in Kabul</h1><p>A bomb exploded in Kabul &amp; killed 5 people.</p>
    <p>The Taliban said the Islamic State was behind it.</p></article><footer>© News Corp</footer></body></html>`;

  it('keeps the article text and drops scripts, styles and chrome', () => {
    const article = htmlToText(page);
    expect(article.title).toBe('Blast in Kabul');
    expect(article.published).toBe('2024-05-02T10:00:00Z');
    expect(article.text).toContain('A bomb exploded in Kabul & killed 5 people.');
    expect(article.text).not.toMatch(/alert|color: red|Home \| World|News Corp/);
  });

  it('gives an HTML article its date and a text-only body', () => {
    const article = prepareArticle({ source: 'page.html', format: 'html', content: page });
    expect(article.published).toBe('2024-05-02');
    expect(article.text.startsWith('Blast in Kabul')).toBe(true);
  });
});

describe('documents', () => {
  it('reads the title and a stated publication date', () => {
    const article = prepareArticle({ source: 'articles/today/a.txt', format: 'text', content: 'NEWS\nBlast hits market in Quetta\n24 March 2024\nA blast hit a market.' });
    expect(article.title).toBe('Blast hits market in Quetta');
    expect(article.published).toBe('2024-03-24');
    expect(article.source).toBe('a.txt');
  });

  it.each([
    ['the day a sentence tells an event by', 'Bus bombed in Tarvos\nOn 14 June 2018, a bomb exploded on a bus in Tarvos, wounding nine.', undefined],
    ['the day after "since"', 'Curfew goes on\nThe town has been under curfew since 3 May 2016, when gunmen stormed its jail.', undefined],
    ['a date a word of publishing introduces', 'Bus bombed in Tarvos\nPosted on 15 June 2018\nOn 14 June 2018, a bomb exploded on a bus in Tarvos.', '2018-06-15'],
    ['a weekday before the day, inside a sentence', 'Bus bombed in Tarvos\nA bomb exploded on a bus in Tarvos on Thursday, 14 June 2018, wounding nine.', undefined],
    ['a day in the run of a sentence', 'Bus bombed in Tarvos\nThe bombing, which happened 14 June 2018, wounded nine.', undefined],
    ['a byline with its writer in lower case', 'Bus bombed in Tarvos\nby Ana Reyes, staff writer, 15 June 2018\nA bomb exploded on a bus in Tarvos.', '2018-06-15'],
  ])('takes as publication date neither an attack\'s day nor any event\'s, only a byline\'s: %s', (_, content, published) => {
    expect(prepareArticle({ source: 'a.txt', format: 'text', content }).published).toBe(published);
  });

  it('normalises quotes and white space, and gives the same text the same id', () => {
    const a = prepareArticle({ source: 'a.txt', format: 'text', content: '\u201CHello\u201D  said   the  official.\r\n' });
    const b = prepareArticle({ source: 'b.txt', format: 'text', content: '"Hello" said the official.' });
    expect(a.text).toBe('"Hello" said the official.');
    expect(a.id).toBe(b.id);
  });

  it('finds a rewritten copy and not an article on the same topic', () => {
    const original = 'Gunmen opened fire at a wedding in Herat province on Sunday, killing eleven guests and wounding dozens, provincial police said. No group has claimed responsibility, but the Taliban blamed Islamic State militants operating near the border.';
    const rewrite = 'On Sunday gunmen opened fire on a wedding in the province of Herat, killing eleven guests and wounding dozens, according to provincial police. The Taliban blamed Islamic State militants near the border; no group claimed responsibility.';
    const other = 'A car bomb exploded outside a ministry in Kabul on Monday, killing four people. The Islamic State claimed the blast through its news agency, and the Taliban promised to hunt the attackers.';
    const found = findNearDuplicates([
      { id: 'original', text: original },
      { id: 'other', text: other },
      { id: 'rewrite', text: rewrite },
    ]);
    expect(found.map((d) => [d.id, d.duplicateOf])).toEqual([['rewrite', 'original']]);
  });
});

describe('sentences', () => {
  it('splits on full stops but not after abbreviations, and keeps offsets', () => {
    const text = 'The U.S. warned Russia. Mr. Smith agreed.\nHeadline without stop\nLast one.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['The U.S. warned Russia.', 'Mr. Smith agreed.', 'Headline without stop', 'Last one.']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('parallel extraction', () => {
  it('gives exactly the output of one thread', async () => {
    const seeds = new URL('../../seeds/', import.meta.url).pathname;
    const one = await runKg(['-q', 'extract', seeds]);
    const two = await runKg(['-q', 'extract', seeds, '--workers', '2']);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });
});
