// An older attack an article recalls in a sentence of background (issue 10), on sentences written for the test: it
// is an attack of its own with its own toll and place, and lends neither to the attack the article reports.
import { describe, expect, it } from 'vitest';
import { graphOf, type Graph } from '../helpers/extract-text.js';
import type { EntityRecord } from '../../src/model/extraction.js';

const TODAY = 'A suicide bomber blew himself up at a bus depot in Kirkuk on Monday, killing six people.';
const deaths = (attack: EntityRecord) => attack.attributes.filter((a) => a.key === 'deaths').map((a) => a.value);
const placesOf = (graph: Graph, attack: EntityRecord) => graph.relations().filter((r) => r.startsWith(`OCCURRED_IN ${attack.name} -> `)).map((r) => r.split(' -> ')[1]);

describe('an earlier attack the sentence measures today\'s from ("since")', () => {
  it.each([
    ['a verb right after "since", in the same city', `${TODAY} It was the deadliest attack in Kirkuk since a car bomb killed 20 shoppers at a market in Kirkuk in March.`, 20, 'Kirkuk'],
    ['a verb right after "since", in another city', `${TODAY} It was the deadliest attack in the country since a bomb killed 20 shoppers at a market in Mosul in May.`, 20, 'Mosul'],
    ['a clause that "since" and a date open with "when"', `${TODAY} The attack was the deadliest in Iraq since February 2015, when a gunman killed two people at a cafe and outside a church in Mosul.`, 2, 'Mosul'],
  ])('%s: two attacks, each with its own toll and place', (_, text, toll, place) => {
    const graph = graphOf(text);
    const found = graph.entitiesOf('Attack');
    expect(found).toHaveLength(2);
    const today = found.find((a) => deaths(a).includes(6))!;
    const earlier = found.find((a) => a !== today)!;
    expect(deaths(today)).toEqual([6]);
    expect(deaths(earlier)).toEqual([toll]);
    expect(placesOf(graph, earlier)).toContain(place);
    expect(placesOf(graph, today)).toEqual(['Kirkuk']);
  });

  it.each([
    ['"since the attack" refers back to the attack told', `${TODAY} Shops in Kirkuk have stayed shut since the attack.`],
    ['an anniversary ("five years since") tells the attack itself', 'Hundreds gathered in Kirkuk on Friday to mark five years since a bomb ripped through a bus in the city, killing six people.'],
  ])('%s: one attack', (_, text) => {
    expect(graphOf(text).entitiesOf('Attack')).toHaveLength(1);
  });
});

describe('an earlier attack told by its verb in a year of its own', () => {
  it('"In 2022, a man shot dead three people in a shopping centre" is an attack named after its venue, with its toll', () => {
    const found = graphOf(`${TODAY} In 2022, a man shot dead three people in a shopping centre in the capital.`).entitiesOf('Attack');
    expect(found).toHaveLength(2);
    const earlier = found.find((a) => !deaths(a).includes(6))!;
    expect(earlier.name).toBe('shopping centre shooting');
    expect(deaths(earlier)).toEqual([3]);
  });
});

describe('where an attack told by its verb was: not where its subject came from', () => {
  it('"a man from the nearby town of X opened fire in Y" is one attack, in Y', () => {
    const graph = graphOf('The gunman, a farmer from the nearby town of Tikrit, opened fire at a wedding in Kirkuk on Saturday, killing four guests.');
    const found = graph.entitiesOf('Attack');
    expect(found).toHaveLength(1);
    expect(placesOf(graph, found[0]!)).toEqual(['Kirkuk']);
  });
});

describe('where an attack told by its verb was: its own clause, not the sentence around it', () => {
  it.each([
    ['a relative clause ("the rebels who it says shelled a camp outside X")', 'Kenya expelled a diplomat in Nairobi on Tuesday, accusing the rebels who it says shelled a camp outside Mombasa on Monday, killing 16 people.', 'Mombasa', 'Nairobi'],
    ['a clause opened by "that"', 'Officials in Nairobi on Tuesday named the group that bombed a market in Mombasa on Monday, killing 16 people.', 'Mombasa', 'Nairobi'],
  ])('%s', (_, text, place, elsewhere) => {
    const relations = graphOf(text).relations().filter((r) => r.startsWith('OCCURRED_IN '));
    expect(relations.some((r) => r.endsWith(`-> ${place}`))).toBe(true);
    expect(relations.filter((r) => r.endsWith(`-> ${elsewhere}`))).toEqual([]);
  });
});

describe('an attack noun whose toll follows a comma', () => {
  it('"a roadside bomb struck an army truck in March, killing three soldiers near X" is an attack placed at X, with its toll', () => {
    const graph = graphOf(`${TODAY} A roadside bomb struck an army truck in March, killing three soldiers near Tikrit.`);
    const found = graph.entitiesOf('Attack');
    expect(found).toHaveLength(2);
    const earlier = found.find((a) => placesOf(graph, a).includes('Tikrit'))!;
    expect(deaths(earlier)).toEqual([3]);
  });
});

describe('an undated article that measures time from a dated older attack', () => {
  const text = 'A suicide bomber struck a bus carrying students in Tarsk on Monday, killing nine. The Varan Liberation Front claimed responsibility for this cowardly act, which came ten years after the 2012 market massacre in the same city.';

  it('"a suicide bomber struck" tells the attack', () => {
    expect(graphOf('A suicide bomber struck a market in Tarsk on Monday, killing six.').entitiesOf('Attack').map(deaths)).toEqual([[6]]);
  });

  it('the older attack lends neither its name nor its year to the undated one, which keeps its toll and claim', () => {
    const graph = graphOf(text);
    const today = graph.entitiesOf('Attack').find((a) => deaths(a).includes(9))!;
    expect(today.attributes.filter((a) => a.key === 'date' || a.key === 'kind').map((a) => a.value)).toEqual(['attack']);
    expect(graph.relations()).toContain(`CLAIMED Varan Liberation Front -> ${today.name}`);
  });
});
