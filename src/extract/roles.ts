// Relations written into noun phrases rather than verbs: titles ("Serbian President Alexander Vucic" →
// LEADER_OF Serbia), appositions ("Qassem Soleimani, an Iranian commander" → MEMBER_OF Iran), affiliations
// ("Peter Neumann from King's College"), and place containment ("Krasnogorsk in the Moscow region").
import type { Lexicon } from '../model/gazetteer.js';
import type { EntityType } from '../model/ontology.js';
import { COMPASS_WORD as COMPASS, NEIGHBOURING_WORD as NEIGHBOURING, isCapitalized, lowerWords, type EntityMention, type Sentence } from '../nlp/index.js';
import { SUBDIVISION_NOUN } from './attacks.js';
import type { Slot } from './types.js';

export interface PhraseRelation {
  relation: string;
  source: Slot;
  target: Slot;
  confidence: number;
  rule: string;
}

const AFFILIATIONS = new Set(['Country', 'Organization', 'Group']);
// Words that make a leader's title a member's: "deputy head", "former governor".
const SUBORDINATE = /\b(?:former|vice|deputy|assistant|associate|communications)\b/;
// Land a place sits on: "Cotabato City on the southern island of Mindanao".
const LANDFORM = /^(?:island|islands|peninsula|coast|shore|bank|archipelago)$/i;
const SPEECH = /^(?:said|says|told|tells|added|adds|stated|noted|explained)$/;
// Units below a province that some states name with words of their own ("the Fizi territory of X", "a woreda").
const LOCAL_UNITS = 'territory|commune|cercle|woreda|upazila|sub-county|barangay';
const SUBDIVISION = new RegExp(`^(?:city|town|village|capital|province|region|port|district|county|state|governorate|oblast|enclave|suburb|${LOCAL_UNITS})$`, 'i');

const isPlaceWord = (w: string | undefined) => w !== undefined && SUBDIVISION_NOUN.test(w);
// "the Barmal district of X", "the Absar neighbourhood of X", "the Fizi territory of X": kinds of place that are
// parts of the place after "of" ("the Lyon suburb of Villeurbanne", "the Iranian city of Kerman" name the part after it).
const PART_NOUN = new RegExp(`^(?:district|sub-district|subdistrict|neighbourhood|neighborhood|quarter|tehsil|${LOCAL_UNITS})$`);
// "the X area of Y" may name a stretch of country around X rather than a place in Y: it holds X in Y only where
// Y is named as a unit of its own ("the X area of the Y district").
const VAGUE_PART = /^(?:area|sector|locality|belt)$/;
// "the Tuscan city of Siena", "the Lyon suburb of X": a settlement's kind is said of the place after "of", never
// of the word before it.
const SETTLEMENT = /^(?:city|town|village|port|capital|suburb|township)$/;
// Units some states divide themselves into whose words elsewhere mean other things (an army division, a buffer
// zone): a unit only as the kind after a container's name ("in the X zone", "in Y division").
const ADMIN_UNIT = /^(?:zone|division)$/;

// "described himself as", "identified herself as", "said he was": the words before a role one gives oneself.
const SELF_DESCRIBED = [/^(?:described|describes|identified|identifies|presented|presents)$/, /^(?:himself|herself)$/, /^as$/];
const SELF_TOLD = [/^(?:said|says|claimed|claims)$/, /^(?:he|she)$/, /^(?:was|is)$/];
// "X, which had been led by Y", "X, led by Y": past participles of leading whose agent is the leader.
const LED_BY = /^(?:led|headed|commanded|founded|co-founded|chaired)$/;
// Words between a body and "led by" that leave the body the one led: ", which had long been led by".
const LED_GAP = /^(?:,|which|that|had|has|have|been|was|were|is|are|long|once|previously|still|now|until|then)$/;

/** The token after a self-description that opens at `k` ("described himself as"), or `k` when there is none. */
function selfDescription(lower: readonly string[], k: number): number {
  for (const words of [SELF_DESCRIBED, SELF_TOLD]) if (words.every((w, j) => w.test(lower[k + j] ?? ''))) return k + words.length;
  return k;
}

/** The token after the kind words that follow a place ending before `k`: "Munya local government area", "Kano State". */
function afterKind(lower: readonly string[], k: number): number {
  if (lower[k] === 'local' && lower[k + 1] === 'government' && /^(?:area|council)$/.test(lower[k + 2] ?? '')) return k + 3;
  return isPlaceWord(lower[k]) || lower[k] === 'lga' ? k + 1 : k;
}

// "the X air base in Y", "the Z outpost in Y": the kind of site written after a site's name, with what it serves.
const SITE_USE = /^(?:air|gas|oil|police|army|military|naval|border|refugee|detention|security)$/;
const SITE_NOUN = /^(?:base|field|outpost|camp|station|post|checkpoint|depot|barracks|compound|airfield)$/;

