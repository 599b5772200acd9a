// Entity names on news kg has not seen (issue 10): one entity per real thing, spans and types, each on
// sentences written for the test about invented events; each test fails without the mechanism it names.
import { describe, expect, it } from 'vitest';
import { graphOf } from '../helpers/extract-text.js';

describe('one place, however the text names it', () => {
  it('a place written with and without its kind word is one place, known by both names', () => {
    const graph = graphOf('Two bombs went off in Helmand province on Friday. Officials in Helmand said the roads were closed.');
    const places = graph.entitiesOf('Location').filter((e) => /helmand/i.test(e.name));
    expect(places).toHaveLength(1);
    expect([places[0]!.name, ...places[0]!.aliases]).toEqual(expect.arrayContaining(['Helmand', 'Helmand province']));
  });

  it('a street written with its short kind word ("St", "Rd") is a street, not the town it is named after', () => {
    const graph = graphOf('At Oxford St, the busiest bus station in Tavrin, four workers were hurt. Police sealed Leeds Rd on Friday.');
    expect(graph.entity('Oxford St')?.type).toBe('Location');
    expect(graph.entity('Leeds Rd')?.type).toBe('Location');
    expect(graph.entity('Oxford')).toBeUndefined();
  });

  it('the kind word or venue after a place is one more name of it', () => {
    const graph = graphOf('A fire broke out near the Korvel mosque in Zamfara. Police sealed off the Dunmore estate, in Leeds.');
    expect(graph.entity('Korvel mosque')?.type).toBe('Location');
    expect(graph.entity('Dunmore estate')?.type).toBe('Location');
  });

  it('the nations of the United Kingdom are places in it, not the Republic of Ireland', () => {
    const graph = graphOf('A parcel bomb was found in Newry, Northern Ireland. Police in Wales and Scotland were alerted.');
    expect(graph.entity('Northern Ireland')?.type).toBe('Location');
    expect(graph.entity('Ireland', 'Country')).toBeUndefined();
    expect(graph.entity('Wales')?.type).toBe('Location');
  });
});

describe('words that are no names', () => {
  it('one capitalised word of the language is no name, and a month written short is no place', () => {
    const graph = graphOf('Years after the Troubles, officials said Police would patrol in Sept. 2019 with the Army.');
    for (const word of ['Troubles', 'Police', 'Army', 'Sept.']) expect(graph.entity(word), word).toBeUndefined();
  });

  it('a city named by a word of the language is a place where the text says so', () => {
    const graph = graphOf('A truck drove into a crowd in Nice on Friday. Gunmen attacked a bar in Surprise, Arizona, United States.');
    expect(graph.entity('Nice')?.type).toBe('Location');
    expect(graph.entity('Surprise')?.type).toBe('Location');
  });
});

describe('organisations without a suffix', () => {
  it('a name before "president" or "spokesman" and a name after "firm" or "broadcaster" is an organisation', () => {
    const graph = graphOf('Fianna Nua president Aoife Byrne met engineers of the British firm Skylance. Later broadcaster Telenova quoted Varda spokesman Ivo Marin.');
    for (const name of ['Fianna Nua', 'Skylance', 'Telenova', 'Varda']) expect(graph.entity(name)?.type, name).toBe('Organization');
    expect(graph.entity('Aoife Byrne')?.type).toBe('Person');
  });
});

describe('names split and joined right', () => {
  it('"A and B" named by their surnames are two people', () => {
    const graph = graphOf('Judge Ilse Marten heard the case. Okafor and Lindqvist reported from Oslo.');
    expect(graph.entity('Okafor')?.type).toBe('Person');
    expect(graph.entity('Lindqvist')?.type).toBe('Person');
    expect(graph.entity('Okafor and Lindqvist')).toBeUndefined();
  });

  it('a numbered street is one name, and a street before "and" ends there', () => {
    const graph = graphOf('The device was left on West 41st Street, near 9th Avenue and Bleecker Street.');
    for (const name of ['West 41st Street', '9th Avenue', 'Bleecker Street']) expect(graph.entity(name)?.type, name).toBe('Location');
  });

  it('a name set off before a settlement\'s kind ("X, a farming village about ...") is a place', () => {
    expect(graphOf('Gunmen raided Torvuna, a farming village about 30 km from the border, overnight.').entity('Torvuna')?.type).toBe('Location');
  });

  it.each([
    ['A drone attack killed two guards at the Tower 14 outpost near the border.', 'Tower 14', 'Tower'],
    ['Rebels shelled Camp 3 in Dorvani province on Sunday.', 'Camp 3', 'Camp'],
  ])('a site that goes by its kind and a number keeps the number: %s', (text, name, cut) => {
    const graph = graphOf(text);
    expect(graph.entity(name)?.type).toBe('Location');
    expect(graph.entity(cut)).toBeUndefined();
  });
});

