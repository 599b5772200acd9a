// Reads relations from cue patterns (data/ontology.json): each cue says how to find its two ends around it
// (the subject before, the object after, the agent after "by" in the passive, ...). Coordinated ends
// ("Germany and the Netherlands arrested") each get the relation.
import { allows, type CueSpec, type EntityType, type Ontology, type SlotStrategy } from '../model/ontology.js';
import { lowerWords, NEIGHBOURING_WORD, RequiredWordIndex, requiredWords, type Sentence } from '../nlp/index.js';
import { headOf, parseOf } from './sentence-parse.js';
import type { Slot } from './types.js';

export interface CueHit {
  relation: string;
  source: Slot;
  target: Slot;
  confidence: number;
  rule: string;
}

export interface SentenceScope {
  sentence: Sentence;
  slots: Slot[];
  /** The last eligible slot before this sentence, for "it claimed" and "denied involvement"; speakers too if asked. */
  recent: (types: EntityType[], speakers?: boolean) => Slot | undefined;
}

interface CompiledCue {
  spec: CueSpec;
  re: RegExp;
  notBefore: RegExp | undefined;
}

const DIRECT_GAP = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'both', 'also', 'then', 'already', 'even', 'reportedly', 'allegedly', 'previously', 'recently', 'had', 'has', 'have', 'been', 'all', 'any', 'publicly']);
// "claimed Friday's car bombing", "last week's attack": a day owning the object leaves it the direct object.
const WHEN_OWNED = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|week|weekend|night|'s|’s|')$/i;
// What stands between a relative clause's antecedent and the clause's subject: "the X (XG), which", "an attack the".
const RELATIVE_GAP = /^(?:(?:\) )?(?:, )?(?:which|that|whom))?$/;
const DEMONSTRATIVE = /^(?:this|that|these|those)$/i;
const RELATIVE_PRONOUN = /^(?:which|that)$/;
// Between a relative pronoun and the verb of its clause: "which were also claimed by", "that had later been".
const CLAUSE_AUX = /^(?:was|were|is|are|been|be|has|have|had|also|later|then|itself|subsequently|since|reportedly)$/;
const PREPOSITION = /^(?:in|of|during|after|for|on|at|by|from|with)$/;
const COORDINATION = /^(?:,|and|or|, and|, or|both|as well as|and the|, the|and also)$/;
const CONJUNCTION = /^(?:and|or|nor)$/i;
// "blamed X, a banned movement, and its armed wing, the Y", "X and its ally, the Y": a conjunct after an aside on
// the one before it, or named in an apposition to a noun that ties it to the one before.
const DESCRIBED_CONJUNCT = /^(?:(?:\( [^()]{1,30} )?\) )?(?:, (?:a|an|the) [^,;:]{1,60} , )?(?:and|or)(?: (?:its|their) [\w-]+(?: [\w-]+){0,2} ,)?(?: the)?$/;
// "blamed a second group, the X": an object told by its kind, then named.
const KIND_THEN_NAME = /^(?:a|an|the|another)(?: [\w-]+){0,2} (?:group|faction|militia|movement|organi[sz]ation|outfit|network|cell) ,(?: the)?$/;
// How far after a cue the last of a list of its objects may stand ("accused A, B, C and D of").
const CONJUNCT_REACH = 24;
const HEDGES = /\b(?:reportedly|allegedly|charged with|accused of|suspected|suspect|speculated|attributed|possibly|likely|may have|might have|believed to|appears? to|appeared to|seem(?:s|ed)? to|is said to|claimed to)\b/i;
const NEGATED = /\b(?:not|never|no|denied|denies|deny|denying|rejected|rejects)\b(?:\s+[\w']+){0,3}\s*$|n't(?:\s+[\w']+){0,2}\s*$/i;
// "if it turned out that they were involved", "doubtful the group would claim it": a cue in a condition or a
// supposition asserts nothing (a threat or a warning is about what may happen, and stays).
// A hedge ("may have been involved") is still a report, with less confidence (see HEDGES).
const HYPOTHETICAL = /\b(?:if|whether|unless|doubtful|unlikely)\b[^,;:]*$|\b(?:would|could)\s+(?:(?:not|never|also|ever|be)\s+)?$/i;
const SUPPOSABLE = new Set(['THREATENED', 'WARNED']);
const DESCRIBED_BY = /(?:linked|affiliated|tied|loyal|connected|close|allied|aligned) (?:to|with)$|inspired by$/;
const NAMED_AS = /(?:known as|called|dubbed|named|also)$/;
const MAX_BEFORE = 22;
const OWN_SUBJECT = /^(?:the|a|an|those|these|some|several|many|others|people|men|suspects|\d+|two|three|four|five)$/;
const SELF_SPEECH = /^(?:said|says|stated|announced|declared|claimed|claims)\b.*\b(?:it|they)\b|^(?:told|tells)\b/;
// "X said in a statement that its fighters had carried out the ambush", "a spokesman for X told Reuters the group was
// behind it": a group telling what it did itself claims it, also after an aside that describes it ("X, the
// group that has fought the government for 15 years, said ...").
const SELF_REPORT = /^(?:\s*\([^()]{1,40}\))?(?:[^;:".]{0,120}?,)?\s+(?:has\s+|have\s+|had\s+)?(?:said|says|announced|stated|declared|told)\b[^;:"]*?\b(?:that\s+)?(?:it|they|the\s+(?:group|movement|organi[sz]ation)|(?:its|their)\s+(?:own\s+)?["“']?(?:fighters|members|men|militants|mujahideen|soldiers|forces|units?|cells?)["”']?)\s+(?:had\s+|has\s+|have\s+)?$/i;
const MAX_AFTER = 16;
// How far after its verb the parse may find an object: "accused both the militants and the VDP".
const MAX_OBJECT_GAP = 8;
// "US-backed militias", "Saudi-led forces": a name joined to a participle modifies the noun after it and is no
// party to the verb (only the "-based" cue reads it, as where a group is based).
const HYPHEN_MODIFIER = /^(?:backed|led|funded|sponsored|supported|trained|armed|allied|aligned|linked|run|controlled|owned|born|inspired)$/i;
// "arrested an ISKP commander, Farid Ahmadzai": the person named after the noun is the object, not the group before it.
// "arrested two Islamic State members", "detained dozens of ISIS militants": a count of a group's members.
const COUNT = /^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|dozens|scores|hundreds|more|of|suspected|alleged)$/i;
const MEMBERS = /^(?:members?|militants?|fighters?|suspects?|operatives?|supporters?|jihadists?|loyalists?|commanders?|cells?)$/i;
const NAMED_OBJECT = /^(?:\p{Ll}[\p{Ll}-]*\s+){1,3}$/u;
const PARTICIPLE = /^\p{Ll}+ing$/u;
// Words between the accused and "of": "X was accused of", "X has long been suspected of".
const ACCUSED_GAP = 4;
const SPEECH_ACTS = new Set(['ACCUSED', 'WARNED', 'DENIED', 'THREATENED']);
const PASSIVE_AUX = /^(?:been|being|was|were|is|are|be)$/i;
// "he accused", "she has also warned": a personal pronoun subject, with at most one word between it and the cue.
const PERSONAL = /^(?:he|she)(?: (?:has|had|also|later|then|again))?$/;

/** Token ranges [comma, end) of ", which ...," and ", who ...," clauses. */
function relativeClauses(sentence: Sentence): Array<{ first: number; last: number }> {
  const tokens = sentence.tokens;
  const clauses: Array<{ first: number; last: number }> = [];
  tokens.forEach((t, k) => {
    if (t.text !== ',' || !/^(?:which|who)$/i.test(tokens[k + 1]?.text ?? '')) return;
    const end = tokens.findIndex((u, j) => j > k + 1 && (u.text === ',' || u.text === ';'));
    clauses.push({ first: k, last: end < 0 ? tokens.length : end });
  });
  return clauses;
}

export class RelationReader {
  private readonly cues: CompiledCue[];
  private readonly cueWords: RequiredWordIndex;

  constructor(private readonly ontology: Ontology) {
    this.cues = ontology.cues.map((spec) => {
      const re = new RegExp(`${/^\w/.test(spec.pattern) ? '\\b' : ''}(?:${spec.pattern})\\b`, 'gi');
      return { spec, re, notBefore: spec.notBefore ? new RegExp(spec.notBefore, 'i') : undefined };
    });
    this.cueWords = new RequiredWordIndex(this.cues.map((cue) => requiredWords(cue.re)));
  }

  read(scope: SentenceScope): CueHit[] {
    const { sentence } = scope;
    const hits: CueHit[] = [];
    const slots = scope.slots.filter((s) => s.role === 'head' && !s.speaker).sort((a, b) => a.first - b.first || b.last - a.last);
    const hedged = HEDGES.test(sentence.text);
    const relatives = relativeClauses(sentence);
    // Most sentences hold few cues: a cue whose words are not in the sentence is not scanned for.
    const may = this.cueWords.candidates(sentence.text);
    for (let c = 0; c < this.cues.length; c++) {
      if (!may[c]) continue;
      const cue = this.cues[c]!;
      const spec = this.ontology.relationTypes[cue.spec.relation];
      if (!spec) continue;
      cue.re.lastIndex = 0;
      for (let m = cue.re.exec(sentence.text); m; m = cue.re.exec(sentence.text)) {
        if (cue.notBefore?.test(sentence.text.slice(0, m.index))) continue;
        // "Hezbollah denied it was behind", "no group has claimed", "did not carry out": a cue that is denied
        // or negated states the opposite (DENIED is itself the denial).
        if (cue.spec.relation !== 'DENIED' && NEGATED.test(sentence.text.slice(0, m.index))) continue;
        if (!SUPPOSABLE.has(cue.spec.relation) && HYPOTHETICAL.test(sentence.text.slice(0, m.index))) continue;
        const cueFirst = sentence.tokens.findIndex((t) => t.end > sentence.start + m!.index);
        const cueLast = sentence.tokens.findIndex((t) => t.start >= sentence.start + m!.index + m![0].length);
        const span = { first: cueFirst, last: cueLast < 0 ? sentence.tokens.length : cueLast };
        // Inside ", which is allied with Y," the clause's head is the subject and its end the limit; outside,
        // a clause closed before the cue is skipped ("X, which Y backs, said it carried out ...").
        const within = relatives.find((r) => r.first < span.first && span.first < r.last);
        const usable = slots.filter((s) => (s.last <= span.first || s.first >= span.last) && (cue.spec.pattern.startsWith('-') || !this.hyphenModifier(sentence, s)) && (within ? s.last <= within.first || (s.first > within.first && s.last <= within.last) : !relatives.some((r) => r.first < s.first && s.last <= r.last && r.last <= span.first)));
        // "X rejected the charge and accused the army of ...": a group accuses only as the parse's subject of the
        // accusing verb; any other group before the cue is no candidate, so it cannot take the accuser's place.
        const isSubject = cue.spec.relation === 'ACCUSED' && usable.some((s) => s.type === 'Group') ? this.subjectOfVerb(scope, span) : undefined;
        const accusers = isSubject ? usable.filter((s) => s.type !== 'Group' || isSubject(s)) : usable;
        const sources = this.find(cue.spec.source, spec.sources, accusers, span, scope, undefined, cue.spec.relation);
        const targets = this.find(cue.spec.target, spec.targets, usable, span, scope, sources, cue.spec.relation);
        for (const source of sources) {
          for (const target of targets) {
            if (source.ref === target.ref || !allows(this.ontology, cue.spec.relation, source.type, target.type)) continue;
            hits.push({ relation: cue.spec.relation, source, target, confidence: Math.round(cue.spec.confidence * (hedged ? 0.85 : 1) * 100) / 100, rule: `cue:${cue.spec.pattern}` });
            const selfReport = cue.spec.relation === 'CARRIED_OUT' && source.type === 'Group' && source.last <= span.first && SELF_REPORT.test(this.textBetween(scope, source, span.first));
            if (selfReport && !hedged) hits.push({ relation: 'CLAIMED', source, target, confidence: 0.8, rule: 'cue:self-report' });
          }
        }
      }
    }
    return hits;
  }

  private hyphenModifier(sentence: Sentence, slot: Slot): boolean {
    const tokens = sentence.tokens;
    const dash = tokens[slot.last];
    return dash !== undefined && dash.text === '-' && !dash.spaceBefore && HYPHEN_MODIFIER.test(tokens[slot.last + 1]?.text ?? '');
  }

  /**
   * Whether a direct object slot is only part of the object: the owner of what was taken ("captured IS' last
   * territory"), or the body of a person named after the noun ("arrested an ISKP commander, Farid Ahmadzai").
   */
  private partOfObject(scope: SentenceScope, slot: Slot, slots: Slot[]): boolean {
    const tokens = scope.sentence.tokens;
    if (/^['’]s?$/.test(tokens[slot.last]?.text ?? '') && !slots.some((s) => s.first === slot.last + 1)) return true;
    const comma = tokens.findIndex((t, k) => k > slot.last && t.text === ',');
    if (comma < 0 || !NAMED_OBJECT.test(`${this.gapText(scope, slot.last, comma)} `)) return false;
    return slots.some((s) => s.type === 'Person' && s.first === comma + 1);
  }

  /** The sentence's text from the end of `slot` to the start of token `token`. */
  private textBetween(scope: SentenceScope, slot: Slot, token: number): string {
    const { sentence } = scope;
    return sentence.text.slice(slot.end - sentence.start, (sentence.tokens[token]?.start ?? sentence.end) - sentence.start);
  }

  private gapText(scope: SentenceScope, from: number, to: number): string {
    return lowerWords(scope.sentence.tokens).slice(from, to).join(' ');
  }

  /** The slot and those coordinated with it, in the direction of reading away from the cue. */
  private coordinated(slot: Slot, eligible: Slot[], scope: SentenceScope, direction: 1 | -1): Slot[] {
    const group = [slot];
    let edge = slot;
    for (;;) {
      const next = direction === 1 ? eligible.find((s) => s.first >= edge.last && s.type === slot.type) : [...eligible].reverse().find((s) => s.last <= edge.first && s.type === slot.type);
      if (!next) break;
      // "the X (XF), a banned movement, and ...": the name's own short form goes on with it.
      if (direction === 1 && next.ref === edge.ref && this.gapText(scope, edge.last, next.first) === '(') {
        edge = next;
        continue;
      }
      const gap = direction === 1 ? this.gapText(scope, edge.last, next.first) : this.gapText(scope, next.last, edge.first);
      const both = direction === -1 && /^both$/.test(this.gapText(scope, next.first - 1, next.first));
      if (!COORDINATION.test(gap) && !(gap === '' && both) && !(direction === 1 && DESCRIBED_CONJUNCT.test(gap))) break;
      group.push(next);
      edge = next;
    }
    return group;
  }

  private clauseBreak(scope: SentenceScope, from: number, to: number): boolean {
    return scope.sentence.tokens.slice(from, to).some((t) => t.text === ';' || t.text === ':');
  }

  /**
   * "Zarei accused the United States of piracy and threatened Britain": a verb coordinated with an earlier one
   * has that one's subject, not the last name before it; so has a participle after a comma ("Congo expelled the
   * envoy on Tuesday, accusing Kigali of ..."), up through the infinitives between ("ordered the envoy to leave,
   * accusing ..."). Read off the parse, which only such sentences need. The subject may be a speaker ("X said ...
   * and accused Y").
   */
  private sharedSubject(scope: SentenceScope, span: { first: number; last: number }, eligible: Slot[], relation: string): Slot[] | undefined {
    const tokens = scope.sentence.tokens;
    const joint = tokens[span.first - 1]?.text.toLowerCase();
    if (joint !== 'and' && !(joint === ',' && PARTICIPLE.test(tokens[span.first]!.text))) return undefined;
    const parse = parseOf(scope.sentence);
    const subjectOf = (verb: number) => tokens.findIndex((_, k) => parse.head[k] === verb && parse.deprel(k) === 'nsubj');
    if (!['conj', 'advcl'].includes(parse.deprel(span.first)) || subjectOf(span.first) >= 0) return undefined;
    let verb = parse.head[span.first]!;
    // "X said the convoy had been hit by Y and accused Z": an act of speech joined to a passive in what a speaker
    // reports is the speaker's (what was hit accuses no one).
    const passive = (v: number) => !PARTICIPLE.test(tokens[v]!.text) && tokens.some((t, k) => parse.head[k] === v && parse.deprel(k) === 'aux' && PASSIVE_AUX.test(t.text));
    if (SPEECH_ACTS.has(relation) && verb >= 0 && parse.deprel(span.first) === 'conj' && parse.deprel(verb) === 'ccomp' && passive(verb)) verb = parse.head[verb]!;
    for (let steps = 0; verb >= 0 && subjectOf(verb) < 0 && steps < 3 && ['xcomp', 'conj', 'advcl'].includes(parse.deprel(verb)); steps++) verb = parse.head[verb]!;
    const subject = verb < 0 ? -1 : subjectOf(verb);
    if (subject < 0 || subject >= span.first) return undefined;
    // The subject's slot, or one its name parts make up ("Foreign Minister Hamid Zarei").
    const slot = eligible.find((s) => s.first <= subject && subject < s.last) ?? eligible.find((s) => s.last <= span.first && parse.head[s.first] === subject && ['flat', 'appos', 'compound'].includes(parse.deprel(s.first)));
    return slot ? [slot] : undefined;
  }

  /**
   * Which slots are the parse's subject of the cue's verb, or of the verb it is joined to ("X said the drone was
   * sent by Y and accused Z", see sharedSubject), themselves or as the name set beside the subject ("another armed
   * group, the X, accused ...", which the parser may hang on the noun as a bare modifier). The subject is found once
   * per cue; the test is then asked of each slot.
   */
  private subjectOfVerb(scope: SentenceScope, span: { first: number; last: number }): (slot: Slot) => boolean {
    const shared = this.sharedSubject(scope, span, scope.slots.filter((s) => s.role === 'head'), 'ACCUSED');
    if (shared) return (slot) => shared.includes(slot);
    const tokens = scope.sentence.tokens;
    const parse = parseOf(scope.sentence);
    const subjectOf = (v: number) => tokens.findIndex((_, k) => parse.head[k] === v && parse.deprel(k) === 'nsubj');
    let verb = span.first;
    for (let steps = 0; verb >= 0 && subjectOf(verb) < 0 && steps < 3 && ['xcomp', 'conj', 'advcl'].includes(parse.deprel(verb)); steps++) verb = parse.head[verb]!;
    const subject = verb < 0 ? -1 : subjectOf(verb);
    if (subject < 0) return () => false;
    const bare = (k: number) => !tokens.some((_, c) => parse.head[c] === k && parse.deprel(c) === 'case');
    return (slot) => {
      const head = headOf(parse.head, slot.first, slot.last);
      // A group modifying the subject's noun ("Afghanistan's Taliban government") is not the subject.
      return head === subject || (parse.head[head] === subject && (['flat', 'appos'].includes(parse.deprel(head)) || (parse.deprel(head) === 'nmod' && bare(head))));
    };
  }

  /**
   * "the bombings at X, in which 30 died and which were also claimed by Y", "the raid, which was carried out by Z": a
   * cue opening a relative clause has the clause's antecedent before it, however long the clause it is coordinated
   * with: the name that ends right before the comma (and a preposition) opening the first of them.
   */
  private relativeAntecedent(scope: SentenceScope, span: { first: number; last: number }, eligible: Slot[]): Slot | undefined {
    const words = lowerWords(scope.sentence.tokens);
    let k = span.first - 1;
    while (k > span.first - 4 && CLAUSE_AUX.test(words[k] ?? '')) k--;
    if (!RELATIVE_PRONOUN.test(words[k] ?? '')) return undefined;
    // "..., in which ... and which ...": the first relative pronoun of the coordinated clauses.
    if (CONJUNCTION.test(words[k - 1] ?? '')) {
      const earlier = words.findLastIndex((w, j) => j < k - 1 && RELATIVE_PRONOUN.test(w) && (words[j - 1] === ',' || (PREPOSITION.test(words[j - 1] ?? '') && words[j - 2] === ',')));
      if (earlier < 0) return undefined;
      k = earlier;
    }
    const open = words[k - 1] === ',' ? k - 1 : PREPOSITION.test(words[k - 1] ?? '') && words[k - 2] === ',' ? k - 2 : k;
    return eligible.find((s) => s.last === open || (s.last === open - 1 && words[s.last] === ')'));
  }

  /** The name within a few words before "of" that opens a gerund cue ("accused X of carrying out"). */
  private accusedOf(scope: SentenceScope, span: { first: number; last: number }, slots: Slot[]): Slot | undefined {
    const tokens = scope.sentence.tokens;
    if (!/^of$/i.test(tokens[span.first - 1]?.text ?? '') || !PARTICIPLE.test(tokens[span.first]!.text)) return undefined;
    const named = slots.filter((s) => s.last <= span.first - 1).at(-1);
    return named && span.first - 1 - named.last <= ACCUSED_GAP ? named : undefined;
  }

  /**
   * "accused both the militants and the VDP of ...": the cue verb's coordinated objects by the parse, which the
   * direct reading cannot take past a conjunct that names no entity. An object of one phrase is left to the direct
   * reading, which keeps to the words it knows may come before it ("blamed the leftist X" is left unread).
   */
  private coordinatedObjects(scope: SentenceScope, span: { first: number; last: number }, eligible: Slot[]): Slot[] {
    const tokens = scope.sentence.tokens;
    // Only a conjunction before a name that could be an object can join objects: without one the sentence
    // need not be parsed.
    const lastName = Math.max(-1, ...eligible.filter((s) => s.first >= span.last && s.first - span.last <= CONJUNCT_REACH).map((s) => s.first));
    if (!tokens.slice(span.last, lastName).some((t) => CONJUNCTION.test(t.text))) return [];
    const parse = parseOf(scope.sentence);
    const slotAt = (k: number) => eligible.find((s) => s.first <= k && k < s.last);
    const found: Slot[] = [];
    for (let o = span.first + 1; o < tokens.length; o++) {
      if (parse.head[o] !== span.first || parse.deprel(o) !== 'obj') continue;
      const conjuncts = tokens.map((_, k) => k).filter((k) => parse.head[k] === o && parse.deprel(k) === 'conj');
      if (conjuncts.length === 0) continue;
      for (const slot of [o, ...conjuncts].map(slotAt)) if (slot && !found.includes(slot)) found.push(slot);
    }
    return found;
  }

  /**
   * "ISKP, the regional branch of the Islamic State, claimed the bombing", "JNIM, al-Qaeda's affiliate in the
   * Sahel, said ...": a name inside an aside set off by commas right before the cue describes the subject named
   * before the aside, which is the cue's subject.
   */
  private beforeAside(scope: SentenceScope, slot: Slot, eligible: Slot[], span: { first: number; last: number }): Slot | undefined {
    const tokens = scope.sentence.tokens;
    const close = tokens.findIndex((t, k) => k >= slot.last && k < span.first && t.text === ',');
    if (close < 0 || tokens.slice(close + 1, span.first).some((t) => t.text === ',')) return undefined;
    let open = slot.first - 1;
    while (open >= 0 && tokens[open]!.text !== ',') open--;
    if (open < 1 || close - open > 12) return undefined;
    const lead = tokens[open + 1]!.text.toLowerCase();
    // "The Border Service, part of the State Committee for National Security, accused ...", "X, one of the ...".
    const opensAside = /^(?:the|a|an|part|one|itself)$/.test(lead) || (open + 1 === slot.first && /^['’]s?$/.test(tokens[slot.last]?.text ?? ''));
    // "Islamic State Khorasan Province (ISKP), the regional branch ...": the acronym in brackets is the name's.
    const subject = eligible.find((s) => s.last === open || (s.last === open - 1 && tokens[open - 1]!.text === ')'));
    return opensAside ? subject : undefined;
  }

  private find(strategy: SlotStrategy, types: EntityType[], slots: Slot[], span: { first: number; last: number }, scope: SentenceScope, sources: Slot[] | undefined, relation: string): Slot[] {
    const eligible = slots.filter((s) => types.includes(s.type));
    const before = () => {
      // "Al-Shabaab said it was behind the attack", "the group said they were behind", "Britain told its citizens not
      // to travel to X": a cue that is itself the speech has the speaker right before it for subject.
      if (SELF_SPEECH.test(this.gapText(scope, span.first, span.last))) {
        const speakers = scope.slots.filter((s) => s.speaker && s.role === 'head' && types.includes(s.type)).sort((a, b) => a.first - b.first);
        const speaker = speakers.findLast((s) => s.last <= span.first && span.first - s.last <= 1);
        if (speaker) return this.coordinated(speaker, speakers, scope, -1);
      }
      // "JNIM said in a statement that its fighters had carried out the ambush": the group speaks of itself.
      const reporter = [...scope.slots].reverse().find((s) => s.speaker && s.role === 'head' && s.type === 'Group' && types.includes(s.type) && s.last <= span.first && SELF_REPORT.test(this.textBetween(scope, s, span.first)));
      if (reporter) return [reporter];
      // The shared subject, whatever its type: one that cannot be this relation's source leaves it with none
      // ("X said the drone was sent by the army and accused ..." is X's accusation, never the army's).
      const shared = this.sharedSubject(scope, span, scope.slots.filter((s) => s.role === 'head'), relation);
      if (shared) return types.includes(shared[0]!.type) ? shared : [];
      // "Kabul accused Pakistan of carrying out the strike", "X was suspected of carrying out": a gerund cue after
      // "of" is done by the name right before, the one accused or suspected, whatever its type (never the accuser).
      const accused = this.accusedOf(scope, span, slots);
      if (accused) return types.includes(accused.type) ? [accused] : [];
      // "a group linked to al Qaeda said it was behind": what a subject is linked to is not the subject.
      const twoBefore = (s: Slot) => this.gapText(scope, Math.max(0, s.first - 2), s.first);
      const described = (s: Slot) => DESCRIBED_BY.test(twoBefore(s));
      // "Okonjo announced a review and stated that the gunmen were involved in the raid": a clause after
      // "that" with a subject of its own lies between the name and the cue, so the name only speaks of it.
      const ownClause = (s: Slot) => {
        const gap = lowerWords(scope.sentence.tokens).slice(s.last, span.first);
        const that = gap.lastIndexOf('that');
        return that >= 0 && OWN_SUBJECT.test(gap[that + 1] ?? '');
      };
      const slot = [...eligible].reverse().find((s) => s.last <= span.first && span.first - s.last <= MAX_BEFORE && !this.clauseBreak(scope, s.last, span.first) && !described(s) && !ownClause(s));
      if (slot) return this.coordinated(this.beforeAside(scope, slot, eligible, span) ?? slot, eligible, scope, -1);
      // "Hersi said on Sunday that both groups were one enemy and accused al-Shabaab of ...": an act of speech joined
      // by "and" to a speaker's report, with no party before it to be its subject, is the speaker's (an attack so
      // joined is the reported subject's: "X said the gunmen entered and carried out the attack").
      if (SPEECH_ACTS.has(relation) && /^and$/i.test(scope.sentence.tokens[span.first - 1]?.text ?? '')) {
        const speaker = scope.slots.filter((s) => s.speaker && s.role === 'head' && types.includes(s.type) && s.last <= span.first).sort((a, b) => a.first - b.first).at(-1);
        if (speaker) return [speaker];
      }
      // "'...,' she said. He accused the government of ...": "he" or "she" opening an act of speech is the person
      // last named, in the sentence or before it, whether or not that person spoke.
      if (SPEECH_ACTS.has(relation) && types.includes('Person') && PERSONAL.test(this.gapText(scope, Math.max(0, span.first - 2), span.first))) {
        const named = scope.slots.filter((s) => s.type === 'Person' && s.role === 'head' && s.last <= span.first).sort((a, b) => a.first - b.first).at(-1) ?? scope.recent(['Person'], true);
        return named ? [named] : [];
      }
      // "it claimed", "they were behind": a pronoun subject stands for what the text last spoke of.
      const lead = this.gapText(scope, Math.max(0, span.first - 3), span.first);
      const pronoun = /\b(it|they)\b/.exec(lead)?.[1];
      if (!pronoun) return [];
      // "Al-Shabaab said it carried out the attack": the speaker right before is who "it" is; when whoever
      // spoke has no name ("a little-known group said it was behind"), "it" is no one the text named.
      const speaker = [...scope.slots].reverse().find((s) => s.speaker && types.includes(s.type) && s.last <= span.first && span.first - s.last <= 4);
      if (speaker) return [speaker];
      if (/\b(?:said|says|told|stated|added|announced)\s+(?:that\s+)?(?:it|they)$/.test(lead)) return [];
      // "It" is not a person. Within its sentence a pronoun points back to the subject ("Washington had
      // intelligence that ..., and that it had warned Moscow"); failing one, to what the text last spoke of.
      const kinds = pronoun === 'it' ? types.filter((t) => t !== 'Person') : types;
      const subject = eligible.find((s) => kinds.includes(s.type) && s.last <= span.first - 1 && !described(s) && !NAMED_AS.test(twoBefore(s)));
      const recent = subject ?? scope.recent(kinds);
      return recent ? [recent] : [];
    };
    const after = (from: number) => {
      const slot = eligible.find((s) => s.first >= from && s.first - from <= MAX_AFTER && !this.clauseBreak(scope, from, s.first));
      return slot ? this.coordinated(slot, eligible, scope, 1) : [];
    };
    const direct = () => {
      const slot = eligible.find((s) => s.first >= span.last) ?? undefined;
      const first = slots.find((s) => s.first >= span.last);
      const kindThenName = slot !== undefined && slot === first && KIND_THEN_NAME.test(this.gapText(scope, span.last, slot.first));
      if (!slot || slot !== first || (slot.first - span.last > 3 && !kindThenName)) return [];
      // What is arrested is a person or a group, never what one owns or the body a named person belongs to.
      if (relation === 'ARRESTED' && this.partOfObject(scope, slot, slots)) return [];
      const gap = scope.sentence.tokens.slice(span.last, slot.first);
      const counted = MEMBERS.test(scope.sentence.tokens[slot.last]?.text ?? '');
      // "claimed that bombing": a demonstrative right before the object points at it ("claimed that the X" is a clause).
      const pointed = gap.length === 1 && relation === 'CLAIMED' && DEMONSTRATIVE.test(gap[0]!.text);
      // "accused neighbouring Afghanistan of": a word placing a state beside another leaves it the object.
      if (!pointed && !kindThenName && !gap.every((t) => DIRECT_GAP.has(t.text.toLowerCase()) || WHEN_OWNED.test(t.text) || NEIGHBOURING_WORD.test(t.text) || (counted && COUNT.test(t.text)))) return [];
      // "accused Iran's Revolutionary Guards of ...": the body a state owns is accused with it.
      const owned = relation === 'ACCUSED' && /^['’]s$/.test(scope.sentence.tokens[slot.last]?.text ?? '') ? eligible.find((s) => s.first === slot.last + 1) : undefined;
      return owned ? [slot, ...this.coordinated(owned, eligible, scope, 1)] : this.coordinated(slot, eligible, scope, 1);
    };
    // What follows both the cue and the sources found before it.
    const afterSources = () => after(Math.max(span.last, ...(sources ?? []).map((s) => s.last)));
    switch (strategy) {
      case 'before': {
        const antecedent = this.relativeAntecedent(scope, span, eligible);
        return antecedent ? [antecedent] : before();
      }
      case 'after':
        return after(span.last);
      case 'after-direct': {
        // Failing the direct reading, the parse's coordinated objects, when a name that could be one follows closely.
        const near = () => eligible.some((s) => s.first >= span.last && s.first - span.last <= MAX_OBJECT_GAP && !this.clauseBreak(scope, span.last, s.first));
        const read = direct();
        const object = read.length > 0 || relation === 'ARRESTED' || !near() ? read : this.coordinatedObjects(scope, span, eligible);
        // "The Taliban claimed it on Twitter": "it" as the object (not the subject of a clause, "claimed it had
        // killed 20") is the attack the text last told.
        const tokens = scope.sentence.tokens;
        const it = object.length === 0 && relation === 'CLAIMED' && /^it$/i.test(tokens[span.last]?.text ?? '') && /^(?:[.,;]|on|in|through|via|later|hours|within)$/i.test(tokens[span.last + 1]?.text ?? '.');
        const told = it ? scope.recent(['Attack']) : undefined;
        if (told) return [told];
        // "an attack (which) the group claimed a day later", "the TTP, which Pakistan accuses of sheltering ...": with
        // no object, what the source's relative clause hangs on is the object.
        const accusedOf = relation === 'ACCUSED' && /^(?:of|for)$/i.test(tokens[span.last]?.text ?? '');
        const subject = object.length === 0 && (relation === 'CLAIMED' || accusedOf) ? sources?.[0] : undefined;
        const relative = subject && [...eligible].reverse().find((s) => s.last <= subject.first && RELATIVE_GAP.test(this.gapText(scope, s.last, subject.first)));
        return relative ? [relative] : object;
      }
      case 'after-second':
        return afterSources();
      // "clashes between A and B": the two sides are one coordinated list after the cue.
      case 'pair-first': {
        const sides = after(span.last);
        return sides.length >= 2 ? [sides[0]!] : sides;
      }
      case 'pair-second': {
        const sides = after(span.last);
        return sides.length >= 2 ? [sides[1]!] : afterSources();
      }
      // "Kyrgyzstan and Tajikistan accused each other", "between A and B ..., as each government accused the other":
      // the two sides coordinated last before the cue, each accusing the other.
      case 'sides-first':
      case 'sides-second': {
        const last = [...eligible].reverse().find((s) => s.last <= span.first);
        const sides = last ? this.coordinated(last, eligible, scope, -1) : [];
        if (sides.length !== 2) return [];
        return [strategy === 'sides-first' ? sides[1]! : sides[0]!];
      }
      case 'after-embedded': {
        const that = scope.sentence.tokens.findIndex((t, k) => k >= span.last && k - span.last <= 6 && t.text.toLowerCase() === 'that');
        if (that < 0) return after(span.last);
        const subject = slots.find((s) => s.first > that);
        return subject ? after(subject.last) : [];
      }
      case 'after-or-relative': {
        const object = direct();
        if (object.length > 0) return object;
        const subject = sources?.[0];
        if (!subject || span.first - subject.last > 2) return [];
        const relative = [...eligible].reverse().find((s) => s.last <= subject.first && subject.first - s.last <= 8);
        return relative ? [relative] : [];
      }
      case 'attack': {
        // "attributed the attack to X": the attack may sit inside the cue itself.
        const inside = scope.slots.find((s) => s.type === 'Attack' && s.first >= span.first && s.first < span.last);
        if (inside) return [inside];
        const attacks = slots.filter((s) => s.type === 'Attack');
        const tokens = scope.sentence.tokens;
        // "claimed responsibility for this cowardly act, which came after the 2014 massacre": a demonstrative
        // points back to the attack the text tells; an attack named past the object is told for comparison.
        const object = /^(?:for|of|in)$/i.test(tokens[span.last]?.text ?? '') ? span.last + 1 : span.last;
        const anaphor = /^(?:this|that|these|those)$/i.test(tokens[object]?.text ?? '');
        const after = attacks.find((s) => s.first >= span.last);
        const ownNoun = (a: Slot) => a.first - object <= 3 && !tokens.slice(object + 1, a.first).some((t) => /^(?:,|;|which|that|as|than|after|since|before|like)$/i.test(t.text));
        if (after && (!anaphor || ownNoun(after))) return [after];
        if (anaphor) {
          const before = [...attacks].reverse().find((s) => s.last <= span.first) ?? scope.recent(['Attack']);
          return before ? [before] : [];
        }
        // "claiming responsibility for numerous attacks": an object is given, and it is no attack the text names;
        // "claimed responsibility for firebombing a depot": an act told by its verb is the attack in context.
        // "in" after responsibility or credit tells the channel, not the object: "claimed responsibility in a statement".
        const channel = (k: number) => /^in$/i.test(tokens[k]?.text ?? '') && /^(?:responsibility|credit)$/i.test(tokens[k - 1]?.text ?? '');
        const objectWord = (k: number) => /^(?:for|in|of)$/i.test(tokens[k]?.text ?? '') && !channel(k) && !/^\p{Ll}+ing$/u.test(tokens[k + 1]?.text ?? '');
        // "the involvement of X": an object after the cue that filled the source is no attack.
        const sourceAfter = sources?.some((s) => s.first >= span.last) ?? false;
        if (!sourceAfter && (objectWord(span.last - 1) || objectWord(span.last))) return [];
        const found = [...attacks].reverse().find((s) => s.last <= span.first) ?? scope.recent(['Attack']);
        return found ? [found] : [];
      }
      case 'attack-after': {
        // "blamed X for the bombing in Y": past the source, the attack the cue names.
        const end = Math.max(span.last, ...(sources ?? []).map((s) => s.last));
        const found = slots.find((s) => s.type === 'Attack' && s.first >= end && s.first - end <= 4);
        return found ? [found] : [];
      }
      case 'context-country': {
        const found = [...eligible].reverse().find((s) => s.type === 'Country' && s.last <= span.first) ?? scope.recent(['Country']);
        return found ? [found] : [];
      }
    }
  }
}
