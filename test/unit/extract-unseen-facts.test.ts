// Issue 10's failure classes about the facts of an attack (its date, arrests, counted casualties), each on
// sentences written for the test about invented events; each test fails without the mechanism it names.
import { describe, expect, it } from 'vitest';
import { readAttackDate, publicationInstant } from '../../src/extract/attack-dates.js';
import { graphOf } from '../helpers/extract-text.js';

const dateOf = (graph: ReturnType<typeof graphOf>, name: string) => graph.entity(name, 'Attack')?.attributes.find((a) => a.key === 'date')?.value;

describe('attack dates', () => {
  const monday = publicationInstant('2021-03-08');

  it('a stated year holds whatever the article\'s year', () => {
    expect(readAttackDate('the bombing in Tarvel on Feb. 9, 2019', monday)).toEqual({ year: 2019, date: '2019-02-09' });
  });

  it('"last Friday", "yesterday" and "on Sunday" are read against the publication day, never after it', () => {
    expect(readAttackDate('gunmen raided the depot last Friday', monday)?.date).toBe('2021-03-05');
    expect(readAttackDate('a blast yesterday', monday)?.date).toBe('2021-03-07');
    expect(readAttackDate('the ambush on Sunday', monday)?.date).toBe('2021-03-07');
  });

  it('a day without a year is the latest such day up to the publication; no year is claimed as stated', () => {
    expect(readAttackDate('the Dec. 29 bombing', monday)).toEqual({ year: undefined, date: '2020-12-29' });
    expect(readAttackDate('the attack on March 2', monday)).toEqual({ year: undefined, date: '2021-03-02' });
  });

  it('with no publication date, a day without a year stays yearless and "last Friday" gives nothing', () => {
    expect(readAttackDate('the attack on March 2', undefined)).toEqual({ year: undefined, date: '--03-02' });
    expect(readAttackDate('gunmen raided the depot last Friday', undefined)).toBeUndefined();
  });

  it('in an article, the attack keeps its own date, apart from the publication date', () => {
    const graph = graphOf(
      'Depot raid in Orvana\n8 March 2021\n\nGunmen attacked a fuel depot in Orvana, Nigeria, last Friday, killing three guards. Officials compared it with the bombing in Kadran on Feb. 9, 2019, which killed 11 people.',
    );
    const attacks = graph.entitiesOf('Attack');
    expect(attacks).toHaveLength(2);
    const raid = attacks.find((a) => graph.relations().includes(`OCCURRED_IN ${a.name} -> Orvana`))!;
    const older = attacks.find((a) => a !== raid)!;
    expect(dateOf(graph, raid.name)).toBe('2021-03-05');
    expect(dateOf(graph, older.name)).toBe('2019-02-09');
    expect(raid.attributes.filter((a) => a.key === 'deaths').map((a) => a.value)).toEqual([3]);
    expect(older.attributes.filter((a) => a.key === 'deaths').map((a) => a.value)).toEqual([11]);
  });
});

describe('arrests', () => {
  const arrests = (text: string) => graphOf(text).relations().filter((r) => r.startsWith('ARRESTED '));

  it('"police detained two suspects, A and B": each named suspect is arrested, by the state the arrest was in', () => {
    expect(arrests('Police in Tours, France, detained two suspects, Karim Belhadj and Yusuf Demir, on Tuesday, said Anna Klein.').sort()).toEqual(['ARRESTED France -> Karim Belhadj', 'ARRESTED France -> Yusuf Demir']);
  });

  it('"X was taken into custody" with no agent is an arrest; "by" names the agent', () => {
    expect(arrests('Austria opened an inquiry. The prosecutor said Anton Weller was taken into custody in Linz.')).toEqual(['ARRESTED Austria -> Anton Weller']);
    expect(arrests('Ines Kollár was detained by Interpol in Spain.')).toEqual(['ARRESTED Interpol -> Ines Kollár']);
  });

  it('"arrested a suspected commander, A" and "three men, including the manager, A": the name after the noun phrase', () => {
    expect(arrests('Interpol arrested a suspected Abu Sayyaf commander, Radulan Omar, in a raid in Zamboanga on Friday.')).toEqual(['ARRESTED Interpol -> Radulan Omar']);
    expect(arrests("Interpol detained four men, including the ship's cook, Tomas Varga, in Piraeus.")).toEqual(['ARRESTED Interpol -> Tomas Varga']);
    // Once the arrested is named, an aside describes them; a name after the object may be who speaks.
    expect(arrests('Interpol arrested Tomas Varga, an Abu Sayyaf financier, in Piraeus.')).toEqual(['ARRESTED Interpol -> Tomas Varga']);
    expect(arrests('Interpol arrested two men in Piraeus on Monday, Tomas Varga said.')).toEqual([]);
  });

  it('a denied or supposed arrest is none', () => {
    expect(arrests('In Linz, Austria, Anton Weller was not arrested. If Mara Lind is detained in Linz, she will appeal.')).toEqual([]);
  });
});

