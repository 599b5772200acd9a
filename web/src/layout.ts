// Where entities sit. Every graph gets a deterministic layout (seeded start positions, then fixed-layout), so
// a link, a reload and an export show the same picture: up to a few thousand entities on the page's thread
// (then noverlap), larger ones in a worker. "Start layout" runs ForceAtlas2 in its own worker for as long as
// asked (a picture of its own).
import type { MultiDirectedGraph } from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import noverlap from 'graphology-layout-noverlap';
import { applyPositions, layOut, requestFor, settingsFor, type LayoutAnswer } from './fixed-layout.js';

// Past this, iterations on the page's thread would freeze it for seconds; a worker keeps it responsive.
const DETERMINISTIC_LIMIT = 2000;
// noverlap runs on this thread and grows fast with size: on large graphs ForceAtlas2's spacing is enough.
const NOVERLAP_LIMIT = 2000;
// Iterations for large graphs: fewer than on small ones (each costs more), so the worker answers within seconds.
const LARGE_ITERATIONS = 150;

export class Layout {
  private worker: FA2Layout | undefined;
  private timer: number | undefined;
  private fixed: Worker | undefined;
  // Counts layouts asked for: positions from a worker are applied only if no later layout was asked meanwhile.
  private asked = 0;

  /** `onChange` hears when the layout starts and stops (to label its button). */
  constructor(private readonly graph: MultiDirectedGraph, private readonly onChange: (running: boolean) => void) {}

  get running(): boolean {
    return this.worker?.isRunning() ?? false;
  }

  /**
   * Lays the graph out, the same positions for the same graph. Returns a promise when the positions come later
   * (large graphs, from a worker), resolved once they are applied.
   */
  settle(): Promise<void> | undefined {
    if (this.graph.order === 0) return undefined;
    this.stop();
    const mine = ++this.asked;
    if (this.graph.order > DETERMINISTIC_LIMIT) return this.settleInWorker(mine);
    const { request, nodes } = requestFor(this.graph, mine, this.graph.order > 500 ? 100 : 300);
    applyPositions(this.graph, nodes, layOut(request));
    this.spread();
    this.onChange(false);
    return undefined;
  }

  private async settleInWorker(mine: number): Promise<void> {
    const { request, nodes } = requestFor(this.graph, mine, LARGE_ITERATIONS);
    this.fixed ??= new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
    const worker = this.fixed;
    const placed = await new Promise<Float64Array | undefined>((done, fail) => {
      // The worker answers in order; an answer to an earlier request is not this one's.
      worker.onmessage = (event: MessageEvent<LayoutAnswer>) => {
        if (event.data.id === mine) done(event.data.positions);
      };
      worker.onerror = (event) => fail(new Error(`The layout worker failed: ${event.message}`));
      worker.postMessage(request, [request.positions.buffer, request.edges.buffer]);
    });
    if (!placed || mine !== this.asked) return;
    applyPositions(this.graph, nodes, placed);
    this.onChange(false);
  }

  start(ms: number): void {
    this.worker?.kill();
    if (this.graph.order === 0) return;
    this.asked++;
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
