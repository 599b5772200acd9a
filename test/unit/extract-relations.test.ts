// Each relation type on sentences written for the test (none from the sample corpus).
import { describe, expect, it } from 'vitest';
import { graphOf } from '../helpers/extract-text.js';

describe('relations from cue patterns', () => {
  it.each([
    ['CLAIMED, active voice', 'Al-Shabaab claimed responsibility for the hotel bombing in Mogadishu.', 'CLAIMED al-Shabaab -> Mogadishu hotel bombing'],
    ['CARRIED_OUT, "was behind"', 'Officials said Boko Haram was behind the school massacre in Maiduguri.', 'CARRIED_OUT Boko Haram -> Maiduguri school massacre'],
    ['CARRIED_OUT, agent after "by"', 'Survivors described the shooting in Peshawar by the Pakistani Taliban.', 'CARRIED_OUT Tehrik-i-Taliban Pakistan -> Peshawar shooting'],
    ['WARNED, direct object', 'Egypt warned Israel days before the raid.', 'WARNED Egypt -> Israel'],
    ['ACCUSED with a capital standing for its government', 'Tehran accused Washington of arming the rebels.', 'ACCUSED Iran -> United States'],
    ['THREATENED across an embedded subject', 'The militia threatened that its fighters would target Jordan.', null],
    ['FOUGHT', 'The Kurdish-led forces and Turkey fought the Islamic State for years; Turkey is also combating the PKK.', 'FOUGHT Turkey -> Kurdistan Workers\' Party'],
    ['ARRESTED with coordinated subjects', 'Spain and Morocco arrested an al-Qaeda cell last month.', 'ARRESTED Spain -> al-Qaeda'],
    ['COOPERATED_WITH', 'Kenya deepened its cooperation with Somalia after the attack.', 'COOPERATED_WITH Kenya -> Somalia'],
    ['ALLIED_WITH', 'Hamas is a close ally of Iran.', 'ALLIED_WITH Hamas -> Iran'],
    ['KILLED, passive', 'Hamas leader Ismail Haniyeh was killed by Israel in July.', 'KILLED Israel -> Ismail Haniyeh'],
    ['ACTIVE_IN', 'Al-Shabaab remains active in Somalia and Kenya.', 'ACTIVE_IN al-Shabaab -> Kenya'],
    ['ACTIVE_IN with a plural verb', 'Boko Haram fighters operate in the Mandara mountains.', 'ACTIVE_IN Boko Haram -> Mandara'],
    ['TARGETED', 'The network was plotting attacks in Belgium.', null],
  ])('%s', (_what, text, expected) => {
    const relations = graphOf(text).relations();
    if (expected) expect(relations).toContain(expected);
    else expect(relations.filter((r) => r.startsWith('THREATENED') || r.startsWith('TARGETED'))).toEqual([]);
  });

  it('reads LEADER_OF and MEMBER_OF from titles and appositions', () => {
    const relations = graphOf('Pakistani Prime Minister Shehbaz Sharif met Hamas leader Ismail Haniyeh. Abu Obaida, a Hamas spokesman, spoke later.').relations();
    expect(relations).toContain('LEADER_OF Shehbaz Sharif -> Pakistan');
    expect(relations).toContain('LEADER_OF Ismail Haniyeh -> Hamas');
    expect(relations).toContain('MEMBER_OF Abu Obaida -> Hamas');
    expect(graphOf("Turkey's President Recep Tayyip Erdogan condemned the bombing.").relations()).toContain('LEADER_OF Recep Tayyip Erdogan -> Turkey');
  });

  it('gives a cue opening a relative clause coordinated with an earlier one that clause\'s antecedent', () => {
    const graph = graphOf('The blast was the worst since the bombing of a bus depot in Quetta in 2019, in which 20 people were killed and dozens more were hurt and which was also claimed by the Pakistani Taliban.');
    const [attack] = graph.entitiesOf('Attack');
    expect(graph.relations()).toContain(`CLAIMED Tehrik-i-Taliban Pakistan -> ${attack!.name}`);
  });

  it('reads a relative clause as its own: its head is the subject inside, and is skipped outside', () => {
    const graph = graphOf('Al Shabaab, which is allied with al Qaeda, said it carried out the bombing in Mogadishu.');
    const [attack] = graph.entitiesOf('Attack');
    expect(graph.relations()).toEqual(expect.arrayContaining(['ALLIED_WITH al-Shabaab -> al-Qaeda', `CARRIED_OUT al-Shabaab -> ${attack!.name}`]));
    expect(graph.relations()).not.toContain(`CARRIED_OUT al-Qaeda -> ${attack!.name}`);
  });

  it('reads a denied or negated cue as no claim', () => {
    const denied = graphOf('Hezbollah denied it was behind the bombing in Beirut.');
    const [attack] = denied.entitiesOf('Attack');
    expect(denied.relations()).toContain(`DENIED Hezbollah -> ${attack!.name}`);
    expect(denied.relations()).not.toContain(`CARRIED_OUT Hezbollah -> ${attack!.name}`);
    expect(graphOf('No group has claimed responsibility for the bombing in Kabul, and the Taliban did not carry out the attack.').relations().filter((r) => /^(?:CLAIMED|CARRIED_OUT)/.test(r))).toEqual([]);
  });

  it('reads a headline claim with the attack as its object', () => {
    const graph = graphOf('Hamas claims Jerusalem bus bombing\n\nThe bus bombing in Jerusalem killed nine people.');
    const [attack] = graph.entitiesOf('Attack');
    expect(graph.relations()).toContain(`CLAIMED Hamas -> ${attack!.name}`);
    expect(graphOf('The blast in Kabul claimed 30 lives.').relations().filter((r) => r.startsWith('CLAIMED'))).toEqual([]);
  });

  it('takes "the attack" for the attack of the article\'s time, not one it recalls', () => {
    const graph = graphOf(
      'Siege ends\n\nNAIROBI, January 16, 2019 - Troops ended a siege at a hotel in Nairobi on Wednesday, in an attack that recalled the 2013 Westgate mall massacre. Police said five attackers died. Al-Shabaab said it carried out the attack.',
    );
    const attacks = graph.entitiesOf('Attack');
    expect(attacks).toHaveLength(2);
    const siege = attacks.find((a) => a.name.includes('Nairobi'))!;
    expect(graph.relations()).toContain(`CARRIED_OUT al-Shabaab -> ${siege.name}`);
  });

  it('gives a set-off title after "its" to the subject of the sentence before', () => {
    const graph = graphOf('Boko Haram is a bitter rival of the Islamic State West Africa Province. Its leader, Abubakar Shekau, has urged more attacks.');
    expect(graph.relations()).toContain('LEADER_OF Abubakar Shekau -> Boko Haram');
  });

  it('does not place an attack in the country of the people it killed', () => {
    const graph = graphOf('The airport bombing in Kabul that killed 13 U.S. troops and three Britons shocked the world.');
    const [attack] = graph.entitiesOf('Attack');
    const places = graph.relations().filter((r) => r.startsWith(`OCCURRED_IN ${attack!.name}`));
    expect(places).toContain(`OCCURRED_IN ${attack!.name} -> Kabul`);
    expect(places.filter((r) => /United States|United Kingdom/.test(r))).toEqual([]);
  });

  it('takes no one for "it" when the speaker has no name, and never a linked group for the subject', () => {
    const graph = graphOf('President Ilham Aliyev visited Baku. A little-known group linked to al Qaeda later said it was behind the bombing in Baku.');
    expect(graph.relations().filter((r) => r.startsWith('CARRIED_OUT'))).toEqual([]);
  });

  it('ties a bare claim of responsibility to the attack in context, but not a claim for attacks in general', () => {
    const graph = graphOf('A bombing at a market in Quetta killed 20 people. The Islamic State group has claimed responsibility.');
    const [attack] = graph.entitiesOf('Attack');
    expect(graph.relations()).toContain(`CLAIMED Islamic State -> ${attack!.name}`);
    const general = graphOf('A bombing at a market in Quetta killed 20 people. Al-Shabaab is known for claiming responsibility for numerous attacks.');
    expect(general.relations().filter((r) => r.startsWith('CLAIMED'))).toEqual([]);
  });

  it('takes "in a statement" after a claim of responsibility for its channel, not its object', () => {
    const graph = graphOf('A car bomb exploded outside the district office in Jowhar on Monday, killing six guards. Al-Shabaab claimed responsibility in a statement on its radio station.');
    const [attack] = graph.entitiesOf('Attack');
    expect(graph.relations().filter((r) => r.startsWith('CLAIMED'))).toEqual([`CLAIMED al-Shabaab -> ${attack!.name}`]);
  });

  it('reads "it" as its own sentence\'s subject first', () => {
    const relations = graphOf('Greece said it had no warning. Officials said Washington had detailed intelligence that a branch of the group, known in the region by several names and based in the mountains along the border, was responsible, and that it had warned Ankara.').relations();
    expect(relations).toContain('WARNED United States -> Turkey');
    expect(relations).not.toContain('WARNED Greece -> Turkey');
  });

  it('reads "the group" as the subject of the sentence before, not its last name', () => {
    const graph = graphOf('Hurras al-Din fought for years beside al-Qaeda. Officials believe the group carried out the bombing in Idlib.');
    const [attack] = graph.entitiesOf('Attack');
    const relations = graph.relations().filter((r) => r.startsWith('CARRIED_OUT'));
    expect(relations).toHaveLength(1);
    expect(relations[0]).not.toMatch(/^CARRIED_OUT al-Qaeda/);
    expect(relations[0]).toMatch(new RegExp(`-> ${attack!.name}$`));
  });

  it('does not place an attack on an embassy in the country that owns it', () => {
    const graph = graphOf('A suicide bombing at the Russian embassy in Kabul killed two staff.');
    const [attack] = graph.entitiesOf('Attack');
    expect(graph.relations()).toContain(`OCCURRED_IN ${attack!.name} -> Kabul`);
    expect(graph.relations()).not.toContain(`OCCURRED_IN ${attack!.name} -> Russia`);
  });

  it('reads WARNED from intelligence passed to a country', () => {
    expect(graphOf('Britain said it had passed intelligence to France about the plot.').relations()).toContain('WARNED United Kingdom -> France');
  });

  it('reads WARNED from citizens told not to travel, for each coordinated teller', () => {
    const text = 'The United States and Canada told their citizens on Monday not to travel to northern Mozambique after the threat.';
    expect(graphOf(text).relations().filter((r) => r.startsWith('WARNED'))).toEqual(expect.arrayContaining(['WARNED United States -> Mozambique', 'WARNED Canada -> Mozambique']));
  });

  it('reads ACCUSED with the subject of the clause a participle hangs on, past a dateline', () => {
    const accused = (text: string) => graphOf(text).relations().filter((r) => r.startsWith('ACCUSED'));
    expect(accused('Kenya recalled its ambassador from Juba on Friday, accusing South Sudan of sheltering the rebels.')).toEqual(['ACCUSED Kenya -> South Sudan']);
    // Parsed with the report, the dateline's place would be the subject and the agency one of its parts.
    expect(accused("BUKAVU, Democratic Republic of Congo (AFP) - Burundi expelled Rwanda's ambassador on Monday, accusing Kigali of backing the rebels.")).toEqual(['ACCUSED Burundi -> Rwanda']);
  });

  it('reads a bare state body that blames as the state of the dateline, but not one owned by another', () => {
    const accused = (text: string) => graphOf(text).relations().filter((r) => r.startsWith('ACCUSED'));
    const dateline = 'KANO, Nigeria (Reuters) - Gunmen killed four traders at a cattle market on Tuesday.';
    expect(accused(`${dateline} Police in Kano blamed Boko Haram.`)).toEqual(['ACCUSED Nigeria -> Boko Haram']);
    expect(accused(`${dateline} The interior ministry later blamed Boko Haram.`)).toEqual(['ACCUSED Nigeria -> Boko Haram']);
    expect(accused(`${dateline} Chad's army blamed Boko Haram.`)).not.toContain('ACCUSED Nigeria -> Boko Haram');
  });

  const DATELINE = 'ADDIS ABABA, Ethiopia (Reuters) - A drone struck a bus near Gondar on Monday.';
  it.each([
    ['a pronoun accuser is the person last named, who may have spoken', `${DATELINE} Abebe Tola, a local lawmaker, said the region was forgotten. "We bury our dead alone," he said. He accused the government of neglect.`, ['ACCUSED Abebe Tola -> Ethiopia']],
    ['a bare state body accused is the state of the dateline', `${DATELINE} Lawmaker Selam Haile accused the army of burning farms.`, ['ACCUSED Selam Haile -> Ethiopia']],
    ['a state set beside its neighbour stays the direct object', 'Kenya has accused neighbouring Somalia of sheltering the rebels.', ['ACCUSED Kenya -> Somalia']],
    ['sides that accuse each other accuse in both directions', 'Rwanda and Burundi accused each other of arming the rebels.', ['ACCUSED Rwanda -> Burundi', 'ACCUSED Burundi -> Rwanda']],
    ['"each government accused the other" after the two sides', 'Shells fired across the border between Armenia and Azerbaijan killed four people, officials said, as each government accused the other of starting the fighting.', ['ACCUSED Armenia -> Azerbaijan', 'ACCUSED Azerbaijan -> Armenia']],
    ['a subject described in an aside opened by "part of"', 'The Border Service, part of the Ministry of Security, accused Tajik troops of firing first.', ['ACCUSED Border Service -> Tajikistan']],
    ['a conjunct after an aside on the first object and a noun tying it to it', 'KANO, Nigeria (Reuters) - Gunmen killed four traders at a market on Tuesday. Police in Kano blamed the Daraja Front (DF), a banned separatist movement, and its armed wing, the Kisima Defence Network (KDN).', ['ACCUSED Nigeria -> Daraja Front', 'ACCUSED Nigeria -> Kisima Defence Network']],
    ['an object told by its kind, then named', 'Kenya blamed a second group, the Daraja Front, which broke away in 2008.', ['ACCUSED Kenya -> Daraja Front']],
    ['three sides are no pair', 'Chad, Niger and Mali accused each other of arming the rebels.', []],
    ['an accusation joined to a passive the speaker reports is the speaker\'s', 'Tanzania said the convoy had been hit by Kenya and accused Uganda of arming the militia.', ['ACCUSED Tanzania -> Uganda']],
    ['a group accuses as the subject its accusing verb shares', 'The Daraja Front said the convoy had been hit by Kenya and accused Uganda of arming the militia.', ['ACCUSED Daraja Front -> Uganda']],
    ['a group named beside the subject\'s noun accuses', `${DATELINE} Another rebel faction, the Kisima Brigades, rejected any part in the strike and accused the army of lying.`, ['ACCUSED Kisima Brigades -> Ethiopia']],
    ['a group that is not the subject never takes the accuser\'s place', 'Islamabad has long denied that it shelters the Daraja Front and has accused Iran of arming separatists.', ['ACCUSED Pakistan -> Iran']],
    ['a group modifying the subject\'s noun is not the accuser', "Afghanistan's Taliban government accused Pakistan of bombing a village.", ['ACCUSED Afghanistan -> Pakistan']],
    ['the antecedent of a relative clause whose subject accuses it', 'Police said the raid bore the marks of the Daraja Front (DF), which Kenya accuses of sheltering in Somalia.', ['ACCUSED Kenya -> Daraja Front']],
    ['a body a state owns is accused with the state', "Kenya accuses Somalia's National Intelligence and Security Agency (NISA) of arming the clans.", ['ACCUSED Kenya -> Somalia', 'ACCUSED Kenya -> National Intelligence and Security Agency']],
  ])('reads ACCUSED: %s', (_, text, expected) => {
    expect(graphOf(text).relations().filter((r) => r.startsWith('ACCUSED'))).toEqual(expected);
  });

  it('reads ACCUSED from blaming an attack on someone, not from blaming someone for an attack on someone else', () => {
    const accused = (text: string) => graphOf(text).relations().filter((r) => r.startsWith('ACCUSED'));
    expect(accused('Nigeria blamed the Kano market bombing on Boko Haram.')).toContain('ACCUSED Nigeria -> Boko Haram');
    expect(accused('Nigeria blamed Boko Haram for an attack on Chad.')).not.toContain('ACCUSED Nigeria -> Chad');
  });

  it('gives an accusation joined by "and" to a speaker\'s report to the speaker, but not an attack so joined', () => {
    const accused = 'Defence Minister Omar Dualeh said on Monday that both factions were "one enemy" and accused al-Shabaab of arming the clans.';
    expect(graphOf(accused).relations().filter((r) => r.startsWith('ACCUSED'))).toEqual(['ACCUSED Omar Dualeh -> al-Shabaab']);
    const attack = 'Police chief Ali Noor said the gunmen entered the building and carried out the attack on the Safari hotel in Garissa.';
    expect(graphOf(attack).relations().filter((r) => r.startsWith('CARRIED_OUT'))).toEqual([]);
  });

  it('reads ACCUSED of each coordinated object, past a conjunct that names no one', () => {
    const text = 'Human Rights Watch has accused both the militia and the Daraja Front of killing civilians.';
    expect(graphOf(text).relations().filter((r) => r.startsWith('ACCUSED'))).toEqual(['ACCUSED Human Rights Watch -> Daraja Front']);
  });

  it('reads a capital owning a state\'s act as its state, and a capital owning a place as the city', () => {
    expect(graphOf("Moscow's accusations against Kyiv dominated the talks in Geneva.").relations()).toContain('ACCUSED Russia -> Ukraine');
    expect(graphOf("Nairobi's northern suburbs were quiet on Sunday.").entitiesOf('Location').map((e) => e.name)).toEqual(['Nairobi']);
  });

  it('reads ACCUSED from linking an attack to a country', () => {
    expect(graphOf('President Vladimir Putin linked the concert hall attack in Moscow to Ukraine.').relations()).toContain('ACCUSED Vladimir Putin -> Ukraine');
  });

  it('reads DENIED from a rejected suggestion of involvement', () => {
    const graph = graphOf('A car bombing in Ankara killed 28 people. Syria rejected any suggestion it was involved.');
    const [attack] = graph.entitiesOf('Attack');
    expect(graph.relations()).toContain(`DENIED Syria -> ${attack!.name}`);
  });

  it('reads DENIED as about the attack the text last spoke of', () => {
    const graph = graphOf('A rocket attack hit the port city of Eilat on Monday. Hezbollah denied any involvement.');
    const [attack] = graph.entitiesOf('Attack');
    expect(graph.relations()).toEqual(expect.arrayContaining([`DENIED Hezbollah -> ${attack!.name}`, `OCCURRED_IN ${attack!.name} -> Eilat`]));
  });

  it('gives each coordinated subject its own edge', () => {
    const relations = graphOf('France and Germany warned Turkey about the threat.').relations();
    expect(relations).toEqual(expect.arrayContaining(['WARNED France -> Turkey', 'WARNED Germany -> Turkey']));
  });

  it('never makes the source of a report a party to it', () => {
    const graph = graphOf('The Taliban fought the Islamic State near Jalalabad, according to Reuters. Iran warned Pakistan, the BBC reported.');
    expect(graph.relations()).toContain('FOUGHT Taliban -> Islamic State');
    expect(graph.relations().filter((r) => /Reuters|BBC/.test(r))).toEqual([]);
    expect(graph.entity('Reuters', 'Organization')).toBeDefined();
  });

  it('places a town in its country and an attack in its town', () => {
    const relations = graphOf('The blast at a market in Quetta, southwestern Pakistan, killed 12 people.').relations();
    expect(relations).toContain('LOCATED_IN Quetta -> Pakistan');
    expect(relations.some((r) => r.startsWith('OCCURRED_IN') && r.endsWith('-> Quetta'))).toBe(true);
  });

  it('keeps the evidence sentence with its offsets', () => {
    const text = 'Sirens sounded.\nAl-Shabaab claimed responsibility for the hotel bombing in Mogadishu.';
    const graph = graphOf(text);
    const claimed = graph.extraction.relations.find((r) => r.type === 'CLAIMED')!;
    const evidence = claimed.evidence[0]!;
    expect(evidence.text).toBe('Al-Shabaab claimed responsibility for the hotel bombing in Mogadishu.');
    expect(text.slice(evidence.start, evidence.end)).toBe(evidence.text);
  });
});
