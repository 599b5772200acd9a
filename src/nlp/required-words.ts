// What a pattern cannot match without: the lower-case words one of which every match holds whole, read from the
// pattern's source. A reader that runs many patterns over each sentence skips a pattern none of whose words is
// among the sentence's, with a set lookup instead of a scan, and finds exactly what it found before: the words
// are necessary, never sufficient, and the pattern itself still decides. (Testing the strings with `includes`
// instead costs more than the scans it saves: a pattern spells out into dozens of them.)

type Strings = Set<string> | undefined;

/**
 * What a node of the pattern says of its matches: each is one of `exact` (when known), begins with one of `prefix`,
 * ends with one of `suffix`, and contains one of `need` (undefined: nothing known). Prefixes and suffixes let a word
 * cut by a group's edge be joined with what comes after it ("behind" in "(?:is|was)(?: \w+ly)? behind" and \b).
 */
interface Info {
  exact?: Set<string>;
  prefix: Strings;
  suffix: Strings;
  need: Strings;
}

const MAX_EXACT = 64;
const MAX_NEED = 256;
const ANY: Info = { prefix: undefined, suffix: undefined, need: undefined };
const exactly = (strings: Set<string>): Info => ({ exact: strings, prefix: strings, suffix: strings, need: strings });
const EMPTY = (): Info => exactly(new Set(['']));
// Stands for \b in the strings: no ASCII word character may be on its other side.
const BOUNDARY = '\u0000';
// Escapes that stand for one character of their own (punctuation, white space written out).
const LITERAL_ESCAPE = /^[\\/.^$|?*+()[\]{}\-'"’,:;!#&%@=<>~`_ ]$/;

function cross(a: Strings, b: Strings): Strings {
  if (!a || !b || a.size * b.size > MAX_EXACT) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

function union(a: Strings, b: Strings, max: number): Strings {
  return a && b && a.size + b.size <= max ? new Set([...a, ...b]) : undefined;
}

/** How much a set of strings says: the shortest of their longest bounded words (0 if one has none), -1 for nothing. */
function score(strings: Strings): number {
  if (!strings) return -1;
  let least = Infinity;
  for (const s of strings) least = Math.min(least, Math.max(0, ...boundedWords(s).map((w) => w.length)));
  return least === Infinity ? 0 : least;
}

function best(...candidates: Strings[]): Strings {
  let chosen: Strings;
  for (const c of candidates) if (c && (score(c) > score(chosen) || (score(c) === score(chosen) && c.size < chosen!.size))) chosen = c;
  return chosen;
}

const bestOf = (info: Info): Strings => best(info.need, info.prefix, info.suffix);

function concat(a: Info, b: Info): Info {
  const exact = cross(a.exact, b.exact);
  if (exact) return exactly(exact);
  return {
    prefix: a.exact ? (cross(a.exact, b.prefix) ?? a.exact) : a.prefix,
    suffix: b.exact ? (cross(a.suffix, b.exact) ?? b.exact) : b.suffix,
    need: best(a.need, b.need, cross(a.suffix, b.prefix)),
  };
}

function alternate(a: Info, b: Info): Info {
  const exact = union(a.exact, b.exact, MAX_EXACT);
  if (exact) return exactly(exact);
  return { prefix: union(a.prefix, b.prefix, MAX_NEED), suffix: union(a.suffix, b.suffix, MAX_NEED), need: union(bestOf(a), bestOf(b), MAX_NEED) };
}

/** Thrown on syntax this reader does not know: the pattern then gets no strings, and is always run. */
class Unknown extends Error {}

class Reader {
  private at = 0;
  constructor(private readonly source: string) {}

  read(): Info {
    const info = this.alternation();
    if (this.at !== this.source.length) throw new Unknown();
    return info;
  }

  private alternation(): Info {
    let info = this.sequence();
    while (this.source[this.at] === '|') {
      this.at++;
      info = alternate(info, this.sequence());
    }
    return info;
  }

  private sequence(): Info {
    let info = EMPTY();
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') info = concat(info, this.quantified(this.atom()));
    return info;
  }

  private atom(): Info {
    const c = this.source[this.at++]!;
    if (c === '(') {
      const lookaround = /^\?<?[=!]/.exec(this.source.slice(this.at));
      if (lookaround) this.at += lookaround[0].length;
      else if (this.source.startsWith('?:', this.at)) this.at += 2;
      else if (this.source.startsWith('?<', this.at)) this.at = this.source.indexOf('>', this.at) + 1;
      else if (this.source[this.at] === '?') throw new Unknown();
      const inner = this.alternation();
      if (this.source[this.at++] !== ')') throw new Unknown();
      // A lookaround matches no characters of its own.
      return lookaround ? EMPTY() : inner;
    }
    if (c === '[') {
      for (let escaped = false; this.at < this.source.length; this.at++) {
        if (!escaped && this.source[this.at] === ']') {
          this.at++;
          return ANY;
        }
        escaped = !escaped && this.source[this.at] === '\\';
      }
      throw new Unknown();
    }
    if (c === '\\') {
      const e = this.source[this.at++] ?? '';
      if (e === 'b') return exactly(new Set([BOUNDARY]));
      if (e === 'B') return EMPTY();
      if ('dDwWsS'.includes(e)) return ANY;
      if (LITERAL_ESCAPE.test(e)) return exactly(new Set([e.toLowerCase()]));
      throw new Unknown();
    }
    if (c === '^' || c === '$') return EMPTY();
    if (c === '.') return ANY;
    if ('?*+{})]'.includes(c)) throw new Unknown();
    // Only ASCII is lowered here as a case-insensitive pattern would match it; any other character is left unknown.
    return c.charCodeAt(0) < 128 ? exactly(new Set([c.toLowerCase()])) : ANY;
  }

  private quantified(atom: Info): Info {
    const q = /^(?:\?|\*|\+|\{(\d+)(?:(,)(\d*))?\})\??/.exec(this.source.slice(this.at));
    if (!q) return atom;
    this.at += q[0].length;
    const kind = q[0][0];
    const min = kind === '+' ? 1 : kind === '{' ? Number(q[1]) : 0;
    const max = kind === '?' ? 1 : kind === '{' ? (q[2] ? (q[3] ? Number(q[3]) : Infinity) : min) : Infinity;
    if (min === 1 && max === 1) return atom;
    if (min === 0 && max === 1) return alternate(atom, EMPTY());
    return min === 0 ? ANY : { prefix: atom.prefix, suffix: atom.suffix, need: bestOf(atom) };
  }
}

/**
 * The words of `literal` that are whole runs of ASCII letters wherever it matches: each has a character that is
 * no letter, or a \b, on both sides inside the literal, so the text holds a character that is no letter there too.
 */
function boundedWords(literal: string): string[] {
  const words: string[] = [];
  for (const m of literal.matchAll(/[a-z]+/g)) if (m.index > 0 && m.index + m[0].length < literal.length) words.push(m[0]);
  return words;
}

/**
 * Lower-case words one of which each match of `pattern` holds as a whole run of ASCII letters (a word of
 * `letterRuns` of the text), or undefined when it promises none. For /\bclaim(?:ed|s)? credit\b/i: "credit"; for
 * /\d+ (?:drowned|missing)\b/: both words. Only without the `u` or `v` flag: with them a case-insensitive k matches
 * the Kelvin sign too, and \w is no longer what the runs are split on.
 */
export function requiredWords(pattern: RegExp): string[] | undefined {
  if (pattern.unicode || pattern.flags.includes('v')) return undefined;
  let need: Strings;
  try {
    need = bestOf(new Reader(pattern.source).read());
  } catch (error) {
    if (error instanceof Unknown) return undefined;
    throw error;
  }
  if (score(need) <= 0) return undefined;
  const words = new Set<string>();
  // The longest word of each string says the most.
  for (const literal of need!) words.add(boundedWords(literal).sort((a, b) => b.length - a.length)[0]!);
  return [...words];
}

const isLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;

/** Calls `visit` with each of the text's runs of ASCII letters, in lower case: what `requiredWords` are looked up in. */
function eachLetterRun(text: string, visit: (run: string) => void): void {
  // By hand, as it runs once per sentence: matchAll would build a match array for every word.
  for (let at = 0; at < text.length; at++) {
    if (!isLetter(text.charCodeAt(at))) continue;
    const start = at;
    while (at < text.length && isLetter(text.charCodeAt(at))) at++;
    visit(text.slice(start, at).toLowerCase());
  }
}

/** The text's runs of ASCII letters, in lower case. */
export function letterRuns(text: string): Set<string> {
  const runs = new Set<string>();
  eachLetterRun(text, (run) => runs.add(run));
  return runs;
}

/**
 * Which of a list of patterns a text may match, by their `requiredWords`: each of the text's letter runs is looked
 * up once, instead of every pattern's words being looked up in the text's (most sentences hold a few of them).
 */
export class RequiredWordIndex {
  private readonly byWord = new Map<string, number[]>();
  private readonly unbounded: number[] = [];

  /** `words[k]` are pattern k's required words, undefined when it has none (it may match anything). */
  constructor(private readonly words: ReadonlyArray<readonly string[] | undefined>) {
    words.forEach((list, k) => {
      if (!list) this.unbounded.push(k);
      else for (const w of list) this.byWord.set(w, [...(this.byWord.get(w) ?? []), k]);
    });
  }

  /** One flag per pattern: 1 where the pattern may match the text, 0 where it cannot. */
  candidates(text: string): Uint8Array {
    const may = new Uint8Array(this.words.length);
    for (const k of this.unbounded) may[k] = 1;
    eachLetterRun(text, (run) => {
      const patterns = this.byWord.get(run);
      if (patterns) for (const k of patterns) may[k] = 1;
    });
    return may;
  }
}
