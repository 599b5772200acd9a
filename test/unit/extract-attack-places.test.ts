// Where an attack happened and what it was aimed at (issue 10), on sentences written for the test: each test
// fails without the mechanism it names.
import { describe, expect, it } from 'vitest';
import { graphOf } from '../helpers/extract-text.js';

const occurredIn = (text: string) => graphOf(text).relations().filter((r) => r.startsWith('OCCURRED_IN '));

/** The text places an attack at each of `at` and at none of `notAt`. */
function expectPlaced(text: string, at: string[], notAt: string[] = []): void {
  const places = occurredIn(text).map((r) => r.split(' -> ')[1]);
  expect(places).toEqual(expect.arrayContaining(at));
  expect(places.filter((p) => notAt.includes(p!))).toEqual([]);
}

describe('OCCURRED_IN: the places the text gives, at the level it gives them', () => {
  it('a country the text does not name for the attack is no OCCURRED_IN, although the gazetteer places the city in it', () => {
    expectPlaced('Kenya has tightened security this year. A car bomb exploded outside a bank in Nairobi on Monday, wounding six people.', ['Nairobi'], ['Kenya']);
  });

  it('a country the text names beside the city is one', () => {
    expectPlaced('A car bomb exploded outside a bank in Kandahar, Afghanistan, on Monday, wounding six people.', ['Afghanistan']);
  });

  it('an address goes on through a place whose name begins with a compass word ("North Dakota")', () => {
    expectPlaced('Vandals set fire to a grain silo in Minot, North Dakota, United States, early on Sunday.', ['Minot', 'North Dakota', 'United States']);
  });

  it('a demonym that says what country a named place is in ("the Moroccan port of Tangier") leaves the attack at the place', () => {
    expectPlaced('Gunmen attacked a ferry in the Moroccan port of Tangier on Monday, wounding three sailors.', ['Tangier'], ['Morocco']);
  });

  it('a demonym standing for a person ("owned by a Somali-Canadian") does not place the attack', () => {
    expectPlaced('Arsonists set fire to a grocery owned by a Somali-Canadian in Winnipeg last night.', ['Winnipeg'], ['Somalia']);
  });
});

describe('attack names', () => {
  it('a verb phrase ("set fire to") is never the name or an alias of the attack', () => {
    const [attack] = graphOf('Unknown men set fire to a bus depot in Gdansk on Friday.').entitiesOf('Attack');
    expect(attack).toBeDefined();
    expect([attack!.name, ...attack!.aliases]).not.toContain('set fire to');
  });
});

