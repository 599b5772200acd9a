// Finds the attacks a document speaks of: noun phrases ("the concert hall shooting in Moscow") and event
// verbs ("took 912 people hostage"), tied to the places, venues, people and dates around them. Generic talk
// ("numerous attacks", "an attack in Germany") is left out; "the attack" and "the massacre" refer back.
import { readAttackDate, type AttackDate } from './attack-dates.js';
import type { Lexicon } from '../model/gazetteer.js';
import { COMPASS_WORD as COMPASS, countPattern, isVerbForm, lowerWords, parseCount, slug, tokenize, type EntityMention, type Sentence, type Token } from '../nlp/index.js';
import type { AttackFacts, TextSpan } from './types.js';

export interface AttackPhrase extends TextSpan {
  noun: string;
  kind: string;
  definite: boolean;
  /** Bare "the attack": no modifier, so it can only refer back. */
  anaphoric: boolean;
  plural: boolean;
  /** Told by a verb ("bombers killed 30", "took 912 people hostage") rather than named by a noun. */
  byVerb: boolean;
  /** A plural told as one event: "twin bombings", "suicide bombings that killed 52 people". */
  oneEvent: boolean;
  generic: boolean;
  /** Modifiers written before the noun, as in the text ("Bataclan concert", "Moscow concert hall"). */
  modifiers: string;
  facts: AttackFacts;
  /** Countries of `facts` that only the gazetteer puts its places in ("Kabul": Afghanistan): they tie reports of one
   * attack together, but the text does not say the attack was there. */
  impliedCountries: string[];
  /** "two suicide bombings ... in Jalalabad and Kabul": places joined by "and", as many as the count, one attack in each. */
  eachIn: string[];
  /** One of the attacks of a phrase split by `eachIn`: its figures count them all, so none is its own. */
  shared: boolean;
  /** "the device went off": a verb told of a device the text has already spoken of, so of that device's attack. */
  knownDevice?: boolean | undefined;
  /** "the first attack", "a second bombing in X": the place of the attack in the text's order of attacks. */
  ordinal?: number | undefined;
  /**
   * "after the raid", "two days before the market bombing": the phrase dates another event of its sentence, so it is
   * not that event; `interval` when a span of time ("two nights before", "since") sets that event days away, so that
   * what the sentence counts is not this attack's toll ("After the raid, the gunmen shot four" still is).
   */
  measuredFrom?: 'directly' | 'interval' | undefined;
}

const LEFT_STOP = new Set(
  'the a an this that these those its their his her our your my of in on at for to by with from after before during since and or but as than which who whom whose is was were are has have had be been being claimed behind following about over into amid despite against via per like including near outside inside across throughout around within without toward towards upon under between among through while when where because if although though it they he she we you i'.split(' '),
);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', "'s"]);
const RIGHT_STOP = new Set([',', ';', ':', '.', '(', ')', '"', '?', '!', 'that', 'which', 'who', 'whom', 'where', 'when', 'while', 'because', 'but', 'as', 'if', 'after', 'before', 'since', 'although', 'than', 'amid', 'despite']);
const STRUCK = /^(?:hit|hits|struck|strikes|rocked|rocks|targeted|targets|targeting|shook|shakes|ripped|tore|killed|kills|wounded|devastated)$/;
const ADVERBS = /^(?:also|already|still|just|even|only|reportedly|allegedly|recently|now|then|again|further|later|previously)$|ly$/;
const CASUALTY_VERB = /\b(?:killed|killing|wounded|wounding|injured|injuring|left)\s+(?:\S+\s+){0,2}\d/;
const KILLED_IN = /\b(?:killed|wounded|injured)\s+(?:\S+\s+){0,3}(?:in|during|at)$/;
const PLACE_NOUN = /^(?:city|town|village|capital|province|region|state|district|border|soil|territory|port|county|governorate|oblast|coast|countryside|side|part)$/;
// "three accidental blasts", "the bomb exploded accidentally": an accident is no attack.
const ACCIDENT = /^accident(?:al|ally)?$/;
// "the gunman was shot dead by police": force used by the state against an attacker is no attack of its own.
export const BY_THE_STATE = /^\s+by\s+(?:the\s+)?(?:\w+\s+)?(?:police|policemen|officers?|troops|soldiers|security forces|guards?|snipers?)\b/i;
const COUNTED = /^(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|several|many)$/i;
// "The attack came in 2020": "came" followed by a time or place says when or where, as "occurred" does.
const HAPPENED = /^(?:occurred|happened|unfolded|erupted|began|started|came)$/;
const PLACING = /^(?:in|at|on|near|outside|inside)$/;
// "a hunger strike", "the general strike": a strike by workers or prisoners is no attack.
const PROTEST_STRIKE = /^(?:hunger|general|labou?r|workers?|teachers?|rail|transport|sit-down|nationwide|student|students)$/;
// "In June three years ago", "last year": the attack is of another time than the article's, which no date gives.
// Months are not: an article is often about last month's attack ("the massacre near X last month").
const RECALLED = /\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+) (?:years?|decades?) ago|(?:last|the previous) year)\b/i;
// "X, who arrived in 2016, attacked ...": an aside on the subject of an attack verb dates the subject's past, not the attack.
const SUBJECT_ASIDE = /,\s+(?:who|whose|which)\b[^,;]*,/g;
// Words before "of" that gather several attacks: "a series of blasts", "a wave of bombings".
const COLLECTIVE = /(?:series|wave|spate|string) of$/;
// "before the bombings", "since the attack": a preposition that measures time from an event; after a span of time
// ("two nights before", "days after", "the eve of"), or as "since" and "until", it sets the event apart.
const MEASURED_FROM = /^(?:before|after|till|following)$/;
const MEASURED_SINCE = /^(?:since|until)$/;
const SPAN_OF_TIME = /^(?:day|days|week|weeks|month|months|year|years|night|nights|eve)$/;
export const CALENDAR_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter)$/;
// Words that open a clause of its own inside a sentence: "the rebels who shelled", "a group that bombed".
const RELATIVE_OPENER = /^(?:who|whom|which|that|where|;|:)$/;
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
// The devices an attack verb may tell of: "the bomb went off", "the device exploded".
const DEVICE_NOUN = /^(?:bombs?|devices?|explosives?|ieds?|grenades?)$/;
// The word after a place that says what kind of place it is: "Balcad town", "Nimroz province".
export const SUBDIVISION_NOUN = /^(?:city|town|village|area|district|sub-district|subdistrict|province|region|state|county|governorate|oblast|prefecture|municipality|neighborhood|neighbourhood|tehsil|township|department|parish|suburb|camp)$/i;
const OWNED_ABROAD = /^(?:embassy|consulate|mission|embassies|consulates)$/;
const ACTORS = new Set(['Group', 'Person', 'Organization', 'Country']);
const TRAILING = new Set(['of', 'in', 'on', 'at', 'for', 'to', 'by', 'with', 'from', 'near', 'the', 'a', 'an', 'and', 'or']);
const STRONG_KINDS = new Set(['hostage-taking', 'massacre']);
const PLACE_TYPES = new Set(['Location']);
// "90 km north-west of X": a place a distance is measured from is not where the attack was.
const DISTANCE_UNIT = /^(?:km|kms|kilometres|kilometers|kilometre|kilometer|miles|mile|metres|meters)$/;
const BORDER = /^(?:border|borders|frontier)$/;
// A named building or venue is finer than a city: "Crocus City Hall" does not clash with "Moscow".
const SITE = /\b(?:hall|theater|theatre|stadium|arena|airport|mosque|church|cathedral|synagogue|shrine|school|university|hospital|hotel|mall|market|station|club|palace|memorial|embassy|base|camp|square|tower|towers|bridge|plaza|cemetery|gate)$/i;

