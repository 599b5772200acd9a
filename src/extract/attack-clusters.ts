// Decides which attack phrases of a document speak of the same attack, and names each attack.
import { slug } from '../nlp/index.js';
import { CALENDAR_WORD, isStrongKind, type AttackPhrase } from './attacks.js';
import type { AttackFacts } from './types.js';
import { DAY_MS } from '../model/time.js';

export interface AttackCluster {
  ref: string;
  facts: AttackFacts;
  /** The year is stated in the text (not assumed from the publication date). */
  explicitYear: boolean;
  phrases: AttackPhrase[];
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

export function mergeFacts(into: AttackFacts, from: AttackFacts): void {
  into.places = union(into.places, from.places);
  into.sites = union(into.sites, from.sites);
  into.countries = union(into.countries, from.countries);
  into.persons = union(into.persons, from.persons);
  into.names = union(into.names, from.names);
  into.venues = union(into.venues, from.venues);
  into.agents = union(into.agents, from.agents);
  into.year ??= from.year;
  into.date ??= from.date;
  // A specific kind ("shooting") says more than the generic "attack".
  if (into.kind === 'attack' && from.kind !== 'attack') into.kind = from.kind;
}

export interface Era {
  year: number | undefined;
  explicit: boolean;
}

/**
 * Two reports can be one attack only if their years agree. A report with no year is of its article's day,
 * so it matches a year assumed from a publication date but never a year the text states ("in 2002").
 */
export function erasAgree(a: Era, b: Era): boolean {
  if (a.year !== undefined && b.year !== undefined) return a.year === b.year;
  if (a.year === undefined && b.year === undefined) return true;
  return !(a.year !== undefined ? a.explicit : b.explicit);
}

// Reports of one attack may date it a day or two apart (time zones, "overnight", a late count).
const SAME_DAYS = 3;

function dateParts(date: string): { year: number | undefined; month: number | undefined; day: number | undefined } {
  const m = /^(?:(\d{4})|-)(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  return { year: m?.[1] ? Number(m[1]) : undefined, month: m?.[2] ? Number(m[2]) : undefined, day: m?.[3] ? Number(m[3]) : undefined };
}

/**
 * Two reports dated to days more than a few days apart, or to different months, tell of two attacks ("the
 * market bombing on Thursday" in September is not May's hotel siege in the same city). An undated report
 * agrees with any date.
 */
export function datesAgree(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  const x = dateParts(a);
  const y = dateParts(b);
  if (x.month === undefined || y.month === undefined) return true;
  if (x.day === undefined || y.day === undefined) return x.month === y.month || (x.year !== undefined && y.year !== undefined && x.year !== y.year);
  const base = x.year ?? y.year ?? 2000;
  // A day with no year is its day in the other's year, or in the year before or after (Dec. 31 / Jan. 1).
  const shifted = x.year === undefined ? x : y.year === undefined ? y : undefined;
  const dayOf = (p: typeof x, k: number) => Date.UTC(p.year ?? base + (p === shifted ? k : 0), p.month! - 1, p.day!);
  return [-1, 0, 1].some((k) => Math.abs(dayOf(x, k) - dayOf(y, k)) <= SAME_DAYS * DAY_MS);
}

/**
 * Shared places, people or names tie two reports. Otherwise a shared country ties them, unless both name
 * places and none of those is shared (two cities: two attacks).
 */
export function anchorsAgree(a: AttackFacts, b: AttackFacts): boolean {
  const shares = (x: string[], y: string[]) => x.some((v) => y.includes(v));
  if (shares(a.places, b.places) || shares(a.sites, b.sites) || shares(a.persons, b.persons) || shares(a.names, b.names)) return true;
  if (siteInPlace(a, b) || siteInPlace(b, a) || nameIsPlace(a, b) || nameIsPlace(b, a)) return true;
  return shares(a.countries, b.countries) && !placesConflict(a, b);
}

// "Manchester Arena" lies in Manchester: a site named after a place is in it.
const slugOf = (ref: string) => ref.slice(ref.indexOf('/') + 1);
const siteInPlace = (a: AttackFacts, b: AttackFacts) => a.sites.some((site) => b.places.some((place) => slugOf(site).startsWith(`${slugOf(place)}-`)));
// A headline's "Manchester Arena bombing" keeps "Manchester" as a bare name when it cannot tell it is a place.
const nameIsPlace = (a: AttackFacts, b: AttackFacts) => a.names.some((name) => b.places.some((place) => slugOf(place) === slug(name)));

/**
 * "the Dortmund and the Korvik cafe bombings": a name the text gives the attack that none of the other's
 * places, sites or names bears is another attack, even when the gazetteer cannot tell the name is a place.
 * (A name with a day, "Bloody Friday", is the attack's own and is left to the caller.)
 */
export function nameElsewhere(a: AttackFacts, known: AttackFacts): boolean {
  const anchors = [...known.places, ...known.sites].map(slugOf).concat(known.names.map((n) => slug(n)));
  if (a.names.length === 0 || anchors.length === 0) return false;
  const bears = (name: string) => anchors.some((anchor) => `-${anchor}-`.includes(`-${slug(name)}-`));
  return !a.names.some(bears);
}

/** Both name things of one kind and share none of them: two cities, two countries, two people. */
export function anchorsConflict(a: AttackFacts, b: AttackFacts, kinds: Array<'places' | 'sites' | 'names' | 'countries' | 'persons'>): boolean {
  const conflict = (x: string[], y: string[]) => x.length > 0 && y.length > 0 && !x.some((v) => y.includes(v));
  return kinds.some((kind) => conflict(a[kind], b[kind]));
}

const placesConflict = (a: AttackFacts, b: AttackFacts) => anchorsConflict(a, b, ['places', 'names']);

// Kinds that name how an attack was done; "attack", "massacre" and "incident" fit any of them.
const SPECIFIC_KINDS = new Set(['shooting', 'bombing', 'hostage-taking', 'ramming', 'stabbing', 'arson']);
export const kindsAgree = (a: string, b: string): boolean => a === b || !SPECIFIC_KINDS.has(a) || !SPECIFIC_KINDS.has(b);

// A noun the lexicon reads as an attack only where the text tells one: "the incident".
const NEUTRAL_NOUN = /^incidents?$/;

const hasAnchor = (f: AttackFacts) => f.places.length + f.sites.length + f.persons.length + f.names.length > 0;

/**
 * The phrase with the places of the nearest sentence before it that names a town (failing that, a country): in
 * its paragraph or, for a phrase that opens one, in the paragraph before, which told the event ("Gunmen rode into
 * X and killed nine. || The raid, ... along the border with Y, ...": the raid is in X, not in Y).
 */
function inContext(phrase: AttackPhrase, input: ClusterInput): AttackPhrase {
  const opensParagraph = phrase.sentence > 0 && !input.sameParagraph(phrase.sentence - 1, phrase.sentence);
  const reaches = (s: number) => input.sameParagraph(s, phrase.sentence) || (opensParagraph && input.sameParagraph(s, phrase.sentence - 1));
  let context: AttackFacts | undefined;
  for (let s = phrase.sentence; s >= 0 && phrase.sentence - s <= 6 && reaches(s); s--) {
    const facts = input.sentenceFacts(s);
    if (facts.places.length > 0) {
      // The paragraph before tells the event over its sentences: "Gunmen raided X ... For the farmers of the Y region, ...".
      if (context?.places.length) context = { ...facts, places: union(facts.places, context.places), countries: union(facts.countries, context.countries) };
      else context = facts;
      if (input.sameParagraph(s, phrase.sentence)) break;
    } else if (facts.countries.length > 0 && input.sameParagraph(s, phrase.sentence)) context ??= facts;
  }
  if (!context) return phrase;
  const impliedCountries = phrase.impliedCountries.filter((c) => !context.countries.includes(c));
  return { ...phrase, impliedCountries, facts: { ...phrase.facts, places: union(context.places, phrase.facts.places), countries: union(context.countries, phrase.facts.countries), year: phrase.facts.year ?? context.year } };
}

/** "two bombings in Jalalabad and Kabul": one bombing in Jalalabad, one in Kabul, each named in the singular. */
function eachAttack(phrase: AttackPhrase): AttackPhrase[] {
  if (phrase.eachIn.length < 2) return [phrase];
  const others = phrase.facts.places.filter((p) => !phrase.eachIn.includes(p));
  const noun = phrase.noun.replace(/s$/, '');
  return phrase.eachIn.map((place) => ({ ...phrase, noun, plural: false, oneEvent: false, eachIn: [], shared: true, facts: { ...structuredClone(phrase.facts), noun, places: [place, ...others] } }));
}

/** "numerous attacks", "extremist attacks on crowds in Moscow" (an undated plural without an article): no one attack. */
export const talksOfMany = (phrase: AttackPhrase): boolean =>
  phrase.generic || (phrase.plural && !phrase.oneEvent && !phrase.definite && phrase.facts.year === undefined && phrase.facts.date === undefined);

export interface ClusterInput {
  phrases: AttackPhrase[];
  publishedYear: number | undefined;
  /** Whether two sentences are in one paragraph (for events told over several sentences). */
  sameParagraph: (a: number, b: number) => boolean;
  /** Places and dates of a sentence, for an unplaced "a three-day siege" that the sentences before place. */
  sentenceFacts: (sentence: number) => AttackFacts;
  /** The province a place lies in (a province: itself), where the gazetteer knows it. */
  provinceOf: (ref: string) => string | undefined;
  /** The part of its country ("England") a province or a town lies in, where the gazetteer knows it. */
  regionOf: (ref: string) => string | undefined;
}

/**
 * "died in a premature explosion in England ... blew himself up planting a bomb at an exchange in Coventry": a report
 * placed only in towns that lie in the province or region an attack is placed in, and no town, tells that attack
 * more closely. Only that way round: a report placed in a region may be of any of the attacks in its towns.
 */
export function placedWithin(a: AttackFacts, b: AttackFacts, input: Pick<ClusterInput, 'provinceOf' | 'regionOf'>): boolean {
  const town = (place: string) => input.provinceOf(place) !== undefined && input.provinceOf(place) !== place;
  const areas = (place: string) => [input.provinceOf(place), input.regionOf(place)];
  return a.places.length > 0 && b.places.length > 0 && !b.places.some(town) && a.places.every((p) => areas(p).some((area) => area !== undefined && b.places.includes(area)));
}

/**
 * Two attacks told in places that the gazetteer knows, none shared and none inside another: two towns, two
 * provinces. A street, a district or a town it does not know may lie inside any of them, so it clashes with none.
 */
export function placesClash(a: AttackFacts, b: AttackFacts, provinceOf: (ref: string) => string | undefined): boolean {
  if (a.places.some((p) => b.places.includes(p))) return false;
  const known = (places: string[]) => places.filter((p) => provinceOf(p) !== undefined);
  const x = known(a.places);
  const y = known(b.places);
  const inside = (place: string, region: string) => provinceOf(place) === region;
  return x.length > 0 && y.length > 0 && !x.some((p) => y.some((q) => inside(p, q) || inside(q, p)));
}

/**
 * "gunmen killed five at a checkpoint outside X, also in Y state" is not the prison raid in Z, in Y state: reports
 * placed in different towns the gazetteer knows tell different attacks, whatever province they share, unless a
 * site, a person or a name ties them.
 */
export function townsDiffer(a: AttackFacts, b: AttackFacts, provinceOf: (ref: string) => string | undefined): boolean {
  const towns = (f: AttackFacts) => f.places.filter((p) => provinceOf(p) !== undefined && provinceOf(p) !== p);
  const x = towns(a);
  const y = towns(b);
  const shares = (u: string[], v: string[]) => u.some((w) => v.includes(w));
  return x.length > 0 && y.length > 0 && !shares(x, y) && !shares(a.sites, b.sites) && !shares(a.persons, b.persons) && !shares(a.names, b.names);
}

export function clusterAttacks(input: ClusterInput, refPrefix: string): { clusters: AttackCluster[]; refs: Map<AttackPhrase, string> } {
  const clusters: AttackCluster[] = [];
  const refs = new Map<AttackPhrase, string>();
  const eraOf = (facts: AttackFacts): Era => (facts.year !== undefined ? { year: facts.year, explicit: true } : { year: input.publishedYear, explicit: false });
  // Whether a report can be of a cluster's time: its years agree, and, both undated, both are of the article's
  // present or both of a past it names without a date ("three years ago").
  const sameTime = (c: AttackCluster, facts: AttackFacts) =>
    erasAgree({ year: c.facts.year ?? input.publishedYear, explicit: c.explicitYear }, eraOf(facts)) && (c.facts.year !== undefined || facts.year !== undefined || (c.facts.pastBy === undefined) === (facts.pastBy === undefined));
  // What "the attack" refers to: the attack of the sentence before (by position, so "the attacks in Iran and the
  // shootings in Moscow" ends on Moscow); failing that, the one the article talks about most. Either must be
  // of a compatible kind: "the shooting" is not the bombing.
  // A reduce, not Math.max(...list): a long article can hold more phrases than a call takes arguments.
  const lastPosition = (c: AttackCluster) => c.phrases.reduce((most, p) => Math.max(most, p.start), -Infinity);
  const lastSentence = (c: AttackCluster) => c.phrases.reduce((most, p) => Math.max(most, p.sentence), -Infinity);
  const latest = (phrase: AttackPhrase): AttackCluster | undefined => {
    // "the 1990 siege" is of its own year; "two days before the market bombing" is not the attack its sentence tells.
    // An undated attack is of the article's time, which reaches back a year: a report on an anniversary ("a year
    // after gunmen killed 40 ...") may date its attack only later ("the attack in 2024").
    const year = phrase.facts.year;
    const eraFits = (c: AttackCluster) =>
      year === undefined ||
      (c.explicitYear ? c.facts.year === year : input.publishedYear === undefined || input.publishedYear - year === 0 || input.publishedYear - year === 1);
    let candidates = clusters.filter(
      (c) =>
        kindsAgree(c.facts.kind, phrase.kind) &&
        eraFits(c) &&
        !(phrase.measuredFrom && c.phrases.some((p) => p.sentence === phrase.sentence)) &&
        // "ten years after the 2014 school massacre": a dated attack that time is measured from is an older one, never
        // an attack the text leaves undated.
        !(phrase.measuredFrom === 'interval' && year !== undefined && !c.explicitYear),
    );
    // The attacks of the article's own time come first: in "the siege ended ..., an attack that recalled the
    // 2013 Westgate massacre. ... The attack ...", the attack is the siege.
    const ofNow = (list: AttackCluster[]) => {
      const now = list.filter((c) => !c.explicitYear || c.facts.year === input.publishedYear);
      return now.length > 0 ? now : list;
    };
    // "No group claimed the market shooting": an attack told at a venue the phrase names is the one it means.
    const atVenue = candidates.filter((c) => c.facts.venues.some((v) => phrase.facts.venues.includes(v)));
    if (atVenue.length > 0) candidates = atVenue;
    const newest = Math.max(-1, ...candidates.map(lastSentence));
    const recent = ofNow(candidates.filter((c) => lastSentence(c) === newest)).reduce<AttackCluster | undefined>((best, c) => (!best || lastPosition(c) > lastPosition(best) ? c : best), undefined);
    if (!recent || phrase.sentence - lastSentence(recent) <= 1) return recent;
    return ofNow(candidates).reduce<AttackCluster | undefined>((best, c) => (!best || c.phrases.length > best.phrases.length || (c.phrases.length === best.phrases.length && lastPosition(c) > lastPosition(best)) ? c : best), undefined);
  };
  const join = (cluster: AttackCluster, phrase: AttackPhrase) => {
    cluster.phrases.push(phrase);
    mergeFacts(cluster.facts, phrase.facts);
    if (phrase.facts.year !== undefined) cluster.explicitYear = true;
    refs.set(phrase, cluster.ref);
  };
  const open = (phrase: AttackPhrase) => {
    const facts = structuredClone(phrase.facts);
    const cluster: AttackCluster = { ref: `${refPrefix}${clusters.length + 1}`, facts, explicitYear: facts.year !== undefined, phrases: [] };
    clusters.push(cluster);
    join(cluster, phrase);
  };

  for (const phrase of input.phrases.flatMap(eachAttack)) {
    if (talksOfMany(phrase)) continue;
    const facts = phrase.facts;
    const compatible = clusters.filter((c) => sameTime(c, facts) && (anchorsAgree(c.facts, facts) || placedWithin(facts, c.facts, input)) && !townsDiffer(c.facts, facts, input.provinceOf));
    if (phrase.anaphoric || (phrase.definite && !hasAnchor(facts))) {
      // "Two bombings hit X and Y. The first attack ...": an ordinal counts the attacks told so far, in order;
      // one beyond them is an attack the text has not told.
      if (phrase.ordinal !== undefined) {
        const counted = clusters.filter((c) => kindsAgree(c.facts.kind, phrase.kind))[phrase.ordinal - 1];
        if (counted) join(counted, phrase);
        continue;
      }
      const previous = facts.countries.length > 0 ? (compatible.at(-1) ?? latest(phrase)) : latest(phrase);
      if (previous) join(previous, phrase);
      // "Gunmen raked a checkpoint near Baiji with gunfire. No group claimed the attack.": with nothing named
      // before it, "the attack" is the event the text has been telling, placed by the sentences before. "The
      // incident" names an event of any kind: one no sentence before places is no attack ("a drone was found
      // on the roof ... No one was injured at the time of the incident").
      else if (!clusters.length) {
        const placed = inContext(phrase, input);
        if (!NEUTRAL_NOUN.test(phrase.noun) || placed.facts.places.length + placed.facts.countries.length > 0) open(placed);
      }
      continue;
    }
    // "the attack ... in Krasnogorsk", "the March 22nd attack at Crocus City Hall": a definite reference names
    // an attack the reader already knows, so it joins the last one of its era unless their places clash.
    if (phrase.definite && compatible.length === 0) {
      const previous = latest(phrase);
      const sameEra = previous && sameTime(previous, facts);
      const clash =
        anchorsConflict(previous?.facts ?? facts, facts, phrase.modifiers ? ['places', 'names', 'countries', 'persons'] : ['countries', 'persons']) ||
        (previous !== undefined && placesClash(previous.facts, facts, input.provinceOf)) || (previous !== undefined && !phrase.modifiers.split(' ').some((w) => CALENDAR_WORD.test(w)) && nameElsewhere(facts, previous.facts));
      if (previous && sameEra && !clash) {
        join(previous, phrase);
        continue;
      }
    }
    // "Three bombers killed 30 people ... in an attack on a hall in Konduga": the verb and the noun of one
    // sentence tell one event, unless they name different places.
    const toldByVerb = phrase.byVerb ? undefined : clusters.find((c) => c.phrases.every((p) => p.byVerb && p.sentence === phrase.sentence));
    if (toldByVerb && !anchorsConflict(toldByVerb.facts, facts, ['places', 'sites'])) {
      join(toldByVerb, phrase);
      continue;
    }
    if (compatible.length > 0) {
      join(compatible[compatible.length - 1]!, phrase);
      continue;
    }
    // "The bomb went off at 8:30 pm": a verb that tells more of an attack the text already follows is that
    // attack, unless it happened somewhere else. Told of a device the text already spoke of ("walking on X Street
    // where the device went off"), only a town the gazetteer knows elsewhere says so: a street it names may lie in
    // any of the attack's places.
    const told = phrase.byVerb ? latest(phrase) : undefined;
    const elsewhere = (c: AttackCluster) => (phrase.knownDevice ? placesClash(c.facts, facts, input.provinceOf) : anchorsConflict(c.facts, facts, ['places', 'sites']) || townsDiffer(c.facts, facts, input.provinceOf));
    if (told && sameTime(told, facts) && !elsewhere(told)) {
      join(told, phrase);
      continue;
    }
    // "Court jails man over Hamburg tram stabbing || A court ... sentenced a man for a knife attack at a tram stop that
    // killed two": the first sentence under a headline tells the headline's attack, in words that need not place it.
    const headline = phrase.sentence === 1 && !input.sameParagraph(0, 1) ? clusters.find((c) => c.phrases.every((p) => p.sentence === 0)) : undefined;
    if (headline && !hasAnchor(facts) && kindsAgree(headline.facts.kind, phrase.kind)) {
      join(headline, phrase);
      continue;
    }
    if (hasAnchor(facts)) {
      // A bare plural ("attacks in Kerman") is talk of many unless dated or definite.
      if (!phrase.plural || phrase.oneEvent || phrase.definite || facts.year !== undefined || facts.date !== undefined) open(phrase);
      continue;
    }
    // "In 2022, a man shot dead three people in a shopping centre", "the deadliest since 2020, when a gunman killed
    // four": an event its verb tells in a year of its own, at a venue or as the one the text measures from, is an
    // attack of its own, even where the text names no place the gazetteer knows.
    if (phrase.byVerb && facts.year !== undefined && facts.year !== input.publishedYear && (facts.venues.length > 0 || facts.pastBy !== undefined)) {
      open(phrase);
      continue;
    }
    if (!phrase.plural && isStrongKind(phrase.kind)) {
      // "After a three-day siege, ...": the sentences before in the paragraph say where.
      for (let back = 1; back <= 2; back++) {
        const s = phrase.sentence - back;
        if (s < 0 || !input.sameParagraph(s, phrase.sentence)) break;
        const context = input.sentenceFacts(s);
        if (context.places.length === 0) continue;
        const taken = clusters.some((c) => c.facts.places.some((p) => context.places.includes(p)) && erasAgree({ year: c.facts.year, explicit: c.explicitYear }, eraOf(context)));
        if (taken) break;
        open({ ...phrase, facts: { ...context, kind: phrase.kind, noun: phrase.noun, persons: [], venues: union(context.venues, facts.venues) } });
        break;
      }
    }
  }
  return { clusters, refs };
}

// Name sources from best to worst: a proper modifier, a venue, a place, a person, a country.
const RANKS = ['modifier', 'venue', 'place', 'person', 'country'] as const;

/** A name for the attack from its best report: "Bataclan concert attack", "Crocus City Hall attack", "Kerman bombings". */
export function nameAttack(cluster: AttackCluster, nameOf: (ref: string) => string): { name: string; aliases: string[]; rank: number } {
  const candidates: Array<{ rank: number; name: string; place?: string }> = [];
  for (const phrase of cluster.phrases) {
    const noun = phrase.noun;
    // "Its last attack in X came in 2020, when a bomber killed nine at a restaurant": a venue another report of the
    // attack gives names it too.
    const venueWord = phrase.facts.venues.find((v) => !noun.includes(v)) ?? cluster.facts.venues.find((v) => !noun.includes(v)) ?? '';
    const withVenue = (head: string) => [head, venueWord, noun].filter(Boolean).join(' ');
    if (phrase.facts.names.some((n) => phrase.modifiers.includes(n))) candidates.push({ rank: 0, name: `${phrase.modifiers} ${noun}` });
    const site = phrase.facts.sites[0];
    if (site) candidates.push({ rank: 1, name: `${nameOf(site)} ${noun}`, place: nameOf(site) });
    const place = phrase.facts.places[0];
    if (place) candidates.push({ rank: 2, name: withVenue(nameOf(place)), place: nameOf(place) });
    const person = phrase.facts.persons[0];
    if (person) candidates.push({ rank: 3, name: withVenue(nameOf(person).split(' ').at(-1)!) });
    const country = phrase.facts.countries[0];
    if (country) candidates.push({ rank: 4, name: withVenue(nameOf(country)) });
    // "a man shot dead three people in a shopping centre": placed by nothing but its venue, named after it.
    else if (venueWord && !place && !person && !site) candidates.push({ rank: RANKS.length - 0.5, name: withVenue('') });
    // A verb ("attacked", "set fire to", "went off") names nothing, nor does the text of a phrase that tells several.
    if (!phrase.anaphoric && !phrase.byVerb && !phrase.shared) candidates.push({ rank: RANKS.length, name: phrase.text.replace(/^(?:the|a|an)\s+/i, '') });
  }
  const sorted = [...candidates].sort((a, b) => a.rank - b.rank);
  const name = sorted[0]?.name ?? cluster.facts.noun;
  // "the Lyon attack": how news names an attack by its place alone, whatever its kind and venue; only by the
  // place or site that names it, so that an attack told in a square of a city is not named after the city.
  const place = sorted.find((c) => c.place !== undefined)?.place;
  const aliases = [...new Set([...candidates.map((c) => c.name), ...(place ? [`${place} attack`] : [])])].filter((a) => a !== name);
  return { name: name.replace(/\s+/g, ' ').trim(), aliases, rank: sorted[0]?.rank ?? RANKS.length };
}
