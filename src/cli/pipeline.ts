// Composes the pipeline steps for the commands: read inputs, prepare articles, analyse, extract, resolve.
import { findNearDuplicates, prepareArticle, readInput, type Article } from '../ingest/index.js';
import { InputError } from '../model/errors.js';
import type { Extraction } from '../model/extraction.js';
import { loadOntology } from '../model/ontology.js';
import { Extractor, type DocumentExtraction } from '../extract/index.js';
import { analyzeText, loadGazetteer } from '../nlp/index.js';
import { resolveDocuments, type ResolveInput } from '../resolve/index.js';
import { expandInputs, webClientOf, type WebOptions } from './web-options.js';

export interface LoadedArticles {
  articles: Article[];
  failures: InputError[];
  /** Articles whose text was already read under another name (same id). */
  repeats: Array<{ source: string; sameAs: string }>;
}

export async function loadArticles(paths: string[], options: WebOptions, note: (message: string) => void): Promise<LoadedArticles> {
  const web = webClientOf(options);
  const { inputs: files, errors } = await expandInputs(paths, web, options, note);
  const failures = [...errors];
  const articles: Article[] = [];
  const repeats: LoadedArticles['repeats'] = [];
  const seen = new Map<string, Article>();
  for (const file of files) {
    const result = await readInput(file, options.maxMb * 1024 * 1024, web);
    if (!result.ok) {
      failures.push(result.error);
      continue;
    }
    const article = prepareArticle(result.article);
    const same = seen.get(article.id);
    if (same) {
      repeats.push({ source: article.source, sameAs: same.source });
      continue;
    }
    seen.set(article.id, article);
    articles.push(article);
  }
  return { articles, failures, repeats };
}

/** One article's extraction, or why it failed: a failure belongs to its article, never to the whole run. */
export type ExtractionOutcome = { ok: true; extraction: DocumentExtraction } | { ok: false; reason: string };

export function extractionFailure(source: string, reason: string): InputError {
  return new InputError(source, `extraction failed: ${reason}`, 'The other articles were processed; please report this article so kg can read it.');
}

/** The articles that were extracted, with their extractions in the same order, and a failure for each other one. */
export function settleOutcomes(articles: Article[], outcomes: ExtractionOutcome[]): { articles: Article[]; extractions: DocumentExtraction[]; failures: InputError[] } {
  const settled = { articles: [] as Article[], extractions: [] as DocumentExtraction[], failures: [] as InputError[] };
  outcomes.forEach((outcome, i) => {
    if (outcome.ok) {
      settled.articles.push(articles[i]!);
      settled.extractions.push(outcome.extraction);
    } else settled.failures.push(extractionFailure(articles[i]!.source, outcome.reason));
  });
  return settled;
}

/** Loads the ontology and gazetteers once; extracts any number of articles. */
export class Pipeline {
  private readonly extractor: Extractor;
  private readonly gazetteer = loadGazetteer();

  constructor(ontologyFile?: string) {
    this.extractor = new Extractor({ ontology: ontologyFile ? loadOntology(ontologyFile) : loadOntology(), gazetteer: this.gazetteer });
  }

  extractArticle(article: Article): DocumentExtraction {
    return this.extractor.extract(article, analyzeText(article.text, this.gazetteer));
  }

  tryExtract(article: Article): ExtractionOutcome {
    try {
      return { ok: true, extraction: this.extractArticle(article) };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /** One graph for all the articles: entities resolved across documents. */
  extractCorpus(articles: Article[], extractions?: DocumentExtraction[]): Extraction {
    const duplicates = new Map(findNearDuplicates(articles).map((d) => [d.id, d]));
    const inputs: ResolveInput[] = articles.map((article, i) => {
      const duplicate = duplicates.get(article.id);
      return { article, extraction: extractions?.[i] ?? this.extractArticle(article), ...(duplicate ? { duplicateOf: { id: duplicate.duplicateOf, similarity: duplicate.similarity } } : {}) };
    });
    return resolveDocuments(inputs);
  }
}