interface NounEntry {
  words: string[];
  kind: string;
}

export class AttackFinder {
  private readonly nouns: NounEntry[];
  /** Attack nouns by their first word, longest first, so each token costs one map lookup. */
  private readonly nounsByFirst = new Map<string, NounEntry[]>();
  /** Every attack verb pattern in one alternation (one scan per sentence); group k + 1 is pattern k. */
  private readonly verbs: RegExp;
  private readonly verbKinds: string[];
  private readonly nonSpecific: Set<string>;
  private readonly nonSpecificPhrases: string[];
  private readonly venues: string[][];
  /** One-word venue nouns ("market", "station"), which a verb lexicon also reads as verbs. */
  private readonly venueWords: Set<string>;
  private readonly oneEventPlurals: Set<string>;
  private readonly countWords: Record<string, number>;

  /** `countryOf` names the country a place lies in, when the gazetteer knows it (a capital, a region). */
  constructor(
    lexicon: Lexicon,
    private readonly countryOf: (ref: string) => string | undefined,
  ) {
    this.nouns = Object.entries(lexicon.attackNouns)
      .map(([phrase, kind]) => ({ words: tokenize(phrase).map((t) => t.text), kind }))
      .sort((a, b) => b.words.length - a.words.length);
    for (const noun of this.nouns) this.nounsByFirst.set(noun.words[0]!, [...(this.nounsByFirst.get(noun.words[0]!) ?? []), noun]);
    this.countWords = lexicon.countWords;
    const count = countPattern(lexicon.countWords);
    const verbs = Object.entries(lexicon.attackVerbs);
    this.verbs = new RegExp(verbs.map(([pattern]) => `\\b(${pattern.replace(/\bN\b/g, count)})\\b`).join('|'), 'g');
    this.verbKinds = verbs.map(([, kind]) => kind);
    this.nonSpecific = new Set([...lexicon.nonSpecific.filter((w) => !w.includes(' ')), 'additional', 'deadliest', 'latest', 'recent', 'past', 'previous', 'earlier', 'major', 'large-scale', 'foiled', 'thwarted', 'alleged']);
    this.nonSpecificPhrases = lexicon.nonSpecific.filter((w) => w.includes(' '));
    this.oneEventPlurals = new Set(lexicon.oneEventPlurals);
    this.venues = lexicon.venueNouns.map((v) => v.split(' ')).sort((a, b) => b.length - a.length);
    this.venueWords = new Set(lexicon.venueNouns.filter((v) => !v.includes(' ')));
  }

  private nounAt(lower: readonly string[], index: number): NounEntry | undefined {
    return this.nounsByFirst.get(lower[index] ?? '')?.find((n) => wordsAt(lower, index, n.words));
  }

