// Misses of the unseen long articles w26-w35 (eval/written), each mechanism on sentences about invented
// events and people written for the test; each test fails without the mechanism it names.
import { describe, expect, it } from 'vitest';
import { graphOf } from '../helpers/extract-text.js';

describe('gazetteer of the groups and states of central Africa and Iraq', () => {
  it('a bare "Congo" is the Democratic Republic of Congo, one entity with its longer name', () => {
    const graph = graphOf('Border talks\n\nThe Democratic Republic of Congo recalled its envoy. Congo said troops from Rwanda had crossed near Lake Kivu.');
    expect(graph.entitiesOf('Country').filter((e) => /congo/i.test(e.name))).toHaveLength(1);
  });

  it('the Allied Democratic Forces and the Popular Mobilisation Forces are armed groups, not organisations', () => {
    const graph = graphOf(
      'Raids in the east\n\nFighters of the Allied Democratic Forces (ADF) burned a clinic near Beni. In Iraq, the Popular Mobilisation Forces said two of their men died near Tuz.',
    );
    expect(graph.entity('Allied Democratic Forces', 'Group')).toBeDefined();
    expect(graph.entity('Popular Mobilisation Forces', 'Group')).toBeDefined();
    expect(graph.entitiesOf('Organization').map((e) => e.name)).not.toContain('Allied Democratic Forces');
  });

  it('"Islamic State in Somalia" is the group "the Islamic State faction" of a Somali story names', () => {
    const graph = graphOf('Mountain fighting\n\nAl-Shabaab has fought the smaller Islamic State faction near Qandala for years. The Islamic State in Somalia has a few hundred fighters.');
    const branch = graph.entitiesOf('Group').find((e) => /somalia/i.test(e.name));
    expect(branch).toBeDefined();
    expect(graph.relations()).toContain(`BRANCH_OF ${branch!.name} -> Islamic State`);
  });
});

describe('roles told around a name', () => {
  it('a field word between the possessive and the title belongs to the title: "Uganda\'s tourism minister, X"', () => {
    const graph = graphOf('Lodges stay open\n\nUganda\'s tourism minister, Harriet Nabukeera, said the lodges near the park were safe.');
    expect(graph.relations()).toContain('MEMBER_OF Harriet Nabukeera -> Uganda');
  });

  it('a rank between the set-off title and the name does not hide the holder: "Kenya\'s army spokesman, Colonel X"', () => {
    const graph = graphOf('Troops deployed\n\nKenya\'s army spokesman, Colonel Daniel Kiprono, said troops had been sent to the border.');
    expect(graph.relations()).toContain('MEMBER_OF Daniel Kiprono -> Kenya');
  });

  it('"X, a researcher at the Y" places X in Y, even when a word of Y\'s name looks like a title', () => {
    const graph = graphOf('Analysts divided\n\nLydia Mwangi, a researcher at the Institute for Security Studies, said the group had grown weaker.');
    expect(graph.relations()).toContain('MEMBER_OF Lydia Mwangi -> Institute for Security Studies');
  });
});

describe('arrests and attacks told in less common words', () => {
  it('"arrested a fourth man, a Belgian national named as X": the name the description ends on is the arrested', () => {
    const graph = graphOf('Fourth arrest\n\nDutch police had arrested a fourth man, a Belgian national named as Pieter Wauters, in Breda on Friday.');
    expect(graph.relations()).toContain('ARRESTED Netherlands -> Pieter Wauters');
  });

  it('fighters who "overran" a post attacked it, and their claim of "the assault" is a claim of that attack', () => {
    const graph = graphOf('Post lost\n\nIn October, ISWAP fighters overran a military post at Dorval, killing eight soldiers. ISWAP said in a statement that it had carried out the assault.');
    const [attack] = graph.entitiesOf('Attack');
    expect(attack).toBeDefined();
    expect(graph.relations()).toEqual(expect.arrayContaining([`CARRIED_OUT Islamic State West Africa Province -> ${attack!.name}`, `CLAIMED Islamic State West Africa Province -> ${attack!.name}`]));
    expect(attack!.attributes.find((a) => a.key === 'deaths')?.value).toBe(8);
  });
});