/** The token after the site kind that follows a site's name ending before `k` ("air base"), or `k` when there is none. */
function afterSiteKind(lower: readonly string[], k: number): number {
  const used = SITE_USE.test(lower[k] ?? '') ? k + 1 : k;
  return SITE_NOUN.test(lower[used] ?? '') ? used + 1 : k;
}

/** The token before a compass word that ends at `k` ("western", "south-western"), or `k` itself when there is none. */
function beforeCompass(lower: readonly string[], k: number): number {
  if (lower[k - 1] === '-' && COMPASS.test(`${lower[k - 2] ?? ''}-${lower[k] ?? ''}`)) return k - 3;
  return COMPASS.test(lower[k] ?? '') ? k - 1 : k;
}

/** The place after ", [southern] " that follows `place` (and its kind word), when the text is an address. */
function addressContainer(place: EntityMention, places: EntityMention[], lower: readonly string[]): EntityMention | undefined {
  const step = (m: EntityMention): EntityMention | undefined => {
    const comma = isPlaceWord(lower[m.last]) ? m.last + 1 : m.last;
    if (lower[comma] !== ',') return undefined;
    const k = COMPASS.test(lower[comma + 1] ?? '') ? comma + 2 : comma + 1;
    return places.find((p) => p.first === k);
  };
  const container = step(place);
  if (!container) return undefined;
  // An address ends on a country, or names the kind of each place ("X district, Y province"), or goes from a
  // town to a region named by its kind ("Odintsovo, Moscow Oblast").
  const kinded = isPlaceWord(lower[place.last]) && (isPlaceWord(lower[container.last]) || isPlaceWord(lower[container.last - 1]));
  const closes = (m: EntityMention) => {
    const after = lower[isPlaceWord(lower[m.last]) ? m.last + 1 : m.last];
    return after === undefined || ['.', ',', ';', ')', ':'].includes(after) || /^(?:on|in|at|during|after|when|as)$/.test(after);
  };
  // The last place of the phrase: no "and", and no further place after a comma ("Kano, Borno State, Yobe State").
  const last = (m: EntityMention) => {
    const after = isPlaceWord(lower[m.last]) ? m.last + 1 : m.last;
    return closes(m) && lower[after] !== 'and' && lower[after + 1] !== 'and' && !(lower[after] === ',' && places.some((p) => p.first === after + 1));
  };
  // The whole chain must end where the phrase does, so a list of kinded places ("Lagos State, Kano State and
  // Borno State") is no address.
  let tail = container;
  for (let hops = 0, next = step(tail); next && tail.type !== 'Country' && hops < 6; hops++, next = step(tail)) tail = next;
  if (!last(tail)) return undefined;
  if (tail.type === 'Country') return container;
  const region = isPlaceWord(lower[container.last - 1]) || isPlaceWord(lower[container.last]);
  return kinded || region ? container : undefined;
}

/** The place at `k`, or after a compass word there ("northern Mali"); "West Gojjam" names a place with its compass word. */
function placeAt(k: number, places: EntityMention[], lower: readonly string[]): EntityMention | undefined {
  return places.find((m) => m.first === k) ?? (COMPASS.test(lower[k] ?? '') ? places.find((m) => m.first === k + 1) : undefined);
}

/** The first place of a list joined by "and" that ends with `place` ("Northwest and Southwest"), or `place`. */
function listOpener(place: EntityMention, places: EntityMention[], lower: readonly string[]): EntityMention {
  if (lower[place.first - 1] !== 'and') return place;
  const before = places.find((m) => m.last === place.first - 1 && m.type === 'Location');
  return before ? listOpener(before, places, lower) : place;
}

export class RoleReader {
  /** One pattern per leader title, each a whole word or phrase. */
  private readonly leaderTitles: RegExp[];
  private readonly titles: Set<string>;
  /** Ranks and honorifics that may stand between a set-off title and the name ("its spokesman, Colonel X"). */
  private readonly ranks: Set<string>;
  /** Work that places a person in the body after "at" ("a researcher at the X Institute"). */
  private readonly descriptors: Set<string>;
  /** Titles only a state's leader holds ("prime minister", "president"). */
  private readonly stateLeaderTitles: Set<string>;
  /** Last words of titles that lead a place they are of ("governor", "village head"). */
  private readonly placeLeaderTitles: Set<string>;
  private readonly leaderVerbs: Set<string>;
  private readonly memberNouns: Set<string>;
  /** Each member verb as its words ("belongs to"). */
  private readonly memberVerbs: string[][];

