// Finds the typed entity mentions of a document: gazetteer names read in context (a capital that acts is its
// country, one that is a place is a Location), then proper-name spans the gazetteer does not know, typed by
// their suffix ("Theater", "College"), their title ("President X"), their context ("in X") and a name lexicon.
import type { EntityType } from '../model/ontology.js';
import { COMPASS_WORD, NEIGHBOURING_WORD } from './compass.js';
import { matchGazetteer, slug, type Gazetteer, type GazetteerHit } from './gazetteer.js';
import { isCapitalized, isWord, lowerWords } from './tokenize.js';
import { isAdjectiveForm, isCommonWord, isFirstName, isPersonName, isPersonNoun, isVerbForm } from './word-classes.js';
import type { EntityMention, Sentence, Token } from './types.js';

const PLACE_PART = /^(?:heart|centre|center|middle|outskirts|suburbs?|streets|edge|parts?|areas?|districts?|neighbou?rhoods?|city|town|capital)$/;
const CONNECTORS = new Set(['of', 'for', 'the', 'de', 'del', 'da', 'al', 'bin', 'ibn', 'van', 'von', 'der', 'den', 'la', 'le', 'du', '-', "'s", 'and']);
const NAME_PARTICLES = new Set(['al', 'bin', 'ibn', 'van', 'von', 'der', 'den', 'de', 'la', 'le', 'du', 'da', '-']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that']);
/** Kinds of settlement that, set off after a name ("X, a farming village"), say it is a place. */
const SETTLEMENT_SET_OFF = /^(?:village|town|city|township|hamlet|settlement|suburb)$/;
/** What may follow that kind: where it lies, or the end of the aside ("a town in Y", "a village, ..."). */
const SETTLEMENT_AFTER = /^(?:,|\.|;|in|on|near|about|some|north|south|east|west|outside|of|that|which|where|close)$/;
/** Kinds of site that are named by a number after them. */
const NUMBERED_SITE = /^(?:Tower|Camp|Outpost|Base|Checkpoint|Post|Gate|Station|Block|Sector|Terminal|Building|Bunker|Pier|Platform|Hangar|Ward)$/;
const CALENDAR = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.)$/;
const AUXILIARIES = /^(?:has|have|had|is|was|were|are|will|would|could|can|may|might|must|should|did|does|do)$/;

