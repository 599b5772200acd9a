// Which attack phrases of one document are one attack (issue 10), on sentences written for the test: each test
// fails without the mechanism it names.
import { describe, expect, it } from 'vitest';
import { graphOf } from '../helpers/extract-text.js';

const attackNames = (text: string) =>
  graphOf(text)
    .entitiesOf('Attack')
    .map((a) => [a.name, ...a.aliases].join(' | '));

describe('attack mentions that name another attack', () => {
  it('a strike by workers or prisoners is no attack ("a hunger strike", "the general strike")', () => {
    const names = attackNames(
      'A car bomb exploded outside the courthouse in Vornica on Monday, wounding four guards. The prisoners held there had ended a hunger strike a week earlier. Unions called off the general strike planned for Friday.',
    );
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/Vornica/);
    expect(names.join(' ')).not.toMatch(/strike/);
  });

  it('"a week before the bombings" measures time from another attack, not the one its sentence tells', () => {
    const graph = graphOf(
      'The Red Hand Cell carried out the bombings of two cafes in Lindqvist on 3 March, killing nine people. Weeks later a second cell member blew himself up in Orrefors a week before the cafe bombings were to be marked.',
    );
    const attacks = graph.entitiesOf('Attack');
    const orrefors = attacks.find((a) => a.name.includes('Orrefors'));
    expect(orrefors).toBeDefined();
    expect([orrefors!.name, ...orrefors!.aliases].join(' ')).not.toMatch(/cafe/);
    const lindqvist = attacks.find((a) => a.name.includes('Lindqvist'));
    expect([lindqvist!.name, ...lindqvist!.aliases].join(' ')).toMatch(/cafe bombings/);
  });

  it('a dated definite mention ("the 1994 bombing") does not join an attack of the article\'s own year', () => {
    const graph = graphOf(
      'Published 12 May 2021.\n\nA suicide bomber killed six people at a bus stop in Tavrin on Tuesday. Residents said the bombing revived memories of the 1994 bombing, when the old market burned.',
    );
    const attacks = graph.entitiesOf('Attack');
    const tavrin = attacks.find((a) => a.name.includes('Tavrin'));
    expect(tavrin).toBeDefined();
    expect([tavrin!.name, ...tavrin!.aliases].join(' ')).not.toMatch(/1994/);
  });

  it('an attack told without a year takes the year a later mention gives it, up to a year before the article', () => {
    const graph = graphOf(
      'Published 9 April 2023.\n\nA year after gunmen killed 31 people at the Rasova concert hall in Tavrin, families laid flowers at the hall. A group from the mountains claimed responsibility for the attack in 2022.',
    );
    const attacks = graph.entitiesOf('Attack');
    expect(attacks).toHaveLength(1);
    expect(attacks[0]!.attributes.filter((a) => a.key === 'date').map((a) => a.value)).toEqual(['2022']);
  });

  it('"the Dortmund and the Korvik pub bombings": a name none of the attack\'s places bears is another attack', () => {
    const graph = graphOf(
      'The group admitted for the first time that it was behind the Dortmund pub bombings, which killed 14 people. The talks held after the bombings were used to repair the image of the group after the Dortmund and the Korvik pub bombings.',
    );
    const attacks = graph.entitiesOf('Attack');
    const korvik = attacks.find((a) => [a.name, ...a.aliases].some((n) => n.includes('Korvik')));
    const dortmund = attacks.find((a) => a.name.includes('Dortmund'));
    expect(korvik).toBeDefined();
    expect(dortmund).toBeDefined();
    expect(korvik).not.toBe(dortmund);
  });

  it('a name with a day ("Bloody Tuesday") is the attack\'s own and still joins it', () => {
    const graph = graphOf(
      'Twenty bombs exploded across Vornica on 4 June 1981, killing eleven people. The group said later that the Bloody Tuesday attacks had been a mistake.',
    );
    expect(graph.entitiesOf('Attack')).toHaveLength(1);
  });

  it('a determiner right after "the bombings" starts another phrase, whose places are not the attack\'s', () => {
    const graph = graphOf(
      'The bombings in Dortmund killed 14 people on Friday. Soon after the bombings the group\'s Korvik commander fled to Dublin.',
    );
    const attacks = graph.entitiesOf('Attack');
    expect(attacks).toHaveLength(1);
    expect(graph.relations().filter((r) => r.startsWith('OCCURRED_IN ') && !r.endsWith('-> Dortmund'))).toEqual([]);
  });
});