  constructor(lexicon: Lexicon) {
    this.leaderTitles = lexicon.leaderTitles.map((t) => new RegExp(`\\b${t}\\b`));
    this.titles = new Set([...lexicon.leaderTitles, ...lexicon.roleTitles, ...lexicon.placeLeaderTitles].flatMap((t) => t.split(' ')));
    this.ranks = new Set([...lexicon.personTitles, ...lexicon.ranks].map((t) => t.toLowerCase()));
    this.descriptors = new Set(lexicon.personDescriptors.filter((d) => !d.includes(' ')));
    this.stateLeaderTitles = new Set(lexicon.stateLeaderTitles);
    this.placeLeaderTitles = new Set(lexicon.placeLeaderTitles);
    this.leaderVerbs = new Set(lexicon.leaderVerbs);
    this.memberNouns = new Set(lexicon.memberNouns);
    this.memberVerbs = lexicon.memberVerbs.map((v) => v.split(' '));
  }

  /**
   * "the Iranian city of Kerman", "the Lyon suburb of Villeurbanne": the place after "of" lies in the one before
   * the kind word; but "the Karrada district of Baghdad" names the district first. The words tell where they can
   * (a place after "of" named with its own kind: "the Barmal district of Paktika province"); else the gazetteer
   * tells which is the known, larger place: a country, or a listed place before a name it does not list; else the
   * kind of place does (a district is a part, a suburb or a city the place after "of"). Returns the place before
   * the kind word and whether it is the part.
   */
  private kindOfBefore(place: EntityMention, places: EntityMention[], lower: readonly string[]): { holder: EntityMention; holderIsPart: boolean } | undefined {
    // "the Surankote area of the neighbouring Poonch district"
    let of = place.first - 1;
    const unitAfter = afterKind(lower, place.last) > place.last;
    // "the Isfara district of Tajikistan's Sughd region": a unit named with its kind, held by a possessive.
    const possessor = unitAfter && lower[of] === "'s" ? places.find((m) => m.last === of) : undefined;
    if (possessor) of = possessor.first - 1;
    if (NEIGHBOURING.test(lower[of] ?? '')) of--;
    if (lower[of] === 'the') of--;
    const kind = lower[of - 1] ?? '';
    const kinded = VAGUE_PART.test(kind) ? unitAfter : SUBDIVISION.test(kind) || SUBDIVISION_NOUN.test(kind);
    if (lower[of] !== 'of' || !kinded) return undefined;
    // "the Indian state of Jharkhand": a demonym read with its kind word ends after it.
    const holder = places.find((m) => m !== place && (m.last === of - 1 || (m.last === of && m.via === 'gazetteer:demonym')));
    if (!holder) return undefined;
    if (unitAfter) return holder.type === 'Location' ? { holder, holderIsPart: true } : undefined;
    const listed = (m: EntityMention) => m.type === 'Country' || m.via.startsWith('gazetteer');
    if (listed(holder) && (holder.type === 'Country' || !listed(place))) return { holder, holderIsPart: false };
    if (holder.type !== 'Location') return undefined;
    // An unknown word before a settlement's kind and a known place is an adjective read as a name ("Tuscan").
    if (listed(place) && !listed(holder)) return SETTLEMENT.test(kind) ? undefined : { holder, holderIsPart: true };
    return { holder, holderIsPart: PART_NOUN.test(kind) };
  }

  /** Whether a title leads a place named as its holder: "governor", "the village head", not "deputy governor". */
  private leadsPlace(title: string): boolean {
    const words = title.trim().split(' ');
    return this.placeLeaderTitles.has(words[words.length - 1] ?? '') && !SUBORDINATE.test(title);
  }

  private relationFor(title: string): string {
    const words = title.toLowerCase();
    if (SUBORDINATE.test(words)) return 'MEMBER_OF';
    return this.leaderTitles.some((t) => t.test(words)) ? 'LEADER_OF' : 'MEMBER_OF';
  }

  /**
   * "heads the Y", "joined the Y in 2011", "leads a local rights group, the Y": the body a leader or member verb at
   * `v` puts its subject in, right after the verb or named in an aside after a description of it.
   */
  private verbRole(v: number, lower: readonly string[], bodyAt: (k: number) => Slot | undefined): { relation: string; holder: Slot } | undefined {
    const leads = this.leaderVerbs.has(lower[v] ?? '');
    const words = leads ? 1 : (this.memberVerbs.find((phrase) => phrase.every((w, j) => lower[v + j] === w))?.length ?? 0);
    if (!words) return undefined;
    const next = v + words;
    const comma = lower.findIndex((w, j) => j > next && j <= next + 7 && /^[,.;]$/.test(w));
    const holder = bodyAt(next) ?? (/^(?:a|an)$/.test(lower[next] ?? '') && lower[comma] === ',' && lower[comma + 1] === 'the' ? bodyAt(comma + 1) : undefined);
    return holder && { relation: leads ? 'LEADER_OF' : 'MEMBER_OF', holder };
  }

