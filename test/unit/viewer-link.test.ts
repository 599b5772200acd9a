// The viewer's link and filters (pure): the "as of" date, the brushed days and the steps survive a round trip
// through the URL, odd values in a link are dropped, and the day range keeps only the attacks dated within it.
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { visibility } from '../../web/src/filters.js';
import { readState, writeState } from '../../web/src/url-state.js';
import { initialView, replacesView, withAsOf, withFilters, withStep, type ViewState } from '../../web/src/view-state.js';

describe('the link', () => {
  it('keeps the "as of" date, the brushed days and every kind of step', () => {
    const view: ViewState = withFilters(withAsOf({ ...initialView, selected: 'group/x' }, '2034-03-07'), { dateFrom: '2034-03-01', dateTo: '2034-09-30' });
    const built = withStep(withStep(withStep(view, { case: 'coast attacks' }), { expand: 'group/x' }), { cypher: 'MATCH (n) RETURN n', add: true });
    expect(readState(writeState(built))).toEqual(built);
    expect(writeState(built)).toContain('asOf=2034-03-07');
    expect(readState(writeState(withAsOf(built, undefined))).asOf).toBeUndefined();
  });

  it('drops dates and steps it cannot use', () => {
    const state = readState('#asOf=yesterday&dateFrom=2034-3-1&dateTo=2034-09-30&steps=[{"case":3},{"cypher":"RETURN 1"},{"expand":"a"}]');
    expect(state.asOf).toBeUndefined();
    expect(state.dateFrom).toBeUndefined();
    expect(state.dateTo).toBe('2034-09-30');
    expect(state.steps).toEqual([{ expand: 'a' }]);
  });

  it('a case or a replacing query starts the steps over', () => {
    expect(replacesView({ case: 'c' })).toBe(true);
    expect(replacesView({ cypher: 'q', add: false })).toBe(true);
    expect(replacesView({ cypher: 'q', add: true })).toBe(false);
    expect(withStep(withStep(initialView, { expand: 'a' }), { case: 'c' }).steps).toEqual([{ case: 'c' }]);
  });
});

describe('the brushed days', () => {
  it('keep the attacks dated within them, the last day whole, and leave other entities alone', () => {
    const graph = new MultiDirectedGraph();
    graph.addNode('attack/march', { type: 'Attack', date: '2034-03-04' });
    graph.addNode('attack/september', { type: 'Attack', date: '2034-09-12' });
    graph.addNode('attack/november', { type: 'Attack', date: '2034-11-20' });
    graph.addNode('attack/reported', { type: 'Attack', reports: [{ key: 'date', value: '2034-06-01' }] });
    graph.addNode('attack/year-only', { type: 'Attack', year: 2034 });
    graph.addNode('attack/undated', { type: 'Attack' });
    graph.addNode('group/g', { type: 'Group' });
    const shown = (from?: string, to?: string) => [...visibility(graph, withFilters({ ...initialView, hideIsolated: false }, { dateFrom: from, dateTo: to })).nodes].sort();
    expect(shown('2034-03-04', '2034-09-12')).toEqual(['attack/march', 'attack/reported', 'attack/september', 'group/g']);
    expect(shown('2034-03-05', undefined)).toEqual(['attack/november', 'attack/reported', 'attack/september', 'group/g']);
    // A year alone stands at its first day, as the timeline draws it.
    expect(shown('2034-01-01', '2034-01-01')).toEqual(['attack/year-only', 'group/g']);
    expect(shown()).toHaveLength(7);
  });
});
