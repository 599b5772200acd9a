// One entity per real thing within a document: a person's short name takes the one full name it fits, and a
// place or body named with and without its kind word ("Kandahar" and "Kandahar province", "the Didsbury mosque",
// "West Midlands Police Force") is one.
import type { Lexicon } from '../model/gazetteer.js';
import type { EntityMention, Sentence } from '../nlp/index.js';

/** Kind words that name the same thing as the bare name: "Kandahar province", "West Midlands Police Force". */
const SAME_THING_KINDS: Partial<Record<string, RegExp>> = {
  Location: /^(?:city|town|village|district|sub-district|province|county|governorate|prefecture|municipality|state|area|estate)$/,
  Organization: /^(?:force|service)$/,
};

export class EntityNames {
  /** Lower-case words after a place that say what of it is meant: "Kabul airport", "Bellecour metro". */
  private readonly placeWords: Set<string>;

  constructor(lexicon: Lexicon) {
    const single = (words: string[]) => words.filter((w) => !w.includes(' '));
    this.placeWords = new Set([...single(lexicon.venueNouns), ...single(lexicon.locationSuffixes), 'sub-district', 'town', 'village', 'municipality', 'area']);
  }

  unify(mentions: EntityMention[], sentences: Sentence[]): EntityMention[] {
    return this.unifyKinds(unifyPersonNames(mentions), sentences);
  }

  private unifyKinds(mentions: EntityMention[], sentences: Sentence[]): EntityMention[] {
    const bare = new Map<string, EntityMention>();
    for (const m of mentions) if (SAME_THING_KINDS[m.type] && !bare.has(`${m.type}:${m.name.toLowerCase()}`)) bare.set(`${m.type}:${m.name.toLowerCase()}`, m);
    return mentions.map((m) => {
      const kinds = SAME_THING_KINDS[m.type];
      if (!kinds) return m;
      const aliases: string[] = [];
      // "Arghandab district": the kind word the name is written with is one more way to name the place.
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

/** "Neumann" before "Peter Neumann" is still Peter Neumann: short forms take the one full name they fit. */
function unifyPersonNames(mentions: EntityMention[]): EntityMention[] {
  const full = [...new Set(mentions.filter((m) => m.type === 'Person' && m.name.includes(' ')).map((m) => m.name))];
  return mentions.map((m) => {
    if (m.type !== 'Person' || m.name.includes(' ')) return m;
    const matches = full.filter((f) => f.endsWith(` ${m.name}`) || f.endsWith(`-${m.name}`));
    return matches.length === 1 ? { ...m, name: matches[0]! } : m;
  });
}