describe('which attacks a text tells', () => {
  const attacks = (text: string) => graphOf(text).entitiesOf('Attack');

  it('"attacks in A and B" took place in both', () => {
    expectPlaced('Nine soldiers were killed in rebel attacks in Kunduz and Baghlan on Tuesday.', ['Kunduz', 'Baghlan']);
  });

  it('"explosions at A and the B" took place at both: "the" before the second place does not end the phrase', () => {
    expectPlaced('Warnings came late for the two explosions at Mill Street and the Quarry Road in Dunmore.', ['Mill Street', 'Quarry Road']);
  });

  it('"some 12 bombs had gone off in X" tells an attack there, apart from one at a street the text told before', () => {
    expectPlaced('The worst explosion was at the Mill Street depot, where four people died. By nightfall some 12 bombs had gone off in Dunmore.', ['Dunmore']);
  });

  it('a colon after an unplaced attack verb starts another statement, whose place is not the event\'s', () => {
    expectPlaced('Investigators still asked what had exploded; police in Kirkuk later found a second device on Palm Street.', [], ['Palm Street', 'Kirkuk']);
  });

  it('"a bomb ripped through X" tells a bombing there', () => {
    expectPlaced('A bomb ripped through a crowded market in Kirkuk on Monday, killing six.', ['Kirkuk']);
  });

  it('"twin bombings" opening a sentence are one event, though "twin" is the lexicon noun\'s own word', () => {
    expect(attacks('Twin bombings hit a bus depot in Basra.')).toHaveLength(1);
  });

  it('"a series of blasts" dated to a day is one event its claim attaches to; "a series of attacks" in recent years is none', () => {
    const graph = graphOf('Published 12 May 2021.\n\nA gunman shot dead two guards at a bank in Basra on Sunday. A series of blasts shook Mosul on Monday, killing nine people. The Red Marsh Front claimed the blasts.');
    const mosul = graph.entitiesOf('Attack').filter((a) => a.name.includes('Mosul'));
    expect(mosul).toHaveLength(1);
    expect(graph.relations()).toEqual(expect.arrayContaining([`OCCURRED_IN ${mosul[0]!.name} -> Mosul`, `CLAIMED Red Marsh Front -> ${mosul[0]!.name}`]));
    expect(attacks('Published 12 May 2021.\n\nA series of attacks in Mosul in recent years killed dozens of people.')).toEqual([]);
  });

  it('a noun after a name after a determiner is no verb: "an attack on the Westfield market in Ghent" is placed', () => {
    expectPlaced('Three people were killed in an attack on the Westfield market in Ghent, Belgium.', ['Ghent']);
  });

  it.each([
    ['an accidental explosion', 'Two militants died in an accidental explosion in a house in Kunduz on Friday.'],
    ['a device that went off by accident', 'The bomb the men were carrying detonated accidentally near a bridge in Zabul.'],
    ['the police shooting a man', 'A man was shot dead by police in Leeds after a chase.'],
    ['a drone that landed', 'A small drone landed on the roof of the ministry in Tokyo on Wednesday.'],
  ])('%s is no attack', (_, text) => {
    expect(attacks(text)).toEqual([]);
  });

  it('a weapon named inside the attack verb ("planted an improvised explosive device (IED)") leaves the place to the verb', () => {
    const found = attacks('Militants planted an improvised explosive device (IED) beside a canal in Zabul, killing two.');
    expect(found).toHaveLength(1);
    expect(occurredIn('Militants planted an improvised explosive device (IED) beside a canal in Zabul, killing two.')).toEqual([`OCCURRED_IN ${found[0]!.name} -> Zabul`]);
  });

  it('"two bombings ... in A and B" are one bombing in each place, and the toll of both is neither\'s', () => {
    const graph = graphOf('On Sunday, two car bombings killed 31 people in Mosul and Tikrit, Iraq.');
    const found = graph.entitiesOf('Attack');
    expect(found).toHaveLength(2);
    const relations = graph.relations();
    const placeOf = (name: string) => relations.filter((r) => r.startsWith(`OCCURRED_IN ${name} -> `) && !r.endsWith('-> Iraq')).map((r) => r.split(' -> ')[1]);
    expect(found.map((a) => placeOf(a.name)).sort()).toEqual([['Mosul'], ['Tikrit']]);
    expect(found.flatMap((a) => a.attributes.filter((x) => x.key === 'deaths'))).toEqual([]);
  });

  it('a count with one place stays one attack', () => {
    expect(attacks('On Sunday, two car bombings killed 31 people in Mosul, Iraq.')).toHaveLength(1);
  });

  it('drones written as one word with their kind ("explosive-drones") are launched too', () => {
    expect(attacks('Rebels launched two explosive-drones at an airport in Abha on Monday.')).toHaveLength(1);
  });
});

