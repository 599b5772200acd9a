// Relations read off the dependency parse of a sentence that tells an attack, where cue windows fail: who is
// the subject of the attack verb ("al-Shabaab fighters and two bombers stormed the base": CARRIED_OUT, with the
// group found inside the subject phrase), who did it in the passive ("the hotel was attacked by X"), and what
// the attack was aimed at ("stormed Camp X", "the raid on the Y hotel": TARGETED), and whose members the attackers
// were ("police identified the gunmen as members of X", "the attacker was a Y member"). Only sentences with an attack
// and a party placed where one of these readings could hold are parsed, which keeps the parser off most text.
import type { LazyAnalysis, Sentence } from '../nlp/index.js';
import type { CueHit } from './relations.js';
import { headOf, parseOf } from './sentence-parse.js';
import type { Slot } from './types.js';

const AGENTS = new Set(['Group', 'Person']);
// What attacks are aimed at: people, bodies and named sites. Towns and countries are where it happened
// (OCCURRED_IN), not what it was aimed at.
const TARGETS = new Set(['Location', 'Person', 'Organization']);
const PASSIVE_AUX = /^(?:was|were|been|being|be|is|are|got|get)$/i;
const AIMED = /^(?:on|against)$/i;
// What an act was aimed at: "opened fire on the Y", "drove into the X market", "fired rockets at Z". A named site or a
// person is what was attacked, a town where; a venue the act happened at ("took hostages at the X theatre",
// "exploded at the Y hotel") is where too, unless the verb is one of shooting or throwing at it.
const REACHED = /^(?:on|against|into|upon)$/i;
const AIMED_AT = /^(?:fired|fires|fire|firing|shot|shoots|shooting|threw|throws|throwing|hurled|hurls|lobbed|aimed|launched)$/i;
// A street or a square an act happened on is where it happened, not what it hit.
// "X survived an assassination attempt": who lived through an attack was its target.
const SURVIVED = /^(?:survived|survives|survive|escaped|escapes|escape)$/i;
const THOROUGHFARE = /^(?:rue|via|avenida|avenue|boulevard)\b|\b(?:street|st|road|rd|avenue|ave|boulevard|lane|highway|square|drive|way)\.?$/i;
const GROUPS = new Set(['Group']);
const ATTACKER = /^(?:attackers?|assailants?|gunm[ae]n|bombers?|perpetrators?|militants?|kidnappers?|shooters?|hijackers?|themselves)$/i;
const MEMBER = /^members?$/i;
const BELONGED = /^belong(?:s|ed)?$/i;
// An attack told by its verb ("stormed", "shot", "responded by shelling"), as a cheap test before parsing: the
// lexicon is too slow to ask for every attack of every sentence, and the parse decides in the end.
const ATTACK_VERB = /^(?:\p{Ll}+ed|\p{Ll}+ing|shot|struck|hit|blew|set|fought|overran|threw)$/u;
// Verbs whose subject did the act an attack noun under them names: "X fighters killed 19 soldiers in an assault",
// "X mounted a raid". Speech, blame and condemnation are not in it.
const DOING = /^(?:set|plant|thr[eo]w|hurl|fire|lob|laid|lay|plac|drove|driv|ram|kill|wound|injur|launch|stag|mount|conduct|execut|perpetrat|storm|raid|strik|struck|target|hit|kidnap|abduct|seiz|ambush|attack|bomb|shell|massacr|slaughter|shot|shoot|open|unleash|overr|destroy|burn|torch|blew|blow|detonat)/i;
const DONE: Pick<RegExp, 'test'> = { test: (word: string) => DOING.test(word) && (/ed$/i.test(word) || /^(?:shot|struck|hit|blew|threw|set|laid|drove|overran)$/i.test(word)) };
const ACT_CASE = /^(?:in|during|with|through)$/i;
const GERUND = /^\p{Ll}+ing$/u;
// How a gerund clause joins the act of its verb's subject ("responded by shelling", "fled after storming"), not the
// act of another ("accused X of attacking", "charged with bombing"). No word at all: ", killing 12".
const OWN_ACT = /^(?:by|after|before|while|when|)$/i;
// What goes off in a bombing, and the verbs that tell who put it there: "a bomb planted by X went off", "the
// device had been left by X". Whoever placed the device did the attack it went off in.
const DEVICE = /^(?:bombs?|devices?|explosives?|ieds?|mines?|grenades?|charges?)$/i;
const PLACED = /^(?:planted|placed|left|hidden|hid|laid|set|detonated|triggered|thrown|hurled|made|built|assembled)$/i;
const DEFINITE = /^(?:the|that|this|these|those)$/i;
const PERSONAL = /^(?:he|she)$/i;
// "it", "they" and "its fighters" in what a group says are the group.
const NEGATION = /^(?:not|never|n't)$/i;
const NEUTER = /^(?:it|they|its|their)$/i;
// How far before an act told by its verb a group may speak of itself.
const SELF_TOLD_SPAN = 20;
/** Words inside a subject or object that carry its entity: "al-Shabaab fighters", "gunmen from Boko Haram". */
const MODIFIERS = new Set(['compound', 'amod', 'nmod', 'flat', 'appos']);
const NAME_PARTS = new Set(['compound', 'flat']);

interface Tree {
  parse: LazyAnalysis;
  children: number[][];
}

function tree(sentence: Sentence): Tree {
  const parse = parseOf(sentence);
  const children: number[][] = sentence.tokens.map(() => []);
  parse.head.forEach((h, d) => {
    if (h >= 0) children[h]!.push(d);
  });
  return { parse, children };
}

const childrenWith = (t: Tree, token: number, deprel: string) => t.children[token]!.filter((c) => t.parse.deprel(c) === deprel);
const caseWord = (t: Tree, tokens: Sentence['tokens'], token: number) => childrenWith(t, token, 'case').map((c) => tokens[c]!.text)[0];

export class SyntaxRelations {
  /** `knownPlace` tells a gazetteer town or region (never a target) from a named site. */
  constructor(private readonly knownPlace: (ref: string) => boolean) {}

  /** Whether a phrase after `relator` on the act told by `verb` is what the act was aimed at. */
  private reaches(relator: string, verb: string): boolean {
    return REACHED.test(relator) || (/^at$/i.test(relator) && AIMED_AT.test(verb));
  }

  /** Whether a party sits where a subject, passive agent or target of the attack could: a cheap test before parsing. */
  private worthParsing(tokens: Sentence['tokens'], attack: Slot, parties: Slot[], speakers: Slot[]): boolean {
    const between = (from: number, to: number, word: Pick<RegExp, 'test'>) => tokens.slice(from, to).some((t) => word.test(t.text));
    if (attack.last - attack.first <= 8 && ATTACK_VERB.test(tokens[attack.first]!.text)) {
      // "The Houthis said on Thursday they had fired a missile at a tanker": the group that speaks of itself, also
      // through a longer report ("X (Y) said in a message relayed by its media arm that it had attacked ...").
      const selfTold = speakers.some((s) => s.last <= attack.first && attack.first - s.last <= SELF_TOLD_SPAN && between(s.last, attack.first, NEUTER));
      const placed = parties.some((s) =>
        AGENTS.has(s.type) && s.last <= attack.first
          ? attack.first - s.last <= 12
          : s.first >= attack.last && s.first - attack.last <= 6 && (TARGETS.has(s.type) || (AGENTS.has(s.type) && between(attack.last, s.first, /^by$/i))),
      );
      if (selfTold || placed) return true;
    }
    // "X fighters killed 19 soldiers in an assault": an agent, then a doing verb, before the attack noun.
    // "accusations that he planted a device": a personal pronoun stands for a person the sentence named before it.
    const pronoun = parties.some((s) => s.type === 'Person' && s.last <= attack.first) ? tokens.findIndex((t, k) => k < attack.first && attack.first - k <= 14 && PERSONAL.test(t.text)) : -1;
    // Only a verb in the past counts here: "bombing" or "ramming" before the attack noun is part of it.
    // The verb may sit inside the attack's own words: "Boko Haram [gunmen killed 17] near Baga".
    const agentBefore = [...parties.filter((s) => AGENTS.has(s.type)).map((s) => s.last), pronoun + 1].some((end) => end > 0 && end <= attack.first && attack.first - end <= 14 && between(end, end === attack.first ? attack.last : attack.first, DONE));
    const survived = parties.some((s) => TARGETS.has(s.type) && s.last <= attack.first && attack.first - s.last <= 6 && between(s.last, attack.first, SURVIVED));
    if (survived) return true;
    // "Al-Shabaab's attack on the base": the possessor of the attack noun.
    const possessor = parties.some((s) => AGENTS.has(s.type) && s.last < attack.first && attack.first - s.last <= 3 && /^['’]s?$/.test(tokens[s.last]!.text));
    return agentBefore || possessor || parties.some((s) => TARGETS.has(s.type) && s.first > attack.first && s.first - attack.last <= 4 && between(attack.first, s.first, AIMED));
  }

  /**
   * "A bomb planted by X went off at the market", "police said the device had been left by X": who placed the
   * device carried out the attack it went off in: the attack the sentence tells through the device (the device
   * inside the attack's words, or the attack's verb and the device one above the other), else, for "the device"
   * of a sentence that names no attack, the attack the text last told.
   */
  private placedDevices(t: Tree, tokens: Sentence['tokens'], attacks: Slot[], parties: Slot[], recentAttack: () => Slot | undefined, add: (relation: string, source: Slot, target: Slot, rule: string) => void): void {
    const within = (from: number, to: number, steps: number) => {
      for (let k = from, n = 0; k >= 0 && n <= steps; k = t.parse.head[k]!, n++) if (k === to) return true;
      return false;
    };
    // Placing verbs followed by "by": the agent is read off the words after it, which the parse often hangs wrongly
    // ("by Karim Nadir" as an object).
    const placing = tokens.map((_, v) => v).filter((v) => PLACED.test(tokens[v]!.text) && /^by$/i.test(tokens[v + 1]?.text ?? '') && !t.children[v]!.some((c) => NEGATION.test(tokens[c]!.text)));
    for (let d = 0; d < tokens.length; d++) {
      if (!DEVICE.test(tokens[d]!.text) || t.parse.upos[d] !== 'NOUN') continue;
      // "a bomb planted by X", "the bomb, which had been hidden by X," (a clause on the device) or "the device was
      // planted by X" (its passive subject).
      for (const v of placing.filter((p) => t.parse.head[p] === d || (t.parse.head[d] === p && t.parse.deprel(d).startsWith('nsubj')))) {
        const from = v + 2 + (DEFINITE.test(tokens[v + 2]?.text ?? '') ? 1 : 0);
        const agent = parties.find((s) => AGENTS.has(s.type) && s.first === from);
        if (!agent) continue;
        const linked = attacks.find((a) => (a.first <= d && d < a.last) || within(headOf(t.parse.head, a.first, a.last), d, 3) || within(d, headOf(t.parse.head, a.first, a.last), 3));
        const determiner = childrenWith(t, d, 'det').map((c) => tokens[c]!.text)[0] ?? '';
        const attack = linked ?? (attacks.length === 0 && DEFINITE.test(determiner) ? recentAttack() : undefined);
        if (attack) add('CARRIED_OUT', agent, attack, 'placed-device');
      }
    }
  }

  /** `recentAttack` gives the attack the text last told, which "the attackers" of a later sentence carried out. */
  read(sentence: Sentence, slots: Slot[], recentAttack: () => Slot | undefined): CueHit[] {
    const attacks = slots.filter((s) => s.type === 'Attack');
    const parties = slots.filter((s) => s.type !== 'Attack' && s.role === 'head' && !s.speaker && !(s.type === 'Location' && this.knownPlace(s.ref)));
    const speakers = slots.filter((s) => s.type === 'Group' && s.role === 'head' && s.speaker);
    const tokens = sentence.tokens;
    const membership = parties.some((s) => s.type === 'Group') && tokens.some((k) => MEMBER.test(k.text) || BELONGED.test(k.text)) && tokens.some((k) => ATTACKER.test(k.text)) && (attacks[0] ?? recentAttack()) !== undefined;
    // "a bomb planted by X": a device, a placing verb and an agent after "by".
    const placedBy = tokens.some((k) => DEVICE.test(k.text)) && tokens.some((k, j) => PLACED.test(k.text) && /^by$/i.test(tokens[j + 1]?.text ?? '') && parties.some((s) => AGENTS.has(s.type) && s.first - j <= 4 && s.first > j));
    if (!membership && !placedBy && !attacks.some((attack) => this.worthParsing(tokens, attack, parties, speakers))) return [];
    const t = tree(sentence);
    const slotAt = (k: number) => parties.find((s) => s.first <= k && k < s.last);
    /**
     * Entities a phrase headed by `token` stands for: its own slot and its conjuncts'; for agents, failing a slot,
     * one its modifiers name ("al-Shabaab fighters"; for targets that would be a place: "a hall in Moscow").
     */
    // "he" is the person the sentence named before it; "it" or "they" the group that speaks ("X said it had ...").
    const pronounFor = (k: number): Slot | undefined => {
      if (PERSONAL.test(tokens[k]!.text)) return parties.filter((s) => s.type === 'Person' && s.last <= k).at(-1);
      return NEUTER.test(tokens[k]!.text) ? speakers.filter((s) => s.last <= k).at(-1) : undefined;
    };
    const entities = (token: number, types: Set<string>): Slot[] => {
      const found: Slot[] = [];
      // A target is named by the words of its own noun ("stormed the Bakaal Plaza hotel"), never by a place
      // that modifies it ("a hall in Moscow").
      const modifiers = types === TARGETS ? NAME_PARTS : MODIFIERS;
      const visit = (k: number, depth: number) => {
        const own = slotAt(k) ?? (types === AGENTS ? pronounFor(k) : undefined);
        if (own && types.has(own.type)) {
          if (!found.includes(own)) found.push(own);
        } else if (depth < 2) {
          for (const c of t.children[k]!) if (modifiers.has(t.parse.deprel(c))) visit(c, depth + 1);
        }
        for (const c of childrenWith(t, k, 'conj')) if (depth === 0) visit(c, 0);
      };
      visit(token, 0);
      return found;
    };
    const hits: CueHit[] = [];
    const add = (relation: string, source: Slot, target: Slot, rule: string) => {
      if (source.ref === target.ref) return;
      hits.push({ relation, source, target, confidence: 0.7, rule: `syntax:${rule}` });
      // A group that tells what it did itself claims it.
      if (relation === 'CARRIED_OUT' && speakers.includes(source)) hits.push({ relation: 'CLAIMED', source, target, confidence: 0.75, rule: `syntax:${rule}-self` });
    };
    for (const attack of attacks) {
      const a = headOf(t.parse.head, attack.first, attack.last);
      const upos = t.parse.upos[a];
      if (upos === 'VERB') {
        // "said it did not attack the base": a negated act is no act.
        if (t.children[a]!.some((c) => NEGATION.test(tokens[c]!.text))) continue;
        const objects = childrenWith(t, a, 'obj');
        const passive = childrenWith(t, a, 'aux').some((c) => PASSIVE_AUX.test(tokens[c]!.text));
        // "militants who stormed the base", "gunmen, having attacked the convoy": a clause on a noun with an
        // object of its own has that noun for subject.
        const subjects = childrenWith(t, a, 'nsubj');
        if (subjects.length === 0 && t.parse.deprel(a) === 'acl' && objects.length > 0) subjects.push(t.parse.head[a]!);
        // "In June 2017, gunmen from X attacked ...": after a fronted time and a comma the parser often hangs the
        // subject on the time as an apposition; a noun so hung before the verb is its subject.
        if (subjects.length === 0) for (const o of childrenWith(t, a, 'obl')) if (o < a) subjects.push(...childrenWith(t, o, 'appos').filter((c) => c < a && t.parse.upos[c] === 'NOUN'));
        // "The Taliban responded by shelling the posts", "after storming the base, the gunmen fled": a gerund clause
        // with no subject of its own has that of the verb it hangs on.
        if (subjects.length === 0 && t.parse.deprel(a) === 'advcl' && GERUND.test(tokens[a]!.text) && OWN_ACT.test(caseWord(t, tokens, a) ?? childrenWith(t, a, 'mark').map((c) => tokens[c]!.text)[0] ?? '')) {
          const verb = t.parse.head[a]!;
          if (!childrenWith(t, verb, 'aux').some((c) => PASSIVE_AUX.test(tokens[c]!.text))) subjects.push(...childrenWith(t, verb, 'nsubj'));
        }
        for (const s of subjects) {
          if (passive) for (const target of entities(s, TARGETS)) add('TARGETED', attack, target, 'passive-subject');
          else for (const agent of entities(s, AGENTS)) add('CARRIED_OUT', agent, attack, 'subject');
        }
        if (!passive) for (const o of objects) for (const target of entities(o, TARGETS)) add('TARGETED', attack, target, 'object');
        for (const o of childrenWith(t, a, 'obl')) {
          const relator = caseWord(t, tokens, o) ?? '';
          if (passive && /^by$/i.test(relator)) for (const agent of entities(o, AGENTS)) add('CARRIED_OUT', agent, attack, 'passive-agent');
          if (!passive && this.reaches(relator, tokens[a]!.text)) for (const target of entities(o, TARGETS)) if (!THOROUGHFARE.test(target.text)) add('TARGETED', attack, target, 'reached');
        }
        // "opened fire on the X hotel", "fired rockets at Y": the aim hangs on the verb's object.
        if (!passive) {
          for (const o of objects) for (const m of childrenWith(t, o, 'nmod')) if (this.reaches(caseWord(t, tokens, m) ?? '', tokens[o]!.text) || this.reaches(caseWord(t, tokens, m) ?? '', tokens[a]!.text)) for (const target of entities(m, TARGETS)) if (!THOROUGHFARE.test(target.text)) add('TARGETED', attack, target, 'reached');
        }
      } else {
        // An attack not told by a verb is a noun phrase, whatever the tagger made of its head ("in an ambush" tagged ADJ).
        for (const m of childrenWith(t, a, 'nmod')) {
          const relator = caseWord(t, tokens, m) ?? '';
          if (AIMED.test(relator)) for (const target of entities(m, TARGETS)) add('TARGETED', attack, target, 'aimed-at');
          if (/^['’]s?$/.test(relator) && m < a) for (const agent of entities(m, AGENTS)) add('CARRIED_OUT', agent, attack, 'possessor');
        }
        // The attack noun as the object of a doing verb ("mounted a raid") or its means ("killed 19 in an assault"):
        // the verb's subject did it; a verb coordinated with an earlier one shares that one's subject.
        // "killed 19 soldiers in an assault" often parses with the assault on the soldiers: it is still the verb's.
        const onObject = t.parse.deprel(a) === 'nmod' && t.parse.deprel(t.parse.head[a]!) === 'obj';
        const verb = onObject ? t.parse.head[t.parse.head[a]!]! : t.parse.head[a]!;
        const relation = onObject ? 'obl' : t.parse.deprel(a);
        if (relation === 'obj' && verb >= 0 && SURVIVED.test(tokens[verb]!.text)) for (const s of childrenWith(t, verb, 'nsubj')) for (const target of entities(s, TARGETS)) add('TARGETED', attack, target, 'survived');
        const means = relation === 'obj' || (relation === 'obl' && ACT_CASE.test(caseWord(t, tokens, a) ?? ''));
        if (means && verb >= 0 && t.parse.upos[verb] === 'VERB' && DOING.test(tokens[verb]!.text)) {
          const passive = childrenWith(t, verb, 'aux').some((c) => PASSIVE_AUX.test(tokens[c]!.text));
          const subjects = childrenWith(t, verb, 'nsubj');
          if (subjects.length === 0 && t.parse.deprel(verb) === 'conj') subjects.push(...childrenWith(t, t.parse.head[verb]!, 'nsubj'));
          if (!passive) for (const s of subjects) for (const agent of entities(s, AGENTS)) add('CARRIED_OUT', agent, attack, 'subject-of-act');
        }
      }
    }
    if (placedBy) this.placedDevices(t, tokens, attacks, parties, recentAttack, add);
    if (membership) {
      const attack = attacks[0] ?? recentAttack()!;
      const attacker = (k: number | undefined) => k !== undefined && k >= 0 && ATTACKER.test(tokens[k]!.text);
      tokens.forEach((word, m) => {
        // "The attackers belonged to X".
        if (BELONGED.test(word.text) && childrenWith(t, m, 'nsubj').some(attacker)) {
          for (const o of childrenWith(t, m, 'obl')) if (/^to$/i.test(caseWord(t, tokens, o) ?? '')) for (const group of entities(o, GROUPS)) add('CARRIED_OUT', group, attack, 'attackers-belonged');
        }
        if (!MEMBER.test(word.text)) return;
        // "the attacker was a member of X" (copula); "identified the gunmen as members of X", "the assailants
        // identified themselves as members" (the verb's object); "the gunman, a member of X" (apposition). Up the
        // tree as far as the first verb, so "attackers who killed members of X" is no membership.
        let who = childrenWith(t, m, 'nsubj').some(attacker);
        for (let k = t.parse.head[m]!, steps = 0; !who && k >= 0 && steps < 3; k = t.parse.head[k]!, steps++) {
          who = attacker(k) || (t.parse.upos[k] === 'VERB' && childrenWith(t, k, 'obj').some(attacker));
          if (t.parse.upos[k] === 'VERB') break;
        }
        if (who) for (const group of entities(m, GROUPS)) add('CARRIED_OUT', group, attack, 'attackers-members');
      });
    }
    return hits;
  }
}