  /** Attack phrases of one sentence, left to right. */
  /** `published`: the article's publication day, against which dates such as "last Friday" are read. */
  phrases(sentence: Sentence, mentions: EntityMention[], published?: Date): AttackPhrase[] {
    const tokens = sentence.tokens;
    const lower = lowerWords(tokens);
    const found: AttackPhrase[] = [];
    let verbs: Set<number> | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const entry = this.nounAt(lower, i);
      if (!entry) continue;
      verbs ??= verbTokens(sentence, this.venueWords);
      let nounLast = i + entry.words.length;
      // "shooting incident", "bombing attack": one head, the first noun says the kind.
      for (let next = this.nounAt(lower, nounLast); next; next = this.nounAt(lower, nounLast)) nounLast += next.words.length;
      // "attack" as a verb ("to attack", "attacks the"), and nouns inside a longer compound, are not events.
      if (/^(?:to|will|would|could|may|might|can|did)$/.test(lower[i - 1] ?? '')) continue;
      if (['-', 'counter', 'anti'].includes(lower[i - 1] ?? '') || lower[nounLast] === '-') continue;
      if (/^strikes?$/.test(lower[nounLast - 1]!) && PROTEST_STRIKE.test(lower[i - 1] ?? '')) continue;
      found.push(this.nounPhrase(sentence, mentions, i, nounLast, entry, verbs, published));
      i = nounLast - 1;
    }
    const text = sentence.text.toLowerCase();
    const re = this.verbs;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const kind = this.verbKinds[m.slice(1).findIndex((g) => g !== undefined)]!;
      const start = sentence.start + m.index;
      const first = tokens.findIndex((t) => t.start >= start);
      const last = tokens.findIndex((t) => t.end >= start + m![0].length) + 1;
      if (first < 0 || last <= first) continue;
      // "planted an improvised explosive device (IED) beside a culvert in X": a weapon named inside the verb's match
      // that places nothing gives way to the verb, whose clause says where.
      const inside = found.filter((p) => p.first < last && p.last > first);
      if (inside.some((p) => p.byVerb || namesAnything(p.facts))) continue;
      const after = sentence.text.slice(m.index + m[0].length);
      if (BY_THE_STATE.test(after) || ACCIDENT.test(lower[last] ?? '') || ACCIDENT.test(lower[first - 1] ?? '')) continue;
      for (const p of inside) found.splice(found.indexOf(p), 1);
      // "The explosion in X came hours after an attack in Y, where a man wounded five people with a knife": the verb's clause
      // begins after the last attack the sentence named before it, whose places are its own.
      // "the deadliest in X since May, when a bomb killed 20 in Y": the "since" or "when" that tells an earlier attack
      // opens the verb's own clause, and the places of the comparison before it are not the event's.
      const opener = toldSince(lower, first) ? lower.slice(0, first).findLastIndex((w) => w === 'when' || w === 'since') : -1;
      const clauseStart = found.reduce((start, p) => (!p.byVerb && p.last <= first ? Math.max(start, p.last) : start), opener + 1);
      found.push(this.verbPhrase(sentence, mentions, clauseStart, first, last, kind, m[0], published));
    }
    // "the deadliest since a bomb killed 20 at a mosque", "the worst since 2019, when gunmen stormed a hotel": an
    // attack told after "since" is an earlier one the sentence measures today's from, an attack of its own. Not "since
    // the attack", which is the attack the text tells.
    for (const p of found) if ((p.byVerb || !p.definite) && toldSince(lower, p.first)) p.facts.pastBy ??= 'since';
    return found.sort((a, b) => a.first - b.first);
  }

  private nounPhrase(sentence: Sentence, mentions: EntityMention[], nounFirst: number, nounLast: number, entry: NounEntry, verbs: Set<number>, published: Date | undefined): AttackPhrase {
    const tokens = sentence.tokens;
    const lower = lowerWords(tokens);
    const noun = lower.slice(nounFirst, nounLast).join(' ');
    const facts: AttackFacts = { kind: entry.kind, noun, year: undefined, date: undefined, places: [], sites: [], countries: [], persons: [], names: [], venues: [], agents: [] };
    // Left: modifiers up to a determiner or a function word.
    let first = nounFirst;
    let definite = false;
    let generic = false;
    let ordinal: number | undefined;
    for (let k = nounFirst - 1; k >= 0 && nounFirst - k <= 6; k--) {
      const mention = mentions.find((m) => m.first <= k && m.last > k);
      if (mention) {
        first = mention.first;
        k = mention.first;
        continue;
      }
      const word = lower[k]!;
      if (DEFINITE.has(word)) {
        definite = true;
        break;
      }
      if (LEFT_STOP.has(word) || /^[^\p{L}\d-]/u.test(word)) break;
      // A headline's verb: "Islamic State claims Manchester Arena bombing", "Hamas blames Israel for ...".
      if (/^\p{Ll}+s$/u.test(tokens[k]!.text) && !/ss$/.test(word) && mentions.some((m) => m.last === k && ACTORS.has(m.type))) break;
      // "planning attacks": a verb ends the phrase; "the impending attack": after a determiner it is an adjective.
      const afterDeterminer = DEFINITE.has(lower[k - 1] ?? '') || ['a', 'an'].includes(lower[k - 1] ?? '');
      if ((verbs.has(k) || /ing$/.test(word) || ADVERBS.test(word)) && !afterDeterminer) break;
      // "The first blast hit a wedding party", "a second bombing took place in X": an ordinal counts the attacks
      // the text tells; whether it names one is known once its places are.
      if (ORDINALS.includes(word)) ordinal = ORDINALS.indexOf(word) + 1;
      else if (this.nonSpecific.has(word) || ACCIDENT.test(word)) generic = true;
      first = k;
    }
    const before = lower.slice(Math.max(0, first - 4), first).filter((w) => /^[\p{L}]/u.test(w)).join(' ');
    if (before.split(' ').slice(-2).some((w) => this.nonSpecific.has(w))) generic = true;
    const talkedOf = this.nonSpecificPhrases.find((p) => before.endsWith(p) || before.endsWith(`${p} the`) || before.endsWith(`${p} a`) || before.endsWith(`${p} an`));
    // Right: the prepositional chain that places it ("in the city of Krasnogorsk in the Moscow region").
    let last = nounLast;
    // Where "occurred", "took place" begins, when the attack's own verb says where it was.
    let toldAt: number | undefined;
    let tollAfterComma = false;
    for (let k = nounLast; k < tokens.length && k - nounLast < 16; k++) {
      const word = lower[k]!;
      // "The attack took place in Y", "the bombing occurred in X": the verb says where the attack was; the phrase
      // itself ends before it.
      const tookPlace = word === 'took' && lower[k + 1] === 'place';
      if (k === last && toldAt === undefined && (HAPPENED.test(word) || tookPlace) && PLACING.test(lower[k + (tookPlace ? 2 : 1)] ?? '')) {
        toldAt = k;
        if (tookPlace) k++;
        continue;
      }
      // "twin bombings that killed nearly 100 people at a ceremony in Kerman": a clause telling what the
      // attack did still says where it was.
      if ((word === 'that' || word === 'which') && k === last && STRUCK.test(lower[k + 1] ?? '')) {
        k++;
        continue;
      }
      // "a roadside bomb struck a police vehicle in February, killing three officers near the town of X": the toll
      // told after a comma goes on to where the attack an indefinite noun tells was.
      if (word === ',' && k === last && !tollAfterComma && ['a', 'an'].includes(lower[first - 1] ?? '') && /^(?:killing|wounding|injuring)$/.test(lower[k + 1] ?? '')) {
        tollAfterComma = true;
        k++;
        continue;
      }
      if (tollAfterComma && word === 'from') break;
      if (RIGHT_STOP.has(word)) break;
      // "soon after the bombings the group's commander fled": after a determiner the noun is no verb, so a
      // determiner right after it starts the next phrase.
      if (definite && k === nounLast && DEFINITE.has(word)) break;
      // "the bombing in retaliation for the minister's visit": what it answered is no part of where it was.
      if (/^(?:in|as)$/.test(word) && /^(?:response|retaliation|revenge|reprisal)$/.test(lower[k + 1] ?? '')) break;
      // "A rocket attack hit the port city of Eilat": what the attack struck says where it was.
      if (STRUCK.test(word) && k === last && !definite) continue;
      // A verb ends the phrase, except a participle that leads on to a place ("dedicated to", "based in")
      // and a noun joined to the head ("shooting and fire in ...").
      const coordinatedNoun = lower[k - 1] === 'and' && /^(?:in|at|on|near|outside)$/.test(lower[k + 1] ?? '');
      // "occurred at", "happened in" are never participles: the attack's own verb ends it.
      const participle = /ed$/.test(word) && !HAPPENED.test(word) && /^(?:to|in|at|on|near|by|for)$/.test(lower[k + 1] ?? '');
      if (verbs.has(k) && !coordinatedNoun && !participle) break;
      // "attacks in Kunduz and Baghlan", "explosions at X Street and the Y Road": an "and" between two places joins
      // them; before another name or a new noun phrase it starts what comes next.
      const nextPlaceAt = lower[k + 1] === 'the' ? k + 2 : k + 1;
      const joinsPlaces = mentions.some((m) => isPlace(m) && m.last === k) && mentions.some((m) => isPlace(m) && m.first === nextPlaceAt);
      if (word === 'and' && !joinsPlaces && (DEFINITE.has(lower[k + 1] ?? '') || /^\p{Lu}/u.test(tokens[k + 1]?.text ?? '') || ['a', 'an'].includes(lower[k + 1] ?? ''))) break;
      const nextNoun = this.nounAt(lower, k);
      if (nextNoun && k > nounLast + 1) break;
      last = k + 1;
    }
    // "... in the city of Kerman for": a preposition whose object fell outside the window is not part of it.
    while (last > nounLast && TRAILING.has(lower[last - 1]!)) last--;
    // A phrase ends after a name, never inside it.
    last = mentions.find((m) => m.first < last && m.last > last && m.first >= nounLast)?.last ?? last;
    last = placeChainEnd(tokens, mentions, last);
    const modifiers = tokens.slice(first, nounFirst).map((t) => t.text).join(' ');
    // "the bombing by terrorist group, ISIS": the agent after "by" carried it out.
    // Only a "by" that follows the attack or its place: in "a bombing at a concert by singer X", X gave the concert.
    const by = lower.indexOf('by', nounLast);
    const byAttack = by === nounLast || mentions.some((m) => m.last === by && (m.type === 'Location' || m.type === 'Country'));
    if (by >= 0 && by < last && byAttack) {
      const agent = mentions.find((m) => m.first > by && m.first - by <= 5 && (m.type === 'Group' || m.type === 'Person') && m.role === 'head');
      if (agent) facts.agents.push(refOf(agent));
    }
    // "the Boko Haram raids on Maiduguri", "an al-Shabaab suicide bombing": a group named before the noun did it.
    for (const m of mentions) if (m.type === 'Group' && m.first >= first && m.last <= nounFirst && !facts.agents.includes(refOf(m))) facts.agents.push(refOf(m));
    const impliedCountries: string[] = [];
    this.collect(facts, impliedCountries, sentence, mentions, first, last, nounFirst, nounLast, published);
    if (toldAt !== undefined) last = toldAt;
    // "the 2013 Westgate mall massacre": a year among the modifiers dates it.
    const year = facts.year === undefined ? tokens.slice(first, nounFirst).find((t) => /^(?:19|20)\d\d$/.test(t.text)) : undefined;
    if (year) {
      facts.year = Number(year.text);
      facts.date = year.text;
    }
    const plural = /s$/.test(lower[nounLast - 1]!) && !/(?:ss|sis)$/.test(lower[nounLast - 1]!);
    // Many attacks are talked of in general; a count of the dead, or "twin", makes them one event.
    const tolled = CASUALTY_VERB.test(lower.slice(nounLast, last).join(' ')) || KILLED_IN.test(lower.slice(Math.max(0, first - 6), first).join(' '));
    // "a series of blasts shook X on Friday": a run of blasts dated to a day or given a toll is one event the text
    // tells; undated ("a series of attacks in recent years") it is talk of many.
    const oneRun = talkedOf !== undefined && COLLECTIVE.test(talkedOf) && plural && (tolled || /-\d\d$/.test(facts.date ?? ''));
    if (talkedOf && !oneRun) generic = true;
    // The word that makes a plural one event may be the noun's own ("twin bombings" is a noun of the lexicon).
    const oneEvent = plural && (oneRun || tolled || lower.slice(first, nounLast).some((w) => this.oneEventPlurals.has(w)));
    const counted = tokens.slice(first, nounFirst).map((t) => parseCount(t.text, this.countWords)).find((n) => n !== undefined);
    const eachIn = plural && counted !== undefined && counted >= 2 ? coordinatedPlaces(tokens, mentions, nounLast, last) : [];
    // "a second attack" with nothing to place it is talk of another attack, not one the text tells.
    if (ordinal !== undefined && !definite && facts.places.length + facts.sites.length + facts.persons.length === 0) generic = true;
    const anaphoric = definite && first === nounFirst && facts.places.length + facts.persons.length + facts.names.length + facts.venues.length === 0 && facts.year === undefined;
    const end = tokens[last - 1]!.end;
    return {
      sentence: sentence.index,
      first,
      last,
      start: tokens[first]!.start,
      end,
      text: sentence.text.slice(tokens[first]!.start - sentence.start, end - sentence.start),
      noun,
      kind: entry.kind,
      definite,
      anaphoric,
      byVerb: false,
      plural,
      oneEvent,
      generic,
      modifiers,
      facts,
      impliedCountries,
      eachIn: eachIn.length === counted ? eachIn : [],
      shared: false,
      ordinal,
      measuredFrom: measuredFrom(lower, definite || ['a', 'an'].includes(lower[first - 1] ?? '') ? first - 2 : first - 1),
    };
  }

  private verbPhrase(sentence: Sentence, mentions: EntityMention[], clauseStart: number, first: number, last: number, kind: string, text: string, published: Date | undefined): AttackPhrase {
    const tokens = sentence.tokens;
    const noun = VERB_NOUN[text.toLowerCase()] ?? (kind === 'hostage-taking' ? 'hostage crisis' : kind);
    const facts: AttackFacts = { kind, noun, year: undefined, date: undefined, places: [], sites: [], countries: [], persons: [], names: [], venues: [], agents: [] };
    // An event told by its verb is placed by its clause: "took 912 people hostage at Moscow's Dubrovka Theater",
    // up to what follows it ("to demand ... from Chechnya" is no place of the event).
    const CLAUSE_END = /^(?:to|,|;|which|who|while|because|after|before|and)$/i;
    // "stormed and looted a depot in X", "killed three herders and a policeman in X": an "and" that joins verbs
    // of the event or its objects goes on; one that starts what came next ("and fled") ends the clause.
    // "killed two at a cafe and outside a synagogue in X": an "and" before a placing word joins the event's places.
    const joins = (k: number) => tokens[k]!.text.toLowerCase() === 'and' && (k === last || /^(?:a|an|the|his|her|their|its|\d.*|\p{Lu}.*|one|two|three|four|five|six|seven|eight|nine|ten|several|other|another|in|at|outside|inside|near)$/u.test(tokens[k + 1]?.text ?? ''));
    let clauseEnd = tokens.findIndex((t, k) => k >= last && CLAUSE_END.test(t.text) && !joins(k));
    // "shot and killed X, a teacher, in Recife", "abducted 12 people, including children, in Dikwa": an aside set
    // off by commas does not end the clause.
    if (tokens[clauseEnd]?.text === ',') {
      const close = tokens.findIndex((t, k) => k > clauseEnd + 1 && k - clauseEnd <= 10 && t.text === ',');
      if (close > 0 && /^(?:in|at|near|outside|on|inside)$/i.test(tokens[close + 1]?.text ?? '')) clauseEnd = tokens.findIndex((t, k) => k > close && CLAUSE_END.test(t.text) && !joins(k));
      // "ambushed between X and Y, in the Z region": the region after the comma places what the clause told.
      else if (tokens[clauseEnd + 1]?.text === 'in') {
        const opened = clauseEnd + 1;
        clauseEnd = tokens.findIndex((t, k) => k > opened && CLAUSE_END.test(t.text) && !joins(k));
      }
    }
    const end = clauseEnd < 0 ? tokens.length : placeChainEnd(tokens, mentions, clauseEnd);
    // "accusing X of directing the rebels who it says shelled a camp outside Y": where the verb's own words name a
    // town, the places before the relative pronoun that opens its clause belong to the sentence around it. A comma
    // between them closes the relative clause first ("in X, Y, a judge who sat on the court, was shot dead").
    const lower = lowerWords(tokens);
    if (mentions.some((m) => m.type === 'Location' && m.first >= last && m.last <= end)) {
      for (let k = first - 1; k > clauseStart && lower[k] !== ','; k--) {
        if (!RELATIVE_OPENER.test(lower[k]!)) continue;
        clauseStart = k + 1;
        break;
      }
    }
    const impliedCountries: string[] = [];
    this.collect(facts, impliedCountries, sentence, mentions, clauseStart, end, first, last, published, true);
    // A clause that names no place leaves it to its sentence: "Gunmen attacked the convoy of X, a candidate for
    // the Y party, near Z" is still at Z.
    // A colon or semicolon after the verb starts another statement ("...: Police in X also found a second device"),
    // whose places are not the event's.
    if (facts.places.length + facts.sites.length + facts.countries.length === 0) {
      const statementEnd = tokens.findIndex((t, k) => k >= last && (t.text === ':' || t.text === ';'));
      this.collect(facts, impliedCountries, sentence, mentions, clauseStart, statementEnd < 0 ? tokens.length : statementEnd, first, last, published, true);
    }
    // "Gunmen attacked a depot in X, Nigeria, last Friday, killing three": the clause's date may follow its
    // place; the sentence dates the event up to the next attack it names, by a day ("since 2015" may be anything).
    if (facts.date === undefined) {
      const next = tokens.findIndex((_, k) => k >= last && this.nounAt(lower, k) !== undefined);
      const date = readAttackDate(sentence.text.slice(0, next < 0 ? undefined : tokens[next]!.start - sentence.start), published);
      if (date?.date && /\d-\d\d$/.test(date.date)) {
        facts.year = date.year;
        facts.date = date.date;
      }
    }
    facts.persons = [];
    // "a week after gunmen killed five": only a span of time sets an event told by its verb apart.
    const measured = measuredFrom(lower, ['the', 'a', 'an'].includes(lower[first - 1] ?? '') ? first - 2 : first - 1);
    // "where the device went off", "the second bomb exploded": a definite device the text told of before.
    const knownDevice = DEVICE_NOUN.test(lower[first - 1] ?? '') && [lower[first - 2], lower[first - 3]].some((w) => w !== undefined && DEFINITE.has(w));
    return { sentence: sentence.index, first, last, start: tokens[first]!.start, end: tokens[last - 1]!.end, text, noun: facts.noun, kind, definite: false, anaphoric: false, byVerb: true, plural: false, oneEvent: false, generic: false, modifiers: '', facts, impliedCountries, eachIn: [], shared: false, measuredFrom: measured === 'interval' ? measured : undefined, knownDevice };
  }

  /** A country named near an attack that says whose or who, not where: such a country does not place it. */
  private notWhere(m: EntityMention, tokens: Token[], lower: readonly string[], mentions: EntityMention[]): boolean {
    // "the American band": a demonym places the attack only before a place, a venue or an attack word
    // ("the Iranian city", "a Russian concert hall"); "the Russian embassy in Kabul" names the owner.
    const placesWhatFollows = !OWNED_ABROAD.test(lower[m.last] ?? '') && (PLACE_NOUN.test(lower[m.last] ?? '') || this.venues.some((v) => wordsAt(lower, m.last, v)) || this.nounAt(lower, m.last) !== undefined);
    // "a bakery run by a Kurdish-Christian", "two Americans": a demonym standing alone names people, not a place.
    if ((m.role === 'modifier' || m.via === 'gazetteer:demonym') && !placesWhatFollows) return true;
    // The same as a government phrase ("Russian embassy" read as Russia).
    if (OWNED_ABROAD.test(lower[m.last - 1]!)) return true;
    // "killed 13 U.S. troops", "killed three Americans": counted people are victims.
    if (COUNTED.test(tokens[m.first - 1]?.text ?? '')) return true;
    // "U.S. singer Ariana Grande": a country that qualifies a person.
    return mentions.some((p) => p.type === 'Person' && p.first >= m.last && p.first - m.last <= 2 && tokens.slice(m.last, p.first).every((t) => /^\p{L}/u.test(t.text)));
  }

  /** The known town a site's name begins with ("Kabul Polytechnic University": Kabul), as a ref. */
  private townOfSite(name: string): string | undefined {
    const words = name.split(' ');
    for (let n = words.length - 1; n >= 1; n--) {
      const ref = `location/${slug(words.slice(0, n).join(' '))}`;
      if (this.countryOf(ref) !== undefined) return ref;
    }
    return undefined;
  }

  private isSite(m: EntityMention): boolean {
    return m.key === undefined && SITE.test(m.name);
  }

  /** What mention `m`, found around the attack's words [nounFirst, nounLast), tells of it: a place, a site, a country, a person or a name. */
  private take(facts: AttackFacts, implied: string[], m: EntityMention, tokens: Token[], lowerAll: readonly string[], mentions: EntityMention[], nounFirst: number, nounLast: number): void {
    const ref = refOf(m);
    if (PLACE_TYPES.has(m.type) && this.isSite(m)) {
      if (!facts.sites.includes(ref)) facts.sites.push(ref);
      // "Brooklyn Bridge", "Leeds Arena": a site named after a town the gazetteer knows lies in that town.
      const town = this.townOfSite(m.name);
      if (town && !facts.places.includes(town)) {
        facts.places.push(town);
        const country = this.countryOf(town)!;
        if (!facts.countries.includes(country)) {
          facts.countries.push(country);
          implied.push(country);
        }
      }
    } else if (PLACE_TYPES.has(m.type)) {
      facts.places.push(ref);
      const country = this.countryOf(ref);
      if (country && !facts.countries.includes(country)) {
        facts.countries.push(country);
        implied.push(country);
      }
    } else if (m.type === 'Country') {
      // "the Libyan port of Misrata": the place named after "of" is where it was; the demonym only says what country
      // that place is in, as the gazetteer would.
      const qualifiesPlace = m.via === 'gazetteer:demonym' && PLACE_NOUN.test(lowerAll[m.last] ?? '') && lowerAll[m.last + 1] === 'of' && mentions.some((p) => p.first === m.last + 2 && p.type === 'Location');
      if (!facts.countries.includes(ref)) {
        facts.countries.push(ref);
        if (qualifiesPlace) implied.push(ref);
      } else if (implied.includes(ref) && !qualifiesPlace) implied.splice(implied.indexOf(ref), 1);
    }
    else if (m.type === 'Person') facts.persons.push(ref);
    // "the bombing of the Treasury": a body the attack was aimed at tells which attack it is.
    else if (m.type === 'Organization' && m.first >= nounLast && /^(?:of|on|against)$/i.test(tokens[m.first - 1]?.text === 'the' ? (tokens[m.first - 2]?.text ?? '') : (tokens[m.first - 1]?.text ?? ''))) facts.names.push(m.name);
    else if (m.type === 'Event' && m.last <= nounFirst) facts.names.push(m.name);
  }

  /** Places, people, proper names, venues and the date found between tokens [from, to), around the attack's words [nounFirst, nounLast). */
  private collect(facts: AttackFacts, implied: string[], sentence: Sentence, mentions: EntityMention[], from: number, to: number, nounFirst: number, nounLast: number, published: Date | undefined, byVerb = false): void {
    const tokens = sentence.tokens;
    const lowerAll = lowerWords(tokens);
    const references: EntityMention[] = [];
    for (const m of mentions) {
      if (m.first < from || m.last > to || m.role === 'modifier' && m.type !== 'Country') continue;
      // "a vehicle-borne improvised explosive device (VBIED)" read as a name: the attack's own words are not its place.
      // A verb's words may hold it after a placing word: "a landmine planted on a track near X killed" (not "a bomb
      // claimed by the X Falcons wounded").
      const placedInVerb = byVerb && m.type === 'Location' && PLACING.test(lowerAll[lowerAll[m.first - 1] === 'the' ? m.first - 2 : m.first - 1] ?? '');
      if (m.first < nounLast && m.last > nounFirst && !placedInVerb) continue;
      if (m.type === 'Country' && this.notWhere(m, tokens, lowerAll, mentions)) continue;
      if (byVerb && m.last <= nounFirst && cameFrom(lowerAll, m.first)) continue;
      // "20 km north of X": a place named only to say where the attack lay from it places it only where the
      // clause names no other.
      if (isReferencePoint(m, lowerAll, mentions)) references.push(m);
      else this.take(facts, implied, m, tokens, lowerAll, mentions, nounFirst, nounLast);
    }
    if (facts.places.length + facts.sites.length === 0) for (const m of references) this.take(facts, implied, m, tokens, lowerAll, mentions, nounFirst, nounLast);
    // Capitalised words before the noun that no one knows are its name: "the Bataclan concert attack". Before a
    // verb they are its subject ("Whoever placed the bombs"), no name of the attack.
    for (let k = from; k < nounFirst && !byVerb; k++) {
      const t = tokens[k]!;
      const calendar = CALENDAR_WORD.test(t.text);
      if (k > 0 && /^\p{Lu}\p{Ll}/u.test(t.text) && !calendar && !mentions.some((m) => m.first <= k && m.last > k) && !/^(?:The|A|An|This|That|Its)$/.test(t.text)) facts.names.push(t.text);
    }
    const lower = lowerAll.slice(from, to);
    for (const venue of this.venues) {
      for (let k = 0; k + venue.length <= lower.length; k++) {
        if (wordsAt(lower, k, venue) && !facts.venues.includes(venue.join(' '))) {
          facts.venues.push(venue.join(' '));
          break;
        }
      }
    }
    const spanEnd = tokens[Math.min(to, tokens.length) - 1]!.end - sentence.start;
    // "the bombing in Multan on Mar. 4, 2018": the year after the comma that ended the phrase is its date's.
    const year = /^,\s(?:19|20)\d\d\b/.exec(sentence.text.slice(spanEnd, spanEnd + 6))?.[0] ?? '';
    const span = sentence.text.slice(tokens[from]!.start - sentence.start, spanEnd) + year;
    const date = readAttackDate(byVerb ? span.replace(SUBJECT_ASIDE, ',') : span, published) ?? (from === 0 ? undefined : (leadingDate(sentence, nounFirst, published) ?? whenDate(sentence, nounFirst, published)));
    if (date) {
      facts.year = date.year;
      facts.date = date.date;
    } else {
      const past = RECALLED.exec(span);
      if (past) facts.pastBy = past[0];
    }
  }
}

