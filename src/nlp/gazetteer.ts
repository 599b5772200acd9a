// The gazetteer: every country (from world-countries) with demonyms, capitals and metonyms, plus the groups,
// organisations and regions of data/, compiled into a token trie so one pass over a sentence finds them all.
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { Country } from 'world-countries';
import { CommonWordsFile, CountriesExtraFile, GroupsFile, LexiconFile, OrganizationsFile, RegionsFile, type Lexicon } from '../model/gazetteer.js';
import { DATA_DIR, loadDataFile, type EntityType } from '../model/ontology.js';
import { tokenize } from './tokenize.js';
import { isPersonName, tagsOf } from './word-classes.js';
import type { Token } from './types.js';

// world-countries, city-timezones and provinces ship CommonJS (the latter two untyped); require() reads them as they are.
const requireCjs = createRequire(import.meta.url);
const countries = requireCjs('world-countries') as Country[];

/** Cities (about 7,300 with more than a few thousand people) and states or provinces, from their packages. */
const CityRecord = z.object({ city: z.string(), iso3: z.string(), province: z.string().optional() });
const ProvinceRecord = z.object({ name: z.string(), country: z.string().length(2), region: z.string().optional() });
const PLACE_TAGS = new Set(['City', 'Place', 'Region', 'Country']);