describe('a capital that is a place', () => {
  it('"in central X", "drove to X" and "X metropolitan police" are the city; "X accused Y" the states', () => {
    const graph = graphOf('He drove to Nairobi at night. Shops in central Nairobi closed, and Nairobi metropolitan police said little.');
    expect(graph.entity('Nairobi')?.type).toBe('Location');
    expect(graph.entity('Kenya')).toBeUndefined();
    expect(graphOf('Kampala accused Nairobi of hosting the cell.').entitiesOf('Country').map((e) => e.name).sort()).toEqual(['Kenya', 'Uganda']);
  });

  it('a capital an attack struck is the city', () => {
    const graph = graphOf('Two blasts that killed nine people rocked Nairobi on Sunday.');
    expect(graph.entity('Nairobi')?.type).toBe('Location');
    expect(graph.entity('Kenya')).toBeUndefined();
  });
});

describe('countries that are words or first names', () => {
  it('a country named by a first name, before a surname, is the person; alone it is the country', () => {
    const graph = graphOf('Chad Dawson and Jordan Ellis flew to Amman. Troops from Chad and Jordan arrived later.');
    expect(graph.entity('Chad Dawson')?.type).toBe('Person');
    expect(graph.entity('Jordan Ellis')?.type).toBe('Person');
    expect(graph.entitiesOf('Country').map((e) => e.name).sort()).toEqual(['Chad', 'Jordan']);
  });

  it("a word that is also a country's other spelling is not that country", () => {
    expect(graphOf('The Island Council met on Long Island on Monday.').entitiesOf('Country')).toEqual([]);
  });

  it('a currency sign is money, not a country', () => {
    expect(graphOf('The gang asked for A$ 20,000 and US$ 5,000 in Perth.').entitiesOf('Country')).toEqual([]);
  });
});

describe('titles are roles, not names', () => {
  it('a title inside a run of capitalised words ends the body before it and opens the name after it', () => {
    const graph = graphOf('Officers told Lothian Constabulary Chief Constable Mairi Dunbar and Lothian Constabulary Force about it. Major General Taras Hlibko died, and former Prime Minister Edwin Holt grieved.');
    for (const name of ['Mairi Dunbar', 'Taras Hlibko', 'Edwin Holt']) expect(graph.entity(name)?.type, name).toBe('Person');
    expect(graph.entity('Lothian Constabulary')?.type).toBe('Organization');
    expect(graph.entitiesOf('Organization')).toHaveLength(1);
    expect(graph.entitiesOf('Person').map((p) => p.name).sort()).toEqual(['Edwin Holt', 'Mairi Dunbar', 'Taras Hlibko']);
  });

  it('a place named like the surname of a person the text named is that person', () => {
    const graph = graphOf('Kevin Ramsey was head of the unit. Ramsey was not involved, lawyers said.');
    expect(graph.entity('Kevin Ramsey')?.aliases).toContain('Ramsey');
    expect(graph.entity('Ramsey', 'Location')).toBeUndefined();
  });

  it('"Mr. X", "X" and "First M. X" are one person', () => {
    const graph = graphOf('Recep T. Erdoğan met the envoy. Mr. Erdoğan said the talks went well, and Erdoğan left.');
    expect(graph.entitiesOf('Person').map((p) => p.name)).toEqual(['Recep T. Erdoğan']);
  });

  it('bylines and credits name no entities', () => {
    const graph = graphOf('Floods in Porto\n\nBy Ana Ribeiro and Tomas Berg\n\nRains closed roads in Porto on Monday.\n\nReporting by Ewa Nowak and Piotr Zielinski; editing by Mark Hall');
    expect(graph.entitiesOf('Person')).toEqual([]);
  });

  it('a sentence that opens with a credit word but goes on as prose is read', () => {
    const graph = graphOf('Gunmen burned a bus in Lakeview on Monday. Sources attributed the attack to the Red Marsh Liberation Army, which denied it.');
    expect(graph.entity('Red Marsh Liberation Army')?.type).toBe('Group');
  });
});

