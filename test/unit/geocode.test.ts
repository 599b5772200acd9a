// The geocoder on a small made-up city list: the country in context decides between namesakes, a small town
// abroad is not taken for the place meant, regions and unknown names are reported, countries are placed.
import type { Country } from 'world-countries';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Geocoder, type City } from '../../src/resolve/geocode.js';

const countries = createRequire(import.meta.url)('world-countries') as Country[];
const city = (name: string, country: string, population: number, lon: number, lat: number): City => ({ name, altName: '', country, population, loc: { coordinates: [lon, lat] } });
const cities = [city('Hyderabad', 'IN', 3_500_000, 78.45, 17.38), city('Hyderabad', 'PK', 1_400_000, 68.37, 25.39), city('Jalālābād', 'AF', 200_000, 70.45, 34.43), city('Springfield', 'US', 60_000, -89.6, 39.8), city('Springfield', 'AU', 9_000, 152.9, -27.6)];
const geocoder = new Geocoder(cities, countries, new Map([['location/sahel', { region: true }], ['location/capital', { region: false, country: 'Australia' }]]));
const query = (name: string, more: { within?: string[]; mentioned?: string[]; id?: string; type?: string } = {}) =>
  geocoder.place({ id: more.id ?? `location/${name.toLowerCase()}`, name, type: more.type ?? 'Location', aliases: [], within: more.within ?? [], mentioned: more.mentioned ?? [] });

describe('geocoding places', () => {
  it('takes the most populous namesake without context, and the one in the country in context with it', () => {
    expect(query('Hyderabad')).toMatchObject({ placed: true, country: 'IN', lat: 17.38 });
    expect(query('Hyderabad', { within: ['Pakistan'] })).toMatchObject({ placed: true, country: 'PK', lon: 68.37 });
    expect(query('Hyderabad', { mentioned: ['Pakistan', 'India'] })).toMatchObject({ country: 'PK' });
    expect(query('Hyderabad', { within: ['France'] })).toMatchObject({ placed: false, reason: expect.stringContaining('FR') });
  });

  it('matches names without accents, and does not take a small town abroad for the place meant', () => {
    expect(query('Jalalabad')).toMatchObject({ placed: true, country: 'AF' });
    expect(query('Springfield', { mentioned: ['Australia'] })).toMatchObject({ placed: true, country: 'AU' });
    expect(query('Springfield', { id: 'location/capital' })).toMatchObject({ placed: true, country: 'AU' });
    expect(query('Springfield', { mentioned: ['Canada'] })).toMatchObject({ placed: false, reason: expect.stringContaining('only small places') });
  });

  it('places countries and territories, and says why regions and unknown names are not placed', () => {
    expect(query('Russia', { type: 'Country', id: 'country/russia' })).toMatchObject({ placed: true, source: 'country', country: 'RU', lat: 60, lon: 100 });
    expect(query('French Guiana')).toMatchObject({ placed: true, source: 'country', country: 'GF' });
    expect(query('Sahel')).toEqual({ id: 'location/sahel', placed: false, reason: 'a region, not a point' });
    expect(query('Atlantis')).toMatchObject({ placed: false, reason: expect.stringContaining('not a city or town') });
  });
});
