// Turns a sentence's mentions into relation slots: resolves "the group", "this branch", "the Afghan branch of
// ISIS" and "the country" to the entities they stand for, and marks speakers ("according to Reuters",
// "Kirby said"), who report facts but are not parties to them.
import type { Lexicon } from '../model/gazetteer.js';
import type { EntityType } from '../model/ontology.js';
import { lowerWords, type EntityMention, type GazetteerEntry, type Sentence } from '../nlp/index.js';
import { refOf } from './attacks.js';
import type { Slot } from './types.js';

export interface DocumentMemory {
  /** Every slot seen so far in the document, in reading order. */
  history: Slot[];
  /** Group refs mentioned anywhere in the document (a branch may be named after it is described). */
  groupsInDocument: Map<string, number>;
}

const isParty = (slot: Slot, types: EntityType[], speakers = false) => types.includes(slot.type) && slot.role === 'head' && (speakers || !slot.speaker);

/** The last slot of one of `types` read before document offset `before`, modifiers (and speakers, unless asked) aside. */
export function lastParty(history: Slot[], types: EntityType[], before = Infinity, speakers = false): Slot | undefined {
  for (let k = history.length - 1; k >= 0; k--) {
    const slot = history[k]!;
    if (slot.start < before && isParty(slot, types, speakers)) return slot;
  }
  return undefined;
}

/**
 * "ISIS-K ... is an affiliate of the Islamic State. The group ...": the subject of that last slot's sentence; with
 * `speakers`, one that speaks may be it ("The X said its troops ... 'Quote,' said its spokesman, Y").
 */
export function lastSubject(history: Slot[], types: EntityType[], before = Infinity, speakers = false): Slot | undefined {
  const last = lastParty(history, types, before, speakers);
  if (!last) return undefined;
  const parties = history.filter((s) => s.sentence === last.sentence && isParty(s, types, speakers));
  // "Pakistan's Foreign Office rejected ...": the possessor opening the subject is not it, the possessed is.
  const possessed = (s: Slot) => parties.some((p) => p.first === s.last + 1 && p.start - s.end <= 3);
  return parties.find((s) => !possessed(s)) ?? parties[0];
}

export interface BranchFact {
  child: string;
  parent: string;
  sentence: number;
}

const ANAPHOR = /^(?:the|this|that)\s+(?:same\s+)?(?:(?:militant|terror|terrorist|extremist|jihadist|islamist|armed|militant islamist)\s+)?(?:group|branch|militia|organization|organisation|outfit|offshoot|affiliate)\b(?!\s+(?:of|known|called))/i;
const COUNTRY_ANAPHOR = /^the\s+country\b/i;
/** The words ANAPHOR and COUNTRY_ANAPHOR begin with. */
const ANAPHOR_OPENERS = new Set(['the', 'this', 'that']);
// "JNIM (Jama'at ...) said", "the Balochistan Liberation Front (BLF) said": a name's bracketed short form comes
// between it and its speech.
const SPEECH_AFTER = /^\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*)?(?:has\s+|have\s+|had\s+)?(?:said|says|told|wrote|writes|reported|reports|stated|added|noted|explained|argued|insisted|believes|fears|expects|considers|pointed out)\b/i;
const SPEECH_BEFORE = /(?:according to|said|says|told|wrote|writes|reported|stated|added|noted|as stated by|as noted by|as reported by|cited by|quoted by)\s+(?:the\s+)?$/i;

