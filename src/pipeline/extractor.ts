// Extraction of single documents and the resolution of a corpus in memory, with the ontology and gazetteers
// loaded once: what each worker thread runs, and what the calling thread runs when it extracts itself.
import { findNearDuplicates, type Article } from '../ingest/index.js';
import { InputError } from '../model/errors.js';
import type { Extraction } from '../model/extraction.js';
import { loadOntology } from '../model/ontology.js';
import { Extractor, type DocumentExtraction } from '../extract/index.js';
import { analyzeText, loadGazetteer } from '../nlp/index.js';
import { resolveDocuments, type ResolveInput } from '../resolve/index.js';

/** One article's extraction, or why it failed: a failure belongs to its article, never to the whole run. */
export type ExtractionOutcome = { ok: true; extraction: DocumentExtraction } | { ok: false; reason: string };

export function extractionFailure(source: string, reason: string): InputError {
  return new InputError(source, `extraction failed: ${reason}`, 'The other articles were processed; please report this article so kg can read it.');
}

/** The near-duplicate flags of a batch, as resolution takes them. */
export function resolveInputs(articles: Article[], extractions: DocumentExtraction[]): ResolveInput[] {
  const duplicates = new Map(findNearDuplicates(articles).map((d) => [d.id, d]));
  return articles.map((article, i) => {
    const duplicate = duplicates.get(article.id);
    return { article, extraction: extractions[i]!, ...(duplicate ? { duplicateOf: { id: duplicate.duplicateOf, similarity: duplicate.similarity } } : {}) };
  });
}

/** One graph for all the articles, entities resolved across documents: what `kg extract` prints. */
export const resolveCorpus = (articles: Article[], extractions: DocumentExtraction[]): Extraction => resolveDocuments(resolveInputs(articles, extractions));

export class ArticleExtractor {
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

  /** One graph for all the articles: entities resolved across documents (extracted here unless given). */
  extractCorpus(articles: Article[], extractions?: DocumentExtraction[]): Extraction {
    return resolveCorpus(articles, extractions ?? articles.map((a) => this.extractArticle(a)));
  }
}
