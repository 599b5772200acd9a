// Names of armed units, commands and fronts that no list holds, and people set off beside them: each on sentences
// written for the test about invented events; each fails without its mechanism.
import { describe, expect, it } from 'vitest';
import { graphOf } from '../helpers/extract-text.js';

describe('military units and commands are bodies', () => {
  it.each([
    ['a numbered unit with a word of what it is', "Colonel Ruben Tasco of the army's 9th Mountain Division said the pass was closed.", '9th Mountain Division'],
    ['a numbered unit written in words, before a rank', 'The commander of the Fifth Division, General Aurelio Vance, visited Portvell.', 'Fifth Division'],
    ['a command named after its region', "General Ilse Marrow, who heads the army's Western Command, said troops were in Kessa.", 'Western Command'],
  ])('%s', (_shape, text, body) => {
    const graph = graphOf(text);
    expect(graph.entity(body)?.type).toBe('Organization');
    expect(graph.entitiesOf('Person').map((p) => p.name)).not.toContain(body);
  });

  it('a unit named with whose it is, and without, is one body', () => {
    const graph = graphOf('The Fifth Division of the Army said two soldiers died near Portvell. A spokesman for the Fifth Division said the road was open.');
    expect(graph.entitiesOf('Organization').filter((o) => o.name.startsWith('Fifth Division'))).toHaveLength(1);
  });

  it('an acronym clipped from the words of the name before it is that name', () => {
    const graph = graphOf('The Kenya Lakes Command (LACOM) said on Monday that a patrol boat was hit near Kessa. LACOM said two sailors died.');
    expect(graph.entity('LACOM')?.name).toBe('Kenya Lakes Command');
    expect(graph.entitiesOf('Organization').filter((o) => o.name === 'LACOM')).toHaveLength(0);
  });
});

describe('a front named after a person', () => {
  it('a name that ends on "Front" is a group, a first name in it or not', () => {
    const graph = graphOf('Police said the Marcus Olvera Front had planted the bomb that killed four soldiers in Portvell.');
    expect(graph.entity('Marcus Olvera Front')?.type).toBe('Group');
    expect(graph.entitiesOf('Person')).toHaveLength(0);
  });
});

describe('people set off beside a group', () => {
  it.each([
    ['a person set off after "an informant of the gang" is a person, not the gang', 'Soldiers arrested a suspected informant of the gang, Tahir Bellamu, in Kessa on Monday.', 'Tahir Bellamu'],
    ['the one who commands units is a person', 'Its remaining units, now commanded by Idris Wantaro Bello, operate in the hills near Kessa.', 'Idris Wantaro Bello'],
  ])('%s', (_shape, text, person) => {
    expect(graphOf(text).entity(person)?.type).toBe('Person');
  });
});
