// Casualty figures ("left 133 dead and 147 injured", "at least 144", "nearly 100 lives"), each tied to the
// attack its sentence speaks of and kept with its document and words: sources disagree, so none is averaged.
import type { Lexicon } from '../model/gazetteer.js';
import type { AttributeReport } from '../model/extraction.js';
import { countPattern, parseCount, type Sentence } from '../nlp/index.js';
import { BY_THE_STATE } from './attacks.js';

// "at least a further 62": a count added to one already given is still this attack's (`added`).
const QUALIFIER = '(?:(?<q>at least|nearly|almost|more than|over|about|around|roughly|approximately|some|up to|as many as|at most|fewer than|less than|a total of|in total) )?(?<added>(?:an? )?(?:additional|further) |another )?';
// "killed four people and a policeman was wounded": the other toll's verb right before a figure, by the figure's key.
const OTHER_VERB_BEFORE = { deaths: new RegExp(`\\b(?:wounded|wounding|injured|injuring)\\s+${QUALIFIER}$`), injured: new RegExp(`\\b(?:killed|killing)\\s+${QUALIFIER}$`) };

const ATTACKERS = /\b(?:attackers?|gunmen|gunman|assailants?|bombers?|militants?|terrorists?|suspects?|perpetrators?|jihadists?|insurgents?|fighters?|hostage-takers?|hijackers?|kidnappers?|abductors?)\b/;
// "killed three of the attackers": a count of them.
const OF_ATTACKERS = new RegExp(`^\\s+of\\s+(?:the\\s+|their\\s+)?(?:[\\w-]+\\s+)?${ATTACKERS.source}`);