// Words around a name that make it the author of an attack, which only an armed group or a person is:
// "X claimed responsibility", "sources attributed the attack to X", "a letter signed by X" (a quoted name's
// closing quote between).
const CLAIMS_AFTER = /^["'”’]?\s*(?:\([^)]{1,40}\)\s*)?(?:(?:has|have|had|later|also|reportedly|quickly|subsequently|immediately|publicly)\s+)*(?:(?:claimed|claims|took|takes|accepted|accepts|assumed|admitted)\s+(?:(?:full|the)\s+)?(?:responsibility|credit)\b|claimed\s+(?:the|this|these|both|an?|its)\s+\w+)/i;
const AUTHOR_BEFORE = /(?:\b(?:attribut(?:ed|es?|ing)|blam(?:ed|es?|ing))(?:\s+[\w']+){0,4}\s+(?:to|on)|\b(?:signed|claimed|carried out|perpetrated|committed)\s+by|\bin the name of|\b(?:suspect(?:ed|s)?|speculated|believed)(?:\s+that)?(?:\s+the\s+involvement\s+of)?)(?:\s+the)?\s*$/i;
// "X was suspected of", "X may have been involved", "X was behind the attack".
const SUSPECT_AFTER = /^\s*(?:\([^)]{1,40}\)\s*)?(?:(?:was|were|is|are|had been|has been)\s+(?:also\s+)?suspected|(?:may|might)\s+have\s+(?:been\s+involved|carried\s+out)|(?:was|were)\s+behind)\b/i;

interface DocumentState {
  /** Full person names seen so far, by each of their tails ("Macron", "Van Ostaeyen"). */
  personsByTail: Map<string, string>;
  /** Names the words of the text made a group's, a body's or a place's ("the state oil company Ecopetrol"), by their text. */
  typeByName: Map<string, EntityType>;
  /** Full names of bodies by the short form the text names them by later ("Atalanta" for "Operation Atalanta"). */
  bodiesByShortForm: Map<string, string>;
}

/**
 * The mention with its fields in one fixed order. Mentions are built by spreading others and overriding fields
 * in many orders, which gives them many hidden classes; every later step reads them, and reads of one shape are
 * the fast ones.
 */
function uniform(m: EntityMention): EntityMention {
  return { type: m.type, key: m.key, name: m.name, text: m.text, start: m.start, end: m.end, sentence: m.sentence, first: m.first, last: m.last, role: m.role, via: m.via };
}

/** Tokens [from, to) in lower case, joined by spaces: built in place, as this runs several times per token. */
function lower(tokens: Token[], from: number, to: number): string {
  const first = Math.max(0, from);
  const end = Math.min(to, tokens.length);
  const words = lowerWords(tokens);
  let phrase = '';
  for (let k = first; k < end; k++) phrase += k === first ? words[k]! : ` ${words[k]!}`;
  return phrase;
}

/** Longest phrase of `phrases` ending right before token `index` (multi-word titles such as "prime minister"). */
function phraseBefore(tokens: Token[], index: number, phrases: Set<string>, maxWords = 4): string | undefined {
  for (let n = maxWords; n >= 1; n--) {
    const phrase = lower(tokens, index - n, index);
    if (index - n >= 0 && phrases.has(phrase)) return phrase;
  }
  return undefined;
}

function phraseAfter(tokens: Token[], index: number, phrases: Set<string>, maxWords = 3): string | undefined {
  for (let n = maxWords; n >= 1; n--) {
    const phrase = lower(tokens, index, index + n);
    if (index + n <= tokens.length && phrases.has(phrase)) return phrase;
  }
  return undefined;
}

class MentionFinder {
  readonly leaderTitles: Set<string>;
  readonly roleTitles: Set<string>;
  private readonly stateActs: Set<string>;
  readonly personTitles: Set<string>;
  readonly descriptors: Set<string>;
  readonly personNouns: Set<string>;
  readonly speech: Set<string>;
  readonly orgSuffixes: Set<string>;
  readonly locPrefixes: Set<string>;
  readonly locSuffixes: Set<string>;
  readonly eventSuffixes: Set<string>;
  readonly locatives: Set<string>;
  readonly governmentNouns: Set<string>;
  readonly groupNouns: Set<string>;
  readonly placeNouns: Set<string>;
  readonly nonNames: Set<string>;
  readonly prefixes: Set<string>;
  readonly officeTitles: Set<string>;
  readonly anyTitle: Set<string>;
  readonly groupNameWords: Set<string>;
  private readonly groupKinds: Set<string>;
  private readonly groupDescriptors: Set<string>;
  private readonly armedModifiers: Set<string>;
  private readonly civilModifiers: Set<string>;
  readonly acronymNonNames: Set<string>;
  readonly groupHeads: Set<string>;
  readonly groupMarks: Set<string>;
  /** Kinds of land and ways, not venues: "the X mountains" is a place, "the X market" may be the town's market. */
  readonly landKinds: Set<string>;

  constructor(readonly gazetteer: Gazetteer) {
    const lx = gazetteer.lexicon;
    this.leaderTitles = new Set(lx.leaderTitles);
    this.roleTitles = new Set(lx.roleTitles);
    this.stateActs = new Set(lx.stateActNouns);
    this.personTitles = new Set(lx.personTitles);
    this.descriptors = new Set(lx.personDescriptors);
    this.personNouns = new Set(lx.personNouns);
    this.speech = new Set(lx.speechVerbs);
    this.orgSuffixes = new Set(lx.organizationSuffixes);
    this.locPrefixes = new Set(lx.locationPrefixes);
    this.locSuffixes = new Set(lx.locationSuffixes);
    this.eventSuffixes = new Set(lx.eventSuffixes);
    this.locatives = new Set(lx.locativePrepositions);
    this.governmentNouns = new Set(lx.governmentNouns);
    this.groupNouns = new Set(lx.groupNouns);
    this.officeTitles = new Set([...lx.leaderTitles, ...lx.roleTitles]);
    this.anyTitle = new Set([...lx.leaderTitles, ...lx.roleTitles, ...lx.personDescriptors, ...lx.personTitles]);
    this.nonNames = new Set(lx.nonNames);
    this.prefixes = new Set(lx.namePrefixes);
    this.groupNameWords = new Set(lx.groupNameWords);
    this.groupKinds = new Set(lx.groupKindNouns);
    this.groupDescriptors = new Set(lx.groupDescriptors);
    this.armedModifiers = new Set(lx.armedGroupModifiers);
    this.civilModifiers = new Set(lx.civilGroupModifiers);
    this.acronymNonNames = new Set(lx.acronymNonNames);
    this.groupHeads = new Set(lx.groupHeadWords);
    this.groupMarks = new Set(lx.groupMarkWords);
    this.landKinds = new Set(lx.locationSuffixes.filter((w) => !lx.venueNouns.includes(w)));
    // Words after a place name that show it is a place, not a government: "Moscow region", "Moscow attack".
    this.placeNouns = new Set([...Object.keys(lx.attackNouns), ...lx.venueNouns, ...lx.locationSuffixes, 'terror', 'area', 'residents', 'metro', 'suburbs', 'outskirts', 'metropolitan']);
  }

  /** A word of the language, as the lexicon or the treebank's casing knows it (or its singular). */
  isCommon(word: string): boolean {
    const lowered = word.toLowerCase();
    return isCommonWord(word) || this.gazetteer.commonWords.has(lowered) || (/\p{Ll}s$/u.test(word) && this.gazetteer.commonWords.has(lowered.slice(0, -1)));
  }

  /** "Highland Liberation Front", "Silver Star Klan", "Red Dawn Cells": words (lower case) that only an armed group's name ends on. */
  armedGroupName(words: string[]): boolean {
    const last = words[words.length - 1] ?? '';
    return words.length > 1 && (this.groupHeads.has(last) || (this.groupNameWords.has(last) && words.some((w) => this.groupMarks.has(w))));
  }

  isTitle(phrase: string): boolean {
    return this.leaderTitles.has(phrase) || this.roleTitles.has(phrase) || this.personTitles.has(phrase) || this.descriptors.has(phrase);
  }

  fromGazetteer(sentence: Sentence, hit: GazetteerHit): EntityMention | undefined {
    const { tokens } = sentence;
    const { entry, form, first, last } = hit;
    // Every field the returns below set is here already: spreading an object and adding a field it lacks gives
    // each result a hidden class of its own (V8 11), which costs a new map per mention; overriding fields does not.
    const base: EntityMention = { sentence: sentence.index, first, last, start: tokens[first]!.start, end: tokens[last - 1]!.end, text: sentence.text.slice(tokens[first]!.start - sentence.start, tokens[last - 1]!.end - sentence.start), via: `gazetteer:${form}`, type: entry.type, key: entry.id, name: entry.name, role: 'head' };
    // "KABUL (AFP) -": where the report was filed, named in no relation and no attack's place.
    if (first === 0 && datelineLength(sentence) === last && entry.type === 'Location') return { ...base, type: 'Location', key: entry.id, name: entry.name, role: 'modifier', via: 'gazetteer:dateline' };
    const next = tokens[last];
    const nextWord = next?.text.toLowerCase() ?? '';
    // "Lake Chad" is water, not the country; "Mount Sinjar" a mountain, not the town.
    // "the Straits of Messina", "the Gulf of Oman": water or land named after a place is a place of its own.
    const featureAt = tokens[first - 1]?.text === 'of' && WATER_OF.test(tokens[first - 2]?.text ?? '') ? first - 2 : first - 1;
    const feature = tokens[featureAt];
    if (feature && featureAt >= 0 && isCapitalized(feature) && (featureAt === first - 2 || this.locPrefixes.has(feature.text.toLowerCase()))) {
      const text = sentence.text.slice(feature.start - sentence.start, base.end - sentence.start);
      return { ...base, first: featureAt, start: feature.start, text, type: 'Location', key: `location/${slug(text)}`, name: text, role: 'head', via: 'gazetteer:feature' };
    }
    // "Nigeria's Niger State", "the Kebbi and Niger states": a federal state named like a country is a place of
    // that country, not the country acting as a state (lower-case "the Niger state" still is).
    if (entry.type === 'Country' && form === 'name' && next?.spaceBefore && (next.text === 'State' || next.text === 'states')) {
      const name = `${entry.name} State`;
      const text = sentence.text.slice(base.start - sentence.start, next.end - sentence.start);
      return { ...base, last: last + 1, end: next.end, text, type: 'Location', key: `location/${slug(name)}`, name, role: 'head', via: 'gazetteer:federal-state' };
    }
    const government = entry.type === 'Country' && (form === 'demonym' || form === 'name') ? phraseAfter(tokens, last, this.governmentNouns) : undefined;
    if (government) {
      const end = last + government.split(' ').length;
      // "the Nigerian Army", "the British embassy": an armed service named as such (capitalised), or one embassy,
      // is an organisation; "Nigerian troops", "the Turkish army", "the British Government" are the state acting.
      const own = tokens.slice(last, end);
      if (form === 'demonym' && (government === 'embassy' || (/^(?:army|navy|air force)$/.test(government) && own.every((t) => isCapitalized(t))))) {
        const text = sentence.text.slice(base.start - sentence.start, tokens[end - 1]!.end - sentence.start);
        const name = text;
        return { ...base, last: end, end: tokens[end - 1]!.end, text, type: 'Organization', key: undefined, name, role: 'head', via: 'gazetteer:demonym-body' };
      }
      return { ...base, last: end, end: tokens[end - 1]!.end, text: sentence.text.slice(base.start - sentence.start, tokens[end - 1]!.end - sentence.start), type: 'Country', key: entry.id, name: entry.name, role: 'head' };
    }
    if (form === 'demonym') {
      // "German-born" says where someone comes from, not what a state did.
      if (nextWord === '-' && tokens[last + 1]?.text.toLowerCase() === 'born') return undefined;
      if (entry.type !== 'Country') return undefined;
      // "the Somali capital": the country's capital city.
      const capital = nextWord === 'capital' && DETERMINERS.has(lower(tokens, first - 1, first)) ? this.gazetteer.entries.get(this.gazetteer.capitalByCountry.get(entry.id) ?? '') : undefined;
      if (capital) return { ...base, last: last + 1, end: next!.end, text: sentence.text.slice(base.start - sentence.start, next!.end - sentence.start), type: 'Location', key: capital.id, name: capital.name, role: 'head', via: 'gazetteer:demonym-capital' };
      // "the French" and "Americans" name the state or its people; an adjective before a noun modifies it.
      const role = next && isWord(next) && !AUXILIARIES.test(nextWord) ? 'modifier' : 'head';
      return { ...base, type: 'Country', key: entry.id, name: entry.name, role };
    }
    // "the Moscow region": a subdivision named after its city is a place of its own.
    const subdivision = entry.type === 'Location' && /^(?:region|oblast|province|district|governorate|prefecture|county)$/.test(nextWord) && next?.spaceBefore === true;
    if (subdivision) {
      const name = `${entry.name} ${nextWord}`;
      return { ...base, last: last + 1, end: next!.end, text: `${base.text} ${next!.text}`, type: 'Location', key: `location/${slug(name)}`, name, role: 'head' };
    }
    if (form === 'capital') {
      const previous = lower(tokens, first - 1, first);
      const previousTwo = lower(tokens, first - 2, first);
      // "that Ankara had alerted Baghdad": "that" before a capital that acts opens a clause; it is no determiner.
      const complementizer = previous === 'that' && AUXILIARIES.test(nextWord);
      // "LIMA, Peru (AP)", "Kabul, Afghanistan": a capital in an address is the city.
      const addressed = nextWord === ',' && matchGazetteer(this.gazetteer, tokens.slice(last + 1, last + 5)).some((h) => h.first === 0 && h.entry.type === 'Country' && h.form === 'name');
      // "in central Tokyo", "drove to Tokyo", "reported from Washington": a place word or a verb's direction before it.
      const position = COMPASS_WORD.test(previous) || /^(?:central|downtown|greater|metropolitan|suburban)$/.test(previous) ? lower(tokens, first - 2, first - 1) : previous;
      // "explosions that killed 60 hit Baghdad", "a blast rocked Kabul": what an attack struck is the city.
      const direction = (/^(?:to|from)$/.test(previous) && isVerbForm(lower(tokens, first - 2, first - 1)) && !/ing$/.test(lower(tokens, first - 2, first - 1))) || STRUCK.test(previous);
      // "in the capital, Lima,": the city set off after the word for it.
      // "in the heart of Madrid", "on the outskirts of Kabul": a part of the city is a place in it.
      const partOf = previous === 'of' && PLACE_PART.test(lower(tokens, first - 2, first - 1));
      const locative = previousTwo === 'capital ,' || this.locatives.has(position) || this.locatives.has(previousTwo) || DETERMINERS.has(position) && !complementizer || direction || partOf;
      // "Tehran's accusations against Washington": a capital owning a state's act is the state.
      const acts = nextWord === "'s" && this.stateActs.has(lower(tokens, last + 1, last + 2));
      const modifiesNoun = (nextWord === "'s" && !acts) || (next !== undefined && isWord(next) && (this.placeNouns.has(nextWord) || phraseAfter(tokens, last, this.placeNouns) !== undefined || (isCapitalized(next) && !/^(?:has|had|is|was)$/i.test(next.text))));
      if (locative || modifiesNoun || addressed || !entry.country) return { ...base, type: 'Location', key: entry.id, name: entry.name, role: 'head' };
      const country = this.gazetteer.entries.get(entry.country)!;
      return { ...base, type: 'Country', key: country.id, name: country.name, role: 'head', via: 'gazetteer:metonym' };
    }
    if (form === 'metonym') {
      const role = phraseAfter(tokens, last, this.roleTitles) ? 'modifier' : 'head';
      return { ...base, type: entry.type, key: entry.id, name: entry.name, role };
    }
    // A country or group name used as an adjective before a title ("Kremlin spokesman") still heads nothing.
    const role = entry.type === 'Country' && phraseAfter(tokens, last, this.officeTitles) ? 'modifier' : 'head';
    return { ...base, type: entry.type, key: entry.id, name: entry.name, role };
  }

  /** "the district of Harrow", "Reading, Pennsylvania, United States", "East governorate": the text says the name is a place's. */
  placeByForm(tokens: Token[], first: number, last: number, known: EntityMention[]): boolean {
    if (this.placeKindAround(tokens, first, last)) return true;
    return tokens[last]?.text === ',' && first > 0 && addressAhead(tokens, last, known);
  }

  /** Whether tokens [first, last) are a name of three words or more that a capitalised place or body word ends, with no "of" or "and" in it. */
  namedSite(tokens: Token[], first: number, last: number): boolean {
    const kind = tokens[last - 1]!.text.toLowerCase();
    if (last - first < 3 || !isCapitalized(tokens[last - 1]!) || !(this.locSuffixes.has(kind) || this.orgSuffixes.has(kind))) return false;
    for (let k = first; k < last; k++) if (CONNECTORS.has(tokens[k]!.text.toLowerCase())) return false;
    return true;
  }

  /** "the village of X", "Dutsen village", "Plateau state", "the X mountains": the kind of place is written with the name. */
  placeKindAround(tokens: Token[], first: number, last: number): boolean {
    if (/^(?:city|town|village|region|province|district|state|county|suburb|borough) of$/.test(lower(tokens, first - 2, first))) return true;
    if (this.settlementSetOff(tokens, last)) return true;
    const next = tokens[last];
    if (next?.spaceBefore !== true) return false;
    // "the Brunok and Selvar districts": the kind of two places is plural.
    const kind = next.text.toLowerCase();
    const singular = kind.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '');
    if (SUBDIVISION_AFTER.test(kind) || SUBDIVISION_AFTER.test(singular) || (/^\p{Ll}/u.test(next.text) && this.landKinds.has(next.text))) return true;
    // "the X air base", "the X gas field", "the X police post": a site told by its kind after what it is for.
    return /^\p{Ll}/u.test(next.text) && tokens[last + 1]?.spaceBefore === true && FACILITY_AFTER.test(lower(tokens, last, last + 2));
  }

  /** "X, a farming village about 25 km from Y", "X, a small town in Z": a settlement's kind set off after its name. */
  settlementSetOff(tokens: Token[], last: number): boolean {
    if (tokens[last]?.text !== ',' || !/^(?:a|an)$/.test(tokens[last + 1]?.text ?? '')) return false;
    for (let k = last + 2; k <= last + 4 && k < tokens.length; k++) {
      const word = tokens[k]!.text;
      if (SETTLEMENT_SET_OFF.test(word)) return SETTLEMENT_AFTER.test(tokens[k + 1]?.text ?? '.');
      if (!/^\p{Ll}+(?:-\p{Ll}+)?$/u.test(word)) return false;
    }
    return false;
  }

  /** "West 57th Street", "5th Avenue", "the army's 18th Brigade": an ordinal inside the name of a street or a body. */
  numberedName(tokens: Token[], k: number): boolean {
    const next = tokens[k + 1];
    if (!/^\d+(?:st|nd|rd|th)$/.test(tokens[k]!.text) || next === undefined || !isCapitalized(next)) return false;
    // "the 6th Infantry Division": one word of what the unit is may come between its number and its kind.
    const kind = this.orgSuffixes.has(next.text.toLowerCase()) ? next : tokens[k + 2] !== undefined && isCapitalized(tokens[k + 2]!) && isWord(next) ? tokens[k + 2]! : next;
    return /^(?:Street|Avenue|Road|St)$/.test(next.text) || this.orgSuffixes.has(kind.text.toLowerCase());
  }

  /** Whether the text around tokens [first, last) makes the name the author of an attack. */
  authorContext(sentence: Sentence, first: number, last: number): boolean {
    const start = sentence.tokens[first]!.start - sentence.start;
    const end = sentence.tokens[last - 1]!.end - sentence.start;
    const after = sentence.text.slice(end, end + 90);
    return CLAIMS_AFTER.test(after) || SUSPECT_AFTER.test(after) || AUTHOR_BEFORE.test(sentence.text.slice(Math.max(0, start - 60), start));
  }

  /** ", an Iranian commander", ", the group's spokesman": a role right after a name shows it is a person. */
  appositiveTitle(tokens: Token[], from: number): boolean {
    let k = from;
    if (DETERMINERS.has(tokens[k]?.text.toLowerCase() ?? '')) k++;
    for (let skip = 0; skip < 4 && k < tokens.length; skip++, k++) {
      // "around Ubari and Murzuq, while a former commander": a clause opened after the comma says nothing of the name.
      if (CLAUSE_OPENER.test(tokens[k]!.text)) return false;
      if (phraseAfter(tokens, k, this.roleTitles) || phraseAfter(tokens, k, this.leaderTitles) || phraseAfter(tokens, k, this.descriptors)) return true;
    }
    return false;
  }

  /**
   * "X, a militant group that", "X (XG), the main insurgent group in", "X, one of the largest armed groups", "X, a
   * Tunisian group", "X, al-Qaeda's local branch", "its armed wing, the X": the kind of group the noun set off beside
   * the name makes it, or undefined where no group's noun is set off beside it.
   */
  apposedGroupKind(tokens: Token[], first: number, last: number, known: EntityMention[]): GroupKind | undefined {
    if (tokens[first - 1]?.text === 'the' && tokens[first - 2]?.text === ',') {
      const noun = tokens[first - 3]?.text.toLowerCase() ?? '';
      const kind = this.groupKinds.has(noun) || this.groupDescriptors.has(noun) ? this.groupKindOf(tokens, first - 3) : undefined;
      // "in the province, the X": a descriptor ("province", "branch") names a group only with an armed word before it.
      if (kind && (this.groupKinds.has(noun) || kind === 'armed')) return kind;
    }
    // "a smaller group, X, said": without "the", the name is set off on both sides of it.
    // ("an informant of the gang, X,": a person set off after a noun for people of the group is not it.)
    if (tokens[first - 1]?.text === ',' && tokens[last]?.text === ',' && this.groupKinds.has(tokens[first - 2]?.text.toLowerCase() ?? '') && !this.personNounBefore(tokens, first - 1)) return this.groupKindOf(tokens, first - 2);
    let k = last;
    if (tokens[k]?.text === '(' && tokens[k + 2]?.text === ')' && /^\p{Lu}[\p{Lu}\d-]{1,9}$/u.test(tokens[k + 1]!.text)) k += 3;
    if (tokens[k]?.text !== ',') return undefined;
    k++;
    // "one of the largest armed groups": the noun in the plural; "al-Qaeda's local branch": a known group's part.
    const plural = lower(tokens, k, k + 3) === 'one of the';
    const owner = known.find((m) => m.first === k && m.type === 'Group' && tokens[m.last]?.text === "'s");
    if (plural) k += 3;
    else if (owner) k = owner.last + 1;
    else if (/^(?:a|an|the)$/i.test(tokens[k]?.text ?? '')) k++;
    else return undefined;
    // "an Iran-aligned Iraqi militia": a hyphenated modifier counts its hyphen and its parts as words.
    for (const end = Math.min(tokens.length, k + 6); k < end; k++) {
      const word = tokens[k]!.text;
      const noun = plural ? (word.endsWith('s') ? word.slice(0, -1) : '') : word;
      if (!this.groupKinds.has(noun) && !(owner && this.groupDescriptors.has(noun))) {
        // A demonym is the one capitalised word the words before the noun may hold: "a Tunisian group".
        const demonym = known.some((m) => m.first === k && m.type === 'Country');
        if ((!/^\p{Ll}/u.test(word) && !demonym && word !== '-') || word === 'of' || this.personNouns.has(word) || this.roleTitles.has(word)) return undefined;
        continue;
      }
      if (!plural && !GROUP_KIND_END.test(tokens[k + 1]?.text ?? '.')) return undefined;
      // A part of an armed group is one too.
      return owner ? 'armed' : this.groupKindOf(tokens, k);
    }
    return undefined;
  }

  /** What the group's noun at token `noun` and the lower-case words right before it say the group is. */
  groupKindOf(tokens: Token[], noun: number): GroupKind {
    let civil = false;
    for (let k = noun; k >= Math.max(0, noun - 4) && /^\p{Ll}/u.test(tokens[k]!.text); k--) {
      const word = tokens[k]!.text;
      if (this.armedModifiers.has(word)) return 'armed';
      civil ||= this.civilModifiers.has(word);
    }
    return civil ? 'civil' : 'plain';
  }

  /**
   * "a shopkeeper, Tariq Bhat,", "two suspects, A and B", "a member of parliament, A": whether the noun phrase
   * that ends at the comma before token `comma` is headed by a noun for people (its last word, or the word before its "of").
   */
  personNounBefore(tokens: Token[], comma: number): boolean {
    const isPersonNoun = (word: string) => [word, word.replace(/e?s$/, ''), word.replace(/men$/, 'man')].some((w) => this.personNouns.has(w) || this.descriptors.has(w) || this.roleTitles.has(w));
    const head = tokens[comma - 1]?.text ?? '';
    if (/^\p{Ll}/u.test(head) && isPersonNoun(head)) return true;
    for (let k = comma - 2; k >= Math.max(0, comma - 6); k--) {
      const word = tokens[k]!.text;
      if (/^[,;:.()"“”]$/.test(word)) return false;
      if (word === 'of') return /^\p{Ll}/u.test(tokens[k - 1]?.text ?? '') && isPersonNoun(tokens[k - 1]!.text);
    }
    return false;
  }

  /** Whether the token may be a surname after a first name: a capitalised word, no word of the language, title or kind. */
  surnameWord(t: Token | undefined): boolean {
    return t !== undefined && t.spaceBefore && isCapitalized(t) && isWord(t) && !this.isCommon(t.text) && !this.isTitle(t.text.toLowerCase()) && !this.locSuffixes.has(t.text.toLowerCase()) && !this.orgSuffixes.has(t.text.toLowerCase());
  }

  /** Whether a name the gazetteer knows begins at token `k`. */
  opensKnownName(tokens: Token[], k: number): boolean {
    return matchGazetteer(this.gazetteer, tokens.slice(k, k + 4)).some((h) => h.first === 0);
  }

  /**
   * "said Ngozi Okafor", "Major General Salem al-Tarhouni", "Ngozi Okafor, a trader,", "Dana Reyes and Sari Lund": whether
   * the place's name of tokens [first, last) opens a person's name, which a surname after it and a person's words
   * around them show (the name's own words do not: the lexicon knows few first names outside English).
   */
  opensPersonName(tokens: Token[], first: number, last: number): boolean {
    let end = last;
    if (/^(?:al|el|bin|ibn)$/i.test(tokens[end]?.text ?? '') && tokens[end + 1]?.text === '-' && !tokens[end + 1]!.spaceBefore && tokens[end + 2] !== undefined && !tokens[end + 2]!.spaceBefore && isCapitalized(tokens[end + 2]!)) end += 3;
    else if (this.surnameWord(tokens[end]) && !this.opensKnownName(tokens, end)) end++;
    else return false;
    while (this.surnameWord(tokens[end])) end++;
    const before = tokens[first - 1]?.text.toLowerCase() ?? '';
    const after = tokens[end]?.text.toLowerCase() ?? '';
    const listedAfterPerson = (before === 'and' || before === ',') && isCapitalized(tokens[first - 2] ?? tokens[first]!) && isFirstName(tokens[first - 3]?.text ?? '');
    return phraseBefore(tokens, first, this.anyTitle) !== undefined || this.speech.has(before) || this.speech.has(after) || phraseAfter(tokens, end, this.speech) !== undefined || (after === ',' && this.appositiveTitle(tokens, end + 1)) || listedAfterPerson;
  }

  /**
   * "a faction led by X", "units commanded by X", "a bandit known as X", "a Burkinabe named X", "whom police named as X" (not "the day known as
   * X"): whether the words before token `first` say a person leads something or is called the name.
   */
  personNamedBefore(tokens: Token[], first: number, known: EntityMention[]): boolean {
    if (/^(?:led|headed|commanded) by$/.test(lower(tokens, first - 2, first))) return true;
    const cue = NAMED_BEFORE.test(lower(tokens, first - 2, first)) ? first - 2 : NAMED_BEFORE.test(lower(tokens, first - 1, first)) ? first - 1 : -1;
    if (cue < 1) return false;
    const noun = tokens[cue - 1]!.text.toLowerCase();
    const personNoun = this.personNouns.has(noun) || this.descriptors.has(noun) || this.roleTitles.has(noun) || isPersonNoun(noun);
    return personNoun || known.some((m) => m.type === 'Country' && m.last === cue) || lower(tokens, cue - 2, cue - 1) === 'whom';
  }

  /**
   * "Mir Nadir Dashti of the National Party": whether the name of tokens [first, of) has no word of a body's, a
   * group's, a place's or a title, and the name after "of the" ends on a body's word: a person of that body, not one name.
   */
  memberOfBody(tokens: Token[], first: number, of: number): boolean {
    for (let k = first; k < of; k++) {
      const word = tokens[k]!.text.toLowerCase();
      if (!isWord(tokens[k]!) || this.orgSuffixes.has(word) || this.locSuffixes.has(word) || this.groupNameWords.has(word) || this.groupHeads.has(word) || this.isTitle(word)) return false;
    }
    let end = of + 2;
    while (tokens[end] !== undefined && isCapitalized(tokens[end]!) && isWord(tokens[end]!)) end++;
    return end > of + 2 && this.orgSuffixes.has(tokens[end - 1]!.text.toLowerCase());
  }

  /** Whether the name of tokens [first, and) is whole without what follows "and" at token `and`. */
  completeBeforeAnd(tokens: Token[], first: number, and: number, state: DocumentState): boolean {
    const before = tokens[and - 1]!.text.toLowerCase();
    const after = tokens[and + 1]?.text ?? '';
    const head = (word: string) => this.orgSuffixes.has(word) || this.locSuffixes.has(word);
    if (head(before) && and - first >= 2) return true;
    if (this.personTitles.has(after.toLowerCase()) || this.leaderTitles.has(after.toLowerCase())) return true;
    return and - first === 1 && state.personsByTail.has(tokens[first]!.text) && state.personsByTail.has(after);
  }

  /** Whether the comma at `comma` goes on the list of a body's name [first, comma): "Ministry of Health, Labour and Welfare". */
  bodyListAhead(tokens: Token[], first: number, comma: number, covered: boolean[]): boolean {
    const of = tokens.findIndex((t, k) => k > first && k < comma && (t.text === 'of' || t.text === 'for') && this.orgSuffixes.has(tokens[k - 1]!.text.toLowerCase()));
    if (of < 0) return false;
    // Single capitalised words between commas, then "and" and one more: nothing else.
    for (let k = comma; k < comma + 12 && k + 1 < tokens.length; k += 2) {
      const word = tokens[k + 1]!;
      if (covered[k + 1] || !isCapitalized(word) || !isWord(word)) return false;
      if (tokens[k]!.text === 'and') return true;
      if (tokens[k]!.text !== ',') return false;
      if (tokens[k + 2]?.text === 'and' && tokens[k + 3] && isCapitalized(tokens[k + 3]!) && !covered[k + 3]) return true;
    }
    return false;
  }

  /** Token range [start, end) of the last run of titles inside span [first, last) that a capitalised name follows. */
  titleInside(tokens: Token[], first: number, last: number): [number, number] | undefined {
    for (let end = last - 1; end > first + 1; end--) {
      // The longest title ending here: "Prime Minister", not "Minister".
      const n = [4, 3, 2, 1].find((w) => end - w >= first && this.officeOrCourtesy(lower(tokens, end - w, end).replace(/\./g, '')));
      if (n === undefined) continue;
      const k = end - n;
      if (k === first) return undefined;
      // "Abdikadir Sheikh Osman": an honorific after one name word is a word of the person's name, not a title before it.
      if (k === first + 1 && NAME_HONORIFIC.test(tokens[k]!.text) && !this.isCommon(tokens[first]!.text) && !this.isTitle(tokens[first]!.text.toLowerCase()) && !this.orgSuffixes.has(tokens[first]!.text.toLowerCase())) continue;
      // "The General Directorate of Intelligence": a title before a body's word is part of the body's name.
      if (!isCapitalized(tokens[k]!) || tokens[end]?.text === "'s" || !isCapitalized(tokens[end]!) || CONNECTORS.has(tokens[end]!.text.toLowerCase()) || this.orgSuffixes.has(tokens[end]!.text.toLowerCase())) continue;
      let start = k;
      // "Chief Constable", "Brigadier General": titles in a row are one.
      // ("Severn Valley Police Chief Constable": the body's own word stays with the body.)
      while (start - 1 > first && this.officeOrCourtesy(lower(tokens, start - 1, start)) && !this.orgSuffixes.has(lower(tokens, start - 1, start))) start--;
      return [start, end];
    }
    return undefined;
  }

  officeOrCourtesy(phrase: string): boolean {
    return this.leaderTitles.has(phrase) || this.roleTitles.has(phrase) || (this.personTitles.has(phrase) && !/^(?:former|late|then|acting|deputy)$/.test(phrase));
  }

  /** "Okafor and Lindqvist reported": two people named by their surnames, not one person called "Okafor and Lindqvist". */
  splitPeople(sentence: Sentence, mention: EntityMention, known: EntityMention[], state: DocumentState): EntityMention[] {
    const { tokens } = sentence;
    const and = tokens.findIndex((t, k) => k > mention.first && k < mention.last - 1 && t.text === 'and');
    if (and < 0) return [mention];
    // "Dana Whitcombe and Severn Valley Police Force": a part whose own words make it a body is that body.
    const part = (first: number, last: number): EntityMention => {
      const own = this.classify(sentence, first, last, known, state);
      if (own && own.type !== 'Person' && own.via === 'name:suffix') return own;
      const text = sentence.text.slice(tokens[first]!.start - sentence.start, tokens[last - 1]!.end - sentence.start);
      return { ...mention, first, last, start: tokens[first]!.start, end: tokens[last - 1]!.end, text, name: state.personsByTail.get(text) ?? text };
    };
    return [part(mention.first, and), part(and + 1, mention.last)];
  }

  /** Proper-name spans not covered by the gazetteer. */
  names(sentence: Sentence, covered: boolean[], found: EntityMention[], state: DocumentState): EntityMention[] {
    const { tokens } = sentence;
    const result: EntityMention[] = [];
    let i = 0;
    while (i < tokens.length) {
      if (covered[i] || !(isCapitalized(tokens[i]!) && isWord(tokens[i]!) || this.numberedName(tokens, i))) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < tokens.length && !covered[j]) {
        const t = tokens[j]!;
        const after = tokens[j + 1];
        if (isCapitalized(t) && isWord(t) || this.numberedName(tokens, j)) j++;
        // "Tower 22", "Camp 7", "Outpost 4": a site that goes by its kind and a number.
        else if (NUMBERED_SITE.test(tokens[j - 1]!.text) && /^\d{1,3}$/.test(t.text) && t.spaceBefore) j++;
        // "Deir ez-Zor", "Ras al-Ain": a short lower-case article joined by a hyphen to the next name goes on.
        else if ((/^(?:al|el|bin|ibn|abu|abd)$/i.test(t.text) || /^\p{Ll}{1,3}$/u.test(t.text) && t.spaceBefore) && after?.text === '-' && !after.spaceBefore && tokens[j + 2] && !tokens[j + 2]!.spaceBefore && isCapitalized(tokens[j + 2]!)) j += 3;
        // "Lashkar-e-Jhangvi", "Jamaat-ul-Ahrar", "Harkat ul-Ansar": short particles joined by hyphens.
        else if (t.text === '-' && !t.spaceBefore && /^(?:e|i|ul|ud|al|el|wal|wa|u|o)$/i.test(after?.text ?? '') && !after!.spaceBefore && tokens[j + 2]?.text === '-' && !tokens[j + 2]!.spaceBefore && tokens[j + 3] && isCapitalized(tokens[j + 3]!)) j += 4;
        else if (/^(?:wal|wa)$/i.test(t.text) && after?.text === '-' && !after.spaceBefore && tokens[j + 2] && isCapitalized(tokens[j + 2]!)) j += 3;
        // "J. Robert Hallam", "Mary K. Osei": an initial's full stop; "O'Neill", "D'Souza": an apostrophe.
        else if ((t.text === '.' && /^\p{Lu}$/u.test(tokens[j - 1]!.text) || /^['’]$/.test(t.text) && /^\p{Lu}$/u.test(tokens[j - 1]!.text)) && !t.spaceBefore && after && isCapitalized(after) && !covered[j + 1]) j += 2;
        // "Ta'izz", "Ma'arrat": an apostrophe inside a transliterated name, lower-case letters after it.
        else if (/^['’]$/.test(t.text) && !t.spaceBefore && after && !after.spaceBefore && /^\p{Ll}+$/u.test(after.text) && isWord(tokens[j - 1]!) && !covered[j + 1]) j += 2;
        // "Helen Marsh and Omar Daoud" are two people; "Unity and Return" is one name. A name already complete
        // before the "and" ("the Water Board and Public Health Service", "Hartley and Lord Ainsworth",
        // two known surnames) is one of two.
        // "Wadi al-Hasa and Wadi al-Mujib": a name after "and" that opens with the same word is a second one.
        else if (t.text === 'and' && (isFirstName(after?.text ?? '') || isFirstName(tokens[i]!.text) && j - i >= 2 || after?.text === tokens[i]!.text || this.completeBeforeAnd(tokens, i, j, state))) break;
        // "Popular Militia for the Defence of the Valley": "of the" and "for the" go on into a name.
        // "a group calling itself the Vanguard of the Faithful": a name the text says a group gave itself goes on
        // through "of the" after one word too.
        else if (/^(?:of|for)$/.test(t.text) && after?.text === 'the' && tokens[j + 2] && isCapitalized(tokens[j + 2]!) && isWord(tokens[j + 2]!) && !covered[j + 1] && !covered[j + 2] && (j - i >= 2 || selfNamed(tokens, i)) && !this.memberOfBody(tokens, i, j)) j += 3;
        // "Commission on Human Rights", "Council on Foreign Relations": "on" after a body's word goes on into its name
        // ("the Army on Monday" is when it acted).
        else if (t.text === 'on' && this.orgSuffixes.has(tokens[j - 1]!.text.toLowerCase()) && after && isCapitalized(after) && isWord(after) && !CALENDAR.test(after.text.toLowerCase()) && !covered[j + 1]) j += 2;
        else if (t.text === '&' && !t.spaceBefore && after && !after.spaceBefore && /^\p{Lu}+$/u.test(after.text) && /^\p{Lu}+$/u.test(tokens[j - 1]!.text) && !covered[j + 1]) j += 2;
        // "Office of Roads, Ports, Rail and Aviation": a body's list of what it is of, up to its "and".
        else if (t.text === ',' && this.bodyListAhead(tokens, i, j, covered)) j += 2;
        else if (CONNECTORS.has(t.text.toLowerCase()) && j + 1 < tokens.length && !covered[j + 1] && isCapitalized(tokens[j + 1]!) && (t.text !== '-' || !t.spaceBefore)) j += 2;
        // "Marit van der Hoek", "Luis de la Peña": two particles before the last part of a name.
        else if (t.text !== '-' && NAME_PARTICLES.has(t.text) && after && after.text !== '-' && NAME_PARTICLES.has(after.text) && tokens[j + 2] && !covered[j + 2] && isCapitalized(tokens[j + 2]!) && isWord(tokens[j + 2]!)) j += 3;
        else break;
      }
      // "Severn Valley Police Chief Constable Dana Whitcombe", "Brigadier General Tomás Ibarra": a title inside the
      // span ends what came before it (a body, or nothing) and starts a person's name.
      const held = this.titleInside(tokens, i, j);
      const and = held ? tokens.findIndex((t, k) => k > held[1] && k < j - 1 && t.text === 'and') : -1;
      const parts: Array<[number, number]> = !held ? [[i, j]] : and < 0 ? [[i, held[0]], [held[1], j]] : [[i, held[0]], [held[1], and], [and + 1, j]];
      for (const [from, to] of parts) {
        if (from >= to) continue;
        const mention = this.classify(sentence, from, to, found.concat(result), state);
        if (mention?.type === 'Person') result.push(...this.splitPeople(sentence, mention, found.concat(result), state));
        else if (mention) result.push(...splitPlaces(sentence, mention));
      }
      i = j;
    }
    return result;
  }

  classify(sentence: Sentence, first: number, last: number, known: EntityMention[], state: DocumentState): EntityMention | undefined {
    const { tokens } = sentence;
    // "PORT VELNA (AP) -": a dateline's capitals, all of them, name the place the report was filed in; a single
    // word of the language ("FILE -", "UPDATE -") labels a caption.
    if (first === 0 && datelineLength(sentence) === last && !(last === 1 && this.isCommon(titleCase(tokens[0]!.text)))) {
      const text = sentence.text.slice(0, tokens[last - 1]!.end - sentence.start);
      const name = tokens.slice(0, last).map((t) => titleCase(t.text)).join(' ');
      return { type: 'Location', key: undefined, name, text, start: tokens[0]!.start, end: tokens[last - 1]!.end, sentence: sentence.index, first, last, role: 'modifier', via: 'name:dateline' };
    }
    // Leading titles ("President", "Deputy Special Envoy") are context, not part of the name; but a title before
    // a name that a place's or a body's word ends is that name's first word: "Queen Elizabeth National Park",
    // "King Fahd Hospital", "President Kennedy Avenue".
    let title: string | undefined;
    const site = this.namedSite(tokens, first, last);
    for (let n = Math.min(4, last - first); n >= 1 && first < last && !site; n--) {
      const phrase = lower(tokens, first, first + n);
      // "the General Assembly": a title before nothing but a body's word is part of the body's name.
      // "the General Directorate of Intelligence": nor before a body's word that opens its name.
      const bodyOnly = this.orgSuffixes.has(tokens[first + n]?.text.toLowerCase() ?? '') && (last - (first + n) === 1 || tokens[first + n + 1]?.text === 'of');
      if (this.isTitle(phrase.replace(/\./g, '')) && tokens[first + n]?.text !== "'s" && !bodyOnly) {
        title = phrase;
        first += n;
        n = Math.min(4, last - first) + 1;
      }
    }
    // Titles written in lower case before the name: "terror expert Peter Neumann".
    title ??= phraseBefore(tokens, first, this.anyTitle);
    // "superintendent of police Ravindra Tirkey": a title of a body, the body's word in lower case, before the name.
    const bodyWord = tokens[first - 1]?.text ?? '';
    if (title === undefined && tokens[first - 2]?.text === 'of' && /^\p{Ll}/u.test(bodyWord) && this.orgSuffixes.has(bodyWord) && this.anyTitle.has(lower(tokens, first - 3, first - 2))) title = lower(tokens, first - 3, first);
    // "Al-Nasr Brigades": an article joined to the name is part of it.
    // "Haditha, Al Anbar": a capitalised Arabic article before a name is part of it too.
    while (first < last && CONNECTORS.has(tokens[first]!.text.toLowerCase()) && !(tokens[first + 1]?.text === '-' && !tokens[first + 1]!.spaceBefore) && !(/^(?:Al|El)$/.test(tokens[first]!.text) && last - first > 1 && first > 0)) first++;
    while (last > first && CONNECTORS.has(tokens[last - 1]!.text.toLowerCase())) last--;
    if (first >= last) return undefined;
    const author = title === undefined && this.authorContext(sentence, first, last);
    // A capitalised first word of a sentence is usually just the first word.
    const startsSentence = first === 0 || (first === 1 && /^["'(]$/.test(tokens[0]!.text));
    if (startsSentence && title === undefined && !author) {
      const word = tokens[first]!.text;
      if (this.isCommon(word) && !state.personsByTail.has(word)) {
        first++;
        // "At the Bataclan": what the first word led into starts the name.
        while (first < last && CONNECTORS.has(tokens[first]!.text.toLowerCase())) first++;
        if (first >= last) return undefined;
      }
    }
    const span = tokens.slice(first, last);
    const text = sentence.text.slice(span[0]!.start - sentence.start, span[span.length - 1]!.end - sentence.start);
    const words = span.filter(isWord).map((t) => t.text.toLowerCase());
    const lastWord = words[words.length - 1] ?? '';
    const previous = lower(tokens, first - 1, first);
    const previousTwo = lower(tokens, first - 2, first);
    const nextWord = tokens[last]?.text.toLowerCase() ?? '';
    const make = (type: EntityType, name: string, via: string, role: 'head' | 'modifier' = 'head'): EntityMention => ({
      type,
      key: undefined,
      name,
      text,
      start: span[0]!.start,
      end: span[span.length - 1]!.end,
      sentence: sentence.index,
      first,
      last,
      role,
      via,
    });

    // "the largely Malay Muslim provinces of Yala and Pattani", "the Bavarian city of Passau": a name before the kind of
    // the places named after "of" describes them; it is no place of its own. Before one place's kind it takes an
    // adjective's form to say so ("the Tirah village of Kukikhel" is a village in Kukikhel).
    const describedKind = DESCRIBED_KINDS.test(tokens[last]?.text ?? '') || (DESCRIBED_KIND.test(tokens[last]?.text ?? '') && span.length === 1 && isAdjectiveForm(text));
    if (describedKind && tokens[last + 1]?.text === 'of' && tokens[last + 2] !== undefined && isCapitalized(tokens[last + 2]!)) return undefined;
    // "the prime Republican areas": a word of the language before the kind of several places describes them.
    if (span.length === 1 && this.isCommon(text) && (DESCRIBED_KINDS.test(tokens[last]?.text ?? '') || tokens[last]?.text === 'areas')) return undefined;
    // "a former Koranic teacher": one capitalised word between "former" and a person's noun is an adjective of the noun.
    if (span.length === 1 && title !== undefined && MODIFYING_TITLE.test(title) && /^\p{Ll}/u.test(tokens[last]?.text ?? '') && (this.personNouns.has(nextWord) || this.anyTitle.has(nextWord))) return undefined;
    // "set off an IED": an abbreviation of a thing is no name, whatever stands before it.
    if (sentence.headline || words.every((w) => CALENDAR.test(w) || this.nonNames.has(w)) || (span.length === 1 && this.acronymNonNames.has(words[0]!) && /^\p{Lu}+s?$/u.test(text))) return undefined;
    // "Police", "the Coalition", "the Troubles": one capitalised word of the language is no name unless a
    // courtesy title ("Mr. Brown") or a full name seen before ("Brown" after "Gordon Brown") makes it one.
    if (span.length === 1 && this.isCommon(text) && !this.gazetteer.wordPlaces.has(text) && !this.placeByForm(tokens, first, last, known) && !/^\p{Lu}{2,}$/u.test(text) && !state.personsByTail.has(text) && !(title !== undefined && this.personTitles.has(title.replace(/\./g, '')))) return undefined;
    if (tokens[first - 1]?.text === '-' && this.prefixes.has(tokens[first - 2]?.text.toLowerCase() ?? '')) return undefined;
    // "call 1-800-577-TIPS": capitals a hyphen joins to a number are part of a phone number or a code, no name.
    if (tokens[first - 1]?.text === '-' && !tokens[first - 1]!.spaceBefore && !span[0]!.spaceBefore && /^\d+$/.test(tokens[first - 2]?.text ?? '')) return undefined;
    const groupNoun = phraseAfter(tokens, last, this.groupNouns, 1);
    if (groupNoun && span.length === 1) {
      const end = last + 1;
      return { ...make('Group', `${text} ${groupNoun}`, 'name:group-noun'), key: `group/${slug(text)}-militants`, last: end, end: tokens[end - 1]!.end, text: `${text} ${tokens[last]!.text}` };
    }
    // "troops of its Operation Whirl Stroke", "Operation Atalanta said": a named military operation is the force that carries it out.
    if (span.length > 1 && span[0]!.text === 'Operation' && isCapitalized(span[1]!)) return make('Organization', text, 'name:operation');
    if (this.eventSuffixes.has(lastWord)) return make('Event', text, 'name:event');
    // "the Ramon Velez front", "the Idris Kamara faction": a unit named after a person, its kind word in lower case.
    if (previous === 'the' && span.length > 1 && tokens[last]?.spaceBefore && /^\p{Ll}/u.test(tokens[last]!.text) && this.groupHeads.has(nextWord)) {
      const end = last + 1;
      const full = `${text} ${tokens[last]!.text}`;
      return { ...make('Group', full, 'name:group-unit'), last: end, end: tokens[last]!.end, text: full };
    }
    // "a former Cardiff Cabinet Minister": a run of capitals that ends on an office names an office, no one.
    if (span.length > 1 && this.officeTitles.has(lastWord) && !this.orgSuffixes.has(lastWord) && !this.locSuffixes.has(lastWord)) return undefined;
    // "KTN reported", "the KRB": an acronym the gazetteer does not know names an organisation, never a person.
    // A dateline ("LONDON (Reuters) -", "TOKYO —") is a place in capitals, not an acronym.
    const dateline = first === 0 && /^(?:\(|-|—|–|,)$/.test(tokens[last]?.text ?? '');
    // "E&T", "AT&T": capitals joined by an ampersand are one acronym.
    const acronym = (span.length === 1 || span.every((t) => !t.spaceBefore || t === span[0])) && !dateline && /^\p{Lu}[\p{Lu}\d&]{1,6}$/u.test(text) && !this.acronymNonNames.has(text.toLowerCase());
    // "J. Walter Kinsey": a name that opens with an initial is a person's.
    // "Abu Yasin", "Umm Khalid": a name that opens with a kunya is a person's.
    // "the Oliver Sinisterra Front": a name that ends on a word only armed groups' names end on is a group's, a person's name in it or not.
    const firstNameKnown = span.length > 1 && !this.groupHeads.has(lastWord) && (isFirstName(span[0]!.text) || (isPersonName(span[0]!.text) && !this.locSuffixes.has(lastWord) && !this.orgSuffixes.has(lastWord) && !this.placeByForm(tokens, first, last, known)) || (/^\p{Lu}$/u.test(span[0]!.text) && span[1]!.text === '.' && span.length > 2) || (/^(?:abu|umm)$/i.test(span[0]!.text) && !words.some((w) => this.groupNameWords.has(w))));
    const apposed = !firstNameKnown && title === undefined ? this.apposedGroupKind(tokens, first, last, known) : undefined;
    // "a group calling itself the X", "X (XG), a separatist movement": a name a group gave itself, or one set off
    // beside an armed group's noun, is that group's whatever word ends it ("... Defence Forces", "... Brigade").
    if (apposed === 'armed' || selfNamed(tokens, first)) return make('Group', text, 'name:apposed-group');
    // "gunmen from the X Brigade attacked": a name the text made a group's before stays one, whatever word ends it.
    if (title === undefined && state.typeByName.get(text) === 'Group') return make('Group', text, 'name:seen');
    if (author) {
      // The author of an attack is a group when its name says so ("... Liberation Front", an acronym), else a
      // person ("Samir Haddadi claimed responsibility"); a lone ordinary word is neither.
      // "blamed the blast on Maoists": a plural name is a movement.
      // "Citizens for Rural Justice": a name joined by "for" or "of" is a body's, not a person's; so is one
      // with its acronym after it ("Lowland Unity Morcha (LUM) claimed").
      const acronymAfter = tokens[last]?.text === '(' && /^\p{Lu}[\p{Lu}\d-]{1,9}$/u.test(tokens[last + 1]?.text ?? '') && tokens[last + 2]?.text === ')';
      const groupName = acronymAfter || words.some((w) => this.groupNameWords.has(w) || w === 'for' || w === 'of') || /^\p{Lu}{2,}$/u.test(text) || /-/.test(text) || (words.length === 1 && /(?:ists|ites|ians|is)$/.test(words[0]!));
      if (groupName && !firstNameKnown) return make('Group', text, 'name:author');
      if (words.length > 1 || state.personsByTail.has(text)) return make('Person', state.personsByTail.get(text) ?? text, 'name:author');
    }
    // "the Highland Liberation Front", "members of the Silver Star Klan": a name an armed group's words end is a group's
    // wherever it stands.
    if (!firstNameKnown && this.armedGroupName(words)) return make('Group', text, 'name:group-words');
    // "... Police", "University of Bergen", "Ministry of Defence": the organisation word ends or opens the name.
    if (this.orgSuffixes.has(lastWord) || (words.length > 2 && words[0] === 'house' && words[1] === 'of') || (words.length > 2 && words.slice(-2).join(' ') === 'school of') || (words.length > 2 && words.some((w, k) => k < words.length - 2 && this.orgSuffixes.has(w) && (words[k + 1] === 'of' || words[k + 1] === 'for' || words[k + 1] === 'on')))) return make('Organization', text, 'name:suffix');
    if (this.locSuffixes.has(lastWord) && span.length > 1) return make('Location', text, 'name:suffix');
    // "Rue Lafayette", "County Kerry", "Mount Elgon": a place word that opens the name makes it a place.
    if (this.locPrefixes.has(words[0]!) && span.length > 1) return make('Location', text, 'name:prefix');
    // "the Korvani, a militant group that ...", "a second group, the Tessaro Liberty Fighters (TLF)": a name set off
    // beside the noun for an armed group is that group's, unless a body's or a place's word ends it ("a rights group, the X Council").
    if (apposed === 'plain') return make('Group', text, 'name:apposed-group');
    // "Harbour Watch, an independent group that monitors": a civil body, not an armed group.
    if (apposed === 'civil') return make('Organization', text, 'name:apposed-body');
    // "the Velna news agency", "the Korth Times newspaper": an outlet named before the lower-case word for what it is.
    const outlet = /^\p{Ll}/u.test(tokens[last]?.text ?? '') ? phraseAfter(tokens, last, OUTLET_AFTER, 2) : undefined;
    if (outlet && !firstNameKnown) {
      const end = last + outlet.split(' ').length;
      const full = sentence.text.slice(span[0]!.start - sentence.start, tokens[end - 1]!.end - sentence.start);
      return { ...make('Organization', full, 'name:outlet'), last: end, end: tokens[end - 1]!.end, text: full };
    }
    // "Lafayette street", "Gulshan road": the kind of way written after the name, in lower case.
    if (STREET_AFTER.test(nextWord) && tokens[last]?.spaceBefore && !/^\p{Lu}/u.test(tokens[last]!.text)) {
      const end = last + 1;
      return { ...make('Location', `${text} ${tokens[last]!.text}`, 'name:street'), last: end, end: tokens[last]!.end, text: `${text} ${tokens[last]!.text}` };
    }

    if (acronym && !author) return make('Organization', text, 'name:acronym');
    // "Greenfield Party president Ruth Calloway", "engineering firm Brightspan": a body a person leads or speaks for, or one
    // a lower-case noun says is a firm, a broadcaster or a party.
    // "a White House official", "an Interpol source": a name an article opens, before the people who speak for it.
    const spokenFor = DETERMINERS.has(previous) && phraseAfter(tokens, last, SPOKESPEOPLE_OF) !== undefined;
    const office = phraseAfter(tokens, last, this.leaderTitles) ?? phraseAfter(tokens, last, spokenFor ? SPOKESPEOPLE_OF : SPOKESPEOPLE);
    const ledBy = office !== undefined && /^\p{Ll}/u.test(tokens[last]!.text) && (spokenFor || isCapitalized(tokens[last + office.split(' ').length] ?? tokens[last]!));
    // "Owen Pritchard, leader of Harbour Watch": the body a person leads or founded.
    const led = /^(?:leader|leaders|chairman|chairwoman|founder|founders|co-founder) of$/.test(previousTwo) && !firstNameKnown;
    // "Hirshabelle State president X": a body a person leads whose name ends on the kind of place is that place.
    if ((ledBy || led) && words.length > 1 && SUBDIVISION_AFTER.test(lastWord)) return make('Location', text, 'name:led-place');
    if (ledBy || led || (ORGANIZATION_BEFORE.test(previous) && /^\p{Ll}/u.test(tokens[first - 1]!.text))) return make('Organization', text, 'name:organization-context');
    // "the Cal Miskaad mountains", "residents of the village of Puerto Contreras said": the kind of place written
    // with the name outranks a first name and a speech verb; only a title makes it a person's.
    if (title === undefined && this.placeKindAround(tokens, first, last)) return make('Location', text, 'name:kind');
    // "Ecopetrol said", "Ecopetrol's president": a name the text made a body's or a place's before stays one.
    const seen = title === undefined ? state.typeByName.get(text) : undefined;
    if (seen) return make(seen, state.bodiesByShortForm.get(text) ?? text, 'name:seen');
    const tail = state.personsByTail.get(text);
    if (tail) return make('Person', tail, 'name:short-form');
    // ", Al-Monitor reported.", "Bloomberg reported on Monday": one name that reports, no person's name, is an outlet.
    const oneWord = span.every((t, k) => k === 0 || !t.spaceBefore);
    if (oneWord && title === undefined && !firstNameKnown && (nextWord === 'reported' || lower(tokens, last, last + 2) === 'online reported')) return make('Organization', text, 'name:outlet');
    const personLike =
      title !== undefined ||
      this.speech.has(previous) ||
      this.speech.has(nextWord) ||
      phraseAfter(tokens, last, this.speech) !== undefined ||
      /^(?:mr|mrs|ms|dr)\.?$/.test(previous) ||
      // "a bandit known as Dogo Kachalla", "whom police named as X", "a faction led by X", "who used the name Ajay".
      (span.length > 1 && this.personNamedBefore(tokens, first, known)) ||
      /^(?:used|uses|using|under|by) the name$/.test(lower(tokens, first - 3, first)) ||
      (span.length > 1 && nextWord === 'of' && tokens[last + 1]?.text === 'the' && this.memberOfBody(tokens, first, last)) ||
      (span.length > 1 && nextWord === ',' && this.appositiveTitle(tokens, last + 1)) ||
      (span.length > 1 && statesAge(tokens, first, last)) ||
      // "Its leader, Shahab al-Muhajir, has urged": a title set off before the name.
      (span.length > 1 && previous === ',' && this.isTitle(lower(tokens, first - 2, first - 1))) ||
      (span.length > 1 && previous === ',' && this.personNounBefore(tokens, first - 1)) ||
      // "an analyst based in Dakar, Ousmane Lamarre, said": a name set off by commas before a speech verb.
      (span.length > 1 && previous === ',' && nextWord === ',' && this.speech.has(tokens[last + 1]?.text.toLowerCase() ?? '')) ||
      // "General Tomás Ibarra, Rafael Quintero, Diego Salas": a name listed right after a person's is one too.
      (span.length > 1 && (previous === ',' || previous === 'and') && !words.some((w) => this.isTitle(w)) && known.some((m) => m.type === 'Person' && (m.last === first - 1 || (previous === 'and' && tokens[first - 2]?.text === ',' && m.last === first - 2))));
    if (personLike || firstNameKnown) {
      return make('Person', text, title ? `name:title:${title}` : 'name:person');
    }
    // "Sakaka, Al Jawf, Saudi Arabia": the names of an address that ends on a country are places.
    if (nextWord === ',' && !startsSentence && addressAhead(tokens, last, known)) return make('Location', text, 'name:address');
    // "Kuchi and neighbouring Gidra": a name placed beside another place is one.
    const locative = this.locatives.has(previous) || this.locatives.has(previousTwo) || (DETERMINERS.has(previous) && this.locatives.has(lower(tokens, first - 2, first - 1))) || NEIGHBOURING_WORD.test(previous);
    const listed = (previous === ',' || previous === 'and') && known.some((m) => m.type === 'Location' && m.last >= first - 3 && m.last <= first);
    if (locative || listed) return make('Location', text, 'name:context');
    return undefined;
  }
}

/** What the words set off beside a name say of the group it names: an armed one, a civil body, or no more than a group. */
type GroupKind = 'armed' | 'civil' | 'plain';
/** What may follow the noun of a group a name is set off beside: "a militant group that", "a faction based in". */
const GROUP_KIND_END = /^(?:,|\.|;|\)|that|which|whose|based|linked|allied|active|known|founded|formed|operating|fighting|blamed|behind|responsible|affiliated|loyal|close|in|from|with)$/;
/** A site's kind after the word for what it serves, written in lower case after the site's name: "the X air base". */
const FACILITY_AFTER = /^(?:air|gas|oil|police|army|military|naval|border|refugee|detention|security) (?:base|field|post|camp|station|checkpoint|outpost|depot)$/;
/** Kinds of place that, before "of", are followed by the names of the places themselves ("the city of X", "the provinces of X and Y"). */
const DESCRIBED_KIND = /^(?:city|town|village|township|municipality)$/;
const DESCRIBED_KINDS = /^(?:cities|towns|villages|provinces|districts|states|regions|counties)$/;
/** The words before a name that say it is what someone or something is called. */
const NAMED_BEFORE = /^(?:(?:known|named|identified) as|named|nicknamed)$/;
/** Honorifics that Arabic and Somali names also hold as one of their words. */
const NAME_HONORIFIC = /^(?:Sheikh|Shaikh|Sheik|Shaykh|Mullah|Imam|Sayyid|Sayed|Syed)$/;
/** Titles that say when or how someone holds a role, not which: "former", "late", "acting". */
const MODIFYING_TITLE = /^(?:former|late|then|acting|deputy)$/;
const CLAUSE_OPENER = /^(?:while|whereas|but|and|or|who|whom|which|that|when|where|as|after|before|although|though|since|because|if|until)$/i;
const STRUCK = /^(?:hit|hits|struck|strikes|rocked|rocks|shook|shakes|rattled|rattles)$/;
const SPOKESPEOPLE = new Set(['spokesman', 'spokeswoman', 'spokesperson']);
const SPOKESPEOPLE_OF = new Set([...SPOKESPEOPLE, 'official', 'officials', 'source', 'sources', 'statement']);
const ORGANIZATION_BEFORE = /^(?:firm|company|broadcaster|newspaper|daily|weekly|magazine|channel|outlet|charity|airline|carrier|manufacturer|maker|watchdog|retailer|publisher|operator|contractor|insurer|conglomerate|party|tabloid|website)$/;
const WATER_OF = /^(?:Strait|Straits|Gulf|Bay|Sea|Isle|Cape|Lake|Port)$/;
const STREET_AFTER = /^(?:street|road|avenue|boulevard|lane|highway)$/;
const OUTLET_AFTER = new Set(['news agency', 'newspaper', 'broadcaster', 'news website', 'news channel', 'television channel', 'radio station']);
const SUBDIVISION_AFTER = /^(?:village|town|city|district|sub-district|subdistrict|province|state|county|governorate|oblast|prefecture|municipality|neighborhood|neighbourhood|tehsil|township|region|area|department|parish)$/;

/**
 * "raids in Marrakech, Tangier, Fez and Tetouan", "the Kasese, Bundibugyo and Ntoroko districts": names the context
 * alone makes places, joined by "and", are two places; a place whose own name holds an "and" is one the gazetteer
 * knows ("Bosnia and Herzegovina") or one its kind word names ("Church of Peter and Paul").
 */
function splitPlaces(sentence: Sentence, mention: EntityMention): EntityMention[] {
  if (mention.type !== 'Location' || !/^name:(?:context|kind|address)$/.test(mention.via)) return [mention];
  const { tokens } = sentence;
  const and = tokens.findIndex((t, k) => k > mention.first && k < mention.last - 1 && t.text === 'and');
  if (and < 0) return [mention];
  const part = (first: number, last: number): EntityMention => {
    const text = sentence.text.slice(tokens[first]!.start - sentence.start, tokens[last - 1]!.end - sentence.start);
    return { ...mention, first, last, start: tokens[first]!.start, end: tokens[last - 1]!.end, text, name: text };
  };
  return [part(mention.first, and), ...splitPlaces(sentence, part(and + 1, mention.last))];
}

/** Whether ", Y, Z, Country" follows token `from`: capitalised names (with their kind words) up to a country. */
function addressAhead(tokens: Token[], from: number, known: EntityMention[]): boolean {
  let k = from;
  for (let hops = 0; hops < 5 && tokens[k]?.text === ','; hops++) {
    k++;
    if (COMPASS_WORD.test(tokens[k]?.text ?? '') && tokens[k + 1] && isCapitalized(tokens[k + 1]!)) k++;
    const mention = known.find((m) => m.first === k);
    if (mention?.type === 'Country') return true;
    if (mention && mention.type !== 'Location') return false;
    if (mention) k = mention.last;
    else {
      if (!tokens[k] || !isCapitalized(tokens[k]!) || !isWord(tokens[k]!)) return false;
      while (tokens[k] && isCapitalized(tokens[k]!) && isWord(tokens[k]!)) k++;
    }
    if (SUBDIVISION_AFTER.test(tokens[k]?.text.toLowerCase() ?? '')) k++;
  }
  return false;
}

/** "Haditha, Al Anbar, Iraq", "Al-Hudaydah": the Arabic article written before a known place is part of its mention. */
function withArticle(sentence: Sentence, mention: EntityMention | undefined): EntityMention | undefined {
  if (!mention || mention.type !== 'Location') return mention;
  const { tokens } = sentence;
  const hyphen = tokens[mention.first - 1]?.text === '-' && !tokens[mention.first - 1]!.spaceBefore && !tokens[mention.first]!.spaceBefore;
  const at = hyphen ? mention.first - 2 : mention.first - 1;
  if (!/^(?:Al|El|Ad|Ar|As|An|Ash|At|Az)$/.test(tokens[at]?.text ?? '') || (!hyphen && !tokens[mention.first]!.spaceBefore)) return mention;
  const start = tokens[at]!.start;
  return { ...mention, first: at, start, text: sentence.text.slice(start - sentence.start, mention.end - sentence.start) };
}

/** The lower-cased words of the run of capitalised words from token `from` on (at most six). */
/** "calling itself the", "who call themselves": the words before a name a group gave itself. */
function selfNamed(tokens: Token[], first: number): boolean {
  const k = tokens[first - 1]?.text.toLowerCase() === 'the' ? first - 2 : first - 1;
  return /^(?:itself|themselves)$/i.test(tokens[k]?.text ?? '');
}

function capitalisedRun(tokens: Token[], from: number): string[] {
  const words: string[] = [];
  for (let k = from; k < tokens.length && k < from + 6 && isCapitalized(tokens[k]!) && isWord(tokens[k]!); k++) words.push(tokens[k]!.text.toLowerCase());
  return words;
}

/** "22-year-old Karim Nasser", "Karim Nasser, 22,", "X, a 22-year-old citizen": only people are given an age. */
function statesAge(tokens: Token[], first: number, last: number): boolean {
  if (/\d+ ?- ?year ?- ?old$/.test(lower(tokens, first - 5, first))) return true;
  if (/^, (?:a|an|the) \d+ ?- ?year ?- ?old\b/.test(lower(tokens, last, last + 8))) return true;
  return tokens[last]?.text === ',' && /^\d{1,3}$/.test(tokens[last + 1]?.text ?? '') && [',', '.'].includes(tokens[last + 2]?.text ?? '');
}

/**
 * "the Kivu National Liberation Army claimed", "blamed the raid on the Sahel Revolutionary Front": the
 * author's name goes on to the left over capitalised words, places included, that a shorter known name left out;
 * an armed group's name named anywhere goes on over unknown name words.
 */
function widenAuthorNames(finder: MentionFinder, sentence: Sentence, found: EntityMention[]): void {
  const { tokens } = sentence;
  for (let n = 0; n < found.length; n++) {
    const m = found[n]!;
    if (m.type !== 'Group') continue;
    const author = finder.authorContext(sentence, m.first, m.last);
    // "by the Kivu National Liberation Army": an unknown name word before an armed group's name is part of it.
    if (!author && !finder.armedGroupName(m.text.toLowerCase().split(/\s+/))) continue;
    let first = m.first;
    while (first > 0 && isCapitalized(tokens[first - 1]!) && isWord(tokens[first - 1]!) && !/^(?:The|A|An)$/.test(tokens[first - 1]!.text)) {
      const other = found.find((o) => o !== m && o.first <= first - 1 && o.last >= first);
      if (other && (!author || other.type !== 'Country' && other.type !== 'Location')) break;
      if (!author && finder.isCommon(tokens[first - 1]!.text)) break;
      first = other ? other.first : first - 1;
    }
    if (first === m.first || first === 0 && !finder.groupNameWords.has(tokens[m.last - 1]!.text.toLowerCase())) continue;
    const start = tokens[first]!.start;
    const text = sentence.text.slice(start - sentence.start, m.end - sentence.start);
    for (let k = found.length - 1; k >= 0; k--) if (found[k] !== m && found[k]!.first >= first && found[k]!.last <= m.first) found.splice(k, 1);
    const index = found.indexOf(m);
    found[index] = { ...m, first, start, text, name: text, key: undefined, via: 'name:author' };
    n = index;
  }
}

/** "the Syrian Democratic Forces", "the Afghan National Army": a demonym opening a body's name is part of it. */
function joinDemonymNames(finder: MentionFinder, sentence: Sentence, found: EntityMention[]): void {
  for (let k = found.length - 2; k >= 0; k--) {
    const demonym = found[k]!;
    const body = found[k + 1]!;
    if (demonym.via !== 'gazetteer:demonym' || demonym.role !== 'modifier' || body.first !== demonym.last || body.key !== undefined || body.type !== 'Organization') continue;
    const text = sentence.text.slice(demonym.start - sentence.start, body.end - sentence.start);
    // "blamed the ambush on the Andean People's Army": a body named as an attack's author is an armed group.
    const type = finder.authorContext(sentence, demonym.first, body.last) ? 'Group' : body.type;
    found.splice(k, 2, { ...body, type, first: demonym.first, start: demonym.start, text, name: text, via: 'name:demonym-body' });
  }
}

/**
 * "the Kenya Defence Forces", "the Election Commission of Pakistan": a country's name between a
 * body's article and its name ("a Kenya Red Cross volunteer": "a" is the volunteer's), or after its "of", is a word of that body's name (a national body of its own, not
 * the state acting, which the government's words after a country's name already are).
 */
function joinCountryBodies(finder: MentionFinder, sentence: Sentence, found: EntityMention[]): void {
  const { tokens } = sentence;
  const bodyAt = (k: number): boolean => {
    const body = found[k];
    return body !== undefined && body.type === 'Organization' && isCapitalized(tokens[body.first]!) && !finder.governmentNouns.has(body.text.toLowerCase());
  };
  for (let k = found.length - 1; k >= 0; k--) {
    const country = found[k]!;
    if (country.type !== 'Country' || country.via !== 'gazetteer:name' || country.last - country.first > 3) continue;
    const next = found[k + 1];
    const opens = next !== undefined && bodyAt(k + 1) && next.first === country.last && tokens[country.first - 1]?.text.toLowerCase() === 'the';
    const previous = found[k - 1];
    const ends = !opens && previous !== undefined && bodyAt(k - 1) && previous.last === country.first - 1 && tokens[previous.last]!.text === 'of' && finder.orgSuffixes.has(tokens[previous.last - 1]!.text.toLowerCase());
    if (!opens && !ends) continue;
    const [from, to] = opens ? [country, next] : [previous!, country];
    const text = sentence.text.slice(from.start - sentence.start, to.end - sentence.start);
    found.splice(opens ? k : k - 1, 2, { ...from, type: 'Organization', key: undefined, first: from.first, last: to.last, start: from.start, end: to.end, text, name: text, role: 'head', via: 'name:country-body' });
    if (ends) k--;
  }
}

/** "attacks in Cologne, Vienna and Madrid": a capital listed after a place is a place too, not its government. */
function continueLocationLists(sentence: Sentence, mentions: EntityMention[]): void {
  for (let k = 1; k < mentions.length; k++) {
    const mention = mentions[k]!;
    const before = mentions[k - 1]!;
    const joiner = sentence.tokens[mention.first - 1]?.text.toLowerCase();
    if (mention.via !== 'gazetteer:metonym' || before.type !== 'Location' || before.last !== mention.first - 1 || (joiner !== ',' && joiner !== 'and')) continue;
    const capital = [...sentence.tokens.slice(mention.first, mention.last)].map((t) => t.text).join(' ');
    mentions[k] = { ...mention, type: 'Location', key: `location/${slug(capital)}`, name: capital, via: 'gazetteer:capital' };
  }
}

// "ADEN, Yemen (Reuters) - ", "KABUL (AFP) — ", "COTABATO CITY, Philippines -": capitals, perhaps a country, perhaps
// an agency in brackets, then a dash set off by spaces.
const DATELINE = /^(\p{Lu}[\p{Lu}'’.-]*(?: \p{Lu}[\p{Lu}'’.-]*){0,3})(?:, [\p{L}. ]{2,40}?)? (?:\([^)]{1,40}\) )?[-—–] /u;

/** How many tokens the place of a dateline takes (none where the sentence opens with none). */
function datelineLength(sentence: Sentence): number {
  const match = sentence.headline ? null : DATELINE.exec(sentence.text);
  if (!match) return 0;
  const end = sentence.start + match[1]!.length;
  return sentence.tokens.findIndex((t) => t.end >= end) + 1;
}

/** How many tokens the whole dateline takes, through its dash (none where the sentence opens with none). */
export function datelineTokenCount(sentence: Sentence): number {
  const match = sentence.headline ? null : DATELINE.exec(sentence.text);
  if (!match) return 0;
  const end = sentence.start + match[0].trimEnd().length;
  return sentence.tokens.findIndex((t) => t.end >= end) + 1;
}

const titleCase = (word: string): string => word[0]! + word.slice(1).toLowerCase();

const HYPHENED_PARTICLE = /^(?:e|i|ul|ud|al|el|o|u)$/i;
const SPANISH_TAIL = /^(?:del|de|da|do|dos|das)$/;

/** Whether the name ending before token `k` goes on: "-e-Naw", "-ul-Haq", "del Sur", "de la Cruz". */
function continuesName(tokens: Token[], k: number): boolean {
  const [t, u, v, w] = [tokens[k], tokens[k + 1], tokens[k + 2], tokens[k + 3]];
  if (!t || !u) return false;
  const joined = (x: Token | undefined) => x !== undefined && !x.spaceBefore;
  if (t.text === '-' && joined(t) && joined(u) && HYPHENED_PARTICLE.test(u.text) && v?.text === '-' && joined(v) && joined(w) && isCapitalized(w!)) return true;
  const tail = u.text === 'la' || u.text === 'las' || u.text === 'los' ? v : u;
  return SPANISH_TAIL.test(t.text) && tail !== undefined && isCapitalized(tail) && isWord(tail);
}

/** The tokens with a dateline in title case, so that the gazetteer knows "ADEN" and "COTABATO CITY". */
function datelineTokens(sentence: Sentence): Token[] {
  const length = datelineLength(sentence);
  return length === 0 ? sentence.tokens : sentence.tokens.map((t, k) => (k < length ? { ...t, text: titleCase(t.text) } : t));
}

export interface DocumentMentions {
  sentences: Sentence[];
  mentions: EntityMention[];
}

// One finder per gazetteer: its word sets are built once, not per document.
const finders = new WeakMap<Gazetteer, MentionFinder>();

/** All mentions of a document, sentence by sentence, with short person names resolved to full ones. */
export function findMentions(gazetteer: Gazetteer, sentences: Sentence[]): EntityMention[] {
  let finder = finders.get(gazetteer);
  if (!finder) finders.set(gazetteer, (finder = new MentionFinder(gazetteer)));
  const state: DocumentState = { personsByTail: new Map(), typeByName: new Map(), bodiesByShortForm: new Map() };
  const all: EntityMention[] = [];
  for (const sentence of sentences) {
    const covered = new Array<boolean>(sentence.tokens.length).fill(false);
    const found: EntityMention[] = [];
    for (const hit of matchGazetteer(gazetteer, datelineTokens(sentence))) {
      // "US$ 4,000", "HK$": a currency, not a country.
      const currency = sentence.tokens[hit.last];
      if (currency?.text.startsWith('$') && !currency.spaceBefore) continue;
      // "Neil Tyler ... Tyler said": a place named like the surname of a person the text has named is that
      // person, unless a preposition of place comes before it ("in Tyler").
      const before = sentence.tokens[hit.first - 1]?.text.toLowerCase() ?? '';
      if ((hit.entry.type === 'Location' || hit.entry.type === 'Country') && hit.last - hit.first === 1 && state.personsByTail.has(sentence.tokens[hit.first]!.text) && !finder.locatives.has(before) && before !== 'from' && before !== 'to') continue;
      // "Marvin Teller", "George Washington": a place name right after a first name is a surname.
      const previous = sentence.tokens[hit.first - 1];
      if (hit.entry.type === 'Location' && previous && isCapitalized(previous) && isFirstName(previous.text)) continue;
      // "Chad Dawson", "Jordan Ellis": a place or country named by a person's first name, before a surname, is the name.
      const following = sentence.tokens[hit.last];
      const onePlaceWord = hit.last - hit.first === 1 && (hit.entry.type === 'Country' || hit.entry.type === 'Location');
      if (onePlaceWord && isPersonName(sentence.tokens[hit.first]!.text) && finder.surnameWord(following) && !finder.opensKnownName(sentence.tokens, hit.last)) continue;
      if (onePlaceWord && hit.form === 'name' && finder.opensPersonName(sentence.tokens, hit.first, hit.last)) continue;
      // "The commander, Salem Ferrat Barouk,": a place's name opening a name set off after a person's noun is a first name.
      if (onePlaceWord && previous?.text === ',' && following?.spaceBefore && isCapitalized(following) && isWord(following) && !finder.isCommon(following.text) && finder.personNounBefore(sentence.tokens, hit.first - 1) && !finder.opensKnownName(sentence.tokens, hit.last)) continue;
      // "Essex Police", "Brooklyn Bridge", "University of Leeds", "Chicago Marathon": a known place inside the
      // name of an organisation, a site or an event is no mention of its own.
      const suffix = (t: Token | undefined) => t !== undefined && isCapitalized(t) && (finder.orgSuffixes.has(t.text.toLowerCase()) || finder.locSuffixes.has(t.text.toLowerCase()) || finder.eventSuffixes.has(t.text.toLowerCase()));
      // "New Jersey State Police", "Kabul Polytechnic University": an organisation's word may come a few capitalised words on.
      const orgAhead = (k: number): boolean => k - hit.last < 3 && sentence.tokens[k] !== undefined && isCapitalized(sentence.tokens[k]!) && isWord(sentence.tokens[k]!) && (finder.orgSuffixes.has(sentence.tokens[k]!.text.toLowerCase()) || orgAhead(k + 1));
      if (hit.entry.type === 'Location' && (suffix(sentence.tokens[hit.last]) || orgAhead(hit.last) || (previous?.text === 'of' && suffix(sentence.tokens[hit.first - 2])))) continue;
      // "the Niger Delta Liberation Front", "Communist Party of Nepal - Maoist": a place inside an armed group's
      // name (or after "of" in a group's or body's) is part of that name.
      if ((hit.entry.type === 'Location' || hit.entry.type === 'Country') && hit.form === 'name' && (finder.armedGroupName(capitalisedRun(sentence.tokens, hit.first)) || (previous?.text === 'of' && finder.groupNameWords.has(sentence.tokens[hit.first - 2]?.text.toLowerCase() ?? '') && isCapitalized(sentence.tokens[hit.first - 2]!)))) continue;
      // "Bani Rashid village": a known place name before an unknown name word and the kind of place is inside a longer name.
      const after = sentence.tokens[hit.last];
      if (hit.entry.type === 'Location' && hit.form === 'name' && after?.spaceBefore && isCapitalized(after) && isWord(after) && !finder.isCommon(after.text) && SUBDIVISION_AFTER.test(sentence.tokens[hit.last + 1]?.text ?? '') && !matchGazetteer(gazetteer, sentence.tokens.slice(hit.last, hit.last + 2)).some((h) => h.first === 0)) continue;
      // "Shar-e-Naw", "Maguindanao del Sur": a known place name that a hyphened particle or a Spanish tail
      // goes on from is the head of a longer name.
      if ((hit.entry.type === 'Location' || hit.entry.type === 'Country') && hit.form !== 'demonym' && continuesName(sentence.tokens, hit.last)) continue;
      // "Nueva Tulsa", "Bala Murghab": a known place name inside a longer one is no mention of its own.
      if (hit.entry.type === 'Location' && hit.form === 'name' && previous && hit.first > 1 && isCapitalized(previous) && isWord(previous) && !covered[hit.first - 1] && !/^(?:The|A|An|In|At|On|Near|Of)$/.test(previous.text) && !finder.isTitle(previous.text.toLowerCase())) continue;
      const mention = withArticle(sentence, finder.fromGazetteer(sentence, hit));
      for (let k = hit.first; k < hit.last; k++) covered[k] = true;
      if (mention) {
        for (let k = mention.first; k < mention.last; k++) covered[k] = true;
        found.push(mention);
      }
    }
    for (const mention of finder.names(sentence, covered, found, state)) {
      found.push(mention);
      if (mention.type === 'Organization' || mention.type === 'Location' || mention.type === 'Group') state.typeByName.set(mention.text, mention.type);
      // "Operation Atalanta ... Atalanta said": an operation is named later without its first word.
      if (mention.via === 'name:operation') {
        const shortForm = mention.text.slice(mention.text.indexOf(' ') + 1);
        state.typeByName.set(shortForm, 'Organization');
        state.bodiesByShortForm.set(shortForm, mention.name);
      }
      if (mention.type === 'Person') {
        const parts = mention.name.split(/\s+/);
        // Every tail of a full name is a short form of it: "Macron", "Van Ostaeyen", "al-Assad".
        for (let k = 1; k < parts.length; k++) {
          const tailName = parts.slice(k).join(' ');
          if (!NAME_PARTICLES.has(tailName.toLowerCase())) state.personsByTail.set(tailName, mention.name);
        }
        const hyphenTail = /(?:^|\s)(?:al|el|bin)-(\S+)$/i.exec(mention.name);
        if (hyphenTail) state.personsByTail.set(hyphenTail[1]!, mention.name);
      }
    }
    found.sort((a, b) => a.first - b.first);
    joinDemonymNames(finder, sentence, found);
    joinCountryBodies(finder, sentence, found);
    widenAuthorNames(finder, sentence, found);
    continueLocationLists(sentence, found);
    for (const m of found) all.push(uniform(m));
  }
  return all;
}
