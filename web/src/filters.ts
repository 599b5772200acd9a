// What the filters let through: pure functions of the graph and the view's filter settings, so the drawing,
// the counts, the panel and the exports all agree on what is shown.
import type { MultiDirectedGraph } from 'graphology';

export interface Filters {
  hiddenTypes: string[];
  hiddenRelations: string[];
  source?: string;
  minConfidence: number;
  yearFrom?: number;
  yearTo?: number;
  /** Attack dates (YYYY-MM-DD, both ends kept) a timeline brush let through. */
  dateFrom?: string;
  dateTo?: string;
  /** Entities with no relationship in the view make a ring of unlabelled dots: hidden unless asked for. */
  hideIsolated: boolean;
}

/** A change to some filters; `undefined` clears an optional one (article, years, dates). */
export type FilterPatch = { [K in keyof Filters]?: Filters[K] | undefined };

/** An attack's year from its own date or year; the first date report only when the attack has neither. */
export function attackYear(graph: MultiDirectedGraph, node: string): number | undefined {
  const a = graph.getNodeAttributes(node);
  const fromDate = (value: unknown) => (typeof value === 'string' && /^\d{4}/.test(value) ? Number(value.slice(0, 4)) : undefined);
  if (typeof a.year === 'number' && Number.isFinite(a.year)) return a.year;
  const own = fromDate(a.date);
  if (own !== undefined) return own;
  const reports = (a.reports as Array<{ key: string; value: unknown }> | undefined) ?? [];
  return fromDate(reports.find((r) => r.key === 'date')?.value);
}

/** A partial date ("2024", "2024-03", "2024-03-22") as milliseconds at its start, or undefined. */
export function dateValue(date: string | null | undefined): number | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date ?? '');
  return m ? Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) : undefined;
}

/** When an attack happened, as the timeline places it: its own date, else its first date report, else its year. */
export function attackTime(graph: MultiDirectedGraph, node: string): number | undefined {
  const a = graph.getNodeAttributes(node);
  const reports = (a.reports as Array<{ key: string; value: unknown }> | undefined) ?? [];
  const reported = reports.find((r) => r.key === 'date')?.value;
  return dateValue(typeof a.date === 'string' ? a.date : typeof reported === 'string' ? reported : undefined) ?? (typeof a.year === 'number' ? Date.UTC(a.year, 0, 1) : undefined);
}

const DAY_MS = 86_400_000;

/** The filters on the entity itself, not on whether it has relationships. */
export function nodePassesOwnFilters(graph: MultiDirectedGraph, filters: Filters, node: string): boolean {
  const a = graph.getNodeAttributes(node);
  if (filters.hiddenTypes.includes(String(a.type))) return false;
  if (filters.source && !((a.mentionedIn as string[]) ?? []).includes(filters.source)) return false;
  if (a.type === 'Attack' && (filters.yearFrom !== undefined || filters.yearTo !== undefined)) {
    const year = attackYear(graph, node);
    if (year === undefined || (filters.yearFrom !== undefined && year < filters.yearFrom) || (filters.yearTo !== undefined && year > filters.yearTo)) return false;
  }
  if (a.type === 'Attack' && (filters.dateFrom !== undefined || filters.dateTo !== undefined)) {
    const time = attackTime(graph, node);
    const [from, to] = [dateValue(filters.dateFrom), dateValue(filters.dateTo)];
    // The last day counts whole.
    if (time === undefined || (from !== undefined && time < from) || (to !== undefined && time >= to + DAY_MS)) return false;
  }
  return true;
}

export function edgeVisible(graph: MultiDirectedGraph, filters: Filters, edge: string): boolean {
  const a = graph.getEdgeAttributes(edge);
  if (filters.hiddenRelations.includes(String(a.type))) return false;
  if (Number(a.confidence) < filters.minConfidence) return false;
  if (filters.source && !((a.docs as string[]) ?? []).includes(filters.source)) return false;
  return nodePassesOwnFilters(graph, filters, graph.source(edge)) && nodePassesOwnFilters(graph, filters, graph.target(edge));
}

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
  /** Entities hidden only for having no relationship in the view (what the "without relationships" box counts). */
  isolated: number;
}

/**
 * What is shown, computed once per change of graph or filters; `keep` (the selection) shows even alone, and so
 * does an entity `linkedElsewhere` (a summary's entity whose relationships the page has not loaded yet).
 */
export function visibility(graph: MultiDirectedGraph, filters: Filters, keep?: string, linkedElsewhere: (node: string) => boolean = () => false): Visibility {
  const edges = new Set(graph.filterEdges((edge) => edgeVisible(graph, filters, edge)));
  const nodes = new Set<string>();
  let isolated = 0;
  graph.forEachNode((node) => {
    if (!nodePassesOwnFilters(graph, filters, node)) return;
    const linked = graph.someEdge(node, (edge) => edges.has(edge)) || linkedElsewhere(node);
    if (!linked) isolated++;
    if (linked || !filters.hideIsolated || node === keep) nodes.add(node);
  });
  return { nodes, edges, isolated };
}