/** A city or province name that is also an English word or a person's name ("Mobile", "Jackson") is left out. */
function plainPlaceName(name: string, commonWords: Set<string>): boolean {
  if (name.length < 4 || !/^\p{Lu}[\p{L}' .-]+$/u.test(name)) return false;
  if (/\s/.test(name)) return true;
  if (commonWords.has(name.toLowerCase())) return false;
  const tags = tagsOf(name);
  return tags.length === 0 || tags.some((t) => PLACE_TAGS.has(t));
}

/** What a surface form says about its entity: it names it, or it is an adjective, a capital, a metonym. */
export type FormKind = 'name' | 'demonym' | 'capital' | 'metonym';

export interface GazetteerEntry {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  /** The country a capital, region, agency or demonym belongs to. */
  country?: string;
  /** The state or province a city lies in (a province: itself), as an entry id, when the place packages say. */
  province?: string;
  /** The part of its country a province, or a city in it, lies in ("England" for a county), as an entry id, where the gazetteer knows it. */
  region?: string;
  parent?: string;
  activeIn?: string[];
  onlyAfter?: string[];
}

export interface GazetteerHit {
  entry: GazetteerEntry;
  form: FormKind;
  /** Token range [first, last). */
  first: number;
  last: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  values: Array<{ entry: GazetteerEntry; form: FormKind }>;
}

export interface Gazetteer {
  entries: Map<string, GazetteerEntry>;
  root: TrieNode;
  /**
   * One bit per hash of every form's first token. A token whose bit is clear starts no match and costs no lookup in
   * the root's map: with thousands of keys, its lookups miss the cache, while this table stays in it.
   */
  firstTokens: Uint32Array;
  lexicon: Lexicon;
  /** Entry id of a country by ISO alpha-3 code. */
  countryByCode: Map<string, string>;
  /** Entry id of a country's capital by the country's entry id ("the Somali capital" is Mogadishu). */
  capitalByCountry: Map<string, string>;
  /** City names left out for being English words too ("Nice", "Reading"): places only where the context says so. */
  wordPlaces: Set<string>;
  /** Words English writes in lower case (data/common-words.json): alone and capitalised, a word, not a name. */
  commonWords: Set<string>;
}

export const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const newNode = (): TrieNode => ({ next: new Map(), values: [] });

/** The surface in every transliteration of its words: "al-Qaeda" is also "al-Qaida" and "al-Qa'ida". */
function spellings(surface: string, variants: string[][]): string[] {
  let out = [surface];
  for (const group of variants) {
    const re = new RegExp(`(?<![\\p{L}'])(${group.join('|')})(?![\\p{L}'])`, 'giu');
    if (!re.test(surface)) continue;
    out = out.flatMap((s) => group.map((w) => s.replace(re, (m) => (/^\p{Lu}/u.test(m) ? w[0]!.toUpperCase() + w.slice(1) : w))));
  }
  return [...new Set(out)];
}

function insert(root: TrieNode, surfaces: string[], entry: GazetteerEntry, form: FormKind): void {
  const variants = new Set(surfaces);
  // "al-Qaeda" also begins sentences as "Al-Qaeda"; names given capitalised are matched only capitalised.
  for (const variant of [...variants]) if (/^\p{Ll}/u.test(variant)) variants.add(variant[0]!.toUpperCase() + variant.slice(1));
  for (const variant of variants) {
    let node = root;
    for (const token of tokenize(variant)) {
      let child = node.next.get(token.text);
      if (!child) node.next.set(token.text, (child = newNode()));
      node = child;
    }
    if (!node.values.some((v) => v.entry.id === entry.id && v.form === form)) node.values.push({ entry, form });
  }
}

export function loadLexicon(): Lexicon {
  return loadDataFile(LexiconFile, new URL('lexicon.json', DATA_DIR));
}

export function loadGazetteer(): Gazetteer {
  const extra = loadDataFile(CountriesExtraFile, new URL('countries-extra.json', DATA_DIR)).countries;
  const groups = loadDataFile(GroupsFile, new URL('groups.json', DATA_DIR)).groups;
  const organizations = loadDataFile(OrganizationsFile, new URL('organizations.json', DATA_DIR)).organizations;
  const regions = loadDataFile(RegionsFile, new URL('regions.json', DATA_DIR)).regions;
  const lexicon = loadLexicon();
  const commonWords = new Set(loadDataFile(CommonWordsFile, new URL('common-words.json', DATA_DIR)).words);
  const entries = new Map<string, GazetteerEntry>();
  const root = newNode();
  const countryByCode = new Map<string, string>();
  const capitalByCountry = new Map<string, string>();
  const add = (entry: GazetteerEntry, forms: Array<[string, FormKind]>) => {
    entries.set(entry.id, entry);
    for (const [surface, form] of forms) insert(root, spellings(surface, lexicon.spellingVariants), entry, form);
  };

  for (const country of countries) {
    const more = extra[country.cca3];
    const name = more?.name ?? country.name.common;
    const sovereign = country.independent === true || country.cca3 === 'PSE' || country.cca3 === 'XKX' || country.cca3 === 'TWN';
    const id = `${sovereign ? 'country' : 'location'}/${slug(name)}`;
    countryByCode.set(country.cca3, id);
    // Two-letter codes ("RU") and native spellings are not how English news names a country.
    // An other spelling that is also a word or a person's name ("Island" for Iceland, "Dominique") names nothing here.
    const alt = country.altSpellings.filter((a) => a.length > 3 && /^[\p{Script=Latin}\s'’.,-]+$/u.test(a) && !a.includes(',') && !commonWords.has(a.toLowerCase()) && !isPersonName(a));
    const aliases = [...new Set([country.name.common, country.name.official, ...alt, ...(more?.aliases ?? [])])].filter((a) => a !== name);
    const demonyms = [...new Set([country.demonyms?.eng?.m, country.demonyms?.eng?.f, ...(more?.demonyms ?? [])])].filter((d): d is string => d !== undefined && (d.length > 2 || d === 'US'));
    add({ id, type: sovereign ? 'Country' : 'Location', name, aliases }, [
      [name, 'name'],
      ...aliases.map((a): [string, FormKind] => [a, 'name']),
      // A territory shares its sovereign's adjective ("French"); the adjective speaks of the sovereign.
      ...(sovereign ? demonyms.map((d): [string, FormKind] => [d, 'demonym']) : []),
      ...(more?.metonyms ?? []).map((m): [string, FormKind] => [m, 'metonym']),
    ]);
    if (!sovereign) continue;
    const capitals = [...country.capital.filter((c) => c.length > 0), ...(more?.capitalAliases ?? [])];
    const [capital, ...capitalAliases] = capitals;
    if (!capital) continue;
    const capitalId = `location/${slug(country.capital[0] ?? capital)}`;
    add({ id: capitalId, type: 'Location', name: country.capital[0] ?? capital, aliases: capitalAliases, country: id }, capitals.map((c): [string, FormKind] => [c, 'capital']));
    capitalByCountry.set(id, capitalId);
  }

  for (const group of groups) {
    const entry: GazetteerEntry = { id: `group/${group.id}`, type: 'Group', name: group.name, aliases: group.aliases, activeIn: group.activeIn };
    if (group.parent) entry.parent = `group/${group.parent}`;
    add(entry, [[group.name, 'name'], ...group.aliases.map((a): [string, FormKind] => [a, 'name'])]);
  }
  for (const org of organizations) {
    const entry: GazetteerEntry = { id: `organization/${org.id}`, type: 'Organization', name: org.name, aliases: org.aliases };
    if (org.country) entry.country = countryByCode.get(org.country) ?? org.country;
    if (org.onlyAfter) entry.onlyAfter = org.onlyAfter;
    add(entry, [[org.name, 'name'], ...org.aliases.map((a): [string, FormKind] => [a, 'name'])]);
  }
  for (const region of regions) {
    const entry: GazetteerEntry = { id: `location/${region.id}`, type: 'Location', name: region.name, aliases: region.aliases };
    if (region.country) entry.country = countryByCode.get(region.country) ?? region.country;
    add(entry, [[region.name, 'name'], ...region.aliases.map((a): [string, FormKind] => [a, 'name'])]);
  }
  // Places the lists above do not name: states and provinces, then cities, each in its country.
  const taken = new Set([...entries.values()].flatMap((e) => [e.name, ...e.aliases].map((n) => n.toLowerCase())));
  const byIso2 = new Map(countries.map((c) => [c.cca2, countryByCode.get(c.cca3)]));
  const wordPlaces = new Set<string>();
  const provinces = new Set<string>();
  // A province's region ("England") counts only as a region data/ lists in the same country.
  const regionIn = (region: string | undefined, country: string) => {
    const id = region === undefined ? undefined : `location/${slug(region)}`;
    return id !== undefined && entries.get(id)?.country === country ? id : undefined;
  };
  const addPlace = (name: string, country: string | undefined, province?: string, region?: string) => {
    if (!country || taken.has(name.toLowerCase())) return;
    if (!plainPlaceName(name, commonWords)) {
      wordPlaces.add(name);
      return;
    }
    taken.add(name.toLowerCase());
    const id = `location/${slug(name)}`;
    if (entries.has(id)) return;
    // A city's province is known only when the provinces package names it in the same country.
    const within = province === undefined ? undefined : `location/${slug(province)}`;
    const entry: GazetteerEntry = { id, type: 'Location', name, aliases: [], country };
    if (within === id || (within !== undefined && provinces.has(within) && entries.get(within)?.country === country)) entry.province = within;
    const part = within === id ? regionIn(region, country) : entry.province && entries.get(entry.province)?.region;
    if (part) entry.region = part;
    add(entry, [[name, 'name']]);
    if (within === id) provinces.add(id);
  };
  for (const p of z.array(ProvinceRecord).parse(requireCjs('provinces'))) addPlace(p.name, byIso2.get(p.country), p.name, p.region);
  for (const c of z.array(CityRecord).parse((requireCjs('city-timezones') as { cityMapping: unknown }).cityMapping)) addPlace(c.city, countryByCode.get(c.iso3), c.province);
  for (const entry of entries.values()) {
    if (entry.parent && !entries.has(entry.parent)) throw new Error(`gazetteer: ${entry.id} names an unknown parent ${entry.parent}`);
  }
  const firstTokens = new Uint32Array(1 << (FIRST_TOKEN_BITS - 5));
  for (const token of root.next.keys()) {
    const bit = firstTokenBit(token);
    firstTokens[bit >>> 5]! |= 1 << (bit & 31);
  }
  return { entries, root, firstTokens, lexicon, countryByCode, capitalByCountry, wordPlaces, commonWords };
}

const FIRST_TOKEN_BITS = 16;

/** FNV-1a of the token's UTF-16 code units, cut to FIRST_TOKEN_BITS. */
function firstTokenBit(token: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < token.length; k++) h = Math.imul(h ^ token.charCodeAt(k), 0x01000193);
  return (h >>> 0) & ((1 << FIRST_TOKEN_BITS) - 1);
}

/** Longest matches, left to right, in one pass over the tokens. */
export function matchGazetteer(gazetteer: Gazetteer, tokens: Token[]): GazetteerHit[] {
  const hits: GazetteerHit[] = [];
  for (let i = 0; i < tokens.length; ) {
    const bit = firstTokenBit(tokens[i]!.text);
    if ((gazetteer.firstTokens[bit >>> 5]! & (1 << (bit & 31))) === 0) {
      i++;
      continue;
    }
    let node: TrieNode | undefined = gazetteer.root;
    let best: { values: TrieNode['values']; last: number } | undefined;
    for (let j = i; j < tokens.length && node; j++) {
      node = node.next.get(tokens[j]!.text);
      if (node && node.values.length > 0) best = { values: node.values, last: j + 1 };
    }
    if (!best) {
      i++;
      continue;
    }
    const preceding = tokens.slice(Math.max(0, i - 2), i).map((t) => t.text.toLowerCase()).join(' ');
    const value = best.values.find((v) => !v.entry.onlyAfter || v.entry.onlyAfter.some((w) => preceding.endsWith(w)));
    if (value) hits.push({ entry: value.entry, form: value.form, first: i, last: best.last });
    i = value ? best.last : i + 1;
  }
  return hits;
}
