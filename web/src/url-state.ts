// The view in the URL (selected entity or relationship, filters, "as of" date, paths, camera), so a link reproduces what
// someone saw and the browser's back and forward walk through past views.
import { initialView, type Step, type ViewState } from './view-state.js';

function isStep(s: unknown): s is Step {
  if (typeof s !== 'object' || s === null) return false;
  const step = s as Record<string, unknown>;
  return typeof step.expand === 'string' || typeof step.case === 'string' || (typeof step.cypher === 'string' && typeof step.add === 'boolean');
}

// Dates as the "as of" box and the brush give them; anything else in a link is ignored.
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function stepsOf(text: string | null): Step[] {
  try {
    const parsed: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isStep) : [];
  } catch {
    // A link cut short or edited by hand: the graph loads without its steps.
    return [];
  }
}

export function readState(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const list = (key: string) => (p.get(key) ?? '').split(',').filter(Boolean);
  const num = (key: string) => (p.has(key) && p.get(key) !== '' && Number.isFinite(Number(p.get(key))) ? Number(p.get(key)) : undefined);
  const camera = (p.get('camera') ?? '').split(',').map(Number);
  return {
    ...initialView,
    ...(p.get('selected') ? { selected: p.get('selected')! } : {}),
    ...(p.get('edge') ? { edge: p.get('edge')! } : {}),
    hiddenTypes: list('hideTypes'),
    hiddenRelations: list('hideRelations'),
    ...(p.get('source') ? { source: p.get('source')! } : {}),
    minConfidence: num('minConfidence') ?? 0,
    hideIsolated: p.get('isolated') !== 'show',
    ...(num('yearFrom') !== undefined ? { yearFrom: num('yearFrom')! } : {}),
    ...(num('yearTo') !== undefined ? { yearTo: num('yearTo')! } : {}),
    ...(DAY.test(p.get('dateFrom') ?? '') ? { dateFrom: p.get('dateFrom')! } : {}),
    ...(DAY.test(p.get('dateTo') ?? '') ? { dateTo: p.get('dateTo')! } : {}),
    ...(DAY.test(p.get('asOf') ?? '') ? { asOf: p.get('asOf')! } : {}),
    ...(p.get('pathFrom') && p.get('pathTo') ? { path: { from: p.get('pathFrom')!, to: p.get('pathTo')!, index: num('pathIndex') ?? 0 } } : {}),
    steps: stepsOf(p.get('steps')),
    ...(camera.length === 3 && camera.every(Number.isFinite) ? { camera: { x: camera[0]!, y: camera[1]!, ratio: camera[2]! } } : {}),
  };
}

export function writeState(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.selected) p.set('selected', state.selected);
  if (state.edge) p.set('edge', state.edge);
  if (state.hiddenTypes.length) p.set('hideTypes', state.hiddenTypes.join(','));
  if (state.hiddenRelations.length) p.set('hideRelations', state.hiddenRelations.join(','));
  if (state.source) p.set('source', state.source);
  if (state.minConfidence > 0) p.set('minConfidence', String(state.minConfidence));
  if (!state.hideIsolated) p.set('isolated', 'show');
  if (state.yearFrom !== undefined) p.set('yearFrom', String(state.yearFrom));
  if (state.yearTo !== undefined) p.set('yearTo', String(state.yearTo));
  if (state.dateFrom) p.set('dateFrom', state.dateFrom);
  if (state.dateTo) p.set('dateTo', state.dateTo);
  if (state.asOf) p.set('asOf', state.asOf);
  if (state.path) {
    p.set('pathFrom', state.path.from);
    p.set('pathTo', state.path.to);
    if (state.path.index > 0) p.set('pathIndex', String(state.path.index));
  }
  if (state.steps.length) p.set('steps', JSON.stringify(state.steps));
  if (state.camera) p.set('camera', [state.camera.x, state.camera.y, state.camera.ratio].map((v) => v.toFixed(4)).join(','));
  return `#${p.toString()}`;
}
