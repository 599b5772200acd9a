// Arrests the cue list misses because the arrested are not the verb's object: a counted noun with the names
// set off after it ("police detained two suspects, A and B") and the passive with no agent ("X was taken
// into custody"). Whoever made the arrest is the named agent, else the state the arrest happened in.
import type { Sentence } from '../nlp/index.js';
import type { Slot } from './types.js';

export interface ArrestHit {
  relation: 'ARRESTED';
  source: Slot;
  target: Slot;
  confidence: number;
  rule: string;
}

export interface ArrestScope {
  sentence: Sentence;
  slots: Slot[];
  /** The country a place lies in, when the gazetteer knows it. */
  countryOf: (ref: string) => string | undefined;
  /** The country the text last named, for arrests told with no place. */
  recentCountry: () => Slot | undefined;
  /** What the document's sentences so far left open: an arrest whose arrested it has not named yet. */
  memory: ArrestMemory;
}

export interface ArrestMemory {
  unnamed?: { sentence: number; agent: Slot } | undefined;
}

// The arrested told by a noun phrase, then named: "two suspects, A and B", "a suspected BLA commander, A",
// "three men, including the hotel's night manager, A", "a man, a local trader named as A".
const ACTIVE = /\b(arrested|detained|apprehended|captured|took|have taken|has taken)\s+(?:into custody\s+)?(?:(?:at least|another|a further)\s+)?(?:[\w'’-]+\s+){0,6}?[\w'’-]+(?:\s+into custody)?\s*[,:(]\s*(?:including\s+(?:(?:a|an|the|its|their)\s+[^,;.()]{0,40}?,\s*)?)?/gi;
// "..., A said": a name set off after the object may be who speaks.
const SPOKE = /^\s*,?\s*(?:said|says|told|added|stated)\b/i;
const PASSIVE = /\b(?:was|were|has been|have been|had been|is|are)\s+(?:(?!not\b|never\b)\w+\s+)?(?:arrested|detained|apprehended|taken into custody|placed in custody|held in custody|in custody)\b/gi;
const CONDITION = /\b(?:if|whether|unless|should)\b[^,;:]*$/i;
const AGENT_TYPES = new Set(['Country', 'Organization']);
const ARRESTED_TYPES = new Set(['Person', 'Group']);
const TITLE_GAP = /^(?:\s+(?:\p{Lu}[\p{L}.]*|leader|commander|chief|spokes(?:man|woman|person)|member|official|head|general|minister|deputy|senior|top|former))*\s*$/u;
const CLAUSE = /[;.]|\b(?:after|before|because|while|who|which|for|on suspicion)\b/i;
// "arrested a fourth man, a Dutch national named as A": the description set off after the counted noun ends
// on the name it gives.
const NAMED_AS = /^(?:a|an|the)\s[^,;()]{0,40}?\b(?:named|identified)(?:\s+as)?\s*$/i;
// "troops arrested a man near X" with no name: the arrested are told, not named, and the next sentences may name them.
const UNNAMED = /\b(?:arrested|detained|apprehended|captured)\s+(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+)(?:[\w-]+\s+){0,2}?(?:man|men|woman|women|people|suspects?|persons?|others)\b/i;
// "He named one of them as X.", "It identified him as X": a later sentence names one of the arrested.
const NAMED_LATER = /\b(?:named|identified)\s+(?:him|her|them|(?:one|two|three|each|all|both)\s+of\s+them|the\s+(?:man|woman|suspect|detainee|men|suspects|detainees))\s+as\s*$/i;

/** Whether only a comma or "and" stands between two slots. */
const joined = (sentence: Sentence, a: Slot, b: Slot) => /^\s*(?:,|and|, and)\s*$/.test(sentence.text.slice(a.end - sentence.start, b.start - sentence.start));

/** `first` and the slots of its type listed after it ("A, B and C"), up to offset `to`. */
function coordinated(sentence: Sentence, slots: Slot[], first: Slot, to: number): Slot[] {
  const list = [first];
  for (let next = slots.find((s) => s.start >= first.end); next && next.end <= to && next.type === first.type && joined(sentence, list.at(-1)!, next); next = slots.find((s) => s.start >= next!.end)) list.push(next);
  return list;
}

export class ArrestReader {
  read(scope: ArrestScope): ArrestHit[] {
    const { sentence } = scope;
    const slots = scope.slots.filter((s) => s.role === 'head' && !s.speaker).sort((a, b) => a.first - b.first);
    const at = (offset: number) => sentence.start + offset;
    const hits: ArrestHit[] = [];
    const add = (targets: Slot[], start: number, rule: string, agentAfter: number | undefined) => {
      // "If X is detained, ...": a condition asserts no arrest.
      if (CONDITION.test(sentence.text.slice(0, start - sentence.start))) return;
      const source = this.agent(scope, slots, start, agentAfter);
      if (!source) return;
      for (const target of targets) hits.push({ relation: 'ARRESTED', source, target, confidence: 0.75, rule });
    };
    ACTIVE.lastIndex = 0;
    for (let m = ACTIVE.exec(sentence.text); m; m = ACTIVE.exec(sentence.text)) {
      // The names set off after the counted noun, up to where the clause goes on to something else.
      const from = at(m.index + m[0].length);
      const rest = sentence.text.slice(m.index + m[0].length);
      const stop = CLAUSE.exec(rest);
      const to = stop ? from + stop.index : sentence.end;
      const first = slots.find((s) => s.start >= from && s.end <= to);
      const spoke = (slot: Slot) => SPOKE.test(sentence.text.slice(slot.end - sentence.start));
      // "arrested Hamadoun Diallo, a JNIM commander": once the object is named, what follows describes it.
      const object = at(m.index + m[1]!.length + 1);
      const named = slots.some((s) => s.type === 'Person' && s.start >= object && s.start - object <= 1 && s.end < from);
      const described = first !== undefined && /^(?:a|an|the)\s/i.test(sentence.text.slice(from - sentence.start, first.start - sentence.start));
      if (first && first.start - from <= 4 && ARRESTED_TYPES.has(first.type) && !spoke(first) && !named && !described) add(coordinated(sentence, slots, first, to), at(m.index), 'arrest:named-after', undefined);
      const namedAs = described && !named ? slots.find((s) => s.type === 'Person' && s.start >= from && s.end <= to && NAMED_AS.test(sentence.text.slice(from - sentence.start, s.start - sentence.start))) : undefined;
      if (namedAs) add([namedAs], at(m.index), 'arrest:named-as', undefined);
    }
    // "Police arrested two men. He named one of them as X.": the arrest of the sentence before names its arrested here.
    const open = scope.memory.unnamed;
    if (open && sentence.index - open.sentence <= 2) {
      const named = slots.find((s) => s.type === 'Person' && NAMED_LATER.test(sentence.text.slice(0, s.start - sentence.start)));
      if (named) hits.push({ relation: 'ARRESTED', source: open.agent, target: named, confidence: 0.7, rule: 'arrest:named-later' });
    }
    const unnamed = UNNAMED.exec(sentence.text);
    if (unnamed && !hits.length && !CONDITION.test(sentence.text.slice(0, unnamed.index))) {
      const agent = this.agent(scope, slots, at(unnamed.index), undefined);
      scope.memory.unnamed = agent ? { sentence: sentence.index, agent } : undefined;
    }
    PASSIVE.lastIndex = 0;
    for (let m = PASSIVE.exec(sentence.text); m; m = PASSIVE.exec(sentence.text)) {
      // "X and Y were detained": the subject right before the verb, with those coordinated with it.
      const verb = at(m.index);
      const before = slots.filter((s) => s.end <= verb);
      const subject = before.at(-1);
      if (!subject || !ARRESTED_TYPES.has(subject.type) || !/^\s*(?:,\s*\d{1,3}\s*,\s*)?$/.test(sentence.text.slice(subject.end - sentence.start, m.index))) continue;
      const targets = [subject];
      for (let k = before.length - 2; k >= 0 && joined(sentence, before[k]!, targets[0]!) && before[k]!.type === subject.type; k--) targets.unshift(before[k]!);
      add(targets, targets[0]!.start, 'arrest:passive', at(m.index + m[0].length));
    }
    return hits;
  }

  /** "by Interpol" after a passive, a state or body before the verb, else the country of the sentence's place. */
  private agent(scope: ArrestScope, slots: Slot[], verb: number, after: number | undefined): Slot | undefined {
    const text = scope.sentence.text;
    if (after !== undefined) {
      const by = /^\s+by\s+(?:the\s+)?/i.exec(text.slice(after - scope.sentence.start));
      const agent = by && slots.find((s) => AGENT_TYPES.has(s.type) && s.start === after + by[0].length);
      if (agent) return agent;
    }
    // "GNB Brigade General X was detained", "Hamas commander X was arrested": a body in the title of the arrested,
    // who stand right after it, is theirs, not the arrester.
    const titleOf = (s: Slot) => after !== undefined && TITLE_GAP.test(text.slice(s.end - scope.sentence.start, verb - scope.sentence.start));
    const named = slots.filter((s) => AGENT_TYPES.has(s.type) && s.end <= verb && !titleOf(s)).at(-1);
    if (named) return named;
    // "X was arrested in Egypt".
    const country = slots.find((s) => s.type === 'Country' && s.start >= verb && /\bin\s+(?:the\s+)?$/i.test(text.slice(0, s.start - scope.sentence.start)));
    if (country) return country;
    for (const place of slots.filter((s) => s.type === 'Location')) {
      const country = scope.countryOf(place.ref);
      if (country) return { ...place, ref: country, type: 'Country' };
    }
    return scope.recentCountry();
  }
}
