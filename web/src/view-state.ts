// The view an analyst sees (selection, filters, paths, camera) as one value, and the pure updates the page
// applies to it. The page keeps exactly one of these; the URL and the browser's history hold past ones.
import type { FilterPatch, Filters } from './filters.js';

export interface ViewState extends Filters {
  selected?: string;
  /** A selected relationship, by its key (source|type|target). */
  edge?: string;
  camera?: { x: number; y: number; ratio: number };
  /** The paths shown (between two entity ids) and which of them is highlighted. */
  path?: { from: string; to: string; index: number };
  /** The publication date the graph is shown as of (absent: all that is known now). */
  asOf?: string;
  /** How the graph was built, replayed in order on load: Cypher results (replacing or added) and expansions. */
  steps: Step[];
}

/** A step: a Cypher result (replacing the view or added), an expansion, or a case file's entities (replacing). */
export type Step = { cypher: string; add: boolean } | { expand: string } | { case: string };

/** A step that replaces the view starts the steps over; anything else is one more step. */
export const replacesView = (step: Step): boolean => 'case' in step || ('cypher' in step && !step.add);

export function withStep(state: ViewState, step: Step): ViewState {
  return { ...state, steps: replacesView(step) ? [step] : [...state.steps, step] };
}

export const initialView: ViewState = { hiddenTypes: [], hiddenRelations: [], minConfidence: 0, hideIsolated: true, steps: [] };

/** A copy without the given keys (optional keys are absent, never undefined). */
function without(state: ViewState, ...keys: Array<'selected' | 'edge' | 'path' | 'asOf'>): ViewState {
  const next = { ...state };
  for (const key of keys) delete next[key];
  return next;
}

/** One thing is selected at a time: an entity, a relationship, or nothing. */
export function selectNode(state: ViewState, node: string | undefined): ViewState {
  const rest = without(state, 'selected', 'edge');
  return node === undefined ? rest : { ...rest, selected: node };
}

export function selectEdge(state: ViewState, edge: string): ViewState {
  return { ...without(state, 'selected', 'edge'), edge };
}

export function withPath(state: ViewState, path: ViewState['path']): ViewState {
  const rest = without(state, 'path');
  return path ? { ...rest, path } : rest;
}

export function withAsOf(state: ViewState, asOf: string | undefined): ViewState {
  const rest = without(state, 'asOf');
  return asOf ? { ...rest, asOf } : rest;
}

export function withFilters(state: ViewState, patch: FilterPatch): ViewState {
  const next = { ...state, ...patch };
  for (const key of ['source', 'yearFrom', 'yearTo', 'dateFrom', 'dateTo'] as const) if (next[key] === undefined) delete next[key];
  return next as ViewState;
}

/** The values to hide so that only `keep` of `all` shows. */
export const onlyThis = (all: string[], keep: string): string[] => all.filter((v) => v !== keep);

export function toggled(hidden: string[], value: string, hide: boolean): string[] {
  return hide ? [...new Set([...hidden, value])] : hidden.filter((v) => v !== value);
}
