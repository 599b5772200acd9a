// Extraction across worker threads. Documents are extracted independently, so they can run anywhere; the
// results come back in input order, so resolution (which depends on order) gives the same graph.
import { Worker } from 'node:worker_threads';
import type { Article } from '../ingest/index.js';
import { ArticleExtractor, type ExtractionOutcome } from './extractor.js';

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

export class ExtractionPool implements Extraction {
  private readonly workers: Worker[];
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private broken: unknown;

  /** `chunk`: documents per message; fewer messages cost less, but the last chunk leaves the other workers idle. */
  constructor(
    size: number,
    ontologyFile?: string,
    private readonly chunk = 50,
  ) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(new URL('./extract-worker.js', import.meta.url), { workerData: { ontology: ontologyFile } });
      worker.on('message', (outcomes: ExtractionOutcome[]) => {
        const job = this.running.get(worker)!;
        this.running.delete(worker);
        job.done(outcomes);
        this.dispatch(worker);
      });
      // A worker that dies fails everything still waiting: the caller reports it, nothing hangs.
      worker.on('error', (error) => {
        this.broken = error;
        for (const job of [...this.running.values(), ...this.queue.splice(0)]) job.fail(error);
        this.running.clear();
      });
      this.idle.push(worker);
      return worker;
    });
  }

  /** An idle worker takes the next chunk waiting, so a slow chunk never holds up the others. */
  private dispatch(worker: Worker): void {
    const job = this.queue.shift();
    if (!job) {
      this.idle.push(worker);
      return;
    }
    this.running.set(worker, job);
    worker.postMessage(job.articles);
  }

  async extract(articles: Article[]): Promise<ExtractionOutcome[]> {
    // Chunks small enough that every worker gets a share of a small batch.
    const size = Math.max(1, Math.min(this.chunk, Math.ceil(articles.length / this.workers.length)));
    const parts: Array<Promise<ExtractionOutcome[]>> = [];
    for (let i = 0; i < articles.length; i += size) {
      parts.push(
        new Promise((done, fail) => {
          if (this.broken) return fail(this.broken);
          this.queue.push({ articles: articles.slice(i, i + size), done, fail });
          const worker = this.idle.pop();
          if (worker) this.dispatch(worker);
        }),
      );
    }
    return (await Promise.all(parts)).flat();
  }

  async close(): Promise<void> {
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
