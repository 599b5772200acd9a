// Which place lies in which (LOCATED_IN), on sentences written for the test: each test fails without the
// mechanism it names.
import { describe, expect, it } from 'vitest';
import { graphOf } from '../helpers/extract-text.js';

const locatedIn = (text: string) => graphOf(text).relations().filter((r) => r.startsWith('LOCATED_IN '));

describe('LOCATED_IN: "the X <kind> of Y"', () => {
  it('a place after "of" named with its own kind is the container, though the gazetteer knows neither', () => {
    expect(locatedIn('Gunmen killed four farmers in the Tarvo district of Kelmar province on Monday.')).toContain('LOCATED_IN Tarvo -> Kelmar');
  });

  it.each([
    ['Gunmen killed four farmers in the Fizi territory of South Kivu province on Monday.', 'LOCATED_IN Fizi -> South Kivu'],
    ['Gunmen killed four herders in the Koro cercle of Mopti region on Monday.', 'LOCATED_IN Koro -> Mopti region'],
    ['Gunmen killed four herders in the Djibasso commune of Kossi province on Monday.', 'LOCATED_IN Djibasso -> Kossi'],
  ])('a territory, cercle or commune named before "of" is a part of the place after it: %s', (text, relation) => {
    expect(locatedIn(text)).toContain(relation);
  });

  it('a neighbourhood of a known city lies in it', () => {
    expect(locatedIn('Police arrested two men in the Tarvo neighbourhood of Quetta on Sunday.')).toContain('LOCATED_IN Tarvo -> Quetta');
  });

  it('a suburb named after "of" lies in the town before the kind word, though the gazetteer knows neither', () => {
    expect(locatedIn('Police arrested two men in the Dorvani suburb of Kelmaro on Sunday.')).toContain('LOCATED_IN Kelmaro -> Dorvani');
  });

  it('an "area of" a place holds only where that place is named as a unit', () => {
    expect(locatedIn('Troops raided houses in the Tarvo area of the Kelmar district.')).toContain('LOCATED_IN Tarvo -> Kelmar');
    expect(locatedIn('Troops raided houses in the Tarvo area of Kelmar.')).toEqual([]);
  });

  it('an unknown word before a settlement kind is an adjective, not a district of the known place', () => {
    expect(locatedIn('Two men were detained in the Tuscan city of Siena.')).toEqual([]);
  });

  it('a demonym read with its kind word ("Mexican state") holds the place after "of" in its country', () => {
    expect(locatedIn('Rebels blew up a bridge in the southern Mexican state of Oaxaca overnight.')).toContain('LOCATED_IN Oaxaca -> Mexico');
  });
});

describe('LOCATED_IN: other shapes of containment', () => {
  it('a possessive holds the place across a hyphened compass word', () => {
    expect(locatedIn('Gunmen ambushed a patrol in Peru\'s south-western Zolvar province on Thursday.')).toContain('LOCATED_IN Zolvar -> Peru');
  });

  it('"in the province of Y" names the container after its kind', () => {
    expect(locatedIn('Militants attacked a police post in Varno, in the province of Herat, on Friday.')).toContain('LOCATED_IN Varno -> Herat');
  });

  it('each place of "X and neighbouring Y" lies in a local government area named after them', () => {
    const relations = locatedIn('The attackers arrived in Kuchina and neighbouring Tobiri, in the Galma local government area, shortly after midnight.');
    expect(relations).toEqual(expect.arrayContaining(['LOCATED_IN Kuchina -> Galma', 'LOCATED_IN Tobiri -> Galma']));
  });

  it('a known place that a hyphened particle goes on from is the head of a longer name, which lies in the possessor', () => {
    const graph = graphOf("A bomb exploded at a mosque in Herat's Kabul-e-Noor area.");
    expect(graph.relations()).toContain('LOCATED_IN Kabul-e-Noor -> Herat');
    expect(graph.entity('Noor')).toBeUndefined();
  });

  it('a Spanish tail ("del Norte") is part of the place name', () => {
    const graph = graphOf('Soldiers arrested two men in Iloilo del Norte on Monday.');
    expect(graph.entity('Iloilo del Norte', 'Location')).toBeDefined();
    expect(graph.entity('Iloilo')).toBeUndefined();
  });

  it('", also in Y state" and "in neighbouring Y state" hold the place before them', () => {
    expect(locatedIn('Gunmen killed five policemen outside Dorvak, also in Kelmar state, on Monday.')).toContain('LOCATED_IN Dorvak -> Kelmar');
    expect(locatedIn('Police arrested four men in the city of Varnu, in neighbouring Tessa state.')).toContain('LOCATED_IN Varnu -> Tessa');
  });

  it('a zone or division named after a place is a unit that holds the place before it', () => {
    expect(locatedIn('Gunmen stormed a school on the outskirts of Zembo, in Kuri division, at midnight.')).toContain('LOCATED_IN Zembo -> Kuri');
    expect(locatedIn('A drone hit a bus station in the town of Tavel Morn, in the Parvo zone, killing 26 people.')).toContain('LOCATED_IN Tavel Morn -> Parvo');
  });

  it('a compass word opening a container\'s name is part of it', () => {
    expect(locatedIn('A bomb went off in the town of Tavel Morn, in the East Parvo zone, on Friday.')).toContain('LOCATED_IN Tavel Morn -> East Parvo');
    expect(locatedIn('Police arrested the leader of a cell in the city of Tarvona, the capital of East Kelmar, and two others.')).toContain('LOCATED_IN Tarvona -> East Kelmar');
  });

  it('a possessive holds each place of the list it opens', () => {
    expect(locatedIn("The conflict in Peru's Zolvar and Tessara regions began in 2016.")).toEqual(expect.arrayContaining(['LOCATED_IN Zolvar -> Peru', 'LOCATED_IN Tessara -> Peru']));
  });

  it('"the X district of Z\'s Y region" holds the district in the region, not the country', () => {
    expect(locatedIn("Shells hit the village of Darvo, in the Kelvan district of Peru's Morvan region, on Monday.")).toContain('LOCATED_IN Kelvan -> Morvan');
  });

  it('"X is the capital of Y" holds X in Y', () => {
    expect(locatedIn('Gunmen attacked a market in the town of Tarvona on Monday. Tarvona is the capital of Kelmar state and has been calm for years.')).toContain('LOCATED_IN Tarvona -> Kelmar');
  });

  it.each([
    ['A rocket hit the Varsel air base in Kelmar province on Monday.', 'LOCATED_IN Varsel -> Kelmar'],
    ['A drone struck the Dorva gas field in the Tarvo region overnight.', 'LOCATED_IN Dorva -> Tarvo'],
    ['Three soldiers died at the Camp 9 outpost in Jordan last week.', 'LOCATED_IN Camp 9 -> Jordan'],
  ])('a site\'s kind written after its name ("air base", "outpost") leaves it in the place after "in": %s', (text, relation) => {
    expect(locatedIn(text)).toContain(relation);
  });

  it('"Y state, one of Z\'s member states" holds Y in Z', () => {
    expect(locatedIn("The bomb went off in Kelmar state, one of Peru's federal member states, on Friday.")).toContain('LOCATED_IN Kelmar -> Peru');
  });
});