/** How the words before a phrase, ending at `at`, measure time from it: "after the", "two nights before the", "ahead of". */
function measuredFrom(lower: readonly string[], at: number): AttackPhrase['measuredFrom'] {
  const word = lower[at] ?? '';
  if (MEASURED_SINCE.test(word)) return 'interval';
  // "days ahead of", "a week prior to": two words that say "before".
  const twoWords = (word === 'of' && lower[at - 1] === 'ahead') || (word === 'to' && lower[at - 1] === 'prior');
  if (twoWords) return SPAN_OF_TIME.test(lower[at - 2] ?? '') ? 'interval' : undefined;
  if (!MEASURED_FROM.test(word)) return undefined;
  if (SPAN_OF_TIME.test(lower[at - 1] ?? '') && word !== 'till') return 'interval';
  return word === 'following' ? undefined : 'directly';
}

/**
 * Whether the phrase starting at token `first` is told after "since": right after it ("since a bomb killed", "since
 * an ambush in X"), or in the clause a date after it opens ("since February 2015, when a gunman killed ...").
 */
function toldSince(lower: readonly string[], first: number): boolean {
  // "to mark five years since a bomb ripped through a bus": the span since an attack is an anniversary of it, the
  // attack the text tells, not one it measures another from.
  const comparing = (since: number) => lower[since] === 'since' && !SPAN_OF_TIME.test(lower[since - 1] ?? '');
  const opening = ['a', 'an'].includes(lower[first] ?? '') ? first - 1 : ['a', 'an'].includes(lower[first - 1] ?? '') ? first - 2 : first - 1;
  if (comparing(opening)) return true;
  const when = lower.lastIndexOf('when', first - 1);
  if (when < 1 || first - when > 4 || lower[when - 1] !== ',') return false;
  const since = lower.lastIndexOf('since', when);
  return since >= 0 && comparing(since) && when - since <= 5 && !lower.slice(since + 1, when - 1).some((w) => /^(?:[,;]|and|but)$/.test(w));
}