describe('TARGETED: what an attack named by a noun was aimed at', () => {
  const targeted = (text: string) => graphOf(text).relations().filter((r) => r.startsWith('TARGETED '));

  it('the passive subject of a damage verb whose agent is the attack ("X was damaged by the attack")', () => {
    expect(targeted('Gunmen attacked a checkpoint in Kandahar on Monday. The Ministry of Interior was damaged by the attack.')).toEqual([expect.stringMatching(/-> Ministry of Interior$/)]);
  });

  it('the object of a damage verb whose subject is the attack ("the blast destroyed X")', () => {
    expect(targeted('A car bomb went off in Mogadishu on Friday. The blast destroyed the Ministry of Education.')).toEqual([expect.stringMatching(/-> Ministry of Education$/)]);
  });

  it('"an attack targeting X", "the bombing was aimed at X": what the attack was meant to hit', () => {
    expect(targeted('Gunmen attacked a convoy in Kirkuk on Monday in an attack targeting the Kirkuk Oil Company.')).toEqual([expect.stringMatching(/-> Kirkuk Oil Company$/)]);
    expect(targeted('A bomb exploded in Kirkuk on Monday. The bombing was aimed at Governor Adil Marwan.')).toEqual([expect.stringMatching(/-> Adil Marwan$/)]);
  });

  it('"the bombing of X" for a body or a person, but not for a place ("the siege of Carver Street")', () => {
    const bombing = graphOf('Two men were convicted in 2004 over the bombing of the Ministry of Finance.');
    const [attack] = bombing.entitiesOf('Attack');
    expect(bombing.relations()).toContain(`TARGETED ${attack!.name} -> Ministry of Finance`);
    expect(targeted('The siege of Carver Street lasted six days.')).toEqual([]);
  });

  it('an attack named by its target is not another attack of the sentence ("the attack in Aden and the bombing of X")', () => {
    const attacks = graphOf('He is suspected over the 2001 attack on a tanker in the port of Aden and the bombing of the Ministry of Finance.').entitiesOf('Attack');
    expect(attacks).toHaveLength(2);
  });
});

describe('which attack a report belongs to, and where it was', () => {
  const attacks = (text: string) => graphOf(text).entitiesOf('Attack');

  it('a verb\'s clause begins after the attack the sentence named before it: the stabbing is not placed in that city', () => {
    const relations = occurredIn('The explosion in Leeds came a day after another attack in Ohio, where a man stabbed six people in a Dayton library.');
    const inLeeds = relations.filter((r) => r.endsWith('-> Leeds'));
    expect(inLeeds).toHaveLength(1);
    expect(relations.some((r) => r.endsWith('-> Dayton') && !inLeeds.some((l) => l.split(' -> ')[0] === r.split(' -> ')[0]))).toBe(true);
  });

  it('the capitalised subject of an attack verb ("We know a bomb exploded") is no name that ties two attacks', () => {
    expect(attacks('Officials said: "We know a bomb exploded in a market in Leeds." Officials said: "We know a bomb exploded in a depot in Bristol."')).toHaveLength(2);
  });

  it('"in the heart of" a capital is the city, not its government', () => {
    expectPlaced('Gunmen attacked a hotel in the heart of Madrid on Sunday, killing four guests.', ['Madrid'], ['Spain']);
  });

  it('"the first attack", "the second bombing" are the attacks a counted plural told, in order, with their own figures', () => {
    const graph = graphOf('On Friday, two car bombings killed 19 people in Mosul and Tikrit, Iraq. The first attack occurred at a campaign dinner for senator Joan Pike and wounded 30. The second bombing hit a bus station and wounded 12.');
    const found = graph.entitiesOf('Attack');
    expect(found).toHaveLength(2);
    const injured = (place: string) => graph.relations().filter((r) => r.startsWith('OCCURRED_IN ') && r.endsWith(`-> ${place}`)).map((r) => r.slice('OCCURRED_IN '.length).split(' -> ')[0]).map((name) => found.find((a) => a.name === name)!.attributes.filter((a) => a.key === 'injured').map((a) => a.value));
    expect(injured('Mosul')).toEqual([[30]]);
    expect(injured('Tikrit')).toEqual([[12]]);
  });

  it('"occurred at" is the attack\'s own verb, no participle: the phrase ends before it', () => {
    const found = attacks('On Friday, two car bombings killed 19 people in Mosul and Tikrit, Iraq. The first attack occurred at a campaign dinner for senator Joan Pike.');
    expect(found.flatMap((a) => [a.name, ...a.aliases]).filter((n) => n.includes('occurred'))).toEqual([]);
  });

  it('"took place in", "occurred in" after the attack say where it was', () => {
    expectPlaced('A car bombing took place in Tikrit on Tuesday, killing three soldiers.', ['Tikrit']);
  });

  it('"the bombing took place in A" is the attack in A of the two the text told, with its own toll', () => {
    const graph = graphOf('On Friday, two car bombings killed 19 people in Mosul and Tikrit, Iraq. The attack in Tikrit was the deadlier. The bombing took place in Mosul at a market, where seven people died.');
    const mosul = graph.relations().find((r) => r.startsWith('OCCURRED_IN ') && r.endsWith('-> Mosul'))!.slice('OCCURRED_IN '.length).split(' -> ')[0];
    expect(graph.entitiesOf('Attack').find((a) => a.name === mosul)!.attributes.filter((a) => a.key === 'deaths').map((a) => a.value)).toEqual([7]);
  });

  it('a site named after a town ("London Bridge") lies in that town, so it is not the bombing in another town of the country', () => {
    const graph = graphOf("Police said the bomber behind the Leeds suicide bombing had a criminal record. The knife attack on London Bridge in the British capital killed three people.");
    expect(graph.entitiesOf('Attack')).toHaveLength(2);
    expect(graph.relations().filter((r) => r.startsWith('OCCURRED_IN ') && r.endsWith('-> Leeds'))).toHaveLength(1);
    expect(graph.relations().filter((r) => r.startsWith('OCCURRED_IN ') && r.endsWith('-> London Bridge'))).toHaveLength(1);
    const leeds = graph.relations().find((r) => r.startsWith('OCCURRED_IN ') && r.endsWith('-> Leeds'))!.split(' -> ')[0];
    expect(graph.relations()).not.toContain(`${leeds} -> London Bridge`);
  });

  it('"a second bombing" with nothing to place it is no attack of its own', () => {
    expect(attacks('A car bomb exploded outside a bank in Kandahar on Monday. Police fear a second bombing.')).toHaveLength(1);
  });
});

