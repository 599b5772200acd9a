// Attacks told only by their weapon (issue 10), on sentences written for the
// test: each fails without the lexicon pattern it names.
import { describe, expect, it } from 'vitest';
import { graphOf } from '../helpers/extract-text.js';

const attacks = (text: string) => graphOf(text).entitiesOf('Attack');

describe('attacks told by the weapon as the subject of a toll verb', () => {
  it('"a bomb killed three soldiers" is an attack with its toll', () => {
    const found = attacks('A bomb killed three soldiers near Quenmar on Tuesday, officials said.');
    expect(found).toHaveLength(1);
  });

  it('"a grenade wounded" is one as well', () => {
    expect(attacks('A grenade wounded four shoppers in Oldavi on Friday.')).toHaveLength(1);
  });
});

describe('attacks told by a weapon with a participle between it and the toll verb', () => {
  it.each([
    ['a landmine planted near a town', 'Gunmen stormed a hotel in Kirkuk on Monday, killing six guests. In 2019, a landmine planted on a road near Tikrit killed two farmers.', 'Tikrit', 2],
    ['a bomb claimed by a group', 'Gunmen stormed a hotel in Kirkuk on Monday, killing six guests. Last June, a bomb claimed by the Red Hand Front wounded seven people at a bus stop in Mosul.', 'Mosul', 7],
  ])('%s is an attack of its own, placed where the verb says, with its own toll', (_, text, place, toll) => {
    const graph = graphOf(text);
    const found = graph.entitiesOf('Attack');
    expect(found).toHaveLength(2);
    const earlier = found.find((a) => graph.relations().includes(`OCCURRED_IN ${a.name} -> ${place}`))!;
    expect(earlier.attributes.filter((x) => x.key === 'deaths' || x.key === 'injured').map((x) => x.value)).toEqual([toll]);
    const today = found.find((a) => a !== earlier)!;
    expect(today.attributes.filter((x) => x.key === 'deaths').map((x) => x.value)).toEqual([6]);
  });
});

describe('attackers told with modifiers or a relative clause as the subject of a killing', () => {
  it('"an al-Velna suicide bomber killed six" is an attack with its toll', () => {
    const found = attacks('A day before the siege, an al-Velna suicide bomber killed six soldiers at a checkpoint in Kessa, the army said.');
    expect(found.some((a) => a.attributes.some((x) => x.key === 'deaths' && x.value === 6))).toBe(true);
  });

  it('"a gunman who sympathised with the group killed four" is one as well', () => {
    const found = attacks('Gunmen stormed a market in Varno on Friday, killing three people. The attack was the deadliest in Norland since November 2020, when a gunman who sympathised with the Velna Front killed four people in central Kessa before he was shot dead by police.');
    const tolls = found.map((a) => a.attributes.filter((x) => x.key === 'deaths').map((x) => x.value).sort());
    expect(tolls).toContainEqual([3]);
    expect(tolls).toContainEqual([4]);
  });
});