/**
 * "The gunman, a man from the nearby town of X, opened fire": a place the subject of an attack verb comes from is
 * not where the attack was. `at` is the place's first token.
 */
function cameFrom(lower: readonly string[], at: number): boolean {
  let k = at - 1;
  if (lower[k] === 'of' && PLACE_NOUN.test(lower[k - 1] ?? '')) k -= 2;
  for (let skipped = 0; skipped < 2 && k >= 0 && /^\p{Ll}[\p{Ll}-]*$/u.test(lower[k]!) && lower[k] !== 'from'; skipped++) k--;
  return lower[k] === 'from';
}

/** Whether `words` stand in `lower` from `at` on: a loop, not a closure per position (this runs per venue and token). */
function wordsAt(lower: readonly string[], at: number, words: string[]): boolean {
  for (let j = 0; j < words.length; j++) if (lower[at + j] !== words[j]) return false;
  return true;
}

/**
 * A place named only to say where another lies or goes: "90 km north-west of X", "near the border with X", "near
 * the Algerian border", "carrying fertiliser from X to Y".
 */
function isReferencePoint(m: EntityMention, lower: readonly string[], mentions: EntityMention[]): boolean {
  const before = (k: number) => lower[k] ?? '';
  let of = m.first - 1;
  if (before(of) === 'the') of--;
  if (before(of) === 'of') {
    let compass = of - 1;
    if (before(compass - 1) === '-' && COMPASS.test(`${before(compass - 2)}-${before(compass)}`)) compass -= 2;
    if (COMPASS.test(before(compass)) && DISTANCE_UNIT.test(before(compass - 1))) return true;
  }
  // "the Afghan border town of X" places the attack; "the Afghan border" alone only says what it was near.
  if (m.type === 'Country' && BORDER.test(before(m.last)) && !PLACE_NOUN.test(before(m.last + 1)) && before(m.last + 1) !== 'of') return true;
  if (/^(?:with|of)$/.test(before(m.first - 1)) && BORDER.test(before(m.first - 2))) return true;
  // A route: the place after "from" that "to" and another place follow, and that other place.
  // "from the Black Sea to the port of X": an article may open either end.
  const after = (k: number) => (before(k) === 'the' ? k + 1 : k);
  const opening = (p: EntityMention) => before(p.first - 1) === 'the' ? p.first - 2 : p.first - 1;
  const routeStart = (p: EntityMention) => before(opening(p)) === 'from' && before(p.last) === 'to' && mentions.some((q) => isPlace(q) && q.first === after(p.last + 1));
  return (isPlace(m) && routeStart(m)) || (before(opening(m)) === 'to' && mentions.some((p) => isPlace(p) && p.last === opening(m) && routeStart(p)));
}

