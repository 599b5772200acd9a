// Extraction across worker threads. Documents are extracted independently, so they can run anywhere; the
// results come back in input order, so resolution (which depends on order) gives the same graph.
import { Worker } from 'node:worker_threads';
import type { Article } from '../ingest/index.js';
import { ArticleExtractor, type ExtractionOutcome } from './extractor.js';
import { decodeOutcomes, type OutcomeTape } from './outcome-tape.js';

/** Extracts batches of articles, in this thread or in workers; results in input order. */
export interface Extraction {
  extract(articles: Article[]): Promise<ExtractionOutcome[]>;
  close(): Promise<void>;
}

interface Job {
  articles: Article[];
  done: (outcomes: ExtractionOutcome[]) => void;
  fail: (error: unknown) => void;
}

/** Young generation of each worker's heap, twice V8's default: a worker then scavenges its short-lived extraction
 * objects about half as often, which measured about 5% less CPU over 4,000 documents; it costs up to 48 MB more
 * memory per worker. */
const YOUNG_GENERATION_MB = 96;

/** Jobs a worker holds at once: it starts the next the moment it finishes one, without waiting for this thread.
 * Four chunks (a whole batch of 200 on two workers) carry a worker through this thread resolving a batch and
 * reading the next: with two, each worker sat idle 19% of a 20,000-document `kg import`, with four 11%. */
const QUEUED_PER_WORKER = 4;

/** Worker threads taking chunks from one queue; this thread only hands them out and takes the results, so it
 * stays free to resolve and write the batch before while they extract. */
export class ExtractionPool implements Extraction {
  private readonly workers: Worker[];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job[]>();
  private broken: unknown;

  /** `chunk`: documents per message; fewer messages cost less, but the last chunk leaves the other workers idle. */
  constructor(
    private readonly size: number,
    ontologyFile?: string,
    private readonly chunk = 25,
  ) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(new URL('./extract-worker.js', import.meta.url), { workerData: { ontology: ontologyFile }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      this.running.set(worker, []);
      // The next chunk goes out before this one is decoded, so the worker never waits on this thread.
      worker.on('message', (tape: OutcomeTape) => {
        const job = this.running.get(worker)!.shift()!;
        this.feed(worker);
        job.done(decodeOutcomes(tape));
      });
      // A worker that dies fails everything still waiting: the caller reports it, nothing hangs.
      worker.on('error', (error) => {
        this.broken = error;
        for (const job of [...[...this.running.values()].flat(), ...this.queue.splice(0)]) job.fail(error);
        for (const jobs of this.running.values()) jobs.length = 0;
      });
      return worker;
    });
  }

  private feed(worker: Worker): void {
    const jobs = this.running.get(worker)!;
    while (jobs.length < QUEUED_PER_WORKER && this.queue.length > 0) {
      const job = this.queue.shift()!;
      jobs.push(job);
      worker.postMessage(job.articles);
    }
  }

  async extract(articles: Article[]): Promise<ExtractionOutcome[]> {
    // Chunks small enough that every thread gets a share of a small batch.
    const size = Math.max(1, Math.min(this.chunk, Math.ceil(articles.length / this.size)));
    const parts: Array<Promise<ExtractionOutcome[]>> = [];
    for (let i = 0; i < articles.length; i += size) {
      parts.push(
        new Promise((done, fail) => {
          if (this.broken) return fail(this.broken);
          this.queue.push({ articles: articles.slice(i, i + size), done, fail });
        }),
      );
    }
    for (const worker of this.workers) this.feed(worker);
    return (await Promise.all(parts)).flat();
  }

  /** Chunks not yet taken are dropped: after a failure nobody waits for them. */
  async close(): Promise<void> {
    this.queue.length = 0;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Extraction in the calling thread. */
class InThread implements Extraction {
  private readonly extractor: ArticleExtractor;
  constructor(ontologyFile?: string) {
    this.extractor = new ArticleExtractor(ontologyFile);
  }
  async extract(articles: Article[]): Promise<ExtractionOutcome[]> {
    return articles.map((a) => this.extractor.tryExtract(a));
  }
  async close(): Promise<void> {}
}

/** `workers` threads for extraction; one means this thread. */
export const openExtraction = (workers: number, ontologyFile?: string): Extraction => (workers > 1 ? new ExtractionPool(Math.floor(workers), ontologyFile) : new InThread(ontologyFile));
