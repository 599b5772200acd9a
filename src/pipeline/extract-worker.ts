// A worker thread that extracts articles: each worker loads the gazetteers once and answers batches.
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../ingest/index.js';
import { ArticleExtractor } from './extractor.js';

const extractor = new ArticleExtractor((workerData as { ontology?: string } | undefined)?.ontology);
parentPort!.on('message', (articles: Article[]) => {
  parentPort!.postMessage(articles.map((a) => extractor.tryExtract(a)));
});
