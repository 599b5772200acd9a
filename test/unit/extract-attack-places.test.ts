// Where an attack happened and what it was aimed at (issue 10), on sentences written for the test: each test
// fails without the mechanism it names.
import { describe, expect, it } from 'vitest';
import { graphOf } from '../helpers/extract-text.js';

const occurredIn = (text: string) => graphOf(text).relations().filter((r) => r.startsWith('OCCURRED_IN '));

describe('OCCURRED_IN: the places the text gives, at the level it gives them', () => {
  it('a country the text does not name for the attack is no OCCURRED_IN, although the gazetteer places the city in it', () => {
    const relations = occurredIn('Kenya has tightened security this year. A car bomb exploded outside a bank in Nairobi on Monday, wounding six people.');
    expect(relations.some((r) => r.endsWith('-> Nairobi'))).toBe(true);
    expect(relations.filter((r) => r.endsWith('-> Kenya'))).toEqual([]);
  });

  it('a country the text names beside the city is one', () => {
    const relations = occurredIn('A car bomb exploded outside a bank in Kandahar, Afghanistan, on Monday, wounding six people.');
    expect(relations.some((r) => r.endsWith('-> Afghanistan'))).toBe(true);
  });

  it('an address goes on through a place whose name begins with a compass word ("North Dakota")', () => {
    const relations = occurredIn('Vandals set fire to a grain silo in Minot, North Dakota, United States, early on Sunday.');
    expect(relations).toEqual(expect.arrayContaining([expect.stringMatching(/-> Minot$/), expect.stringMatching(/-> North Dakota$/), expect.stringMatching(/-> United States$/)]));
  });

  it('a demonym standing for a person ("owned by a Somali-Canadian") does not place the attack', () => {
    const relations = occurredIn('Arsonists set fire to a grocery owned by a Somali-Canadian in Winnipeg last night.');
    expect(relations.some((r) => r.endsWith('-> Winnipeg'))).toBe(true);
    expect(relations.filter((r) => r.endsWith('-> Somalia'))).toEqual([]);
  });
});

describe('attack names', () => {
  it('a verb phrase ("set fire to") is never the name or an alias of the attack', () => {
    const [attack] = graphOf('Unknown men set fire to a bus depot in Gdansk on Friday.').entitiesOf('Attack');
    expect(attack).toBeDefined();
    expect([attack!.name, ...attack!.aliases]).not.toContain('set fire to');
  });
});
