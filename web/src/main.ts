// The viewer: loads the graph from kg serve, lays it out with ForceAtlas2 in a worker, and lets an analyst
// search, filter, inspect evidence, expand, find paths and run read-only Cypher. Appearance and filters go
// through sigma's reducers; the graph data stays untouched.
import { MultiDirectedGraph } from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import Sigma from 'sigma';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { EdgeArrowProgram, EdgeLineProgram, NodeCircleProgram, NodePointProgram } from 'sigma/rendering';
import type { SerializedGraph } from '../../src/model/api.js';
import { api, ApiFailure } from './api.js';
import { applySizes, colourOf, TYPE_COLOURS, type SizeBy } from './appearance.js';
import { CypherResults } from './cypher-results.js';
import { exportView } from './exporting.js';
import { edgeVisible as edgePasses, nodeVisible as nodePasses } from './filters.js';
import { mergeInto, type Documents } from './graph-data.js';
import { Panel } from './panel.js';
import { describePath, type Path } from './paths.js';
import { readState, writeState, type ViewState } from './url-state.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const graph = new MultiDirectedGraph();
let documents: Documents = {};
let state: ViewState = readState(location.hash);
let hovered: string | undefined;
let pathNodes = new Set<string>();
let pathEdges = new Set<string>();
let cypherAvailable = false;
// Large graphs draw nodes as points and edges as plain lines until something is focused (level of detail).
let large = false;

/**
 * Merges a response in, then asks for the relationships of the entities it added: a response holds only the
 * relationships among its own entities, and those joining a new entity to one already shown must not be lost.
 */
async function mergeGraph(data: SerializedGraph, near?: string): Promise<void> {
  const before = new Set(graph.nodes());
  documents = mergeInto(graph, documents, data, { near });
  const added = graph.nodes().filter((n) => !before.has(n));
  if (before.size > 0 && added.length > 0) {
    for (let i = 0; i < added.length; i += AROUND_BATCH) documents = mergeInto(graph, documents, await api.around(added.slice(i, i + AROUND_BATCH)), { edgesOnly: true });
  }
  applySizes(graph, $<HTMLSelectElement>('size-by').value as SizeBy, screenArea());
  tuneForSize();
}
// Entities per /api/around request: keeps the URL short whatever an expansion added.
const AROUND_BATCH = 100;

function screenArea(): number {
  return Math.max(1, container.clientWidth * container.clientHeight);
}

const nodeVisible = (node: string) => nodePasses(graph, state, node);
const edgeVisible = (edge: string) => edgePasses(graph, state, edge);

const container = $('graph');
const renderer = new Sigma(graph, container, {
  renderEdgeLabels: true,
  enableEdgeEvents: true,
  labelRenderedSizeThreshold: 8,
  labelDensity: 0.6,
  defaultEdgeType: 'straight',
  nodeProgramClasses: { circle: NodeCircleProgram, point: NodePointProgram },
  edgeProgramClasses: { straight: EdgeArrowProgram, curved: EdgeCurvedArrowProgram, line: EdgeLineProgram },
  nodeReducer: (node, data) => {
    // `type` is the entity type in the data; to sigma it names a render program.
    const res: Record<string, unknown> = { ...data, type: large ? 'point' : 'circle', label: data.label };
    if (!nodeVisible(node)) return { ...res, hidden: true };
    const focus = hovered ?? state.selected;
    if (pathNodes.size > 0) {
      if (!pathNodes.has(node)) return { ...res, color: '#d5d9e0', label: '' };
      return { ...res, highlighted: true, zIndex: 2 };
    }
    if (focus && graph.hasNode(focus) && node !== focus && !graph.areNeighbors(node, focus)) return { ...res, color: '#d5d9e0', label: '' };
    if (node === focus) return { ...res, highlighted: true, zIndex: 2 };
    return res;
  },
  edgeReducer: (edge, data) => {
    const focus = hovered ?? state.selected;
    // Arrows show direction once few edges are in view: always on small graphs, on a focus or path on large ones.
    const detailed = !large || pathEdges.size > 0 || (focus !== undefined && graph.hasNode(focus));
    const res: Record<string, unknown> = { ...data, type: detailed ? data.edgeKind : 'line', label: data.type };
    if (!edgeVisible(edge)) return { ...res, hidden: true };
    if (edge === state.edge) return { ...res, color: '#d8453b', size: 3, zIndex: 2 };
    if (pathEdges.size > 0) return pathEdges.has(edge) ? { ...res, color: '#d8453b', size: 3 } : { ...res, hidden: true };
    if (focus && graph.hasNode(focus) && !graph.hasExtremity(edge, focus)) return { ...res, hidden: true };
    return { ...res, color: '#9aa3b5' };
  },
});

