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

describe('an earlier attack told by a verb after "since"', () => {
  it('"the deadliest since a bomb killed 20" adds no attack and no toll to the one reported', () => {
    const found = attacks('A suicide bomber blew himself up at a bus depot in Quenmar on Monday, killing six people. It was the deadliest attack in the country since a bomb killed 20 shoppers at a market in Oldavi in May.');
    expect(found).toHaveLength(1);
    expect(JSON.stringify(found[0])).not.toMatch(/\b20\b/);
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
