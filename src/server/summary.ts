// The viewer's first graph over a store too large to draw whole: past a threshold on the store's counts the
// page gets the entities with the most relationships, and what each of them stands for, and opens the rest
// on demand. Ranking a large store costs seconds, so it is kept until the counts change.
import { ConfigError } from '../model/errors.js';
import type { Overview } from '../model/api.js';
import type { GraphSource, StoreSize } from './sources.js';

export interface SummaryOptions {
  /** Entities past which the page gets a summary; relationships past three times as many do too. */
  above: number;
  /** How many entities a summary shows. */
  size: number;
}

// The viewer draws 10k entities / 30k relationships whole and fluidly (BENCHMARKS.md); past that, a summary.
export const DEFAULT_SUMMARY: SummaryOptions = { above: 10_000, size: 1000 };
const RELATIONSHIPS_PER_ENTITY = 3;

/** Checks options given on the command line or by a caller; the messages name the option and what it expects. */
export function resolveSummaryOptions(partial: Partial<SummaryOptions> = {}): SummaryOptions {
  const options = { ...DEFAULT_SUMMARY, ...partial };
  if (!Number.isInteger(options.above) || options.above < 0) throw new ConfigError(`Summary: invalid threshold ${options.above}.`, 'Expecting a whole number of entities (--summary-above), 0 or more.');
  if (!Number.isInteger(options.size) || options.size < 1) throw new ConfigError(`Summary: invalid size ${options.size}.`, 'Expecting a whole number of entities to show (--summary-size), 1 or more.');
  return options;
}

export function thresholdOf(options: SummaryOptions): StoreSize {
  return { entities: options.above, relationships: RELATIONSHIPS_PER_ENTITY * options.above };
}

export function needsSummary(size: StoreSize, options: SummaryOptions): boolean {
  const threshold = thresholdOf(options);
  return size.entities > threshold.entities || size.relationships > threshold.relationships;
}

export class Summaries {
  private cached: { key: string; busiest: Promise<Array<{ id: string; relationships: number }>> } | undefined;

  constructor(private readonly source: GraphSource, readonly options: SummaryOptions) {}

  async overview(full: boolean): Promise<Overview> {
    const size = await this.source.size();
    if (full || !needsSummary(size, this.options)) return { graph: await this.source.graph({}), summary: null };
    // Keyed by the counts: ingests, merges, deletions and rejections all change them; a rename changes no ranking.
    const key = `${size.entities}|${size.relationships}`;
    if (this.cached?.key !== key) {
      const busiest = this.source.busiest(this.options.size);
      this.cached = { key, busiest };
      // A failed ranking is not kept: the next request asks again.
      busiest.catch(() => {
        if (this.cached?.busiest === busiest) this.cached = undefined;
      });
    }
    const busiest = await this.cached.busiest;
    return {
      // Entities as the store has them now (names change without changing the ranking).
      graph: await this.source.entities(busiest.map((b) => b.id)),
      summary: { ...size, threshold: thresholdOf(this.options), relationshipsOf: Object.fromEntries(busiest.map((b) => [b.id, b.relationships])) },
    };
  }
}
