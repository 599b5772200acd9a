// Extraction results cross from worker threads to the main thread as a tape of numbers and a string table: what
// comes out must be what went in, field for field and key for key, for every kind of document kg extracts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/bench/corpus.js';
import { prepareArticle, type Article } from '../../src/ingest/index.js';
import { ArticleExtractor, type ExtractionOutcome } from '../../src/pipeline/extractor.js';
import { decodeOutcomes, encodeOutcomes } from '../../src/pipeline/outcome-tape.js';

const seeds = join(import.meta.dirname, '../../seeds');
const extractor = new ArticleExtractor();

/** The trip a worker's message makes: the tape's buffer is transferred, the strings cloned. */
function viaThreads(outcomes: ExtractionOutcome[]): ExtractionOutcome[] {
  const tape = encodeOutcomes(outcomes);
  return decodeOutcomes(structuredClone(tape, { transfer: [tape.tape.buffer] }));
}

/** JSON that keeps key order and spells out Maps and Sets, so two results compare byte for byte. */
const bytes = (outcomes: ExtractionOutcome[]) => JSON.stringify(outcomes, (_key, value: unknown) => (value instanceof Map ? [...value] : value instanceof Set ? [...value] : value === undefined ? '(undefined)' : value));

describe('outcome tape', () => {
  const articles: Article[] = [
    ...readdirSync(seeds).map((f) => prepareArticle({ source: f, format: 'text', content: readFileSync(join(seeds, f), 'utf8') })),
    ...[...generateCorpus(300, 5)].map((a) => prepareArticle({ source: a.name, format: 'text', content: a.text })),
  ];
  const outcomes = articles.map((a) => extractor.tryExtract(a));

  it('gives back every extraction as extracted: same fields, values, key order and undefined fields', () => {
    const attacks = outcomes.flatMap((o) => (o.ok ? [...o.extraction.entities.values()].filter((e) => e.attack) : []));
    expect(attacks.length, 'the corpus has attacks, with their facts and name ranks').toBeGreaterThan(50);
    expect(attacks.some((e) => e.attributes.some((a) => a.sentence !== undefined || a.qualifier !== undefined)), 'and casualty figures with optional fields').toBe(true);
    const back = viaThreads(outcomes);
    expect(back).toStrictEqual(outcomes);
    expect(bytes(back)).toBe(bytes(outcomes));
  });

  it('keeps failures and their reasons in place among the extractions', () => {
    const mixed: ExtractionOutcome[] = [outcomes[0]!, { ok: false, reason: 'the text could not be read' }, outcomes[1]!, { ok: false, reason: 'the text could not be read' }];
    expect(viaThreads(mixed)).toStrictEqual(mixed);
    expect(viaThreads([])).toStrictEqual([]);
  });

  it('refuses a field it cannot carry instead of dropping it', () => {
    const first = outcomes.find((o) => o.ok && [...o.extraction.entities.values()].some((e) => e.attributes.length > 0))!;
    if (!first.ok) throw new Error('no extraction with attributes');
    const entity = [...first.extraction.entities.values()].find((e) => e.attributes.length > 0)!;
    const odd = structuredClone(first);
    if (!odd.ok) throw new Error('unreachable');
    odd.extraction.entities.get(entity.ref)!.attributes[0] = { ...entity.attributes[0]!, flagged: true } as never;
    expect(() => encodeOutcomes([odd])).toThrow(/"flagged" is not a number, string or list of strings/);
  });
});