// Verbs of attack whose own noun names the event better than its kind: "gunmen ambushed a convoy" tells an ambush.
const VERB_NOUN: Record<string, string> = { ambushed: 'ambush', raided: 'raid', assaulted: 'assault' };

const namesAnything = (f: AttackFacts) => f.places.length + f.sites.length + f.countries.length + f.persons.length + f.names.length > 0;

const isPlace = (m: EntityMention) => m.type === 'Location' || m.type === 'Country';

/** Refs of the places joined by "and" between tokens [from, to): "in Jalalabad and Kabul" gives both. */
function coordinatedPlaces(tokens: Token[], mentions: EntityMention[], from: number, to: number): string[] {
  const places: string[] = [];
  for (let k = from; k < to; k++) {
    if (tokens[k]!.text !== 'and') continue;
    const before = mentions.find((m) => m.type === 'Location' && m.last === k);
    const after = mentions.find((m) => m.type === 'Location' && m.first === k + 1 && m.last <= to);
    if (!before || !after) continue;
    for (const ref of [refOf(before), refOf(after)]) if (!places.includes(ref)) places.push(ref);
  }
  return places;
}

/**
 * "in the Sarak area, Dawlatabad district, Faryab province, Afghanistan": a phrase that ends on a place goes on
 * through the places that follow it, comma by comma, each the container of the one before. Returns the new end.
 */