describe('people by their company', () => {
  it('a name listed right after a person, or set off by ", owner of", is a person', () => {
    const graph = graphOf('The wounded were Colonel Iker Zubiri, Brayden Oakes, and Tamsin Achterberg. Police called Wenli Qiao, owner of a bakery.');
    for (const name of ['Iker Zubiri', 'Brayden Oakes', 'Tamsin Achterberg', 'Wenli Qiao']) expect(graph.entity(name)?.type, name).toBe('Person');
  });
});

describe('places and bodies no list holds', () => {
  it('water named after a place, a camp, a lake and "the capital, X," are places of their own', () => {
    const graph = graphOf('Boats crossed the Gulf of Aden. Troops left Camp Tarvex at dawn and reached Dunmere Lake. The parade was held in the capital, Nairobi, on Monday.');
    for (const name of ['Gulf of Aden', 'Camp Tarvex', 'Dunmere Lake', 'Nairobi']) expect(graph.entity(name)?.type, name).toBe('Location');
    expect(graph.entity('Kenya')).toBeUndefined();
  });

  it('a demonym opening a body\'s name is part of it', () => {
    const graph = graphOf('The Malian National Observatory for Prisons said the Chadian Border Forces had left.');
    expect(graph.entity('Malian National Observatory for Prisons')?.type).toBe('Organization');
    expect(graph.entity('Chadian Border Forces')?.type).toBe('Organization');
  });
});

describe('place names with parts of their own', () => {
  it('the Arabic article before a place is part of it, so an address chains up to its country', () => {
    const graph = graphOf('Gunmen attacked a checkpoint near Qasr Umar, Al Zawiya, Iraq on Sunday.');
    expect(graph.entity('Al Zawiya')?.type).toBe('Location');
    expect(graph.relations()).toEqual(expect.arrayContaining(['LOCATED_IN Qasr Umar -> Al Zawiya', 'LOCATED_IN Al Zawiya -> Iraq']));
  });

  it('an apostrophe inside a transliterated name keeps it whole', () => {
    const graph = graphOf("Gunmen shot a teacher in Qar'ab, Marib, Yemen on Sunday.");
    expect(graph.entity("Qar'ab")?.type).toBe('Location');
    expect(graph.entity('Qar')).toBeUndefined();
  });

  it('a known place before an unknown name word and a kind word is inside a longer name', () => {
    const graph = graphOf('A bomb went off in Bani Harith village, Southern governorate, Bahrain.');
    expect(graph.entity('Bani Harith')?.type).toBe('Location');
    expect(graph.entity('Bani')).toBeUndefined();
  });

  it('a corps is a body, and an airbase or barracks is a place', () => {
    const graph = graphOf('A bomb hit a Border Corps convoy near the Tal Reza Airbase and the Dalan Barracks.');
    expect(graph.entity('Border Corps')?.type).toBe('Organization');
    expect(graph.entity('Tal Reza Airbase')?.type).toBe('Location');
    expect(graph.entity('Dalan Barracks')?.type).toBe('Location');
  });
});

