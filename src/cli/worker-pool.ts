// Extraction across worker threads. Documents are extracted independently, so they can run anywhere; the
// results come back in input order, so resolution (which depends on order) gives the same graph.
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../ingest/index.js';
import type { ExtractionOutcome } from './pipeline.js';

export const defaultWorkers = (): number => Math.max(1, Math.min(cpus().length, 8));

export class ExtractionPool {
  private readonly workers: Worker[];
  private next = 0;
  private sequence = 0;
  private readonly waiting = new Map<number, { done: (outcomes: ExtractionOutcome[]) => void; fail: (error: unknown) => void }>();

  constructor(size: number, ontologyFile?: string) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(new URL('./extract-worker.js', import.meta.url), { workerData: { ontology: ontologyFile } });
      worker.on('message', (message: { id: number; outcomes: ExtractionOutcome[] }) => {
        this.waiting.get(message.id)?.done(message.outcomes);
        this.waiting.delete(message.id);
      });
      // A worker that dies fails everything still waiting: the caller reports it, nothing hangs.
      worker.on('error', (error) => {
        for (const waiter of this.waiting.values()) waiter.fail(error);
        this.waiting.clear();
      });
      return worker;
    });
  }

  private run(articles: Article[]): Promise<ExtractionOutcome[]> {
    const id = this.sequence++;
    const worker = this.workers[this.next++ % this.workers.length]!;
    return new Promise((done, fail) => {
      this.waiting.set(id, { done, fail });
      worker.postMessage({ id, articles });
    });
  }

  /** Extracts all articles, split into chunks across the workers, in input order; a failure is its article's. */
  async extract(articles: Article[], chunk = 20): Promise<ExtractionOutcome[]> {
    const parts: Array<Promise<ExtractionOutcome[]>> = [];
    for (let i = 0; i < articles.length; i += chunk) parts.push(this.run(articles.slice(i, i + chunk)));
    return (await Promise.all(parts)).flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