  /**
   * "X, who heads the Y", "X, who joined the Y in 2011", "X is the founder of the Y", "X, who uses another name, is
   * a commander of the Y": what a relative clause or the predicate of the person's own clause makes them.
   */
  private predicate(person: Slot, lower: readonly string[], roleAt: (k: number) => { title: string; holder: Slot } | undefined, bodyAt: (k: number) => Slot | undefined): PhraseRelation[] {
    let verb = person.last;
    const found: PhraseRelation[] = [];
    if (lower[verb] === ',' && lower[verb + 1] === 'who') {
      const v = verb + 2;
      const told = this.verbRole(v, lower, bodyAt);
      if (told) found.push({ relation: told.relation, source: person, target: told.holder, confidence: 0.75, rule: 'relative-role' });
      // "X, who described himself as a spokesman for the Y": a role one gives oneself is told as one's own.
      const described = selfDescription(lower, v);
      const role = described > v ? roleAt(described) : undefined;
      if (role) found.push({ relation: this.relationFor(role.title), source: person, target: role.holder, confidence: 0.7, rule: 'self-described-role' });
      const close = lower.findIndex((w, j) => j > v && /^[,.;]$/.test(w));
      verb = close > 0 && lower[close] === ',' && close - v <= 12 ? close + 1 : -1;
    }
    if (verb < 0 || !/^(?:is|was|remains|became)$/.test(lower[verb] ?? '')) return found;
    const role = roleAt(verb + 1);
    if (role) found.push({ relation: this.relationFor(role.title), source: person, target: role.holder, confidence: 0.75, rule: 'predicate-role' });
    return found;
  }

