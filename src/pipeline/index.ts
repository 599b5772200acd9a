// The pipeline: documents in, extraction in worker threads, resolution, batches of resolved graph out to the
// caller's sink. It may import from every step; only cli/ (and the bench) import it.
export { ArticleExtractor, resolveCorpus, type ExtractionOutcome } from './extractor.js';
export { ExtractionPool, openExtraction, type Extraction } from './worker-pool.js';
export { openInputs, readDocuments, shardDocuments, type DocumentStream, type SourceItem } from './sources.js';
export { ShardWriter } from './shards.js';
export { extractBatches, ingestDocuments, type ExtractedBatch, type PipelineEvents, type RunOptions } from './run.js';
export { type GraphSink, type IngestSummary } from './writer.js';
export { dryRunSink, neo4jSink } from './sinks.js';
export { FeedWatcher, type Tally, type WatchLimits, type WatchReport } from './watch.js';