// Layout: ForceAtlas2 in a worker, then noverlap so labels do not sit on each other.
let layout: FA2Layout | undefined;
function runLayout(ms = 4000): void {
  layout?.kill();
  if (graph.order === 0) return;
  layout = new FA2Layout(graph, { settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 } });
  layout.start();
  $('layout-toggle').textContent = 'Stop layout';
  setTimeout(() => stopLayout(), ms);
}
function stopLayout(): void {
  if (!layout?.isRunning()) return;
  layout.stop();
  // noverlap runs on this thread and grows fast with size: on large graphs ForceAtlas2's spacing is enough.
  if (graph.order <= 2000) noverlap.assign(graph, { maxIterations: 50, settings: { ratio: 1.2 } });
  $('layout-toggle').textContent = 'Start layout';
  container.dataset.layout = 'done';
}
$('layout-toggle').addEventListener('click', () => (layout?.isRunning() ? stopLayout() : runLayout(8000)));

const panel = new Panel(() => select(undefined));
const actions = {
  expand: (node: string) => void expand(node),
  showEvidence: (edge: string) => selectEdge(edge),
  select: (node: string) => select(node),
};

function saveState(): void {
  const camera = renderer.getCamera().getState();
  state.camera = { x: camera.x, y: camera.y, ratio: camera.ratio };
  history.replaceState(null, '', writeState(state));
}

/** Shows a relationship's evidence and marks it in the graph. */
function selectEdge(edge: string): void {
  if (!graph.hasEdge(edge)) return;
  state = { ...state, edge };
  delete state.selected;
  panel.showEvidence(graph, edge, documents, actions);
  renderer.refresh();
  saveState();
}

function select(node: string | undefined, centre = false): void {
  state = { ...state };
  delete state.edge;
  if (node && graph.hasNode(node)) {
    state.selected = node;
    panel.showEntity(graph, node, documents, actions);
    if (centre) {
      const display = renderer.getNodeDisplayData(node);
      if (display) void renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.4 }, { duration: 400 });
    }
  } else {
    delete state.selected;
    panel.hide();
  }
  renderer.refresh();
  saveState();
}

async function expand(node: string): Promise<void> {
  const data = cypherAvailable ? await api.neighbours(node) : await api.neighbours(node).catch(() => undefined);
  if (data) await mergeGraph(data, node);
  refreshFilters();
  renderer.refresh();
}

// Hovering restyles the whole graph. While the stage is being dragged the pointer sweeps over nodes without
// meaning to, so a drag neither starts nor moves the highlight; on large graphs a restyle takes a visible
// moment, so hovering only shows the name (sigma draws it) and a click focuses.
renderer.on('enterNode', ({ node }) => {
  if (large || renderer.getMouseCaptor().isMouseDown) return;
  hovered = node;
  renderer.refresh();
});
renderer.on('leaveNode', () => {
  if (hovered === undefined) return;
  hovered = undefined;
  renderer.refresh();
});
renderer.on('clickNode', ({ node }) => select(node));
renderer.on('clickEdge', ({ edge }) => selectEdge(edge));
renderer.on('clickStage', () => select(undefined));
let saveTimer: number | undefined;
renderer.getCamera().on('updated', () => {
  clearTimeout(saveTimer);
  saveTimer = window.setTimeout(saveState, 300);
});