  /**
   * `previousSubject` names what a possessive "its" stands for; `home` is the state the report is filed from (its
   * dateline's), which leads where a state leader's title names none.
   */
  read(sentence: Sentence, mentions: EntityMention[], slots: Slot[], previousSubject: (types: EntityType[]) => Slot | undefined, home?: Slot): PhraseRelation[] {
    const tokens = sentence.tokens;
    const lower = lowerWords(tokens);
    const found: PhraseRelation[] = [];
    const slotOf = (m: { first: number; last: number }) => slots.find((s) => s.first === m.first && s.last === m.last && !s.speaker);
    const isTitleWord = (k: number) => this.titles.has(lower[k] ?? '') || /^(?:special|communications|security|national|foreign|defence|defense|interior|chief|senior|top)$/.test(lower[k] ?? '');
    // The title words ending right before token `end`, and the index of the word before them.
    const titleEndingAt = (end: number): { title: string; k: number } => {
      let k = end - 1;
      let title = '';
      while (k >= 0 && isTitleWord(k)) {
        title = `${lower[k]} ${title}`;
        k--;
        // "secretary-general", "director-general": title words joined by a hyphen are one title.
        if (lower[k] === '-' && !tokens[k]!.spaceBefore && !tokens[k + 1]!.spaceBefore && isTitleWord(k - 1)) {
          title = `${lower[k - 1]}-${title}`;
          k -= 2;
        }
      }
      // "Uganda's tourism minister", "the army's media spokesman": a lower-case word naming the field of the
      // title, between the possessive and the title, belongs to the title.
      if (title && /^\p{Ll}[\p{Ll}-]+$/u.test(tokens[k]?.text ?? '') && (lower[k - 1] === "'s" || lower[k - 1] === "'")) {
        title = `${lower[k]} ${title}`;
        k--;
      }
      return { title, k };
    };
    const isHolder = (s: Slot) => AFFILIATIONS.has(s.type);
    const placeEndingAt = (end: number) => slots.find((s) => s.last === end && s.type === 'Location' && !s.speaker);
    // The body a noun phrase at `k` names: "the Y", "the Lagos-based Y", "the army-run Y" (a hyphenated modifier,
    // itself maybe a name, is no holder).
    const bodyAt = (k: number): Slot | undefined => {
      let at = lower[k] === 'the' ? k + 1 : k;
      const modifier = slots.find((s) => s.first === at && lower[s.last] === '-');
      const hyphen = modifier ? modifier.last : lower[at + 1] === '-' ? at + 1 : -1;
      if (hyphen >= 0 && /^\p{Ll}+$/u.test(tokens[hyphen + 1]?.text ?? '')) at = hyphen + 2;
      return slots.find((s) => s.first === at && isHolder(s));
    };
    // "a senior commander of X", "the founder and emir of X", "a former X fighter": the role a noun phrase at `k`
    // gives a person, and the body it is held in, named before the title or after "of"/"for".
    const roleAt = (k: number): { title: string; holder: Slot } | undefined => {
      if (!/^(?:a|an|the)$/.test(lower[k] ?? '')) return undefined;
      const isRole = (j: number) => (isTitleWord(j) && !/^(?:of|in|for)$/.test(lower[j]!)) || this.memberNouns.has(lower[j] ?? '');
      let first = k + 1;
      while (first < k + 5 && !isRole(first) && (/^\p{Ll}+$/u.test(tokens[first]?.text ?? '') || slots.some((s) => s.first <= first && first < s.last))) first++;
      if (!isRole(first)) return undefined;
      let last = first;
      while (isRole(last) || (lower[last] === 'and' && isRole(last + 1))) last++;
      const before = slots.find((s) => isHolder(s) && s.first > k && s.last <= first);
      const holder = before ?? (/^(?:of|for|in)$/.test(lower[last] ?? '') ? bodyAt(last + 1) : undefined);
      return holder && { title: lower.slice(first, last).join(' '), holder };
    };

    for (const person of slots.filter((s) => s.type === 'Person')) {
      let held = false;
      // Title before the name: "[Serbian] [President] Vucic", "[Kremlin] [spokesman] Peskov", "Envoy for [the Coalition] McCary".
      const { title, k } = titleEndingAt(person.first);
      if (title) {
        // "Iran's President Ebrahim Raisi": the possessive names the holder too.
        const possessive = lower[k] === "'s" ? 1 : 0;
        // "The army detained two men, its spokesman X said": "its" is the clause's subject, else the last one's.
        const own = /^(?:its|their)$/.test(lower[k] ?? '') ? (slots.find((s) => s.last <= k && AFFILIATIONS.has(s.type) && !s.speaker) ?? previousSubject(['Group', 'Organization', 'Country'])) : undefined;
        const holder = own ?? slots.find((s) => s.last === k + 1 - possessive && AFFILIATIONS.has(s.type));
        if (holder) found.push({ relation: this.relationFor(`${lower[k - 1] ?? ''} ${title}`), source: person, target: holder, confidence: own ? 0.75 : 0.9, rule: 'title' });
        // "Kano state governor X", "Kano's governor X": a place's own leader, the place told as a unit by its kind
        // word or possessive (a bare name before the title may be a body's or a wider area's: "New York Mayor").
        // The kind word may be in the place's name ("Kano State"), or read as the title's first word, as "state" is
        // a title word too ("head of state").
        const kindInTitle = isPlaceWord(title.split(' ')[0]);
        const unit = possessive ? placeEndingAt(k) : kindInTitle ? placeEndingAt(k + 1) : isPlaceWord(lower[k]) ? (placeEndingAt(k) ?? placeEndingAt(k + 1)) : undefined;
        const place = holder || !this.leadsPlace(`${lower[k - 1] ?? ''} ${title}`) ? undefined : unit;
        if (place) found.push({ relation: 'LEADER_OF', source: person, target: place, confidence: 0.8, rule: 'title-place' });
        // "BAQUBA, Iraq (AFP) - ... Prime Minister X declared": a state leader's title, capitalised before the name
        // with nothing that names a holder before it, is held in the state the report is filed from.
        const bare = !holder && home && this.stateLeaderTitles.has(title.trim()) && isCapitalized(tokens[k + 1]!) && !/^(?:'s|'|its|their|his|her|former|ex|vice|deputy|late)$/.test(lower[k] ?? '') && !/^\p{Lu}/u.test(tokens[k]?.text ?? '');
        if (bare) found.push({ relation: 'LEADER_OF', source: person, target: home, confidence: 0.6, rule: 'title-home' });
        held = holder !== undefined || place !== undefined || bare === true;
      } else {
        const holder = slots.find((s) => s.last === person.first && AFFILIATIONS.has(s.type) && s.type !== 'Country');
        const preposition = lower[(holder?.first ?? 0) - 1] === 'the' ? lower[(holder?.first ?? 0) - 2] : lower[(holder?.first ?? 0) - 1];
        const titled = holder && ['for', 'of', 'at'].includes(preposition ?? '') && isTitleWord((holder.first ?? 0) - (lower[holder.first - 1] === 'the' ? 3 : 2));
        if (holder && titled) found.push({ relation: 'MEMBER_OF', source: person, target: holder, confidence: 0.8, rule: 'title-of' });
      }
      // "Its leader, Shahab al-Muhajir": a title set off before the name, held by what "its" stands for;
      // "Somalia's defence minister, X", "the rebels' leader, X": by the possessor named before it.
      // A rank before the name ("its spokesman, Colonel X") is no holder of its own: the title before the comma is.
      let lead = person.first;
      while (lead > 0 && this.ranks.has((lower[lead - 1] ?? '').replace(/\.$/, ''))) lead--;
      if (!held && lower[lead - 1] === ',') {
        const { title: setOff, k: j } = titleEndingAt(lead - 1);
        // "arrested an ISKP commander, Farid Ahmadzai": a body named before the title set off holds it too.
        const named = setOff ? slots.find((s) => s.last === j + 1 && AFFILIATIONS.has(s.type) && s.type !== 'Country' && !s.speaker && /^(?:a|an|the|suspected|senior|top|local|former)$/.test(lower[s.first - 1] ?? '')) : undefined;
        const possessive = setOff && (lower[j] === "'s" || lower[j] === "'");
        const possessor = possessive ? (slots.find((s) => s.last === j && AFFILIATIONS.has(s.type) && !s.speaker) ?? (this.leadsPlace(setOff) ? placeEndingAt(j) : undefined)) : named;
        // "designated X, an armed group, and its leader, Y": a group the sentence named before "its" outranks the last subject.
        const groupBefore = () => slots.filter((s) => s.last <= j && s.type === 'Group' && !s.speaker).pop();
        const holder = possessor ?? (setOff && /^(?:its|their)$/.test(lower[j] ?? '') ? (groupBefore() ?? previousSubject(['Group', 'Organization', 'Country'])) : undefined);
        const relation = holder?.type === 'Location' ? 'LEADER_OF' : this.relationFor(setOff);
        if (holder) found.push({ relation, source: person, target: holder, confidence: 0.75, rule: 'possessive-title' });
        // "The head of the Y, X, told ...": a title of a body, set off before the name.
        const body = setOff ? undefined : slots.find((s) => s.last === lead - 1 && isHolder(s));
        const of = body ? body.first - (lower[body.first - 1] === 'the' ? 2 : 1) : -1;
        const office = of >= 0 && /^(?:of|for)$/.test(lower[of] ?? '') ? titleEndingAt(of) : undefined;
        if (body && office?.title && (office.k < 0 || /^(?:the|a|an)$/.test(lower[office.k] ?? ''))) found.push({ relation: this.relationFor(office.title), source: person, target: body, confidence: 0.75, rule: 'title-of-set-off' });
      }
      // Apposition after the name: "Soleimani, an Iranian commander", "Kirby, the White House National Security Council's Communications Adviser".
      if (lower[person.last] === ',') {
        const clauseEnd = lower.findIndex((w, j) => j > person.last && (w === ',' || w === '.' || w === ';'));
        const end = clauseEnd < 0 ? tokens.length : clauseEnd;
        const window = lower.slice(person.last + 1, Math.min(end, person.last + 10));
        const titled = window.findIndex((_, j) => isTitleWord(person.last + 1 + j));
        // "Dame Ilse Varga, the deputy head of the port authority, Mr Owen Pratt, ...": in a list of names the
        // aside after a name may be the next one's.
        const listed = lower[end] === ',' && slots.some((s) => s.type === 'Person' && s.first > end && s.first <= end + 2);
        // "..., a British official said": the aside is the subject of a speech verb, a clause of its own.
        const speaks = window.some((w) => SPEECH.test(w));
        // "X, spokesman for the Y, said": a bare title opens the aside as an article does, where the aside is the
        // whole of what is said of the person ("X, leader of the Y, and a former minister" may tell past roles).
        const bare = titled === 0 && !/^(?:of|in|for)$/.test(window[0] ?? '') && lower[end + 1] !== 'and';
        if (titled >= 0 && !listed && !speaks && (/^(?:a|an|the)$/.test(window[0] ?? '') || bare)) {
          // The holder before the title ("an Iranian commander") or after it ("a senior commander of Abu Sayyaf").
          let titleEnd = person.last + 1 + titled;
          while (titleEnd < end && isTitleWord(titleEnd) && !/^(?:of|in)$/.test(lower[titleEnd]!)) titleEnd++;
          const of = /^(?:of|in|for)$/.test(lower[titleEnd] ?? '') ? bodyAt(titleEnd + 1) : undefined;
          const holder = slots.find((s) => AFFILIATIONS.has(s.type) && ((s.first > person.last && s.last <= person.last + 1 + titled + 1) || (s === of && s.last <= end)));
          if (holder) found.push({ relation: this.relationFor(window.slice(titled).join(' ')), source: person, target: holder, confidence: 0.8, rule: 'apposition' });
        }
        // "Lydia Mwangi, a researcher at the Institute for Security Studies": the body a person works at.
        const works = window.findIndex((w, j) => this.descriptors.has(w) && window[j + 1] === 'at');
        // "a security researcher at the X": title words before the work only say what kind of work it is.
        const kindOfWork = titled >= 0 && titled < works && window.slice(titled, works).every((_, j) => isTitleWord(person.last + 1 + titled + j));
        if (works >= 0 && (titled < 0 || titled > works || kindOfWork) && !listed && !speaks && /^(?:a|an|the)$/.test(window[0] ?? '')) {
          const body = [bodyAt(person.last + 1 + works + 2)].find((s) => s?.type === 'Organization');
          if (body) found.push({ relation: 'MEMBER_OF', source: person, target: body, confidence: 0.75, rule: 'apposition-at' });
        }
      }
      found.push(...this.predicate(person, lower, roleAt, bodyAt));
      // "The X, which had been led by Y until his death", "the X, led by commander Y": the body a leading verb's agent
      // leads.
      let ranked = person.first;
      while (ranked > 0 && (this.ranks.has((lower[ranked - 1] ?? '').replace(/\.$/, '')) || isTitleWord(ranked - 1))) ranked--;
      if (lower[ranked - 1] === 'by' && LED_BY.test(lower[ranked - 2] ?? '')) {
        let k = ranked - 2;
        while (k > 0 && k > ranked - 9 && LED_GAP.test(lower[k - 1] ?? '')) k--;
        // "The X, which emerged in 2019 and has carried out attacks, had been led by Y": past the clause on the body.
        const clause = lower[k] === ',' ? lower.lastIndexOf(',', k - 1) : -1;
        const end = clause >= 0 && /^(?:which|who)$/.test(lower[clause + 1] ?? '') ? clause : k;
        const body = slots.find((s) => s.last === end && isHolder(s) && s.type !== 'Country' && !s.speaker);
        if (body) found.push({ relation: 'LEADER_OF', source: person, target: body, confidence: 0.75, rule: 'led-by' });
      }
      // Affiliation: "Peter Neumann from King's College".
      if (/^(?:from|of|at)$/.test(lower[person.last] ?? '')) {
        const org = slots.find((s) => s.first === person.last + 1 && s.type === 'Organization');
        if (org) found.push({ relation: 'MEMBER_OF', source: person, target: org, confidence: 0.75, rule: 'affiliation' });
      }
    }

    // "Police arrested X and said he was a member of Y", "X was freed and he joined Y": "he" is the person the
    // sentence last named, unless that one is speaking (then "he" is someone the text named before, and the
    // subject of the last sentence is too often a mistyped name to stand for it).
    for (let p = 0; p < lower.length; p++) {
      if (!/^(?:he|she)$/.test(lower[p]!)) continue;
      const person = [...slots].reverse().find((s) => s.type === 'Person' && s.last <= p);
      if (!person || person.speaker) continue;
      // The verb right after the pronoun, or after "and" in its clause ("he moved south and became ...").
      for (let v = p + 1; v < p + 8 && !/^[,.;:]$/.test(lower[v] ?? '.'); v++) {
        if (v > p + 1 && lower[v - 1] !== 'and') continue;
        const role = /^(?:is|was|became|remains)$/.test(lower[v]!) ? roleAt(v + 1) : undefined;
        const told = role ? { relation: this.relationFor(role.title), holder: role.holder } : this.verbRole(v, lower, bodyAt);
        if (told) found.push({ relation: told.relation, source: person, target: told.holder, confidence: 0.7, rule: 'pronoun-role' });
      }
    }

    const places = mentions.filter((m) => m.type === 'Location' || m.type === 'Country');
    for (const place of places.filter((m) => m.type === 'Location')) {
      const source = slotOf(place);
      if (!source) continue;
      const next = lower[place.last];
      // "Krasnogorsk in the Moscow region", "Gao in northern Mali", "Kunduz province, in northern Afghanistan";
      // "Dikwa and Monguno in Borno State": each place of a list joined by "and" lies in the place after it.
      const listEnd = (m: EntityMention): number => {
        const end = afterSiteKind(lower, afterKind(lower, m.last));
        const joined = end + (NEIGHBOURING.test(lower[end + 1] ?? '') ? 2 : 1);
        const joinedTo = lower[end] === 'and' ? places.find((p) => p.first === joined && p.type === 'Location') : undefined;
        return joinedTo ? listEnd(joinedTo) : end;
      };
      let inAt = listEnd(place);
      // "Orlu, also in Imo state"
      if (lower[inAt] === ',') inAt += lower[inAt + 1] === 'also' && lower[inAt + 2] === 'in' ? 2 : lower[inAt + 1] === 'in' ? 1 : 0;
      if (lower[inAt] === 'in') {
        let at = inAt + 1 + (lower[inAt + 1] === 'the' ? 1 : 0);
        // "Umuahia, in neighbouring Abia state"
        if (NEIGHBOURING.test(lower[at] ?? '')) at++;
        // "Saravan, in the province of Sistan and Baluchestan": the kind of place before its name.
        const kindFirst = isPlaceWord(lower[at]) && lower[at + 1] === 'of';
        if (kindFirst) at += 2;
        const named = placeAt(at, places, lower);
        // "Kalat in Pakistan's Balochistan province": the possessed place is the nearer container.
        const possessed = named && lower[named.last] === "'s" ? places.find((m) => m.first === named.last + 1) : undefined;
        const container = possessed ?? named;
        const target = container && slotOf(container);
        // A region or country holds the place; so does a place the gazetteer lists holding one it does not list
        // ("Poonch district in Jammu and Kashmir"), where a listed town in a listed town may be a venue's name.
        const listed = (m: EntityMention) => m.type === 'Country' || m.via.startsWith('gazetteer');
        const region = container && (container.type === 'Country' || /\b(?:region|oblast|province|district|governorate|state)\b/i.test(container.text) || afterKind(lower, container.last) > container.last || ADMIN_UNIT.test(lower[container.last] ?? '') || kindFirst);
        if (target && (region || (listed(container!) && !listed(place)))) found.push({ relation: 'LOCATED_IN', source, target, confidence: 0.85, rule: 'in' });
      }
      // "Cotabato City on the southern island of Mindanao", "Jolo island in the Sulu archipelago".
      const end = listEnd(place);
      let k = lower[end] === 'on' ? end + 1 : LANDFORM.test(lower[place.last] ?? '') && lower[place.last + 1] === 'in' ? place.last + 2 : -1;
      if (k >= 0) {
        if (lower[k] === 'the') k++;
        if (COMPASS.test(lower[k] ?? '')) k++;
        const land = LANDFORM.test(lower[k] ?? '') && lower[k + 1] === 'of' ? places.find((m) => m.first === k + 2) : places.find((m) => m.first === k && LANDFORM.test(lower[m.last] ?? ''));
        const target = land && slotOf(land);
        if (target) found.push({ relation: 'LOCATED_IN', source, target, confidence: 0.8, rule: 'landform' });
      }
      // "Beslan, southern Russia.", "Balcad town, Middle Shabelle region, Somalia": an address, each place in
      // the next; a list of places ("Cologne, Vienna and Madrid") is none.
      const container = next === ',' || SUBDIVISION_NOUN.test(next ?? '') ? addressContainer(place, places, lower) : undefined;
      const target = container && slotOf(container);
      if (target) found.push({ relation: 'LOCATED_IN', source, target, confidence: 0.8, rule: 'address' });
      const kindOf = this.kindOfBefore(place, places, lower);
      if (kindOf) {
        const target = slotOf(kindOf.holder);
        if (target && kindOf.holderIsPart) found.push({ relation: 'LOCATED_IN', source: target, target: source, confidence: 0.8, rule: 'district-of' });
        else if (target) found.push({ relation: 'LOCATED_IN', source, target, confidence: 0.85, rule: 'city-of' });
      }
      // "Van, a province in eastern Turkey", "Kidal, the main town of northern Mali", "X is the capital of Y state":
      // an apposition or a copula that says what kind of place it is and where.
      if (/^(?:,|is|was)$/.test(next ?? '') && /^(?:a|an|the)$/.test(lower[place.last + 1] ?? '')) {
        let k = place.last + 2;
        const kind = (w: string | undefined) => isPlaceWord(w) || w === 'capital';
        while (k < place.last + 5 && !kind(lower[k]) && /^\p{Ll}/u.test(tokens[k]?.text ?? '')) k++;
        if (kind(lower[k]) && /^(?:in|of)$/.test(lower[k + 1] ?? '')) {
          let at = k + 2;
          if (lower[at] === 'the') at++;
          const first = placeAt(at, places, lower);
          // "the capital of Pakistan's Balochistan province": the possessed place is the nearer container.
          const holder = first && lower[first.last] === "'s" ? (places.find((m) => m.first === first.last + 1) ?? first) : first;
          const target = holder && slotOf(holder);
          if (target) found.push({ relation: 'LOCATED_IN', source, target, confidence: 0.8, rule: 'apposition-place' });
        }
      }
      // "Galmudug state, one of Somalia's federal member states": one of the units the possessor is divided into.
      const one = afterKind(lower, place.last);
      if (lower[one] === ',' && lower[one + 1] === 'one' && lower[one + 2] === 'of') {
        const holder = places.find((m) => m.first === one + 3 && lower[m.last] === "'s");
        let k = holder ? holder.last + 1 : -1;
        while (k > 0 && k < holder!.last + 4 && /^\p{Ll}/u.test(tokens[k]?.text ?? '') && !isPlaceWord(lower[k]?.replace(/s$/, ''))) k++;
        const target = holder && isPlaceWord(lower[k]?.replace(/s$/, '')) && slotOf(holder);
        if (target) found.push({ relation: 'LOCATED_IN', source, target, confidence: 0.8, rule: 'one-of' });
      }
      // "Moscow's Dubrovka Theater", "Colombia's south-western Cauca province"; "Cameroon's Northwest and Southwest
      // regions": each place of the list the possessive opens.
      const opener = listOpener(place, places, lower);
      const possessive = beforeCompass(lower, opener.first - 1);
      const kinded = afterKind(lower, place.last) > place.last || (opener !== place && isPlaceWord(lower[place.last]?.replace(/s$/, '')));
      if (lower[possessive] === "'s" && (possessive === opener.first - 1 || kinded)) {
        const holder = places.find((m) => m.last === possessive);
        const target = holder && slotOf(holder);
        if (target) found.push({ relation: 'LOCATED_IN', source, target, confidence: 0.75, rule: 'possessive' });
      }
    }
    return found;
  }
}
