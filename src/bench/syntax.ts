// Bench section "syntax": how fast the tagger and parser run over real sentence lengths, so the extractor
// can budget which sentences to parse.
import type { Article } from '../ingest/index.js';
import { splitSentences } from '../nlp/index.js';
import { parseSentence, syntaxModel } from '../nlp/syntax/index.js';

export interface SyntaxFigures {
  sentences: number;
  tokens: number;
  /** Tokens per second, one sample per run. */
  samples: number[];
}

export function measureSyntax(docs: Article[], runs: number): SyntaxFigures {
  const sentences = docs.flatMap((d) => splitSentences(d.text)).map((s) => s.tokens);
  const tokens = sentences.reduce((n, s) => n + s.length, 0);
  syntaxModel();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    for (const s of sentences) parseSentence(s);
    samples.push(tokens / ((performance.now() - start) / 1000));
  }
  return { sentences: sentences.length, tokens, samples };
}
