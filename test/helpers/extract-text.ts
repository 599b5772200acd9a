// Runs the extraction pipeline on strings written for a test, and reads its result by name.
import { prepareArticle } from '../../src/ingest/index.js';
import type { EntityRecord, Extraction } from '../../src/model/extraction.js';
import { ArticleExtractor } from '../../src/pipeline/index.js';

let pipeline: ArticleExtractor | undefined;

export function extractTexts(...texts: string[]): Extraction {
  pipeline ??= new ArticleExtractor();
  return pipeline.extractCorpus(texts.map((content, i) => prepareArticle({ source: `article-${i + 1}.txt`, format: 'text', content })));
}

export class Graph {
  constructor(readonly extraction: Extraction) {}

  entity(name: string, type?: string): EntityRecord | undefined {
    const lower = name.toLowerCase();
    return this.extraction.entities.find((e) => (type === undefined || e.type === type) && (e.name.toLowerCase() === lower || e.aliases.some((a) => a.toLowerCase() === lower)));
  }

  entitiesOf(type: string): EntityRecord[] {
    return this.extraction.entities.filter((e) => e.type === type);
  }

  /** Relations as "TYPE source -> target" lines, by entity name. */
  relations(): string[] {
    const names = new Map(this.extraction.entities.map((e) => [e.id, e.name]));
    return this.extraction.relations.map((r) => `${r.type} ${names.get(r.source)} -> ${names.get(r.target)}`);
  }
}

export const graphOf = (...texts: string[]): Graph => new Graph(extractTexts(...texts));