describe('words and titles inside names', () => {
  it('an abbreviation of a thing is no place, after "off" or anywhere', () => {
    const graph = graphOf('A patrol set off an IED near Kessa on Monday.');
    expect(graph.entity('IED')).toBeUndefined();
  });

  it('a title before nothing but a body\'s word is the body\'s name, not a person\'s', () => {
    const graph = graphOf('Delegates met at the Velmar General Assembly on Monday.');
    expect(graph.entitiesOf('Person')).toEqual([]);
  });

  it('a known place opening an event\'s name is part of it', () => {
    const graph = graphOf('Two bombs exploded beside the route of the Chicago Marathon.');
    expect(graph.entity('Chicago Marathon')?.type).toBe('Event');
    expect(graph.entity('Chicago')).toBeUndefined();
  });

  it('"A X and A Y" are two places, and a name set off after "the alleged killer," is a person', () => {
    const graph = graphOf('Rebels attacked posts in Wadi Tarsa and Wadi Mehr on Friday. The alleged killer, Odran Velk, was shot dead by police.');
    expect(graph.entity('Wadi Tarsa')?.type).toBe('Location');
    expect(graph.entity('Wadi Mehr')?.type).toBe('Location');
    expect(graph.entity('Odran Velk')?.type).toBe('Person');
  });

  it('a name an article opens, before "official" or "source", is a body', () => {
    const graph = graphOf('A Merrow Holdings official said ships were searched.');
    expect(graph.entity('Merrow Holdings')?.type).toBe('Organization');
  });
});

describe('bodies named by their parts', () => {
  it('a body\'s list of what it is of is one name, and capitals joined by "&" one acronym', () => {
    const graph = graphOf('Agents of the Office of Fisheries, Timber, Mining and Energy arrived. Later Pelham told Q&R that the inquiry was over.');
    expect(graph.entity('Office of Fisheries, Timber, Mining and Energy')?.type).toBe('Organization');
    expect(graph.entity('Q&R')?.type).toBe('Organization');
    expect(graph.entitiesOf('Person').map((p) => p.name)).toEqual(['Pelham']);
  });

  it('"on" after a body\'s word goes on into its name', () => {
    const graph = graphOf('The National Commission on Civic Rights said it would monitor the arrests in Bawku. The Tarvo Commission on Monday said the same.');
    expect(graph.entity('Tarvo Commission')?.type).toBe('Organization');
    expect(graph.entity('National Commission on Civic Rights')?.type).toBe('Organization');
    expect(graph.entitiesOf('Person')).toHaveLength(0);
  });

  it('"House of X" and "X Branch" are bodies; the body a person leads is one; an office alone is no one', () => {
    const graph = graphOf('Ms Idris Morrow, leader of Coastal Renewal, and a former Varn Council Minister, told the House of Delegates that Harbour Branch officers had left.');
    expect(graph.entity('Coastal Renewal')?.type).toBe('Organization');
    expect(graph.entity('House of Delegates')?.type).toBe('Organization');
    expect(graph.entity('Harbour Branch')?.type).toBe('Organization');
    expect(graph.entitiesOf('Person').map((p) => p.name)).toEqual(['Idris Morrow']);
  });
});

