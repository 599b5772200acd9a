// Entities, attacks and casualty figures on sentences written for the test.
import { describe, expect, it } from 'vitest';
import { graphOf } from '../helpers/extract-text.js';

describe('entities', () => {
  it('strips titles and resolves short forms to the full name', () => {
    const graph = graphOf('Nigerian President Bola Tinubu visited the site. Tinubu promised help.');
    const people = graph.entitiesOf('Person');
    expect(people.map((p) => p.name)).toEqual(['Bola Tinubu']);
    expect(people[0]!.mentions).toHaveLength(2);
  });

  it('reads demonyms and government metonyms as their country', () => {
    const graph = graphOf('The Kremlin said Russian forces were ready. Ukrainian officials disagreed.');
    expect(graph.entity('Russia', 'Country')?.aliases).toContain('Kremlin');
    expect(graph.entity('Ukraine', 'Country')).toBeDefined();
  });

  it('tells a capital that is a place from one that acts', () => {
    const graph = graphOf('A bomb exploded in Kabul. Kabul has denied any role in the bombing.');
    expect(graph.entity('Kabul', 'Location')).toBeDefined();
    expect(graph.entity('Afghanistan', 'Country')).toBeDefined();
  });

  it('knows group aliases and merges them', () => {
    const graph = graphOf('ISKP is also called ISIS-K. The Islamic State Khorasan Province grew.');
    expect(graph.entitiesOf('Group').map((g) => g.name)).toEqual(['Islamic State Khorasan Province']);
  });
});

