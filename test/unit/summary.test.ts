// When the viewer summarises, how it checks its options, and how the page words and counts what a summary hides.
import { describe, expect, it } from 'vitest';
import { needsSummary, resolveSummaryOptions, thresholdOf } from '../../src/server/summary.js';
import { combineHits, describeEntity, describeSummary, notShown } from '../../web/src/summary/utils.js';

describe('the summary threshold', () => {
  it.each([
    [{ entities: 10_000, relationships: 30_000 }, false],
    [{ entities: 10_001, relationships: 0 }, true],
    [{ entities: 50, relationships: 30_001 }, true],
  ])('%o needs a summary: %s', (size, expected) => {
    expect(needsSummary(size, resolveSummaryOptions())).toBe(expected);
  });

  it('follows the option, relationships at three per entity', () => {
    expect(thresholdOf(resolveSummaryOptions({ above: 40 }))).toEqual({ entities: 40, relationships: 120 });
    expect(needsSummary({ entities: 41, relationships: 0 }, resolveSummaryOptions({ above: 40 }))).toBe(true);
  });

  it('refuses options that cannot work, naming the option', () => {
    expect(() => resolveSummaryOptions({ above: -1 })).toThrow(expect.objectContaining({ name: 'ConfigError', hint: expect.stringContaining('--summary-above') }));
    expect(() => resolveSummaryOptions({ size: 0 })).toThrow(expect.objectContaining({ name: 'ConfigError', hint: expect.stringContaining('--summary-size') }));
    expect(() => resolveSummaryOptions({ size: 2.5 })).toThrow(expect.objectContaining({ name: 'ConfigError' }));
  });
});

describe("the page's words for a summary", () => {
  it('counts what is not shown, never below nothing', () => {
    expect(notShown(12, 5)).toBe(7);
    expect(notShown(3, 4)).toBe(0);
  });

  it('says what the summary stands for and what is shown', () => {
    const text = describeSummary({ entities: 100_000, relationships: 300_000, threshold: { entities: 10_000, relationships: 30_000 }, relationshipsOf: {} }, { entities: 1000, relationships: 62 });
    expect(text).toContain('Summary of 100,000 entities and 300,000 relationships');
    expect(text).toContain('1,000 entities and 62 relationships shown');
    expect(text).toContain('search finds any entity');
  });

  it('says how much of an entity is shown', () => {
    expect(describeEntity(40, 12)).toBe('12 of 40 relationships shown; 28 not shown yet.');
    expect(describeEntity(3, 3)).toBe('All its relationships are shown (3).');
  });

  it("puts the store's hits first and adds the page's own without repeats", () => {
    const hit = (id: string) => ({ id, name: id, type: 'Person' });
    expect(combineHits([hit('a'), hit('b')], [hit('b'), hit('c')], 10).map((h) => h.id)).toEqual(['a', 'b', 'c']);
    expect(combineHits([hit('a'), hit('b')], [hit('c')], 2).map((h) => h.id)).toEqual(['a', 'b']);
  });
});
