// What an attack was aimed at when the attack is a noun, read off the dependency parse (TARGETED): "the depot was
// gutted by a blast", "the blast destroyed the Hotel X", "the bombing of the Treasury". Readings where the
// attack is the verb ("stormed Camp X", "the hotel was attacked") are in syntax-relations.ts with the agents. Only
// sentences with an attack, a possible target and a damage verb or an "of" are parsed.
import type { Sentence } from '../nlp/index.js';
import type { CueHit } from './relations.js';
import { headOf, parseOf } from './sentence-parse.js';
import type { Slot } from './types.js';

// Towns and countries are where an attack happened (OCCURRED_IN); people, bodies and named sites are what it hit.
const TARGETS = new Set(['Location', 'Person', 'Organization']);
const DAMAGE = /^(?:hit|hits|struck|strikes|destroyed|destroys|damaged|damages|shattered|shatters|wrecked|wrecks|targeted|targets|gutted|devastated|levelled|leveled|flattened)$/i;
// What goes off in an attack, when the sentence calls it by that rather than by the attack.
const DEVICE = /^(?:explosion|explosions|blast|blasts|bomb|bombs|device|rocket|rockets|missile|missiles|shell|shells|grenade|grenades)$/i;
const PASSIVE_AUX = /^(?:was|were|been|being|be|is|are|got|get)$/i;
// "an attack targeting X", "the bombing was aimed at X": a verb that says what the attack was meant to hit.
const AIMING = /^(?:targeting|targetting|aimed|directed)$/i;
const AIMED_AT = /^(?:at|against)$/i;

export class AttackTargets {
  /** `knownPlace` tells a gazetteer town or region (never a target) from a named site. */
  constructor(private readonly knownPlace: (ref: string) => boolean) {}

  /** `recentAttack` gives the attack the text last told, which "the blast" of a later sentence is part of. */
  read(sentence: Sentence, slots: Slot[], recentAttack: () => Slot | undefined): CueHit[] {
    const tokens = sentence.tokens;
    const attacks = slots.filter((s) => s.type === 'Attack');
    const targets = slots.filter((s) => TARGETS.has(s.type) && s.role === 'head' && !s.speaker && !(s.type === 'Location' && this.knownPlace(s.ref)));
    if (!targets.length) return [];
    const damage = tokens.some((t) => DAMAGE.test(t.text));
    // "The X building was gutted by a blast", "the second device wrecked the Y": the device or blast of
    // the attack the text tells, when the sentence names no attack of its own.
    const told = !attacks.length && damage && tokens.some((t) => DEVICE.test(t.text)) ? recentAttack() : undefined;
    if (!attacks.length && !told) return [];
    const ofAfter = (a: Slot) => tokens.slice(a.first, Math.min(tokens.length, a.last + 1)).some((t) => t.text === 'of');
    const aiming = tokens.some((t) => AIMING.test(t.text));
    if (!damage && !aiming && !attacks.some(ofAfter)) return [];
    const parse = parseOf(sentence);
    const children: number[][] = tokens.map(() => []);
    parse.head.forEach((h, d) => {
      if (h >= 0) children[h]!.push(d);
    });
    const withRel = (k: number, rel: string) => children[k]!.filter((c) => parse.deprel(c) === rel);
    const caseOf = (k: number) => withRel(k, 'case').map((c) => tokens[c]!.text.toLowerCase())[0];
    // A phrase headed by `k` stands for the target whose words hold `k`, and for its conjuncts ("X and Y").
    // A common noun is named by its own name words ("the X Plaza hotel"), never by a place that modifies it.
    const slotAt = (j: number) => targets.find((s) => s.first <= j && j < s.last) ?? withRel(j, 'compound').map((c) => targets.find((s) => s.first <= c && c < s.last)).find((s) => s !== undefined);
    const targetsAt = (k: number): Slot[] => [k, ...withRel(k, 'conj')].map(slotAt).filter((s): s is Slot => s !== undefined);
    const hits: CueHit[] = [];
    const add = (attack: Slot, target: Slot, rule: string) => {
      if (!hits.some((h) => h.source === attack && h.target === target)) hits.push({ relation: 'TARGETED', source: attack, target, confidence: 0.7, rule: `syntax:${rule}` });
    };
    if (told) {
      for (let d = 0; d < tokens.length; d++) {
        if (!DEVICE.test(tokens[d]!.text) || parse.upos[d] !== 'NOUN') continue;
        const verb = parse.head[d]!;
        if (verb < 0 || !DAMAGE.test(tokens[verb]!.text)) continue;
        const passive = withRel(verb, 'aux').some((c) => PASSIVE_AUX.test(tokens[c]!.text));
        if (passive && parse.deprel(d) === 'obl' && caseOf(d) === 'by') for (const s of withRel(verb, 'nsubj')) for (const t of targetsAt(s)) add(told, t, 'damaged-by-device');
        if (!passive && parse.deprel(d) === 'nsubj') for (const o of withRel(verb, 'obj')) for (const t of targetsAt(o)) add(told, t, 'device-damaged');
      }
    }
    for (const attack of attacks) {
      const a = headOf(parse.head, attack.first, attack.last);
      // "The bombing targeted the X hotel" told as one attack phrase: its verb heads it, the attack noun its subject.
      if (parse.upos[a] === 'VERB' && DAMAGE.test(tokens[a]!.text) && withRel(a, 'nsubj').some((n) => n >= attack.first && n < attack.last)) {
        for (const o of withRel(a, 'obj')) for (const t of targetsAt(o)) add(attack, t, 'attack-damaged');
      }
      if (parse.upos[a] !== 'NOUN' && parse.upos[a] !== 'PROPN') continue;
      const verb = parse.head[a]!;
      const relation = parse.deprel(a);
      if (verb >= 0 && DAMAGE.test(tokens[verb]!.text)) {
        const passive = withRel(verb, 'aux').some((c) => PASSIVE_AUX.test(tokens[c]!.text));
        // "The embassy was hit by a rocket attack": the passive subject is what the attack hit.
        if (passive && relation === 'obl' && caseOf(a) === 'by') for (const s of withRel(verb, 'nsubj')) for (const t of targetsAt(s)) add(attack, t, 'damaged-by-attack');
        // "The blast destroyed the Hotel X and damaged a mosque": the objects of what the attack did.
        if (!passive && relation === 'nsubj') {
          for (const v of [verb, ...withRel(verb, 'conj').filter((c) => DAMAGE.test(tokens[c]!.text))]) for (const o of withRel(v, 'obj')) for (const t of targetsAt(o)) add(attack, t, 'attack-damaged');
        }
      }
      // "an attack targeting X" (its object), "an attack aimed at X" (at or against), and "the bombing was aimed at X",
      // where the attack is the verb's subject.
      const aims = [...withRel(a, 'acl').filter((c) => AIMING.test(tokens[c]!.text)), ...(verb >= 0 && relation === 'nsubj' && AIMING.test(tokens[verb]!.text) ? [verb] : [])];
      for (const v of aims) {
        for (const o of withRel(v, 'obj')) for (const t of targetsAt(o)) add(attack, t, 'attack-aimed');
        for (const o of withRel(v, 'obl')) if (AIMED_AT.test(caseOf(o) ?? '')) for (const t of targetsAt(o)) add(attack, t, 'attack-aimed');
      }
      // "the bombing of the Treasury", "the assassination of X"; a place after "of" is where ("the siege of X Street").
      for (const m of withRel(a, 'nmod')) if (caseOf(m) === 'of') for (const t of targetsAt(m)) if (t.type !== 'Location') add(attack, t, 'attack-of');
    }
    return hits;
  }
}