describe('armed groups no list holds', () => {
  it('a name ending in a word only armed groups end on is a group, with no claim to tell it', () => {
    const graph = graphOf('Leaflets left at the farm in Tarnow were signed by nobody, but the owners blamed their feud with the Crimson Dawn Klan. Police said members of the Eastern Marsh Liberation Front had been seen nearby.');
    expect(graph.entity('Crimson Dawn Klan')?.type).toBe('Group');
    expect(graph.entity('Eastern Marsh Liberation Front')?.type).toBe('Group');
  });

  it('a street\'s name before "Gang" names a gang, which carried out the bombing it planted', () => {
    const graph = graphOf('The Harbour Lane Gang planted a bomb in a pub in Dunmore on Friday, injuring four people.');
    expect(graph.entity('Harbour Lane Gang')?.type).toBe('Group');
    expect(graph.entity('Harbour Lane')).toBeUndefined();
    expect(graph.relations().some((r) => r.startsWith('CARRIED_OUT Harbour Lane Gang -> '))).toBe(true);
  });

  it('a known place inside a group\'s name is part of the name, not a place of its own', () => {
    const graph = graphOf('The Benue Delta Liberation Front said it was behind the raid on the pipeline.');
    expect(graph.entity('Benue Delta Liberation Front')?.type).toBe('Group');
    expect(graph.entity('Benue')).toBeUndefined();
  });

  it('an unknown name word before a known armed group\'s name is part of it', () => {
    const graph = graphOf('Leaflets of the Tawang National Liberation Army were found beside the burned bus.');
    expect(graph.entity('Tawang National Liberation Army')?.type).toBe('Group');
  });

  it('an author named with "for" is a body, and a quoted name still claims', () => {
    const graph = graphOf('Friends for Free Valley claimed responsibility for the arson. A group calling itself the "Night Owl Network" claimed responsibility for the bombs.');
    expect(graph.entity('Friends for Free Valley')?.type).toBe('Group');
    expect(graph.entity('Night Owl Network')?.type).toBe('Group');
  });

  it('an author with its acronym after it, a demonym opening an author\'s name, and "of the" inside a name', () => {
    const graph = graphOf('Harit Sena Morcha (HSM) claimed responsibility for the blast in Birgunj. Sources attributed the second attack to the Nepalese Workers Army. Armed Cells for the Defence of the Valley claimed responsibility for a third.');
    expect(graph.entity('Harit Sena Morcha')?.type).toBe('Group');
    expect(graph.entity('Nepalese Workers Army')?.type).toBe('Group');
    expect(graph.entity('Armed Cells for the Defence of the Valley')?.type).toBe('Group');
  });

  it('an acronym set off in brackets after a name is that name, there and later', () => {
    const graph = graphOf('A warehouse in Dorval was burned by the Green Hand Resistance (GHR) on Monday. The GHR later posted a statement.');
    const group = graph.entity('Green Hand Resistance');
    expect(group?.type).toBe('Group');
    expect(group?.aliases).toContain('GHR');
    expect(graph.entitiesOf('Organization')).toHaveLength(0);
  });

  it('an acronym in brackets that spells the name\'s initials in another order is that name', () => {
    const graph = graphOf('A colonel of the Marendian Coastal Guard (GCM) was detained on Monday. The GCM said it would cooperate.');
    const body = graph.entity('Marendian Coastal Guard');
    expect(body?.aliases).toContain('GCM');
    expect(graph.entitiesOf('Organization').map((e) => e.name)).not.toContain('GCM');
  });

  it('capitals a hyphen joins to a number ("1-800-555-HELP") are a phone number, no organisation', () => {
    const graph = graphOf('The Tavrin Harbour Police urged witnesses to call 1-800-555-HELP with any video.');
    expect(graph.entitiesOf('Organization').map((e) => e.name)).toEqual(['Tavrin Harbour Police']);
  });

  it('an acronym that spells the initials of one body the text names is that body', () => {
    const graph = graphOf('The Tavrin Harbour Police Department said the depot was sealed. Officers of the THPD searched the docks on Sunday.');
    const body = graph.entity('Tavrin Harbour Police Department');
    expect(body?.aliases).toContain('THPD');
    expect(graph.entitiesOf('Organization').map((e) => e.name)).not.toContain('THPD');
  });
});

describe('names a country or a group word sits inside', () => {
  it('a federal state named like a country is a place, and the country stays the country', () => {
    const graph = graphOf("Bandits raided Tofa in Nigeria's Chad State on Sunday. The Borgu and Chad states governments met. Chad denied it.");
    const state = graph.entity('Chad State');
    expect(state?.type).toBe('Location');
    expect(graph.entity('Chad', 'Country')).toBeDefined();
    expect(graph.entitiesOf('Location').filter((e) => /chad/i.test(e.name))).toHaveLength(1);
  });

  it('a name a group gave itself goes on through "of the" after one word', () => {
    const graph = graphOf('A group calling itself the Shield of the Northern Faithful claimed the bombing of the Talvik bridge.');
    expect(graph.entity('Shield of the Northern Faithful')?.type).toBe('Group');
  });
});

