// Splits a document into sentences with offsets. Paragraph breaks always end a sentence (headlines and
// bylines have no full stop); a full stop after a known abbreviation or an initial does not.
import { tokenize } from './tokenize.js';
import type { Sentence } from './types.js';

const NO_BREAK_AFTER = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Maj|St|Jr|Sr|No|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|Inc|Ltd|Co)\.|\b[A-Z]\.|(?:\b[A-Z]\.){2,})$/;
const BOILERPLATE = /^(?:by |photo|credit|source|copyright|©|listen to|more info|send feedback|read more|related|latest stories|advertisement|share this|follow us|sign up|subscribe)/i;
// "Sources attributed the attack to …", "By Friday the toll had risen …": a credit's opening word that goes on
// into a long sentence ending like prose opens prose.
const PROSE_WORDS = 8;

const HEADLINE_WORDS = 25;

function isHeadlineLike(text: string): boolean {
  const endsLikeProse = /[.!?]["')\]]?$/.test(text);
  const boilerplate = BOILERPLATE.test(text);
  // Words are counted only as far as the answer needs (it runs on every sentence, and most end like prose):
  // prose asks whether there are more than two, or more than PROSE_WORDS after a credit's opening word.
  const enough = !endsLikeProse ? HEADLINE_WORDS + 1 : boilerplate ? PROSE_WORDS + 1 : 3;
  const word = /[\p{L}][\p{L}'-]*/gu;
  let words = 0;
  let capitalized = 0;
  for (let m = word.exec(text); m && words < enough; m = word.exec(text)) {
    words++;
    if (/^\p{Lu}/u.test(m[0])) capitalized++;
  }
  if (words === 0) return true;
  return (boilerplate && (!endsLikeProse || words <= PROSE_WORDS)) || (!endsLikeProse && words <= HEADLINE_WORDS && capitalized / words > 0.6) || words <= 2;
}

// Real sentences are far shorter; a longer run (a table flattened to one line, a page with no full stops) is cut
// so that work per sentence stays bounded and the whole document takes time in proportion to its length.
export const MAX_SENTENCE_CHARS = 1000;

/** Where to end a piece of at most MAX_SENTENCE_CHARS from `from`: the last clause break or space before it. */
function cutPoint(body: string, from: number, to: number): number {
  if (to - from <= MAX_SENTENCE_CHARS) return to;
  const window = body.slice(from, from + MAX_SENTENCE_CHARS);
  const clause = Math.max(window.lastIndexOf('; '), window.lastIndexOf(', '));
  if (clause > MAX_SENTENCE_CHARS / 2) return from + clause + 1;
  const space = window.lastIndexOf(' ');
  return from + (space > 0 ? space : MAX_SENTENCE_CHARS);
}

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const paragraph = /[^\n]+/g;
  for (let p = paragraph.exec(text); p; p = paragraph.exec(text)) {
    const body = p[0];
    const base = p.index;
    const boundary = /[.!?]+["')\]]*(?=\s+["'([]?[\p{Lu}\d])/gu;
    let start = 0;
    const push = (from: number, to: number) => {
      for (let cut = cutPoint(body, from, to); cut < to; cut = cutPoint(body, from, to)) {
        pushPiece(from, cut);
        from = cut;
      }
      pushPiece(from, to);
    };
    const pushPiece = (from: number, to: number) => {
      const raw = body.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      const piece = raw.trim();
      if (piece.length === 0) return;
      const absolute = base + from + lead;
      sentences.push({
        index: sentences.length,
        start: absolute,
        end: absolute + piece.length,
        text: piece,
        tokens: tokenize(piece, absolute),
        headline: isHeadlineLike(piece),
      });
    };
    for (let b = boundary.exec(body); b; b = boundary.exec(body)) {
      const end = b.index + b[0].length;
      if (NO_BREAK_AFTER.test(body.slice(Math.max(0, b.index - 12), b.index + 1))) continue;
      push(start, end);
      start = end;
    }
    push(start, body.length);
  }
  return sentences;
}