// "no one was killed", "nobody else was hurt": the clause counts no one.
const NO_ONE = /\b(?:no one|nobody|none|no other|no \w+|not)\s+(?:[\w']+\s+){0,5}$/;
// "hit four times", "a woman of 64", "aged 30": a number of something else than people, or a person's age.
const NOT_PEOPLE_AFTER = /^\s*(?:times|hours?|days?|weeks?|months?|years?|minutes?|seconds?|km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|per ?cent|percent)\b/;
// "10 million rupees for the family of each officer killed", "$5,000 for each of the dead": a sum of money.
const MONEY_AFTER = /^\s*(?:(?:million|billion|thousand|m|bn)\s+)?(?:rupees?|dollars?|euros?|pounds?|pesos?|naira|shillings?|francs?|dinars?|riyals?|rials?|yuan|yen|roubles?|rubles?|lira|afghanis?|taka|dirhams?)\b/;
const MONEY_BEFORE = /[$€£]\s*$/;
const AGE_BEFORE = /\b(?:aged|(?:man|woman|boy|girl|person|mother|father|grandmother|grandfather|widow|widower) of)\s+$/;
// "nine of the wounded", "one of the dead": a part of a toll already counted.
const PART_OF_TOLL = /^\s+of\s+(?:the|those)\s+(?:dead|wounded|injured|hurt|victims|casualties)\b/;
// "Police first put the toll at 14", "initial reports spoke of nine dead": a count the text says was superseded.
const EARLIER_COUNT = /\b(?:(?:first|initially|earlier|at first) (?:put|gave|said|reported|spoke of|counted)|(?:initial|preliminary|early) (?:reports?|tolls?|counts?|figures?))\b(?:(?!\b(?:later|rose|risen|now|but)\b)[^;])*$/;
// "a farmer whose two sons were killed": one family's dead, a part of the toll.
const WHOSE = /\bwhose\b[^,;.]*$/;
// "five more people died": a count added to one the text gave before.
const MORE_AFTER = /^\s+more\b/;
// A verb that kills its object ("shot dead a guard and his driver"): the victims are what follows, the subject
// before it is their killer.
const KILLS_OBJECT = /^(?:shot and killed|shot dead|stabbed to death|beat to death|assassinated|murdered|beheaded|killed|killing)\b/;
// The object of such a verb, up to what starts the rest of the clause: a preposition, a verb, punctuation.
const OBJECT = /^[^,.;:()]*?(?=[,.;:()]|$|\s(?:in|at|on|near|outside|inside|during|while|as|after|before|when|with|from|by|who|which|that|was|were|is|are|had|has|have|then)\b)/;
// "shot and killed Tariq Mansoor": one named victim, not "killed Afghan soldiers".
const NAMED_VICTIM = /\b(?:shot and killed|shot dead|stabbed to death|assassinated|murdered|beheaded|killed|killing)\s+(?:\p{Lu}[\p{L}'-]*\.?\s+){0,4}\p{Lu}[\p{L}'-]*(?!\s+\p{Ll}+s\b)(?!\s+(?:and|or)\s)(?=[\s,.;]|$)/gu;

export interface CasualtyFigure {
  key: 'deaths' | 'injured';
  value: number;
  /** The attackers' own dead or hurt ("two gunmen were killed"), kept apart from the victims. */
  attackers: boolean;
  /** Everyone attacked ("stabbed three people"), dead or hurt: the count of the hurt only where none other is given. */
  attacked?: boolean;
  /** "five more died", "another 40 were hurt": added to a count of its kind the text gave before, if it gave one. */
  added?: boolean;
  qualifier: string | undefined;
  start: number;
  end: number;
  text: string;
}

export class CasualtyReader {
  private readonly patterns: Array<{ key: 'deaths' | 'injured'; re: RegExp }>;
  private readonly singles: Array<{ key: 'deaths' | 'injured'; re: RegExp }>;
  /** A count right after an active verb: "four gunmen killed 52 people" counts the killers first. */
  private readonly countAfter: RegExp;
  /** A count and up to two words of what it counts, right before a verb: "four people (had been killed)". */
  private readonly countBefore: RegExp;
  private readonly partPattern: RegExp;
  private readonly victims: RegExp[];
  /** "a village chief and his two sons": a further part of a killing verb's object, with its count if it gives one. */
  private readonly objectPart: RegExp;
  /** "a driver", "their guard": the one person a determiner before a part's last word counts. */
  private readonly personNouns: Set<string>;

  constructor(private readonly lexicon: Lexicon) {
    const count = `(?<n>${countPattern(lexicon.countWords)})`;
    const compile = (key: 'deaths' | 'injured', source: string) => ({ key, re: new RegExp(`\\b${source.replace('Q N', `${QUALIFIER}${count}`)}\\b`, 'g') });
    this.countAfter = new RegExp(`^\\s+${QUALIFIER}${count}\\b`);
    this.countBefore = new RegExp(`\\b${count}(?:\\s+[\\p{Ll}'-]+){0,2}\\s+$`, 'u');
    this.objectPart = new RegExp(`\\band\\s+(?:a|an|the|his|her|their|its|one|another)\\s+(?:${count}\\s)?`, 'g');
    // After the first number: up to three words of what it counts, "and", then a count or "a" and its noun.
    // "133 dead and 147 injured" are two figures: no word of the toll itself is part of what is counted.
    const notCounted = `(?!(?:and|were|was|in|at|on|dead|killed|died|deaths|lives|injured|wounded|hurt|more|other|others|half)\\b)`;
    // "eight soldiers and their driver", "six u.s. guards and the interpreter": one more person after a determiner.
    this.partPattern = new RegExp(`^(?:\\s+${notCounted}[\\p{Ll}.'-]+){1,3}\\s+and\\s+(?<p>a|an|the|his|her|their|its|${countPattern(lexicon.countWords)})\\s+(?<what>${notCounted}[\\p{Ll}'-]+(?:\\s+${notCounted}[\\p{Ll}'-]+)?)`, 'u');
    this.personNouns = new Set(lexicon.personNouns);
    this.patterns = [...lexicon.deathPatterns.map((p) => compile('deaths', p)), ...lexicon.injuryPatterns.map((p) => compile('injured', p))];
    this.victims = lexicon.victimPatterns.map((p) => compile('injured', p).re);
    this.singles = [...lexicon.singleDeathPatterns.map((p) => compile('deaths', p)), ...lexicon.singleInjuryPatterns.map((p) => compile('injured', p))];
  }

  /**
   * The second part of a count that goes on after "and" ("nine police officers and a civilian", "three
   * soldiers and two children"), read from `from` (just after the first number): its value and where it ends.
   * A part that starts a clause of its own ("... and a policeman was hurt"), outside the figure's own passive,
   * or that counts the attackers, is no part of this toll.
   */
  private partAfter(text: string, from: number, figureEnd: number): { value: number; end: number } | undefined {
    const m = this.partPattern.exec(text.slice(from));
    // "14 guards and an unknown number of militants": a part with no count adds nothing.
    if (!m || ATTACKERS.test(m.groups!.what!) || /^(?:unknown|number|few|handful)\b/.test(m.groups!.what!)) return undefined;
    const determiner = /^(?:the|his|her|their|its)$/.test(m.groups!.p!);
    // "and the village was burned": after a determiner only a person is one more of the toll.
    if (determiner && !m.groups!.what!.split(/\s+/).some((w) => this.personNouns.has(w))) return undefined;
    const value = determiner || /^(?:a|an)$/.test(m.groups!.p!) ? 1 : parseCount(m.groups!.p!, this.lexicon.countWords);
    if (value === undefined) return undefined;
    const end = from + m[0].length;
    // "four police officers and two of the attackers were killed": a part that goes on to name the attackers
    // is their own dead, counted apart.
    if (ATTACKERS.test(text.slice(end, Math.max(end, figureEnd)).split(/\b(?:were|was|had|have|are)\b/)[0]!)) return undefined;
    if (end > figureEnd && /^\s+(?:was|were|is|are|had|has|have)\b/.test(text.slice(end))) return undefined;
    return { value, end };
  }

  /** One victim without a number ("was killed", "shot and killed the imam"), where no count is given. */
  private singleFigures(sentence: Sentence, text: string, counted: CasualtyFigure[]): CasualtyFigure[] {
    const found: CasualtyFigure[] = [];
    const add = (key: 'deaths' | 'injured', index: number, length: number) => {
      if (counted.some((f) => f.key === key) || found.some((f) => f.key === key) || NO_ONE.test(text.slice(Math.max(0, index - 30), index)) || this.supersededCount(text, index)) return;
      const victims = KILLS_OBJECT.test(text.slice(index)) ? this.objectVictims(text, index, length) : undefined;
      const end = index + (victims?.length ?? length);
      // The subject of "was killed" is before it: "The gunman was killed"; one hurt "by police" is the attacker.
      const clause = text.slice(Math.max(0, text.lastIndexOf(',', index - 1) + 1, text.lastIndexOf(' and ', index) + 1), end);
      const attackers = victims ? victims.attackers : ATTACKERS.test(clause) || BY_THE_STATE.test(text.slice(end));
      found.push({ key, value: victims?.count ?? 1, attackers, qualifier: undefined, start: sentence.start + index, end: sentence.start + end, text: sentence.text.slice(index, end) });
    };
    for (const { key, re } of this.singles) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) add(key, m.index, m[0].length);
    }
    NAMED_VICTIM.lastIndex = 0;
    for (let m = NAMED_VICTIM.exec(sentence.text); m; m = NAMED_VICTIM.exec(sentence.text)) add('deaths', m.index, m[0].length);
    return found;
  }

  /** "Police first said four people had been killed": the verb at `index` ends a count the text has since revised. */
  private supersededCount(text: string, index: number): boolean {
    return this.countBefore.test(text.slice(Math.max(0, index - 60), index)) && EARLIER_COUNT.test(text.slice(0, index));
  }

  /**
   * The victims a killing verb's object names ("a senior official and his bodyguard": two), read from the match at
   * `index`: how many, whether they are the attackers ("the last of the attackers"), and the length up to the object's end.
   */
  private objectVictims(text: string, index: number, length: number): { count: number; attackers: boolean; length: number } {
    const verb = KILLS_OBJECT.exec(text.slice(index))![0];
    const rest = text.slice(index + verb.length);
    const object = OBJECT.exec(rest)![0];
    // "killing a guard and a passer-by was hurt": a last part with a verb of its own starts another clause.
    const clauseAfter = /^\s(?:was|were|is|are|had|has|have)\b/.test(rest.slice(object.length));
    const parts = [...object.matchAll(this.objectPart)].map((m) => (m.groups!.n ? (parseCount(m.groups!.n, this.lexicon.countWords) ?? 1) : 1));
    if (clauseAfter) parts.pop();
    const count = parts.reduce((sum, n) => sum + n, 1);
    return { count, attackers: ATTACKERS.test(object), length: Math.max(length, verb.length + object.length) };
  }

  /**
   * Whether the number at `at` counts people of this toll: not a time, a distance or an age, nor a part of a toll
   * told, nor a count the text has since revised.
   */
  private countsPeople(text: string, at: number, number: string): boolean {
    const after = text.slice(at + number.length);
    const before = text.slice(Math.max(0, at - 80), at);
    return !NOT_PEOPLE_AFTER.test(after) && !MONEY_AFTER.test(after) && !MONEY_BEFORE.test(before) && !AGE_BEFORE.test(before) && !PART_OF_TOLL.test(after) && !WHOSE.test(before) && !EARLIER_COUNT.test(text.slice(0, at));
  }

  figures(sentence: Sentence): CasualtyFigure[] {
    const text = sentence.text.toLowerCase();
    const figures: CasualtyFigure[] = [];
    for (const { key, re } of this.patterns) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const number = m.groups!.n!;
        const value = parseCount(number, this.lexicon.countWords);
        const at = m.index + m[0].lastIndexOf(number);
        // A later number inside this match ("two soldiers and three attackers were killed") gets its own turn.
        re.lastIndex = at + number.length;
        // "no one was killed", "none of the 23 crew was hurt" count no one.
        if (/\b(?:no|(?:none|neither|not one) of(?: the| its| their)?)\s+$/.test(text.slice(Math.max(0, at - 30), at))) continue;
        // "including 180 children" is a part of a figure already given; "took 912 people hostage" is no casualty.
        const before = text.slice(Math.max(0, at - 25), at);
        const after = text.slice(m.index + m[0].length);
        // "more than the 8 who were killed last year" is another toll, set against this one.
        if (value === undefined || !this.countsPeople(text, at, number) || /including\s+(?:\S+\s+)?$/.test(before) || /\b(?:than the|unlike the|compared (?:with|to)(?: the)?)\s+$/.test(before) || /^\s*(?:\w+\s+)?hostage/.test(after)) continue;
        // "killed four people and a policeman was wounded": the object of one verb is not counted by the other.
        if (OTHER_VERB_BEFORE[key].test(before)) continue;
        // "four gunmen killed 52 people", "two gunmen shot and killed a guard": a number before an active verb
        // with an object counts the attackers, not the dead.
        if (/(?:killed|wounded|injured)$/.test(m[0]) && (this.countAfter.test(after) || (!/\b(?:were|was|been|are|is)\b/.test(m[0]) && /^\s+(?:a|an|the|his|her|their|its|two|three|four|five|six|several|dozens|scores|\p{Lu})/u.test(sentence.text.slice(m.index + m[0].length))))) continue;
        if (figures.some((f) => f.key === key && f.value === value)) continue;
        // Years are not body counts.
        if (value >= 1900 && value <= 2100 && !number.includes(',')) continue;
        // "five attackers died": the attackers' own dead are kept apart from the attack's toll.
        // "two soldiers and three attackers were killed": each number counts the words up to the next one.
        const counted = text.slice(at + number.length, m.index + m[0].length).split(/\band\b|,/)[0]!;
        const attackers = ATTACKERS.test(counted) || OF_ATTACKERS.test(text.slice(at + number.length));
        // "Twelve soldiers and four members of the X Corps were killed": a part of the victims already summed into a toll.
        if (!attackers && figures.some((f) => f.key === key && !f.attackers && f.start <= sentence.start + at && sentence.start + at < f.end)) continue;
        // "nine police officers and a civilian": victims counted in parts are one toll, their sum.
        const part = attackers ? undefined : this.partAfter(text, at + number.length, m.index + m[0].length);
        if (part) re.lastIndex = part.end;
        const end = Math.max(m.index + m[0].length, part?.end ?? 0);
        const total = value + (part?.value ?? 0);
        if (part && figures.some((f) => f.key === key && f.value === total)) continue;
        const added = m.groups!.added !== undefined || MORE_AFTER.test(text.slice(at + number.length));
        figures.push({ key, value: total, attackers, ...(added ? { added } : {}), qualifier: m.groups!.q, start: sentence.start + m.index, end: sentence.start + end, text: sentence.text.slice(m.index, end) });
      }
    }
    figures.push(...this.singleFigures(sentence, text, figures));
    for (const re of this.victims) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const value = parseCount(m.groups!.n!, this.lexicon.countWords);
        // "stabbed four shoppers until he was wounded by police": the attacker's own hurt counts none of them.
        if (value === undefined || figures.some((f) => f.key === 'injured' && !f.attackers)) continue;
        figures.push({ key: 'injured', value, attackers: false, attacked: true, qualifier: m.groups!.q, start: sentence.start + m.index, end: sentence.start + m.index + m[0].length, text: sentence.text.slice(m.index, m.index + m[0].length) });
      }
    }
    return figures.sort((a, b) => a.start - b.start);
  }
}

