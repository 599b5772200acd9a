// A worker thread that extracts articles: each worker loads the gazetteers once and answers batches.
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../ingest/index.js';
import { ArticleExtractor } from './extractor.js';
import { encodeOutcomes } from './outcome-tape.js';

const extractor = new ArticleExtractor((workerData as { ontology?: string } | undefined)?.ontology);
parentPort!.on('message', (articles: Article[]) => {
  const tape = encodeOutcomes(articles.map((a) => extractor.tryExtract(a)));
  parentPort!.postMessage(tape, [tape.tape.buffer]);
});