// Filters with live counts.
function filterRow(parent: HTMLElement, id: string, label: string, colour: string | undefined, checked: boolean, onChange: (on: boolean) => void): HTMLElement {
  const row = document.createElement('label');
  row.className = 'filter';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.checked = checked;
  box.dataset.filter = id;
  box.addEventListener('change', () => onChange(box.checked));
  row.append(box);
  if (colour) {
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colour;
    row.append(swatch);
  }
  const name = document.createElement('span');
  name.textContent = label;
  const count = document.createElement('span');
  count.className = 'count';
  row.append(name, count);
  parent.append(row);
  return count;
}

function toggle(list: string[], value: string, hidden: boolean): string[] {
  return hidden ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

function refreshFilters(): void {
  const types = [...new Set(graph.mapNodes((_, a) => String(a.type)))].sort();
  const relations = [...new Set(graph.mapEdges((_, a) => String(a.type)))].sort();
  const typeBox = $('type-filters');
  const relationBox = $('relation-filters');
  typeBox.replaceChildren();
  relationBox.replaceChildren();
  for (const type of types) {
    const count = filterRow(typeBox, `type:${type}`, type, colourOf(type), !state.hiddenTypes.includes(type), (on) => {
      state.hiddenTypes = toggle(state.hiddenTypes, type, !on);
      update();
    });
    count.dataset.countFor = `type:${type}`;
  }
  for (const relation of relations) {
    const count = filterRow(relationBox, `relation:${relation}`, relation, undefined, !state.hiddenRelations.includes(relation), (on) => {
      state.hiddenRelations = toggle(state.hiddenRelations, relation, !on);
      update();
    });
    count.dataset.countFor = `relation:${relation}`;
  }
  const sourceSelect = $<HTMLSelectElement>('source-filter');
  const current = state.source ?? '';
  sourceSelect.replaceChildren(new Option('all articles', ''));
  for (const [id, d] of Object.entries(documents).sort((a, b) => a[1].title.localeCompare(b[1].title))) sourceSelect.append(new Option(d.title, id));
  sourceSelect.value = current;
  updateCounts();
}

function updateCounts(): void {
  const nodes = graph.filterNodes((n) => nodeVisible(n));
  const edges = graph.filterEdges((e) => edgeVisible(e));
  document.querySelectorAll<HTMLElement>('[data-count-for]').forEach((el) => {
    const [kind, value] = el.dataset.countFor!.split(':') as [string, string];
    const shown = kind === 'type' ? nodes.filter((n) => graph.getNodeAttribute(n, 'type') === value).length : edges.filter((e) => graph.getEdgeAttribute(e, 'type') === value).length;
    const total = kind === 'type' ? graph.filterNodes((_, a) => a.type === value).length : graph.filterEdges((_, a) => a.type === value).length;
    el.textContent = `${shown}/${total}`;
  });
  const counts = $('counts');
  counts.textContent = `${nodes.length} of ${graph.order} entities, ${edges.length} of ${graph.size} relationships shown`;
  counts.dataset.nodes = String(nodes.length);
  counts.dataset.edges = String(edges.length);
}

function update(): void {
  renderer.refresh();
  updateCounts();
  saveState();
}

$<HTMLSelectElement>('source-filter').addEventListener('change', (e) => {
  const value = (e.target as HTMLSelectElement).value;
  state = { ...state };
  if (value) state.source = value;
  else delete state.source;
  update();
});
$<HTMLInputElement>('confidence').addEventListener('input', (e) => {
  state.minConfidence = Number((e.target as HTMLInputElement).value);
  $('confidence-value').textContent = String(state.minConfidence);
  update();
});
for (const id of ['year-from', 'year-to'] as const) {
  $<HTMLInputElement>(id).addEventListener('change', (e) => {
    const value = (e.target as HTMLInputElement).value;
    const key = id === 'year-from' ? 'yearFrom' : 'yearTo';
    state = { ...state };
    if (value) state[key] = Number(value);
    else delete state[key];
    update();
  });
}
$<HTMLSelectElement>('size-by').addEventListener('change', (e) => {
  applySizes(graph, (e.target as HTMLSelectElement).value as SizeBy, screenArea());
  renderer.refresh();
});

// Search with autocomplete over names and aliases.
function localSearch(q: string): Array<{ id: string; name: string; type: string }> {
  const needle = q.toLowerCase();
  return graph
    .filterNodes((_, a) => [String(a.label), ...((a.aliases as string[]) ?? [])].some((s) => s.toLowerCase().includes(needle)))
    .map((id) => ({ id, name: String(graph.getNodeAttribute(id, 'label')), type: String(graph.getNodeAttribute(id, 'type')), exact: [String(graph.getNodeAttribute(id, 'label')), ...((graph.getNodeAttribute(id, 'aliases') as string[]) ?? [])].some((s) => s.toLowerCase() === needle) }))
    .sort((a, b) => Number(b.exact) - Number(a.exact) || a.name.length - b.name.length)
    .slice(0, 10);
}

async function hits(q: string): Promise<Array<{ id: string; name: string; type: string }>> {
  const local = localSearch(q);
  if (local.length > 0 || !cypherAvailable) return local;
  return (await api.search(q).catch(() => [])).map((h) => ({ id: h.id, name: h.name, type: h.type }));
}

async function resolveName(q: string): Promise<string | undefined> {
  return (await hits(q))[0]?.id;
}

const searchBox = $<HTMLInputElement>('search');
const results = $('search-results');
searchBox.addEventListener('input', async () => {
  const q = searchBox.value.trim();
  results.replaceChildren();
  if (!q) return;
  for (const hit of await hits(q)) {
    const item = document.createElement('li');
    item.textContent = `${hit.name} (${hit.type})`;
    item.dataset.id = hit.id;
    item.addEventListener('click', async () => {
      results.replaceChildren();
      searchBox.value = hit.name;
      if (!graph.hasNode(hit.id)) await expand(hit.id);
      select(hit.id, true);
    });
    results.append(item);
  }
});
searchBox.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') (results.firstElementChild as HTMLElement | null)?.click();
});