// Between two counts of one toll told in parts ("nine police officers died in X; thirteen villagers were killed in
// Y"): nothing that sets one against another time or another toll ("12, up from eight", "since 30 died in 2015").
// "Of the 14 wounded, four were hurt by the blast": a count told as the whole that the next ones divide.
const WHOLE_BEFORE = /\bof\s+(?:the|those|these)\s+$/i;
const ANOTHER_TIME = /\b(?:since|than|after|before|when|compared|earlier|previous|previously|ago|last|later|rose|risen|revised|from|while|whereas)\b|\b(?:19|20)\d\d\b/;

/**
 * The figures one sentence gives one attack, with counts told in parts joined into their sum: "nine police
 * officers and a civilian died in Monguno; thirteen villagers were killed in Dikwa" is a toll of 23.
 */
export function joinParts(figures: CasualtyFigure[], sentence: Sentence): CasualtyFigure[] {
  const joined: CasualtyFigure[] = [];
  for (const figure of [...figures].sort((a, b) => a.start - b.start)) {
    const previous = joined.findLast((f) => f.key === figure.key);
    const between = previous && sentence.text.slice(previous.end - sentence.start, figure.start - sentence.start);
    if (!previous || previous.attackers !== figure.attackers || previous.attacked || figure.attacked || between === undefined || between.length > 120 || ANOTHER_TIME.test(between.toLowerCase()) || WHOLE_BEFORE.test(sentence.text.slice(0, previous.start - sentence.start))) {
      joined.push(figure);
      continue;
    }
    const end = Math.max(previous.end, figure.end);
    joined[joined.indexOf(previous)] = { ...previous, value: previous.value + figure.value, end, text: sentence.text.slice(previous.start - sentence.start, end - sentence.start) };
  }
  return joined;
}