describe('casualties counted in parts and in words', () => {
  const tolls = (text: string) => {
    const [attack, ...others] = graphOf(text).entitiesOf('Attack');
    expect(others).toEqual([]);
    return attack!.attributes.filter((a) => a.key === 'deaths' || a.key === 'injured').map((a) => `${a.key}=${a.value}`);
  };

  it('"nine police officers and a civilian" is ten, in the active and in the passive', () => {
    expect(tolls('A suicide bomber killed nine police officers and a civilian in Marwa on Sunday.')).toEqual(['deaths=10']);
    expect(tolls('Three soldiers and two children were killed in the bombing in Avra.')).toEqual(['deaths=5']);
  });

  it('a toll of dead and one of hurt stay two; an "and" that starts a new clause adds nothing', () => {
    expect(tolls('The blast in Kessa left 14 dead and 30 injured.')).toEqual(['deaths=14', 'injured=30']);
    expect(tolls('The bombing in Ostra killed four people and a policeman was wounded.')).toEqual(['deaths=4', 'injured=1']);
  });

  it('numbers as words: "Fourteen", "twenty-three", "two dozen", "three hundred"', () => {
    expect(tolls('Fourteen people were killed when a bomb exploded at a market in Dabra.')).toEqual(['deaths=14']);
    expect(tolls('Gunmen attacked a bus in Tirel, killing twenty-three passengers.')).toEqual(['deaths=23']);
    expect(tolls('Two dozen people were wounded in the shooting in Orlim.')).toEqual(['injured=24']);
    expect(tolls('The siege in Varn left three hundred people injured.')).toEqual(['injured=300']);
  });

  it('a count with a long description of its victims, or a list of them after "including", is one toll', () => {
    expect(tolls('Six members of the Velna provincial election commission staff were killed in the bombing in Arvik.')).toEqual(['deaths=6']);
    expect(tolls('Thirty-two people, including 20 pilgrims, eight guards, and four bombers were killed in the bombing in Sarel.')).toEqual(['deaths=32']);
  });

  it('an "including" list stops at the next toll, and a relative clause counts something else', () => {
    expect(tolls('Three people, including two guards and a cook, were killed and four guards were injured in the attack on Melk.')).toEqual(['deaths=3', 'injured=4']);
    expect(tolls('Police said two bombs that together claimed the eight lives went off in Dorn.')).toEqual(['deaths=8']);
  });

  it('everyone stabbed is the count of the hurt only where no other count is given', () => {
    expect(tolls('A man stabbed four people at a bus stop in Tarvo on Friday.')).toEqual(['injured=4']);
    expect(tolls('A man stabbed four people at a bus stop in Tarvo on Friday. Three of them died and one was injured in the attack.').sort()).toEqual(['deaths=3', 'injured=1']);
  });

  it('"a further 40" and "an unknown number of" add to no other count', () => {
    expect(tolls('The blast in Pelo killed 12 people and injured a further 40.')).toEqual(['deaths=12', 'injured=40']);
    expect(tolls('Nine soldiers and an unknown number of gunmen were wounded in the ambush in Orsk.')).toEqual(['injured=9']);
  });
});
