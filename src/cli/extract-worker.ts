// A worker thread that extracts articles: each worker loads the gazetteers once and answers batches.
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../ingest/index.js';
import { Pipeline } from './pipeline.js';

const pipeline = new Pipeline((workerData as { ontology?: string } | undefined)?.ontology);
parentPort!.on('message', (message: { id: number; articles: Article[] }) => {
  parentPort!.postMessage({ id: message.id, outcomes: message.articles.map((a) => pipeline.tryExtract(a)) });
});