describe('attacks', () => {
  it('finds a described attack with its kind, place, date and casualties', () => {
    const graph = graphOf('Gunmen stormed a hotel in Mogadishu on 5 May 2023. The hotel siege in Mogadishu left 21 dead and 40 injured.');
    const attacks = graph.entitiesOf('Attack');
    expect(attacks).toHaveLength(1);
    const figures = attacks[0]!.attributes.filter((a) => a.key === 'deaths' || a.key === 'injured').map((a) => `${a.key}=${a.value}`);
    expect(figures.sort()).toEqual(['deaths=21', 'injured=40']);
    expect(attacks[0]!.attributes.find((a) => a.key === 'date')?.value).toBe('2023-05-05');
  });

  it('places an attack told with a clause of what it did, and keeps a plural that is one event', () => {
    const graph = graphOf('Hamas claimed responsibility for twin bombings that killed 14 people at a bus station in the Israeli city of Beersheba.');
    const [attack] = graph.entitiesOf('Attack');
    expect(attack?.attributes.find((a) => a.key === 'deaths')?.value).toBe(14);
    expect(graph.relations()).toEqual(expect.arrayContaining([`CLAIMED Hamas -> ${attack!.name}`, `OCCURRED_IN ${attack!.name} -> Beersheba`]));
    expect(attack!.aliases.every((a) => !/ (?:of|in|for)$/.test(a))).toBe(true);
  });

  it('counts the dead, not the attackers, and dates a clause from "DATE, when"', () => {
    const graph = graphOf('It was the worst attack since March 2004, when ten militants killed 191 people in train bombings in Madrid.');
    const madrid = graph.entitiesOf('Attack').find((a) => a.name.includes('Madrid'));
    expect(madrid?.attributes.filter((a) => a.key === 'deaths').map((a) => a.value)).toEqual([191]);
    expect(madrid?.attributes.find((a) => a.key === 'date')?.value).toBe('2004-03');
  });

  it('reads a headline verb as a verb, and ties a venue named after a city to the city', () => {
    const graph = graphOf('Al-Shabaab claims Nairobi Mall attack\n\nAl-Shabaab claimed responsibility for the attack on a shopping mall in Nairobi.');
    const attacks = graph.entitiesOf('Attack');
    expect(attacks).toHaveLength(1);
    expect(attacks[0]!.name).not.toMatch(/claims/i);
    expect(graph.relations()).toContain(`CLAIMED al-Shabaab -> ${attacks[0]!.name}`);
  });

  it('does not take a performer or a qualified country for the attacker or the place', () => {
    const graph = graphOf('A gunman opened fire at a concert by Canadian singer Justin Bieber in Lyon, killing three people. The shooting in Lyon shocked France.');
    const [attack] = graph.entitiesOf('Attack');
    expect(graph.relations().filter((r) => r.startsWith('CARRIED_OUT'))).toEqual([]);
    expect(graph.relations()).not.toContain(`OCCURRED_IN ${attack!.name} -> Canada`);
  });

  it('tells one event from a verb and a noun in one sentence, and places it by the noun', () => {
    const graph = graphOf('Mosque attack\n\nBAMA, Nigeria (Reuters) - Two suicide bombers killed at least 18 people and wounded 25 others in an attack on a mosque in the town of Gwoza in Borno state.');
    const attacks = graph.entitiesOf('Attack');
    expect(attacks).toHaveLength(1);
    expect(attacks[0]!.name).toMatch(/Gwoza/);
    expect(attacks[0]!.attributes.filter((a) => a.key === 'deaths' || a.key === 'injured').map((a) => `${a.key}=${a.value}`).sort()).toEqual(['deaths=18', 'injured=25']);
  });

  it('finds an attack told only by what the attackers did, at a venue a band played', () => {
    const graph = graphOf('At the Paradiso club, gunmen killed 12 people during a show by the British band Pulp.');
    const [attack] = graph.entitiesOf('Attack');
    expect(attack?.attributes.find((a) => a.key === 'deaths')?.value).toBe(12);
    expect(graph.entity('Paradiso', 'Location')).toBeDefined();
    expect(graph.relations()).not.toContain(`OCCURRED_IN ${attack!.name} -> United Kingdom`);
  });

  it('reads a lake or a mountain named after a country or town as a place of its own', () => {
    const graph = graphOf('The army struck militants near Lake Victoria and on Mount Kenya.');
    expect(graph.entity('Lake Victoria', 'Location')).toBeDefined();
    expect(graph.entity('Mount Kenya', 'Location')).toBeDefined();
    expect(graph.entity('Kenya', 'Country')).toBeUndefined();
  });

  it("does not count the attackers' own dead as the attack's toll", () => {
    const [attack] = graphOf('The shooting at a mall in Nairobi killed 9 people. Police said three gunmen died.').entitiesOf('Attack');
    expect(attack!.attributes.filter((a) => a.key === 'deaths').map((a) => a.value)).toEqual([9]);
  });

  it('finds a rocket strike in a region the gazetteer knows', () => {
    const graph = graphOf('A rocket strike on a village in the Golan Heights killed 12 children on Saturday.');
    const [attack] = graph.entitiesOf('Attack');
    expect(attack?.attributes.find((a) => a.key === 'deaths')?.value).toBe(12);
    expect(graph.relations()).toContain(`OCCURRED_IN ${attack!.name} -> Golan Heights`);
  });

  it('knows a person by a stated age', () => {
    const graph = graphOf('Police named the driver as 31-year-old Anis Lahouaiej. His brother, Tarik Haddad, 27, was questioned, as was Emil Varga, a 19-year-old student.');
    expect(graph.entitiesOf('Person').map((p) => p.name).sort()).toEqual(['Anis Lahouaiej', 'Emil Varga', 'Tarik Haddad']);
  });

  it.each([
    ['the death toll rose to 37', 'The suicide bombing in Karachi was the worst this year. The death toll rose to 37, officials said.', 37],
    ['more than N people were killed', 'More than 200 people were killed in the Kerch bridge bombing.', 200],
    ['nearly N lives', 'The twin blasts in Quetta claimed nearly sixty lives.', 60],
  ])('reads casualties: %s', (_what, text, deaths) => {
    const attack = graphOf(text).entitiesOf('Attack')[0];
    expect(attack?.attributes.find((a) => a.key === 'deaths')?.value).toBe(deaths);
  });

  it('ignores talk of attacks in general', () => {
    const graph = graphOf('Officials fear further attacks in Europe. The group has carried out numerous attacks. An attack in Germany is possible.');
    expect(graph.entitiesOf('Attack')).toEqual([]);
  });

  it('refers "the attack" back to the attack last spoken of', () => {
    const graph = graphOf('The bombing of a mosque in Peshawar shocked Pakistan. The attack was claimed by the Islamic State.');
    expect(graph.entitiesOf('Attack')).toHaveLength(1);
    expect(graph.relations()).toContain(`CLAIMED Islamic State -> ${graph.entitiesOf('Attack')[0]!.name}`);
  });

  it('keeps two attacks apart when their years differ', () => {
    const graph = graphOf('The theater siege in Moscow in 2002 killed 130 people. The concert hall attack in Moscow this year was worse.');
    expect(graph.entitiesOf('Attack')).toHaveLength(2);
  });

  it('resolves one attack across articles that describe it differently, keeping each report', () => {
    const graph = graphOf('The hotel bombing in Mogadishu killed 21 people.', 'At least 25 died in the Mogadishu attack, police said.');
    const attacks = graph.entitiesOf('Attack');
    expect(attacks).toHaveLength(1);
    const deaths = attacks[0]!.attributes.filter((a) => a.key === 'deaths');
    expect(deaths.map((d) => d.value).sort()).toEqual([21, 25]);
    expect(new Set(deaths.map((d) => d.doc)).size).toBe(2);
  });

  it('gives an attack the same id whichever articles are read with it', () => {
    const alone = graphOf('At least 25 died in the Mogadishu attack, police said.').entitiesOf('Attack')[0]!.id;
    const together = graphOf('The hotel bombing in Mogadishu killed 21 people.', 'At least 25 died in the Mogadishu attack, police said.').entitiesOf('Attack')[0]!.id;
    expect(together).toBe(alone);
  });
});