describe('groups and people told by what stands beside their names', () => {
  it('a name set off beside the noun for an armed group is a group, before or after it', () => {
    const graph = graphOf('Officials said the raiders belonged to the Korvani, a militant group that has spread from the hills. The army blamed a second group, the Tessaro Liberty Fighters (TLF), which split in 2010.');
    expect(graph.entity('Korvani')?.type).toBe('Group');
    expect(graph.entity('Tessaro Liberty Fighters')?.type).toBe('Group');
  });

  it('an armed group\'s noun set off after a name and its acronym makes it a group, whatever word ends the name', () => {
    const graph = graphOf(
      'Police in Dremmel blamed the Brannic People of Kastor (BPK), a banned separatist movement, and its armed wing, the Kastor Defence Network (KDN), for the raid. ' +
        'The Ostrava Defence Forces (ODF), one of the largest separatist armed groups, distanced itself from it. The Selvar Renewal Council (SRC), the main insurgent group in the south, did not respond.',
    );
    for (const name of ['Brannic People of Kastor', 'Kastor Defence Network', 'Ostrava Defence Forces', 'Selvar Renewal Council']) expect(graph.entity(name)?.type, name).toBe('Group');
  });

  it('a group set off as a known group\'s branch, or as a group of a nation, is a group', () => {
    const graph = graphOf('Harkat Selvani, a Moroccan group that pledged allegiance to the Islamic State, said it planted the bomb. The Torvan Brigade, al Qaeda\'s local branch, denied any role.');
    expect(graph.entity('Harkat Selvani')?.type).toBe('Group');
    expect(graph.entity('Torvan Brigade')?.type).toBe('Group');
  });

  it('a name a group gave itself is a group\'s even before a speech verb', () => {
    const graph = graphOf('A group calling itself the Kessel Valley Warriors said in a video on Wednesday that it was holding the eleven pupils.');
    expect(graph.entity('Kessel Valley Warriors')?.type).toBe('Group');
  });

  it('a name the text made a group\'s stays one later, whatever word ends it', () => {
    const graph = graphOf('The Torvan Brigade, a separatist group based in the hills, denied the bombing in Dremmel. In 2019, gunmen from the Torvan Brigade attacked a police post in Varno.');
    expect(graph.entity('Torvan Brigade')?.type).toBe('Group');
    expect(graph.entitiesOf('Organization')).toHaveLength(0);
  });

  it('a group set off as independent or as a rights group is a body, and one of a group\'s commanders stays a person', () => {
    const graph = graphOf('The Vessa Monitoring Project, an independent group that tracks the violence, counted 40 attacks. "We were told to leave," said Ivo Marek, one of the group\'s commanders, in Dremmel.');
    expect(graph.entity('Vessa Monitoring Project')?.type).toBe('Organization');
    expect(graph.entity('Ivo Marek')?.type).toBe('Person');
  });

  it('a rights group named with a body word stays a body', () => {
    const graph = graphOf('"Nobody listens," said Rosa Imbert, who heads a local rights group, the Velmar Justice Council.');
    expect(graph.entity('Velmar Justice Council')?.type).toBe('Organization');
  });

  it('a unit named after a person, with its kind word in lower case, is a group', () => {
    const graph = graphOf('Police said the Ramon Velez front was behind the ambush near the river.');
    expect(graph.entity('Ramon Velez front')?.type).toBe('Group');
    expect(graph.entity('Ramon Velez', 'Person')).toBeUndefined();
  });

  it('a name set off by commas before a speech verb is a person, even after a place', () => {
    const graph = graphOf('A security analyst based in Dakar, Ousmane Pettigrew Lamarre, said the roads were unsafe.');
    expect(graph.entity('Ousmane Pettigrew Lamarre')?.type).toBe('Person');
  });

  it('a politician named after his lower-case title is a person', () => {
    const graph = graphOf('Opposition politician Darvesh Khan Tilokri, a former legislator, urged calm in the valley.');
    expect(graph.entity('Darvesh Khan Tilokri')?.type).toBe('Person');
  });

  it("a place's name that opens a name set off after a person's noun is a first name", () => {
    const graph = graphOf('Police arrested a relative of the local commander, Salem Ferrat Barouk, on Monday.');
    expect(graph.entity('Salem Ferrat Barouk')?.type).toBe('Person');
    expect(graph.entity('Salem', 'Location')).toBeUndefined();
  });
});
