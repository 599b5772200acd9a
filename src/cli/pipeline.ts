// Composes the pipeline steps for the commands: read inputs, prepare articles, analyse, extract, resolve.
import { findNearDuplicates, prepareArticle, readInput, type Article } from '../ingest/index.js';
import type { InputError } from '../model/errors.js';
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