// Shortest paths (up to three, from the server), each step named; the chosen one is highlighted and in the URL.
let paths: Path[] = [];
function highlightPath(index: number): void {
  const path = paths[index];
  if (!path || !state.path) return;
  state = { ...state, path: { ...state.path, index } };
  pathNodes = new Set(path.nodes);
  pathEdges = new Set(path.edges);
  $('path-list').querySelectorAll('li').forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
  $('path-result').dataset.path = path.nodes.join('|');
  renderer.refresh();
  saveState();
}

async function showPaths(from: string, to: string, index = 0): Promise<void> {
  const message = $('path-result');
  const list = $('path-list');
  list.replaceChildren();
  const result = await api.path(from, to).catch((error: unknown) => {
    message.textContent = error instanceof ApiFailure ? `${error.message}${error.hint ? ` ${error.hint}` : ''}` : String(error);
    message.classList.add('error');
    return undefined;
  });
  if (!result) return;
  await mergeGraph(result.graph);
  refreshFilters();
  paths = result.paths;
  state = { ...state, path: { from, to, index } };
  paths.forEach((path, i) => {
    const item = document.createElement('li');
    item.textContent = describePath(graph, path);
    item.dataset.path = path.nodes.join('|');
    item.addEventListener('click', () => highlightPath(i));
    list.append(item);
  });
  highlightPath(Math.min(index, paths.length - 1));
}

