// "As of" dates: what counts as a date, what was published by one, and an edge cut to known evidence (pure).
import { describe, expect, it } from 'vitest';
import { restrictEdge } from '../../src/export/as-of.js';
import { AsOf, publishedBy } from '../../src/model/time.js';

describe('as of', () => {
  it('takes days, months and years that exist, and nothing else', () => {
    for (const ok of ['2024', '2024-02', '2024-02-29']) expect(AsOf.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['2023-02-29', '2024-13', '24-01-01', 'yesterday', '2024-1-5']) expect(AsOf.safeParse(bad).success, bad).toBe(false);
  });

  it('counts a document as out by a date as far as the date goes; undated ones are not', () => {
    expect(publishedBy('2024-03-24', '2024-03-24')).toBe(true);
    expect(publishedBy('2024-03-25', '2024-03-24')).toBe(false);
    expect(publishedBy('2024-03-31', '2024-03')).toBe(true);
    expect(publishedBy('2024-04-01', '2024-03')).toBe(false);
    expect(publishedBy('2023-12-31', '2024')).toBe(true);
    expect(publishedBy(null, '2030')).toBe(false);
    expect(publishedBy('unknown', '2030')).toBe(false);
  });

  it('keeps only the evidence of known documents on an edge, in step across its lists', () => {
    const edge = {
      source: 'a', target: 'b', type: 'CLAIMED', confidence: 0.8, count: 3, evidence: ['one', 'two', 'three'], evidenceDocs: ['d1', 'd2', 'd1'], docs: ['d1', 'd2'],
      properties: { evidencePages: [0, 2, 0], evidence: ['one', 'two', 'three'], evidenceDocs: ['d1', 'd2', 'd1'], evidenceStarts: [0, 5, 9], evidenceEnds: [3, 8, 14], docs: ['d1', 'd2'], count: 3 },
    };
    const cut = restrictEdge(edge, new Set(['d1']))!;
    expect(cut).toMatchObject({ evidence: ['one', 'three'], evidenceDocs: ['d1', 'd1'], docs: ['d1'], count: 2 });
    expect(cut.properties).toMatchObject({ evidencePages: [0, 0], evidenceStarts: [0, 9], evidenceEnds: [3, 14], count: 2 });
    expect(restrictEdge(edge, new Set(['d3']))).toBeNull();
  });
});