describe('"the explosion in Y": places the gazetteer knows, and which contains which', () => {
  const attacksOf = (text: string) => graphOf(text).entitiesOf('Attack');

  it('two towns of one country that the gazetteer knows, neither inside the other, are two attacks', () => {
    const attacks = attacksOf('A car bomb exploded outside a bank in Denver on Monday, wounding six people. Hours later police said the explosion in Dallas had killed two guards.');
    expect(attacks).toHaveLength(2);
  });

  it('a city and the state it lies in are one attack', () => {
    const attacks = attacksOf('A car bomb exploded outside a bank in Denver on Monday, wounding six people. Officials said the explosion in Colorado was the worst in years.');
    expect(attacks).toHaveLength(1);
  });

  it('a place the gazetteer does not know may lie inside the attack\'s city, so it joins', () => {
    const attacks = attacksOf('A car bomb exploded outside a bank in Denver on Monday, wounding six people. Witnesses said the explosion in Larkfield Heights shattered windows.');
    expect(attacks).toHaveLength(1);
  });
});

describe('attack names by place alone', () => {
  const namesOf = (text: string) => graphOf(text).entitiesOf('Attack').map((a) => [a.name, ...a.aliases]);

  it('an attack named by its city and venue is also "<city> attack"', () => {
    const [names] = namesOf('A car bomb exploded outside a hotel in Porto on Monday, wounding six people.');
    expect(names).toContain('Porto attack');
  });

  it('an attack at a site is "<site> attack", not named after the city around the site', () => {
    const [names] = namesOf('A suicide bomber blew himself up in Liberty Square in Porto on Monday, killing six people.');
    expect(names).toContain('Liberty Square attack');
    expect(names).not.toContain('Porto attack');
  });
});

describe('an older attack an article recalls stays apart, with its own toll', () => {
  const attacksOf = (text: string) => graphOf(text).entitiesOf('Attack');
  const tollOf = (attack: { attributes: Array<{ key: string; value: unknown }> } | undefined) => attack?.attributes.filter((a) => a.key === 'deaths').map((a) => a.value);
  const named = (attacks: ReturnType<typeof attacksOf>, word: string) => attacks.find((a) => [a.name, ...a.aliases].join(' ').includes(word));

  it('a venue after a word that follows a determiner ("a cattle market") is a noun, so the phrase reaches the town after it', () => {
    const attacks = attacksOf(
      'A suicide bomber killed eleven people at a wedding hall in Porto on Saturday.\n\nIn the worst of those attacks, a car bomb killed 30 people at a cattle market in Braga years ago.',
    );
    expect(tollOf(named(attacks, 'Braga'))).toEqual([30]);
    expect(tollOf(named(attacks, 'Porto'))).toEqual([11]);
  });

  it('"the attack came in 2019" dates the attack as "occurred in 2019" would', () => {
    const attacks = attacksOf(
      'A suicide bomber killed eight people at a checkpoint in Porto on Saturday.\n\nThe last large attack in Porto came in 2019, when gunmen killed five guards at a bank.',
    );
    expect(attacks).toHaveLength(2);
    expect(tollOf(named(attacks, '2019') ?? attacks.find((a) => a.attributes.some((x) => x.key === 'date' && x.value === '2019')))).toEqual([5]);
  });

  it('an attack verb in a ", when" clause is of the date before it, and a venue it names names the attack', () => {
    const attacks = attacksOf(
      'A suicide bomber killed eight people at a checkpoint in Porto on Saturday.\n\nThe last large attack in Porto came in 2019, when a suicide bomber killed nine people at a restaurant.',
    );
    const older = attacks.find((a) => a.attributes.some((x) => x.key === 'date' && x.value === '2019'));
    expect(older?.name).toMatch(/restaurant/);
  });

  it('"the raid" opening a paragraph is placed by the paragraph before, which told it, not by a border its sentence names', () => {
    const attacks = attacksOf(
      'When gunmen rode into the village of Braga at night and killed nine people, soldiers took hours to arrive. For the farmers of the region, the delay was no surprise.\n\nThe raid, blamed on bandits, was the latest along the border with Spain.',
    );
    expect(attacks).toHaveLength(1);
    expect(attacks[0]!.name).toMatch(/Braga/);
  });
});

describe('the headline and the sentence under it', () => {
  it('an unplaced attack in the first sentence under a headline is the headline\'s attack, with its toll', () => {
    const attacks = graphOf('Court jails man over Porto cafe stabbing\n\nA court in Lisbon on Monday jailed a man for a knife attack at a cafe that killed two people and wounded three.').entitiesOf('Attack');
    expect(attacks).toHaveLength(1);
    expect(attacks[0]!.attributes.filter((a) => a.key === 'deaths').map((a) => a.value)).toEqual([2]);
  });
});

describe('dates an attack verb does not take', () => {
  it('an aside on the subject ("X, who arrived in 2016, attacked ...") dates the subject, not the attack', () => {
    const attacks = graphOf('Tomas Vell, who arrived in Portugal in 2016 and had worked at a bakery, attacked shoppers in Porto with a knife, killing two.').entitiesOf('Attack');
    expect(attacks).toHaveLength(1);
    expect(attacks[0]!.attributes.filter((a) => a.key === 'date')).toEqual([]);
  });
});

