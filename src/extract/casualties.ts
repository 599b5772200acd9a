// Casualty figures ("left 133 dead and 147 injured", "at least 144", "nearly 100 lives"), each tied to the
// attack its sentence speaks of and kept with its document and words: sources disagree, so none is averaged.
import type { Lexicon } from '../model/gazetteer.js';
import type { AttributeReport } from '../model/extraction.js';
import { countPattern, parseCount, type Sentence } from '../nlp/index.js';

const QUALIFIER = '(?:(?<q>at least|nearly|almost|more than|over|about|around|roughly|approximately|some|up to|as many as|at most|fewer than|less than|a total of|in total) )?';

const ATTACKERS = /\b(?:attackers?|gunmen|gunman|assailants?|bombers?|militants?|terrorists?|suspects?|perpetrators?|jihadists?|insurgents?|fighters?|hostage-takers?)\b/;

export interface CasualtyFigure {
  key: 'deaths' | 'injured';
  value: number;
  qualifier: string | undefined;
  start: number;
  end: number;
  text: string;
}

export class CasualtyReader {
  private readonly patterns: Array<{ key: 'deaths' | 'injured'; re: RegExp }>;
  /** A count right after an active verb: "four gunmen killed 52 people" counts the killers first. */
  private readonly countAfter: RegExp;

  constructor(private readonly lexicon: Lexicon) {
    const count = `(?<n>${countPattern(lexicon.countWords)})`;
    const compile = (key: 'deaths' | 'injured', source: string) => ({ key, re: new RegExp(`\\b${source.replace('Q N', `${QUALIFIER}${count}`)}\\b`, 'g') });
    this.countAfter = new RegExp(`^\\s+${QUALIFIER}${count}\\b`);
    this.patterns = [...lexicon.deathPatterns.map((p) => compile('deaths', p)), ...lexicon.injuryPatterns.map((p) => compile('injured', p))];
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
        // "including 180 children" is a part of a figure already given; "took 912 people hostage" is no casualty.
        const before = text.slice(Math.max(0, at - 25), at);
        const after = text.slice(m.index + m[0].length);
        if (value === undefined || /including\s+(?:\S+\s+)?$/.test(before) || /^\s*(?:\w+\s+)?hostage/.test(after)) continue;
        // "five attackers died": the attackers' own dead are not the attack's toll.
        if (ATTACKERS.test(m[0])) continue;
        // "four gunmen killed 52 people": the number before an active verb with a count after it is the attackers'.
        if (/(?:killed|wounded|injured)$/.test(m[0]) && this.countAfter.test(after)) continue;
        if (figures.some((f) => f.key === key && f.value === value)) continue;
        // Years are not body counts.
        if (value >= 1900 && value <= 2100 && !number.includes(',')) continue;
        figures.push({ key, value, qualifier: m.groups!.q, start: sentence.start + m.index, end: sentence.start + m.index + m[0].length, text: sentence.text.slice(m.index, m.index + m[0].length) });
      }
    }
    return figures.sort((a, b) => a.start - b.start);
  }
}

export const toAttribute = (figure: CasualtyFigure, doc: string): AttributeReport => ({
  key: figure.key,
  value: figure.value,
  doc,
  text: figure.text,
  start: figure.start,
  end: figure.end,
  ...(figure.qualifier ? { qualifier: figure.qualifier } : {}),
});
