// "Police commissioner X said Boko Haram was behind the bombing", "'The blasts were carried out by the Maoists,' X
// said": someone other than the group who tells that a group (or a person) did an attack blames it for it (ACCUSED),
// whatever the readers found it did. A group telling of itself claims (see relations.ts), and is no accuser.
import type { Sentence } from '../nlp/index.js';
import type { CueHit } from './relations.js';
import type { Slot } from './types.js';

const ACCUSERS = new Set(['Person', 'Organization', 'Country']);
const BLAMED = new Set(['Group', 'Person']);
// The speech verb right after the accuser, before what it tells: "X said", "X, the district police chief, told
// reporters", "X (CTD) says".
const TELLS = /^\s*(?:\([^()]{1,40}\)\s*)?(?:,[^,;:"“”]{1,60},\s*)?(?:has\s+|have\s+|had\s+)?(?:said|says|told|stated|added|insisted|believes|believed|alleged|alleges)\b[^;:"“”]*$/i;
// What a quote the accuser closes holds: a closing quote, then the accuser and its verb ("…," X said).
const QUOTED = /["”]\s*,?\s*$/;
const SAID_AFTER = /^\s*(?:said|says|told|added|stated)\b/i;

/**
 * The hits of a sentence with what its tellers blame added: ACCUSED from the teller to the group or person told
 * to have done the attack. A person someone else says did it is only accused ("'X is behind this attack,' Y
 * said"): the telling is no report that X did it. A group keeps its CARRIED_OUT: what officials say a group did is
 * how most attacks get their perpetrator.
 */
export function attributions(sentence: Sentence, slots: Slot[], hits: CueHit[]): CueHit[] {
  const text = (from: number, to: number) => sentence.text.slice(from - sentence.start, to - sentence.start);
  const claimed = new Set(hits.filter((h) => h.relation === 'CLAIMED').map((h) => h.source.ref));
  // Who speaks before the group need not be marked a speaker ("the army's 18th Brigade, which guards the site, said").
  const parties = slots.filter((s) => s.role === 'head' && ACCUSERS.has(s.type));
  const found: CueHit[] = [];
  const blamedPersons = new Set<CueHit>();
  for (const hit of hits) {
    const agent = hit.source;
    if (hit.relation !== 'CARRIED_OUT' || !BLAMED.has(agent.type) || claimed.has(agent.ref)) continue;
    const teller = parties.filter((s) => s !== agent && s.last <= agent.first && TELLS.test(text(s.end, agent.start))).at(-1);
    const accuser = teller ?? parties.find((s) => s !== agent && s.speaker && s.first >= agent.last && quotedBefore(sentence, agent, s));
    if (!accuser) continue;
    if (agent.type === 'Person') blamedPersons.add(hit);
    if (!found.some((f) => f.source === accuser && f.target.ref === agent.ref)) found.push({ relation: 'ACCUSED', source: accuser, target: agent, confidence: 0.65, rule: 'attribution' });
  }
  return [...hits.filter((h) => !blamedPersons.has(h)), ...found];
}

/** Whether `group` is inside a quote that closes right before `speaker` and its speech verb. */
function quotedBefore(sentence: Sentence, group: Slot, speaker: Slot): boolean {
  const before = sentence.text.slice(group.end - sentence.start, speaker.start - sentence.start);
  const after = sentence.text.slice(speaker.end - sentence.start);
  return QUOTED.test(before) && /["“]/.test(sentence.text.slice(0, group.start - sentence.start)) && SAID_AFTER.test(after);
}
