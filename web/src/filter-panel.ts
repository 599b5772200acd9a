// The filter controls: entity types and relation types with live counts and "only", "all" and "none"; a
// searchable article filter; minimum confidence; attack years; and whether entities without relationships show.
import type { MultiDirectedGraph } from 'graphology';
import { articleLabel } from '../../src/export/cite.js';
import { colourOf } from './appearance.js';
import type { FilterPatch, Filters, Visibility } from './filters.js';
import type { Documents } from './graph-data.js';
import { onlyThis, toggled } from './view-state.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

type Kind = 'type' | 'relation';

export class FilterPanel {
  private articles = new Map<string, string>();
  private values: Record<Kind, string[]> = { type: [], relation: [] };
  private filters: Filters | undefined;

  constructor(private readonly onChange: (patch: FilterPatch) => void) {
    for (const kind of ['type', 'relation'] as const) {
      const key = kind === 'type' ? 'hiddenTypes' : 'hiddenRelations';
      $(`${kind}-all`).addEventListener('click', () => this.onChange({ [key]: [] }));
      $(`${kind}-none`).addEventListener('click', () => this.onChange({ [key]: [...this.values[kind]] }));
    }
    const source = $<HTMLInputElement>('source-filter');
    source.addEventListener('change', () => {
      const id = this.articles.get(source.value.trim());
      if (source.value.trim() === '') this.onChange({ source: undefined });
      else if (id) this.onChange({ source: id });
    });
    $('source-clear').addEventListener('click', () => this.onChange({ source: undefined }));
    $<HTMLInputElement>('confidence').addEventListener('input', (e) => this.onChange({ minConfidence: Number((e.target as HTMLInputElement).value) }));
    for (const [id, key] of [['year-from', 'yearFrom'], ['year-to', 'yearTo']] as const) {
      $<HTMLInputElement>(id).addEventListener('change', (e) => {
        const value = (e.target as HTMLInputElement).value;
        this.onChange({ [key]: value ? Number(value) : undefined });
      });
    }
    $<HTMLInputElement>('hide-isolated').addEventListener('change', (e) => this.onChange({ hideIsolated: (e.target as HTMLInputElement).checked }));
  }

  /** Lists the types, relations and articles the graph has now. */
  rebuild(graph: MultiDirectedGraph, documents: Documents, filters: Filters): void {
    this.values.type = [...new Set(graph.mapNodes((_, a) => String(a.type)))].sort();
    this.values.relation = [...new Set(graph.mapEdges((_, a) => String(a.type)))].sort();
    for (const kind of ['type', 'relation'] as const) {
      const box = $(`${kind}-filters`);
      box.replaceChildren(...this.values[kind].map((value) => this.row(kind, value)));
    }
    this.articles = new Map(Object.entries(documents).map(([id, d]) => [articleLabel(d), id]));
    $('source-options').replaceChildren(...[...this.articles.keys()].sort((a, b) => a.localeCompare(b)).map((label) => new Option(label, label)));
    this.sync(filters);
  }

  /** Puts the controls in line with the filters (after a link, back or forward). */
  sync(filters: Filters): void {
    this.filters = filters;
    document.querySelectorAll<HTMLInputElement>('input[data-filter]').forEach((box) => {
      const [kind, value] = box.dataset.filter!.split(':') as [Kind, string];
      box.checked = !(kind === 'type' ? filters.hiddenTypes : filters.hiddenRelations).includes(value);
    });
    const label = filters.source ? [...this.articles].find(([, id]) => id === filters.source)?.[0] : undefined;
    $<HTMLInputElement>('source-filter').value = label ?? '';
    $<HTMLInputElement>('confidence').value = String(filters.minConfidence);
    $('confidence-value').textContent = String(filters.minConfidence);
    $<HTMLInputElement>('year-from').value = filters.yearFrom === undefined ? '' : String(filters.yearFrom);
    $<HTMLInputElement>('year-to').value = filters.yearTo === undefined ? '' : String(filters.yearTo);
    $<HTMLInputElement>('hide-isolated').checked = filters.hideIsolated;
  }

  counts(graph: MultiDirectedGraph, shown: Visibility): void {
    const tally = (items: Iterable<string>, typeOf: (item: string) => string) => {
      const counts = new Map<string, number>();
      for (const item of items) counts.set(typeOf(item), (counts.get(typeOf(item)) ?? 0) + 1);
      return counts;
    };
    const nodeType = (n: string) => String(graph.getNodeAttribute(n, 'type'));
    const edgeType = (e: string) => String(graph.getEdgeAttribute(e, 'type'));
    const shownBy = { type: tally(shown.nodes, nodeType), relation: tally(shown.edges, edgeType) };
    const totalBy = { type: tally(graph.nodes(), nodeType), relation: tally(graph.edges(), edgeType) };
    document.querySelectorAll<HTMLElement>('[data-count-for]').forEach((el) => {
      const [kind, value] = el.dataset.countFor!.split(':') as [Kind, string];
      el.textContent = `${shownBy[kind].get(value) ?? 0}/${totalBy[kind].get(value) ?? 0}`;
    });
    const isolated = $('isolated-count');
    isolated.textContent = String(shown.isolated);
    isolated.dataset.count = String(shown.isolated);
    const counts = $('counts');
    counts.textContent = `${shown.nodes.size} of ${graph.order} entities, ${shown.edges.size} of ${graph.size} relationships shown`;
    counts.dataset.nodes = String(shown.nodes.size);
    counts.dataset.edges = String(shown.edges.size);
  }

  private row(kind: Kind, value: string): HTMLElement {
    const key = kind === 'type' ? 'hiddenTypes' : 'hiddenRelations';
    const row = document.createElement('label');
    row.className = 'filter';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.dataset.filter = `${kind}:${value}`;
    box.addEventListener('change', () => this.onChange({ [key]: toggled(this.filters?.[key] ?? [], value, !box.checked) }));
    row.append(box);
    if (kind === 'type') {
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = colourOf(value);
      row.append(swatch);
    }
    const name = document.createElement('span');
    name.textContent = value;
    const count = document.createElement('span');
    count.className = 'count';
    count.dataset.countFor = `${kind}:${value}`;
    const only = document.createElement('button');
    only.type = 'button';
    only.className = 'only';
    only.textContent = 'only';
    only.dataset.only = `${kind}:${value}`;
    only.title = `Show only ${value}`;
    only.addEventListener('click', (e) => {
      e.preventDefault();
      this.onChange({ [key]: onlyThis(this.values[kind], value) });
    });
    row.append(name, count, only);
    return row;
  }
}
