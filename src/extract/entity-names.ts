// One entity per real thing within a document: a person's short name takes the one full name it fits, and a
// place or body named with and without its kind word ("Kandahar" and "Kandahar province", "the Headingley mosque",
// "Severn Valley Police Force") is one, and so is a body and the acronym set off after its name.
import type { Lexicon } from '../model/gazetteer.js';
import type { EntityMention, Sentence } from '../nlp/index.js';

/** Kind words that name the same thing as the bare name: "Kandahar province", "Severn Valley Police Force". */
const SAME_THING_KINDS: Partial<Record<string, RegExp>> = {
  Location: /^(?:city|town|village|district|sub-district|province|county|governorate|prefecture|municipality|state|area|estate)$/,
  Organization: /^(?:force|service)$/,
};

export class EntityNames {
  /** Lower-case words after a place that say what of it is meant: "Kabul airport", "Perrache metro". */
  private readonly placeWords: Set<string>;

  constructor(lexicon: Lexicon) {
    const single = (words: string[]) => words.filter((w) => !w.includes(' '));
    this.placeWords = new Set([...single(lexicon.venueNouns), ...single(lexicon.locationSuffixes), 'sub-district', 'town', 'village', 'municipality', 'area']);
  }

  unify(mentions: EntityMention[], sentences: Sentence[]): EntityMention[] {
    return this.unifyKinds(unifyAcronyms(unifyOwnedBodies(unifyPersonNames(mentions)), sentences), sentences);
  }

  private unifyKinds(mentions: EntityMention[], sentences: Sentence[]): EntityMention[] {
    const bare = new Map<string, EntityMention>();
    for (const m of mentions) if (SAME_THING_KINDS[m.type] && !bare.has(`${m.type}:${m.name.toLowerCase()}`)) bare.set(`${m.type}:${m.name.toLowerCase()}`, m);
    return mentions.map((m) => {
      const kinds = SAME_THING_KINDS[m.type];
      if (!kinds) return m;
      const aliases: string[] = [];
      // "Spin Boldak district": the kind word the name is written with is one more way to name the place.
      const next = sentences[m.sentence]?.tokens[m.last];
      if (m.type === 'Location' && next?.spaceBefore && /^\p{Ll}/u.test(next.text) && this.placeWords.has(next.text)) aliases.push(`${m.name} ${next.text}`);
      const words = m.name.split(' ');
      const kind = words.length > 1 ? words.at(-1)!.toLowerCase() : '';
      if (!kinds.test(kind)) return aliases.length ? { ...m, aliases } : m;
      const stem = words.slice(0, -1).join(' ');
      // "Kandahar province" beside "Kandahar": the document speaks of one place.
      const other = bare.get(`${m.type}:${stem.toLowerCase()}`);
      if (other) return { ...m, key: other.key, name: other.name, aliases };
      return m.type === 'Location' ? { ...m, aliases: [...aliases, stem] } : m;
    });
  }
}

const ACRONYM = /^\p{Lu}[\p{Lu}\d&-]{1,9}$/u;

/** The first letters of a name's capitalised words: "New York Police Department" is NYPD. */
const initialsOf = (name: string) =>
  name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
const sortedLetters = (text: string) => [...text].sort().join('');

/**
 * "United States Africa Command (AFRICOM)": whether the acronym is the name's words cut short and run together, the
 * last word's opening letters closing it and words before its first left out.
 */
function clipsOf(acronym: string, name: string): boolean {
  const words = name.toUpperCase().split(/[\s-]+/);
  const from = (letter: number, word: number): boolean => {
    if (letter === acronym.length) return word === words.length;
    if (word === words.length) return false;
    const w = words[word]!;
    for (let n = Math.min(w.length, acronym.length - letter); n >= 1; n--) if (acronym.startsWith(w.slice(0, n), letter) && from(letter + n, word + 1)) return true;
    return false;
  };
  return words.some((_, start) => from(0, start));
}

