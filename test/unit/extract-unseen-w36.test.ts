// Failure classes the unseen written articles w36-w45 showed, each on sentences written for the test about invented
// events; each test fails without the mechanism it names.
import { describe, expect, it } from 'vitest';
import { graphOf } from '../helpers/extract-text.js';

const about = (graph: ReturnType<typeof graphOf>, type: string) => graph.relations().filter((r) => r.startsWith(`${type} `));

describe('a group telling what it did itself claims it', () => {
  it('through a bracketed short form after its name', () => {
    const graph = graphOf('Depot blast\n\nA bomb wrecked a fuel depot in Quetta on Monday. The Balochistan Liberation Army (BLA) said it had carried out the attack.');
    expect(about(graph, 'CLAIMED')).toHaveLength(1);
    expect(about(graph, 'CLAIMED')[0]).toMatch(/^CLAIMED Balochistan Liberation Army -> /);
  });

  it('with its fighters named in quotes', () => {
    const graph = graphOf('Post overrun\n\nGunmen overran an army post in Galkayo on Friday. Al-Shabaab said in a statement that its "mujahideen" had carried out the raid in Galkayo.');
    expect(about(graph, 'CLAIMED')).toHaveLength(1);
    expect(about(graph, 'CLAIMED')[0]).toMatch(/^CLAIMED al-Shabaab -> /);
  });

  it('"claimed that bombing" points at the attack told before; "claimed that the bombing was ..." is a clause', () => {
    const told = 'A bomb exploded outside a candidate\'s office in Sibi in March, killing 9 people. ';
    expect(about(graphOf(`Bombing\n\n${told}The Islamic State claimed that bombing, saying it had targeted a rally.`), 'CLAIMED')).toEqual([expect.stringMatching(/^CLAIMED Islamic State -> /)]);
    expect(about(graphOf(`Bombing\n\n${told}The Islamic State claimed that the bombing was revenge.`), 'CLAIMED')).toEqual([]);
  });

  it('"an attack which G claimed" and "G admitted the attack" are claims', () => {
    const told = 'Gunmen stormed a hotel in Garoua on Monday';
    expect(about(graphOf(`Hotel\n\n${told}, an attack which Boko Haram claimed a day later.`), 'CLAIMED')).toEqual([expect.stringMatching(/^CLAIMED Boko Haram -> /)]);
    expect(about(graphOf(`Hotel\n\n${told}. Boko Haram admitted the attack in a statement.`), 'CLAIMED')).toEqual([expect.stringMatching(/^CLAIMED Boko Haram -> /)]);
  });

  it('in a long report of what it said', () => {
    const graph = graphOf('Convoy ambushed\n\nMilitants ambushed a convoy near Menaka on Tuesday. Boko Haram (JAS) said in a message relayed by its media arm that it had attacked the convoy.');
    expect(about(graph, 'CLAIMED')).toHaveLength(1);
    expect(about(graph, 'CLAIMED')[0]).toMatch(/^CLAIMED Boko Haram -> /);
  });
});

describe('groups the gazetteer knows', () => {
  it('well-known groups of Iran, Pakistan and the Sahel are groups, whatever their names look like', () => {
    const graph = graphOf('Border clash\n\nMembers of Jaish al-Adl attacked a post near Mirjaveh. Jamaat-ul-Ahrar and Ansar Dine were not involved, officials said.');
    for (const name of ['Jaish al-Adl', 'Jamaat-ul-Ahrar', 'Ansar Dine']) expect(graph.entity(name)?.type).toBe('Group');
  });

  it('a rights group and the maritime bureau are organisations', () => {
    const graph = graphOf('Report\n\nThe rights group Human Rights Watch and the International Maritime Bureau published figures on Monday.');
    for (const name of ['Human Rights Watch', 'International Maritime Bureau']) expect(graph.entity(name)?.type).toBe('Organization');
  });
});

describe('blame told as what a group did', () => {
  it('"X said G was behind the attack": X accuses G; G saying so of itself accuses no one', () => {
    const graph = graphOf('Market attack\n\nGunmen attacked a market in Kano on Monday. Police commissioner Musa Bellawa said Boko Haram was behind the attack.');
    expect(about(graph, 'ACCUSED')).toEqual(['ACCUSED Musa Bellawa -> Boko Haram']);
    expect(about(graphOf('Market attack\n\nGunmen attacked a market in Kano on Monday. Boko Haram said it was behind the attack.'), 'ACCUSED')).toEqual([]);
  });

  it('"\'G carried out this attack,\' X said": X accuses G', () => {
    const graph = graphOf('Market attack\n\nGunmen attacked a market in Kano on Monday. "Boko Haram carried out this attack," Musa Bellawa said.');
    expect(about(graph, 'ACCUSED')).toEqual(['ACCUSED Musa Bellawa -> Boko Haram']);
  });
});

describe('blame told as a noun', () => {
  it('"X\'s charge that G ..." is X accusing G', () => {
    const graph = graphOf('Talks\n\nThe envoy repeated Pakistan\'s charge that the Taliban let fighters cross the border.');
    expect(about(graph, 'ACCUSED')).toEqual(['ACCUSED Pakistan -> Taliban']);
  });
});

describe('casualties in the words of state media', () => {
  it('"were martyred" counts the dead, apart from the wounded told after them', () => {
    const graph = graphOf('Station attack\n\nGunmen attacked a police station in Zahedan on Monday. Six police officers were martyred and four others were wounded, the governor said.');
    const attack = graph.entitiesOf('Attack')[0]!;
    expect(attack.attributes.filter((a) => a.key === 'deaths').map((a) => a.value)).toEqual([6]);
    expect(attack.attributes.filter((a) => a.key === 'injured').map((a) => a.value)).toEqual([4]);
  });
});