describe('a past the article names without a date', () => {
  const attacksOf = (text: string) => graphOf(text).entitiesOf('Attack');

  it('"three years ago" in the same town is another attack, with its own toll', () => {
    const attacks = attacksOf(
      'A car bomb exploded at a market in Porto on Thursday, killing 14 people.\n\nThree years ago, gunmen attacked a hotel in Porto and killed 22 people.',
    );
    expect(attacks).toHaveLength(2);
    const tolls = attacks.map((a) => a.attributes.filter((x) => x.key === 'deaths').map((x) => x.value)).sort();
    expect(tolls).toEqual([[14], [22]]);
  });

  it('"last month" is no other time: an article is often about last month\'s attack', () => {
    const attacks = attacksOf(
      'Spies warned Portugal of the Porto theatre attack\n\nThe warning came weeks before the massacre at a theatre near Porto last month, the deadliest attack in the country in decades.',
    );
    expect(attacks).toHaveLength(1);
  });

  it('an attacker who "drove a minibus into" a place tells an attack by its verb', () => {
    const attacks = attacksOf('Last year a suicide bomber drove a minibus into the gate of a hotel in Porto.');
    expect(attacks).toHaveLength(1);
    expect(attacks[0]!.name).toMatch(/Porto/);
  });
});

describe('"the incident" with no attack told before it', () => {
  it('is no attack when no sentence before places it', () => {
    const names = attackNames('A small kite carrying a camera was found on the roof of the town hall on Monday. The mayor was travelling at the time of the incident.');
    expect(names).toEqual([]);
  });

  it('is the event the text told when a sentence before places it', () => {
    const names = attackNames('A parcel of explosives was found and defused outside the bank in Vornica, Moldova. No group claimed responsibility for the incident.');
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/Vornica/);
  });
});

describe('a verb told of a device the text already spoke of', () => {
  const text = (device: string) =>
    `A bomb exploded in the Dorval neighbourhood of Tavrin on Saturday, wounding 12 people. Prosecutors showed video of the suspect walking on Kessel Street where ${device} went off and leaving a second bomb on Marrow Street.`;

  it('"the device went off" on a street is the attack told before, not another one', () => {
    expect(attackNames(text('the device'))).toHaveLength(1);
  });

  it('"a device went off" on another street is another attack', () => {
    expect(attackNames(text('a device'))).toHaveLength(2);
  });
});

describe('an attack told first in a region, then in one of its towns', () => {
  const text =
    'The Grey Hand admitted it was behind the Sheffield cafe bombing, which killed six people. The bombing came after police broke up the funeral of Tomas Vrell, a volunteer who had died in a premature explosion in England. Vrell blew himself up while planting a bomb at a depot in Leeds a week before the cafe bombing.';

  it('the report in the town (Leeds lies in England) is the attack told in the region, with its perpetrator', () => {
    const names = attackNames(text);
    expect(names.filter((n) => /Leeds|England/.test(n))).toHaveLength(1);
    const vrell = graphOf(text).relations().filter((r) => r.startsWith('CARRIED_OUT Tomas Vrell'));
    expect(vrell).toHaveLength(1);
    expect(vrell[0]).toMatch(/England/);
  });

  it('the town attack told first keeps its own cluster when the region is named later', () => {
    const names = attackNames(text);
    expect(names.filter((n) => /Sheffield/.test(n))).toHaveLength(1);
    expect(names.find((n) => /Sheffield/.test(n))).not.toMatch(/England/);
  });
});

describe('attacks told one after another in one article', () => {
  const attacks = (text: string) => graphOf(text).entitiesOf('Attack');
  const deaths = (a: { attributes: Array<{ key: string; value: unknown }> }) => a.attributes.filter((x) => x.key === 'deaths').map((x) => x.value);

  it('"the market shooting" is the attack told at a market, not the one the article told most', () => {
    const found = attacks(
      'Fighters on motorcycles assaulted an army camp in Kelmoro, Burkina Faso, on Tuesday, killing twelve soldiers. The assault lasted six hours.\n\nHours later, gunmen opened fire on the cattle market in Dassouri, killing eight traders. Residents said the gunmen fled on foot. Four people were wounded.\n\nNo group said it carried out the market shooting.',
    );
    const market = found.find((a) => a.name.startsWith('Dassouri'));
    expect([market?.name, ...(market?.aliases ?? [])]).toContain('market shooting');
  });

  it('a clause placed by a region after a comma ("between X and Y, in the Z region") is an attack of its own, named by its verb', () => {
    const found = attacks(
      'Gunmen assaulted an army camp in Kelmoro, Burkina Faso, on Tuesday, killing twelve soldiers.\n\nIn Niger, soldiers guarding a fuel convoy were ambushed on Tuesday between Tassako and Beldou, in the Tillabéri region. Seven soldiers were killed.',
    );
    expect(found.map((a) => a.name).sort()).toEqual(['Kelmoro assault', 'Tillabéri ambush']);
    expect(deaths(found.find((a) => a.name === 'Tillabéri ambush')!)).toEqual([7]);
    expect(deaths(found.find((a) => a.name === 'Kelmoro assault')!)).toEqual([12]);
  });
});
