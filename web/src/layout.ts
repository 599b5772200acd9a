// Where entities sit. Graphs up to a few thousand entities get a deterministic layout (seeded start positions,
// a fixed number of ForceAtlas2 iterations, then noverlap), so a link, a reload and an export show the same
// picture; larger ones, and "Start layout" on any, run ForceAtlas2 in a worker for as long as asked.
import type { MultiDirectedGraph } from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';

// Past this, iterations on the page's thread would freeze it for seconds; the worker keeps it responsive.
const DETERMINISTIC_LIMIT = 2000;
// noverlap runs on this thread and grows fast with size: on large graphs ForceAtlas2's spacing is enough.
const NOVERLAP_LIMIT = 2000;

const settingsFor = (graph: MultiDirectedGraph) => ({ ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 });

export class Layout {
  private worker: FA2Layout | undefined;
  private timer: number | undefined;

  /** `onChange` hears when the layout starts and stops (to label its button). */
  constructor(private readonly graph: MultiDirectedGraph, private readonly onChange: (running: boolean) => void) {}

  get running(): boolean {
    return this.worker?.isRunning() ?? false;
  }

  /** Lays the graph out: the same positions for the same graph whenever it is small enough. */
  settle(): void {
    if (this.graph.order === 0) return;
    if (this.graph.order > DETERMINISTIC_LIMIT) return this.start(4000);
    this.stop();
    forceAtlas2.assign(this.graph, { iterations: this.graph.order > 500 ? 100 : 300, settings: settingsFor(this.graph) });
    this.spread();
    this.onChange(false);
  }

  start(ms: number): void {
    this.worker?.kill();
    if (this.graph.order === 0) return;
    this.worker = new FA2Layout(this.graph, { settings: settingsFor(this.graph) });
    this.worker.start();
    this.onChange(true);
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.stop(), ms);
  }

  stop(): void {
    clearTimeout(this.timer);
    if (!this.worker?.isRunning()) return;
    this.worker.stop();
    this.spread();
    this.onChange(false);
  }

  private spread(): void {
    if (this.graph.order <= NOVERLAP_LIMIT) noverlap.assign(this.graph, { maxIterations: 50, settings: { ratio: 1.2 } });
  }
}