describe('advisories and denials told in the words of diplomacy', () => {
  it('a state that urges its citizens not to travel to a country, or advises against travel to it, warns it', () => {
    const graph = graphOf(
      'Advisories issued\n\nCanada and Australia urged their citizens on Monday not to travel to northern Mozambique. Germany advised against all travel to the border areas of Chad.',
    );
    expect(graph.relations()).toEqual(expect.arrayContaining(['WARNED Canada -> Mozambique', 'WARNED Australia -> Mozambique', 'WARNED Germany -> Chad']));
  });

  it('a group blamed "which denied it", or that "denied that it had fired on" the place, denies the attack', () => {
    const graph = graphOf(
      'Two attacks\n\nIn May, gunmen attacked a police station in Tarvel, killing three officers; the army blamed al-Shabaab, which denied it.',
      'Market hit\n\nRockets struck a market in Corvale on Monday, killing six people. The Houthis denied that they had fired on the market.',
    );
    const attackIn = (place: string) => graph.entitiesOf('Attack').find((a) => graph.relations().includes(`OCCURRED_IN ${a.name} -> ${place}`))!;
    expect(graph.relations()).toEqual(expect.arrayContaining([`DENIED al-Shabaab -> ${attackIn('Tarvel').name}`, `DENIED Houthis -> ${attackIn('Corvale').name}`]));
  });
});

describe('tolls told as revisions and as ways of killing', () => {
  const deathsOf = (text: string) => graphOf(text).entitiesOf('Attack').flatMap((a) => a.attributes.filter((x) => x.key === 'deaths').map((x) => x.value));
  const injuredOf = (text: string) => graphOf(text).entitiesOf('Attack').flatMap((a) => a.attributes.filter((x) => x.key === 'injured').map((x) => x.value));

  it('"the death toll from <a long phrase> rose to N" and a bare "the toll has risen to N" give the total', () => {
    expect(deathsOf('Toll revised\n\nThe death toll from a suicide bombing at a bus depot in the northern town of Corvale rose to 29 on Monday, officials said.')).toContain(29);
    expect(deathsOf('Toll revised\n\nA suicide bomber attacked a wedding hall in Corvale on Friday. By Sunday the toll had risen to 37, among them eleven children.')).toContain(37);
  });

  it('"N more of the wounded died" is an increment, and "N on Sunday after several of the wounded died" no injured count', () => {
    const text = 'Toll revised\n\nA suicide bomber attacked a wedding hall in Corvale on Friday. Six more of the wounded died during the night, officials said.';
    expect(deathsOf(text)).not.toContain(6);
    expect(injuredOf(text)).not.toContain(6);
    expect(injuredOf('Toll revised\n\nThe toll from the wedding hall bombing in Corvale rose to 37 on Sunday after several of the wounded died.')).not.toContain(37);
  });

  it('"one was killed and three more were injured" still counts the three injured', () => {
    expect(injuredOf('Clash\n\nGunmen attacked a checkpoint in Tarvel on Monday. One soldier died at the gate and three more were wounded by shrapnel.')).toContain(3);
  });

  it('"stabbed two guards to death" counts two dead', () => {
    expect(deathsOf('Older attack\n\nFour years ago a man stabbed two security guards to death outside a bank in Tarvel.')).toContain(2);
  });
});

describe('fighting told as a noun', () => {
  it('"fighting broke out three years ago between X and the factions of Y": X fought Y', () => {
    const graph = graphOf('Province at war\n\nThe province has been violent since fighting broke out three years ago between the ELN and dissident factions of the FARC.');
    expect(graph.relations()).toContain('FOUGHT National Liberation Army -> FARC');
  });

  it('"clashes between X and Y": the two sides of one list after the cue fought each other', () => {
    const graph = graphOf('Rivals\n\nClashes between al-Shabaab and the Islamic State near Qandala have killed dozens this year.');
    expect(graph.relations()).toContain('FOUGHT al-Shabaab -> Islamic State');
  });
});
