// The page over a store too large to draw whole: it starts from the server's summary (the entities with the
// most relationships), says so over the graph, counts on each name what is not shown yet, and opens an
// entity's neighbourhood on demand. Over a small store it stays out of the way.
import type { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from '../../../src/model/api.js';
import { api } from '../api.js';
import { combineGraphs, describeEntity, describeSummary, notShown, type SummaryInfo } from './utils.js';

export { combineHits } from './utils.js';

// The API's cap on ids per request.
export const ENTITIES_PER_REQUEST = 200;

export class Summary {
  private info: SummaryInfo | undefined;
  // Relationships in the store, by entity: from the summary, then asked for as other entities are selected.
  private readonly totals = new Map<string, number>();
  private hidden = new Map<string, number>();
  private readonly notice = document.getElementById('summary-notice')!;

  get active(): boolean {
    return this.info !== undefined;
  }

  /** The first graph: the whole store, or its summary when the server judged it too large to draw. */
  async load(): Promise<SerializedGraph> {
    const overview = await api.overview();
    this.info = overview.summary ?? undefined;
    for (const [id, total] of Object.entries(overview.summary?.relationshipsOf ?? {})) this.totals.set(id, total);
    this.notice.hidden = !this.active;
    return overview.graph;
  }

  /**
   * The summary again with the neighbourhoods the page opened on it, as one graph, so a reload after a
   * correction keeps them where they were; `added` are the entities the openings brought.
   */
  async reopen(opened: string[]): Promise<{ graph: SerializedGraph; added: string[] }> {
    const [summary, ...parts] = await Promise.all([this.load(), ...opened.map((id) => api.neighbours(id).catch(() => undefined))]);
    const base = new Set(summary!.nodes.map((n) => n.key));
    const graph = combineGraphs([summary!, ...parts.filter((p): p is SerializedGraph => p !== undefined)]);
    return { graph, added: graph.nodes.map((n) => n.key).filter((id) => !base.has(id)) };
  }

  /** These entities as the store has them now (a case file opened on a summary), in requests the API takes. */
  async entities(ids: string[]): Promise<SerializedGraph> {
    const parts: SerializedGraph[] = [];
    for (let i = 0; i < ids.length; i += ENTITIES_PER_REQUEST) parts.push(await api.entities(ids.slice(i, i + ENTITIES_PER_REQUEST)));
    return combineGraphs(parts);
  }

  /** After the graph changed: the counts on names and the line over the graph follow what is loaded now. */
  update(graph: MultiDirectedGraph): void {
    if (!this.info) return;
    this.hidden = new Map([...this.totals].filter(([id]) => graph.hasNode(id)).map(([id, total]) => [id, notShown(total, graph.degree(id))]));
    this.notice.textContent = describeSummary(this.info, { entities: graph.order, relationships: graph.size });
    this.notice.dataset.entities = String(this.info.entities);
    this.notice.dataset.shown = String(graph.order);
  }

  /** Whether the store holds relationships of the entity that the page has not loaded. */
  readonly hasHidden = (node: string): boolean => (this.hidden.get(node) ?? 0) > 0;

  /** A name with what it stands for: "Name +12" when 12 of its relationships are not shown yet. */
  label(node: string, label: string): string {
    const hidden = this.hidden.get(node);
    return hidden ? `${label} +${hidden}` : label;
  }

  /** The panel's section for an entity: how much of it is shown, and a button that opens the rest. */
  forEntity(graph: MultiDirectedGraph, node: string, open: (node: string) => void): HTMLElement {
    const section = document.createElement('section');
    section.id = 'summary-entity';
    const line = document.createElement('p');
    section.append(line);
    const fill = (total: number) => {
      line.textContent = describeEntity(total, graph.degree(node));
      section.dataset.hidden = String(notShown(total, graph.degree(node)));
      if (notShown(total, graph.degree(node)) === 0) return;
      const button = document.createElement('button');
      button.type = 'button';
      button.id = 'summary-open';
      button.textContent = 'Open what it links to';
      button.addEventListener('click', () => open(node));
      section.append(button);
    };
    const known = this.totals.get(node);
    if (known !== undefined) fill(known);
    else {
      line.textContent = 'Counting its relationships…';
      void api.relationshipCounts([node]).then((counts) => {
        const total = counts[node] ?? 0;
        this.totals.set(node, total);
        this.update(graph);
        fill(total);
      }, () => void (line.textContent = 'Could not count its relationships.'));
    }
    return section;
  }
}