export function placeChainEnd(tokens: Token[], mentions: EntityMention[], last: number): number {
  const endsOnPlace = (end: number) => mentions.some((m) => isPlace(m) && (m.last === end || (m.last === end - 1 && SUBDIVISION_NOUN.test(tokens[end - 1]!.text))));
  while (tokens[last]?.text === ',' && endsOnPlace(last)) {
    // "Kolo, southern Nasar": a compass word before the next place is skipped, unless it begins the place's name
    // ("North Dakota").
    const place = mentions.find((m) => isPlace(m) && (m.first === last + 1 || (m.first === last + 2 && COMPASS.test(tokens[last + 1]!.text))));
    if (!place) break;
    last = SUBDIVISION_NOUN.test(tokens[place.last]?.text ?? '') ? place.last + 1 : place.last;
  }
  return last;
}

const NOUN_CONTEXT = /^(?:a|an|the|this|that|these|those|its|their|his|her|our|my|your|'s|of|every|each|no|some|any)$/i;

/**
 * Token indices of verb forms. A word right after a determiner or "of" is a noun ("a market", "the fire"), and so
 * is one after a name that follows a determiner ("the Easter fair", "a Kabul hotel"), and a venue after any word
 * that follows one ("a cattle market", "the bus station").
 */
function verbTokens(sentence: Sentence, venueWords: Set<string>): Set<number> {
  const verbs = new Set<number>();
  const tokens = sentence.tokens;
  const nounContext = (k: number) => NOUN_CONTEXT.test(tokens[k]?.text ?? '');
  tokens.forEach((t, k) => {
    if (!/^\p{Ll}/u.test(t.text) || !isVerbForm(t.text) || nounContext(k - 1)) return;
    if ((/^\p{Lu}/u.test(tokens[k - 1]?.text ?? '') || venueWords.has(t.text)) && nounContext(k - 2)) return;
    verbs.add(k);
  });
  return verbs;
}

/** "In 2002, militants took ...": a date that opens the sentence dates its first event. */
function leadingDate(sentence: Sentence, nounFirst: number, published: Date | undefined): AttackDate | undefined {
  const opening = sentence.tokens.slice(0, Math.min(nounFirst, 6));
  const comma = opening.findIndex((t: Token) => t.text === ',');
  if (comma < 0) return undefined;
  return readAttackDate(sentence.text.slice(0, opening[comma]!.start - sentence.start), published);
}

/** "since July 2005, when four men killed 52 people in bombings ...": the date before ", when" dates the clause. */
function whenDate(sentence: Sentence, nounFirst: number, published: Date | undefined): AttackDate | undefined {
  const tokens = sentence.tokens;
  for (let w = nounFirst - 1; w >= 1 && nounFirst - w <= 12; w--) {
    if (tokens[w]!.text.toLowerCase() !== 'when' || tokens[w - 1]!.text !== ',') continue;
    const from = tokens[Math.max(0, w - 7)]!;
    return readAttackDate(sentence.text.slice(from.start - sentence.start, tokens[w - 1]!.start - sentence.start), published);
  }
  return undefined;
}

export const refOf = (m: EntityMention): string => m.key ?? `${m.type.toLowerCase()}/${slug(m.name)}`;

export const isStrongKind = (kind: string): boolean => STRONG_KINDS.has(kind);