function clearPaths(): void {
  pathNodes = new Set();
  pathEdges = new Set();
  paths = [];
  $('path-list').replaceChildren();
  delete $('path-result').dataset.path;
  if (state.path) {
    state = { ...state };
    delete state.path;
    saveState();
  }
  renderer.refresh();
}

$('path-run').addEventListener('click', async () => {
  const message = $('path-result');
  message.textContent = '';
  message.classList.remove('error');
  clearPaths();
  const from = await resolveName($<HTMLInputElement>('path-from').value.trim());
  const to = await resolveName($<HTMLInputElement>('path-to').value.trim());
  if (!from || !to) {
    message.textContent = 'Name two entities of the graph.';
    message.classList.add('error');
    return;
  }
  await showPaths(from, to);
});
$('path-clear').addEventListener('click', clearPaths);

// Read-only Cypher: entities in the result replace or join the view, every row goes to the table, errors show
// inline. A result with no entities (`RETURN a.name, a.year`) leaves the view as it was.
const cypherResults = new CypherResults();
$('cypher-run').addEventListener('click', async () => {
  const error = $('cypher-error');
  const section = $('cypher-section');
  error.textContent = '';
  section.dataset.state = 'running';
  try {
    const result = await api.cypher($<HTMLTextAreaElement>('cypher').value);
    cypherResults.show(result);
    if (result.graph.nodes.length > 0) {
      if (!$<HTMLInputElement>('cypher-add').checked) {
        graph.clear();
        documents = {};
        select(undefined);
      }
      await mergeGraph(result.graph);
      refreshFilters();
      runLayout(2500);
    }
    renderer.refresh();
    section.dataset.state = 'done';
  } catch (failure) {
    error.textContent = failure instanceof ApiFailure ? `${failure.message}${failure.hint ? `\n${failure.hint}` : ''}` : String(failure);
    section.dataset.state = 'error';
  }
});

document.querySelectorAll<HTMLButtonElement>('[data-export]').forEach((button) =>
  button.addEventListener('click', () => void exportView(button.dataset.export!, graph, renderer, documents, nodeVisible, edgeVisible)),
);

function legend(): void {
  const list = $('legend');
  for (const [type, colour] of Object.entries(TYPE_COLOURS)) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colour;
    item.append(swatch, document.createTextNode(` ${type}`));
    list.append(item);
  }
}

/** Large graphs stay fluid: points and lines, no edge labels, and edges and labels hidden while the camera moves. */
function tuneForSize(): void {
  large = graph.size > 5000 || graph.order > 3000;
  renderer.setSetting('renderEdgeLabels', !large);
  renderer.setSetting('hideEdgesOnMove', large);
  renderer.setSetting('hideLabelsOnMove', large);
}

async function start(): Promise<void> {
  legend();
  const info = await api.info();
  cypherAvailable = info.cypher;
  if (!cypherAvailable) $('cypher-section').hidden = true;
  await mergeGraph(await api.graph());
  refreshFilters();
  $<HTMLInputElement>('confidence').value = String(state.minConfidence);
  $('confidence-value').textContent = String(state.minConfidence);
  if (state.yearFrom !== undefined) $<HTMLInputElement>('year-from').value = String(state.yearFrom);
  if (state.yearTo !== undefined) $<HTMLInputElement>('year-to').value = String(state.yearTo);
  runLayout();
  if (state.camera) renderer.getCamera().setState(state.camera);
  if (state.path) await showPaths(state.path.from, state.path.to, state.path.index);
  if (state.selected) select(state.selected);
  else if (state.edge) selectEdge(state.edge);
  container.dataset.ready = 'true';
  container.dataset.nodes = String(graph.order);
}

// Exposed for tests and for people poking at the page from the console.
(window as unknown as { kg: unknown }).kg = { graph, renderer, select, state: () => state };

start().catch((error: unknown) => {
  const message = document.createElement('p');
  message.className = 'error';
  message.textContent = `Could not load the graph: ${(error as Error).message}`;
  container.append(message);
  container.dataset.ready = 'error';
});
