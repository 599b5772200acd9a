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