describe('an article with no date of its own', () => {
  it('is of the time of the attack its first sentence dates: a later undated report of it is the same attack', () => {
    const found = graphOf('On 27 May 1998 a bomb exploded at a cafe in Tarvos, wounding 12 people. Two days later the bombing in Tarvos was condemned by the council.').entitiesOf('Attack');
    expect(found).toHaveLength(1);
  });
});

describe('OCCURRED_IN: places named only to say where the attack was from', () => {
  it('a country whose border the attack was near does not place it', () => {
    expectPlaced('A man stabbed two guards in Zarvik, near the Libyan border, on Monday.', ['Zarvik'], ['Libya']);
  });

  it('nor does a country after "the border with"', () => {
    expectPlaced('Gunmen opened fire on traders at a market in Kelto, a town near the border with Chad, on Sunday.', ['Kelto'], ['Chad']);
  });

  it('nor does a place a distance is measured from', () => {
    expectPlaced('Fighters stormed a building in the town of Wanlo, about 90 km north-west of Nairobi, on Saturday.', ['Wanlo'], ['Nairobi']);
  });
});

describe('OCCURRED_IN: a route and a reference point', () => {
  it('the ends of a route do not place an attack its clause places elsewhere', () => {
    expectPlaced('Gunmen attacked a bus in Zaria travelling from Kano to Kaduna on Monday, killing four passengers.', ['Zaria'], ['Kano', 'Kaduna']);
  });

  it('a reference point still places an attack whose clause names no other place', () => {
    expectPlaced('Gunmen ambushed a convoy about 40 km south of Nairobi on Monday, killing four soldiers.', ['Nairobi']);
  });
});