// "Police blamed X", "the interior ministry blamed Y": a state body named bare before a verb of blame is the state
// the report is filed from (its dateline). Only blame is read so: a bare "police" arresting or an "army" fighting may
// be any side's, but the side that blames is the one whose officials the report quotes.
const STATE_BODY_BLAMES = /\b(?:the\s+)?((?:(?:interior|home|defen[cs]e|security)\s+)?(?:police|government|army|military|authorities|ministry))(?:\s+in\s+\p{Lu}[\p{L}'-]*)?(?:\s+(?:has|have|had|long|also|again|later|swiftly|quickly))*\s+(?:blamed|blames|accused|accuses)\b/giu;
// "He accused the government of ...", "accusing the army of burning villages": a bare state body accused is the
// home state too, where the report is filed from the state it accuses.
const STATE_BODY_ACCUSED = /\b(?:accused|accuses|accusing|accuse|blamed|blames|blaming)\s+the\s+((?:government|army|military|authorities|security\s+forces))\s+(?:of|for)\b/giu;
const OWNED = /^(?:'s?|’s?|its|their|his|her|each|every|both|any|no|a|an)$/i;

/** Slots standing for the home state where a bare state body blames or is accused ("police blamed X", "accused the army of"). */
export function stateBodies(sentence: Sentence, slots: Slot[], home: Slot | undefined): Slot[] {
  if (!home) return [];
  const tokens = sentence.tokens;
  const found: Slot[] = [];
  for (const pattern of [STATE_BODY_BLAMES, STATE_BODY_ACCUSED]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(sentence.text); m; m = pattern.exec(sentence.text)) {
      const start = sentence.start + m.index + m[0].indexOf(m[1]!);
      const first = tokens.findIndex((t) => t.start >= start);
      const last = tokens.findIndex((t) => t.start >= start + m![1]!.length);
      const end = last < 0 ? tokens.length : last;
      // "Mali's army", "Kenyan police", "each government": a body owned or counted is not the home state's.
      const before = tokens[first - 1]?.text ?? '';
      if (first < 0 || OWNED.test(before) || (/^\p{Lu}/u.test(before) && !/^the$/i.test(before))) continue;
      if (slots.some((s) => s.first < end && s.last >= first)) continue;
      found.push({ ...home, sentence: sentence.index, first, last: end, start: tokens[first]!.start, end: tokens[end - 1]!.end, text: m[1]!, speaker: false, role: 'head' });
    }
  }
  return found;
}

export class ReferenceResolver {
  /** Global: `slots` rewinds it before each sentence. */
  private readonly descriptor: RegExp;

  constructor(
    lexicon: Lexicon,
    private readonly entries: Map<string, GazetteerEntry>,
  ) {
    this.descriptor = new RegExp(`\\b(?:${lexicon.groupDescriptors.join('|')})\\b`, 'gi');
  }

  /** Child groups of `parent` that the document names, most mentioned first. */
  private childOf(parent: string, memory: DocumentMemory): string | undefined {
    const children = [...memory.groupsInDocument.entries()].filter(([ref]) => this.entries.get(ref)?.parent === parent).sort((a, b) => b[1] - a[1]);
    return children[0]?.[0];
  }

  slots(sentence: Sentence, mentions: EntityMention[], memory: DocumentMemory): { slots: Slot[]; branches: BranchFact[] } {
    const text = sentence.text;
    const tokens = sentence.tokens;
    const slots: Slot[] = mentions.map((m) => ({ ref: refOf(m), type: m.type, sentence: m.sentence, first: m.first, last: m.last, start: m.start, end: m.end, text: m.text, speaker: false, role: m.role }));
    const branches: BranchFact[] = [];
    const tokenAt = (offset: number) => tokens.findIndex((t) => t.start >= offset);
    const slotFor = (ref: string, first: number, last: number): Slot => ({ ref, type: 'Group', sentence: sentence.index, first, last, start: tokens[first]!.start, end: tokens[last - 1]!.end, text: text.slice(tokens[first]!.start - sentence.start, tokens[last - 1]!.end - sentence.start), speaker: false, role: 'head' });

    // Descriptors: "the Afghan branch of ISIS", "ISIS branch", "the Islamic State's Afghanistan-based branch", "its offshoot ISIS-K".
    const descriptor = this.descriptor;
    descriptor.lastIndex = 0;
    for (let m = descriptor.exec(text); m; m = descriptor.exec(text)) {
      const nounIndex = tokenAt(sentence.start + m.index);
      if (nounIndex < 0) continue;
      const groups = slots.filter((s) => s.type === 'Group');
      // The parent: "of G" right after, or G (with "'s" and a few modifiers) right before.
      const after = groups.find((g) => g.first === nounIndex + 2 && tokens[nounIndex + 1]?.text.toLowerCase() === 'of');
      const before = groups.filter((g) => g.last <= nounIndex && nounIndex - g.last <= 4 && !tokens.slice(g.last, nounIndex).some((t) => /^(?:,|;|and|or|the|a|an|is|was|has|which|that)$/i.test(t.text))).at(-1);
      const possessive = /^(?:its|their)$/i.test(tokens[nounIndex - 1]?.text ?? '') ? lastParty([...memory.history, ...slots.filter((s) => s.first < nounIndex)], ['Group'], tokens[nounIndex]!.start) : undefined;
      const parentSlot = after ?? before ?? possessive;
      if (!parentSlot) continue;
      const parent = parentSlot.ref;
      // The child: named right after ("known as ISIS-K", "(ISPK)", "ISIS-K"), else the parent's branch this document names.
      const named = groups.find((g) => g.ref !== parent && g.first > nounIndex && g.first - (after ? after.last : nounIndex + 1) <= 4);
      const isBranch = this.entries.get(parent)?.parent !== undefined;
      const child = named?.ref ?? this.childOf(parent, memory) ?? (isBranch && before ? parent : undefined);
      if (!child) continue;
      if (child !== parent) {
        branches.push({ child, parent, sentence: sentence.index });
        if (parentSlot !== possessive) parentSlot.role = 'modifier';
      }
      slots.push(slotFor(child, nounIndex, nounIndex + 1));
    }

    // Anaphora: "the group", "this group", "the same branch" name the group last spoken of.
    const lower = lowerWords(tokens);
    for (let k = 0; k < tokens.length; k++) {
      if (!ANAPHOR_OPENERS.has(lower[k]!)) continue;
      const rest = text.slice(tokens[k]!.start - sentence.start);
      const group = ANAPHOR.exec(rest);
      const country = COUNTRY_ANAPHOR.exec(rest);
      const match = group ?? country;
      if (!match) continue;
      // "the terrorist militia Islamic State" names its group right away: an apposition, not an anaphor.
      const following = text.slice(tokens[k]!.start - sentence.start + match[0].length);
      if (/^\s*(?:\(|\p{Lu})/u.test(following)) continue;
      const last = tokenAt(tokens[k]!.start + match[0].length);
      const end = last < 0 ? tokens.length : last;
      if (slots.some((s) => s.first < end && s.last > k)) continue;
      const antecedent = [...slots.filter((s) => s.last <= k && s.type === (group ? 'Group' : 'Country') && s.role === 'head').reverse(), lastSubject(memory.history, [group ? 'Group' : 'Country'], tokens[k]!.start)].find(Boolean);
      if (antecedent) slots.push({ ...antecedent, sentence: sentence.index, first: k, last: end, start: tokens[k]!.start, end: tokens[end - 1]!.end, text: match[0], role: 'head', speaker: false });
    }

    for (const slot of slots) {
      const before = text.slice(0, slot.start - sentence.start);
      const after = text.slice(slot.end - sentence.start);
      // "according to X" always names a source; "said X" does only where the clause ends with X ("..., said
      // Kirby."), not where X begins the reported clause ("officials said Boko Haram was behind ...").
      // "Diplomats told AFP that ...": whom a speaker tells is a listener, never a party to what is told.
      const source = /according to\s+(?:the\s+)?$|(?:as stated|as noted|as reported|cited|quoted) by\s+(?:the\s+)?$/i.test(before) || (/\b(?:told|tells|telling)\s+(?:the\s+)?$/i.test(before) && /^\s*(?:that\b|,|\.|on\b|in\b)/i.test(after));
      const closesClause = /^\s*(?:[,.;:)"]|$|(?:on|in|at|after|during|to|last|this|on)\b)/i.test(after);
      // "Al Shabaab, which is allied with al Qaeda, said ...": the clause's last name is not who spoke.
      const inRelative = /,\s*(?:which|who)\b[^,]*$/i.test(before);
      if (source || (SPEECH_BEFORE.test(before) && closesClause) || (SPEECH_AFTER.test(after) && slot.type !== 'Attack' && !inRelative)) slot.speaker = true;
    }
    // "according to A and B", "A and B said": the speakers' partners speak too.
    slots.sort((a, b) => a.first - b.first || a.last - b.last);
    for (let k = 1; k < slots.length; k++) {
      // The joining words are one or two tokens: longer gaps are not joined in a string to be tested.
      const words = slots[k]!.first - slots[k - 1]!.last;
      if (words < 1 || words > 2) continue;
      const gap = lower.slice(slots[k - 1]!.last, slots[k]!.first).join(' ');
      if (/^(?:,|and|, and|or)$/.test(gap) && (slots[k - 1]!.speaker || slots[k]!.speaker)) slots[k - 1]!.speaker = slots[k]!.speaker = true;
    }
    return { slots, branches };
  }
}