/**
 * Whether an attack phrase is named only to date another event the figure counts: "A day before the siege, a
 * bomber killed six" is not the siege's toll, while "since the 2015 bombing in Kessa, which killed 30" is that
 * bombing's, and "After the raid, the gunmen shot four" is the raid's (the phrase says which: `measuredFrom`).
 */
export function datesAnother(sentence: Sentence, phrase: { start: number; end: number; measuredFrom?: 'directly' | 'interval' | undefined }, figure: { start: number; end: number }): boolean {
  if (phrase.measuredFrom !== 'interval') return false;
  const between = sentence.text.slice(phrase.end - sentence.start, figure.start - sentence.start);
  return figure.end <= phrase.start || (/[,;]/.test(between) && !/,\s*(?:which|that|in which|when)\b/i.test(between));
}

/** Marks an attribute read from a count of everyone attacked: it stands only for an attack given no other count. */
export const ATTACKED = 'attacked';

/** The attackers' own dead are reported as `attackerDeaths` (and `attackerInjured`), never as the toll. */
export const toAttribute = (figure: CasualtyFigure, doc: string): AttributeReport => ({
  key: figure.attackers ? (figure.key === 'deaths' ? 'attackerDeaths' : 'attackerInjured') : figure.key,
  value: figure.value,
  doc,
  text: figure.text,
  start: figure.start,
  end: figure.end,
  ...(figure.attacked ? { qualifier: ATTACKED } : figure.qualifier ? { qualifier: figure.qualifier } : {}),
});