/**
 * "the Highland Liberation Front (HLF)", "Coastal Volunteer Guard (CVG)": an acronym the gazetteer does not know,
 * set off in brackets right after a name with its first letter, is that name's short form here and further on;
 * so is one whose letters are the initials of the name in another order, as a name translated from a language
 * that orders its words otherwise ("the Bolivarian National Guard (GNB)"), and so is one clipped from its words
 * ("Africa Command (AFRICOM)"). Not in brackets, an acronym is the
 * short form of the one body of the document whose initials it spells ("NYPD" beside "New York Police Department").
 */
function unifyAcronyms(mentions: EntityMention[], sentences: Sentence[]): EntityMention[] {
  const longForms = new Map<string, EntityMention>();
  // "the Ambazonia Defence Forces (ADF)": a known group's acronym set off after another name whose initials it is
  // stands for that name here, further on too.
  const redefined = new Set<string>();
  mentions.forEach((m, k) => {
    const full = mentions[k - 1];
    const tokens = sentences[m.sentence]?.tokens;
    if (!full || !tokens || full.type === 'Person' || full.sentence !== m.sentence || full.last !== m.first - 1 || !ACRONYM.test(m.text)) return;
    if (m.key !== undefined && (m.key === full.key || initialsOf(full.name) !== m.text)) return;
    const spelt = m.text[0] === full.name[0]?.toUpperCase() || sortedLetters(m.text) === sortedLetters(initialsOf(full.name)) || clipsOf(m.text, full.name);
    if (tokens[m.first - 1]?.text !== '(' || tokens[m.last]?.text !== ')' || !spelt || longForms.has(m.text)) return;
    longForms.set(m.text, full);
    if (m.key !== undefined) redefined.add(m.text);
  });
  const bodies = mentions.filter((m) => m.type === 'Organization' && m.name.includes(' '));
  for (const m of mentions) {
    if (m.type !== 'Organization' || m.key !== undefined || !ACRONYM.test(m.text) || longForms.has(m.text)) continue;
    const spelling = [...new Set(bodies.filter((b) => initialsOf(b.name) === m.text).map((b) => b.name))];
    if (spelling.length === 1) longForms.set(m.text, bodies.find((b) => b.name === spelling[0])!);
  }
  if (longForms.size === 0) return mentions;
  return mentions.map((m) => {
    const full = m.key === undefined || redefined.has(m.text) ? longForms.get(m.text) : undefined;
    return full ? { ...m, type: full.type, key: full.key, name: full.name } : m;
  });
}

/** "the Third Division of the Army" beside "the Third Division": a body named with whose it is, and without, is one. */
function unifyOwnedBodies(mentions: EntityMention[]): EntityMention[] {
  const bodies = new Map<string, EntityMention>();
  for (const m of mentions) if (m.type === 'Organization' && m.name.includes(' ') && !m.name.includes(' of ') && !bodies.has(m.name)) bodies.set(m.name, m);
  if (bodies.size === 0) return mentions;
  return mentions.map((m) => {
    const head = m.type === 'Organization' ? / of the /.exec(m.name) : null;
    const short = head ? bodies.get(m.name.slice(0, head.index)) : undefined;
    return short ? { ...m, key: short.key, name: short.name } : m;
  });
}

/** "Neumann" before "Peter Neumann" is still Peter Neumann: short forms take the one full name they fit. */
function unifyPersonNames(mentions: EntityMention[]): EntityMention[] {
  const full = [...new Set(mentions.filter((m) => m.type === 'Person' && m.name.includes(' ')).map((m) => m.name))];
  return mentions.map((m) => {
    if (m.type !== 'Person' || m.name.includes(' ')) return m;
    const matches = full.filter((f) => f.endsWith(` ${m.name}`) || f.endsWith(`-${m.name}`));
    return matches.length === 1 ? { ...m, name: matches[0]! } : m;
  });
}
