// The viewer's wiring: one graph (graph-data), one view state (view-state, mirrored in the URL and the
// browser's history) changed only through `commit`, and the modules that draw from them: filters and their
// controls, appearance, layout, the panel, search, paths and the Cypher box. Sigma's reducers read the state;
// the graph data stays untouched by styling.
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { createEdgeCurveProgram } from '@sigma/edge-curve';
import { DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS, EdgeArrowProgram, EdgeLineProgram, NodeCircleProgram } from 'sigma/rendering';
import type { SerializedGraph } from '../../src/model/api.js';
import { api, ApiFailure } from './api.js';
import { Availability } from './availability.js';
import { applySizes, TYPE_COLOURS, type SizeBy } from './appearance.js';
import { AttacksTable } from './attacks-table.js';
import { CaseFiles, type CaseContent } from './case-files.js';
import { Corrections, type EntityFacts } from './corrections.js';
import { CypherResults } from './cypher-results.js';
import { exportView } from './exporting.js';
import { FilterPanel } from './filter-panel.js';
import { visibility, type Filters, type Visibility } from './filters.js';
import { mergeInto, replaceWith, type Documents } from './graph-data.js';
import { Labels, SMALL_VIEW } from './labels.js';
import { Layout } from './layout.js';
import { MapView } from './map.js';
import { Panel } from './panel.js';
import { Panning, pointsPickedAtRest } from './panning.js';
import { followUpdates } from './live-updates.js';
import { describePath, type Path } from './paths.js';
import { SearchBox, type Hit } from './search.js';
import { say } from './status-line.js';
import { combineHits, ENTITIES_PER_REQUEST, Summary } from './summary/index.js';
import { Timeline } from './timeline.js';
import { readState, writeState } from './url-state.js';
import { replacesView, selectEdge, selectNode, withAsOf, withFilters, withPath, withStep, type Step, type ViewState } from './view-state.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const graph = new MultiDirectedGraph();
let documents: Documents = {};
let view: ViewState = readState(location.hash);
let shown: Visibility = { nodes: new Set(), edges: new Set(), isolated: 0 };
let paths: Path[] = [];
let hovered: string | undefined;
// The relationship under the pointer: its name is written in full even where the edge has no room for it.
let hoveredEdge: string | undefined;
// Corrections, the attacks table and the timeline need the database; over a file they stay hidden.
let database = false;
// Large graphs draw nodes as points and edges as plain lines until something is focused (level of detail).
let large = false;
// While the stage is dragged, entities are points on any graph: cheaper to fill than discs, though a point
// vanishes once its centre leaves the screen and stops growing at the GPU's largest size, so views at rest keep discs.
let dragging = false;
const container = $('graph');
// Over a large store the page starts from the server's summary and opens the rest on demand.
const summary = new Summary();

const FILTER_KEYS: Array<keyof Filters> = ['hiddenTypes', 'hiddenRelations', 'source', 'minConfidence', 'yearFrom', 'yearTo', 'dateFrom', 'dateTo', 'hideIsolated'];
const screenArea = () => Math.max(1, container.clientWidth * container.clientHeight);
const sizeBy = () => $<HTMLSelectElement>('size-by').value as SizeBy;

function currentPath(): Path | undefined {
  return view.path ? paths[view.path.index] : undefined;
}

const labels = new Labels(() => shown.nodes.size <= SMALL_VIEW);
const renderer = new Sigma(graph, container, {
  renderEdgeLabels: true,
  defaultDrawNodeLabel: labels.drawNode,
  defaultDrawNodeHover: labels.drawHover,
  defaultDrawEdgeLabel: labels.drawEdge,
  enableEdgeEvents: true,
  labelRenderedSizeThreshold: 8,
  labelDensity: 0.6,
  defaultEdgeType: 'straight',
  nodeProgramClasses: { circle: NodeCircleProgram, point: pointsPickedAtRest(() => dragging) },
  edgeProgramClasses: { straight: EdgeArrowProgram, curved: createEdgeCurveProgram({ arrowHead: DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS, drawLabel: labels.drawEdge }), line: EdgeLineProgram },
  nodeReducer: (node, data) => {
    // `type` is the entity type in the data; to sigma it names a render program.
    // Small views name every entity (the labels module keeps the names apart); a summary counts what is not shown.
    const res: Record<string, unknown> = { ...data, type: large || dragging ? 'point' : 'circle', label: data.label ? summary.label(node, data.label) : data.label, forceLabel: shown.nodes.size <= SMALL_VIEW };
    if (!shown.nodes.has(node)) return { ...res, hidden: true };
    const focus = hovered ?? view.selected;
    const path = currentPath();
    if (path) return path.nodes.includes(node) ? { ...res, highlighted: true, zIndex: 2 } : { ...res, color: '#d5d9e0', label: '' };
    if (focus && graph.hasNode(focus) && node !== focus && !graph.areNeighbors(node, focus)) return { ...res, color: '#d5d9e0', label: '' };
    if (node === focus) return { ...res, highlighted: true, zIndex: 2 };
    return res;
  },
  edgeReducer: (edge, data) => {
    const focus = hovered ?? view.selected;
    const path = currentPath();
    // Arrows show direction once few edges are in view: always on small graphs, on a focus or path on large ones.
    const detailed = !large || path !== undefined || (focus !== undefined && graph.hasNode(focus));
    const res: Record<string, unknown> = { ...data, type: detailed ? data.edgeKind : 'line', label: data.type, forceLabel: edge === hoveredEdge || edge === view.edge };
    if (!shown.edges.has(edge)) return { ...res, hidden: true };
    if (edge === view.edge) return { ...res, color: '#d8453b', size: 3, zIndex: 2 };
    if (path) return path.edges.includes(edge) ? { ...res, color: '#d8453b', size: 3 } : { ...res, hidden: true };
    if (focus && graph.hasNode(focus) && !graph.hasExtremity(edge, focus)) return { ...res, hidden: true };
    return { ...res, color: '#9aa3b5' };
  },
});
labels.attach(renderer);
// Large graphs draw points anyway: only smaller ones are restyled as a drag starts and ends.
new Panning(renderer, (on) => {
  dragging = on;
  if (!large) renderer.scheduleRefresh();
});

/** Frames what is shown: sigma normalises to this box, so the camera's reset fits exactly the visible part. */
function fit(animate: boolean): void {
  const xs: number[] = [];
  const ys: number[] = [];
  shown.nodes.forEach((node) => {
    const a = graph.getNodeAttributes(node);
    xs.push(Number(a.x));
    ys.push(Number(a.y));
  });
  renderer.setCustomBBox(xs.length > 0 ? { x: [Math.min(...xs), Math.max(...xs)], y: [Math.min(...ys), Math.max(...ys)] } : null);
  if (animate) void renderer.getCamera().animatedReset({ duration: 300 });
  else renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
}

/** What is shown, and the sizes that follow from it, after the graph or the filters changed. */
function recompute(): void {
  shown = visibility(graph, view, view.selected, summary.hasHidden);
  applySizes(graph, shown, sizeBy(), screenArea());
  filterPanel.counts(graph, shown);
  // Small views label every entity; on larger ones sigma's label grid keeps labels from piling up, and while
  // the camera moves only the entities are drawn (each setting change restyles everything: only on a change).
  renderer.setSetting('labelRenderedSizeThreshold', shown.nodes.size <= SMALL_VIEW ? 0 : 8);
  const busy = large || shown.nodes.size > SMALL_VIEW;
  if (renderer.getSetting('hideEdgesOnMove') !== busy) renderer.setSetting('hideEdgesOnMove', busy);
  if (renderer.getSetting('hideLabelsOnMove') !== busy) renderer.setSetting('hideLabelsOnMove', busy);
}

function writeUrl(how: 'push' | 'replace'): void {
  const camera = renderer.getCamera().getState();
  view = { ...view, camera: { x: camera.x, y: camera.y, ratio: camera.ratio } };
  if (how === 'push') history.pushState(null, '', writeState(view));
  else history.replaceState(null, '', writeState(view));
}

/**
 * The one way the view changes. A new selection or path is a step the browser's back button returns from
 * ('push'); filter and camera changes rewrite the current step ('replace'); 'none' applies a step the browser
 * already holds (back, forward).
 */
function commit(next: ViewState, how: 'push' | 'replace' | 'none'): void {
  const before = view;
  if (how === 'push') writeUrl('replace');
  view = next;
  const filtersChanged = FILTER_KEYS.some((key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]));
  if (filtersChanged || before.selected !== next.selected) recompute();
  if (filtersChanged) {
    filterPanel.sync(next);
    fit(true);
  }
  showPanel();
  attacksTable.highlight(next.selected);
  map.highlight(next.selected);
  timeline.setRange(next.dateFrom, next.dateTo);
  if (before.asOf !== next.asOf) timeline.setAsOf(next.asOf);
  renderer.refresh();
  if (how !== 'none') writeUrl(how);
}

const panel = new Panel(() => commit(selectNode(view, undefined), 'push'));
const actions = {
  expand: (node: string) => void expand(node),
  showEvidence: (edge: string) => commit(selectEdge(view, edge), 'push'),
  select: (node: string) => commit(selectNode(view, node), 'push'),
  back: () => history.back(),
};

function showPanel(): void {
  if (view.edge && graph.hasEdge(view.edge)) {
    panel.showEvidence(graph, view.edge, documents, actions);
    if (database) panel.append(corrections.forRelation(graph.source(view.edge), String(graph.getEdgeAttribute(view.edge, 'type')), graph.target(view.edge)), caseFiles.noteField('relationships', view.edge));
  } else if (view.selected && graph.hasNode(view.selected)) {
    panel.showEntity(graph, view.selected, documents, shown, actions);
    const a = graph.getNodeAttributes(view.selected);
    const facts: EntityFacts = { name: String(a.label), type: String(a.type), aliases: (a.aliases as string[] | undefined) ?? [], reports: (a.reports as EntityFacts['reports'] | undefined) ?? [] };
    if (summary.active) panel.append(summary.forEntity(graph, view.selected, actions.expand));
    if (database) panel.append(corrections.forEntity(view.selected, facts), caseFiles.noteField('entities', view.selected));
  } else panel.hide();
}

/** The whole graph (or its summary, over a large store), or as of the view's date. */
const loadBase = () => (view.asOf ? api.asOf(view.asOf) : summary.load());

/** Graph data the page fetched, cut to what documents published by the view's date say (as it is without one). */
const dated = async (data: SerializedGraph): Promise<SerializedGraph> => (view.asOf && data.nodes.length > 0 ? api.subgraph(data.nodes.map((n) => n.key), view.asOf) : data);

/** Builds the graph a view describes: the whole graph unless its first step replaced it, its steps in order, its paths. */
async function build(recipe: ViewState): Promise<void> {
  const first = recipe.steps[0];
  if (!first || !replacesView(first)) {
    await mergeGraph(await loadBase());
    settleAndFit();
  }
  await replay(recipe.steps);
  if (recipe.path) await showPaths(recipe.path.from, recipe.path.to, recipe.path.index, 'none');
}

/**
 * After a correction or a new "as of" date the page shows its view as the server now has it: the whole graph
 * is replaced in place, a view built by steps (Cypher, expansions, a case, paths) is built again by them.
 * Entities that stay keep their places; a selection that went goes too.
 */
let reloads = 0;
let reloading: Promise<void> = Promise.resolve();
function reload(): Promise<void> {
  // Tests and scripts wait for `data-reload=done`: the graph, the table, the timeline and the map all follow.
  // Reloads take turns (one rebuilding while another starts would mix two graphs); one that a later one
  // supersedes before its turn is skipped, and only the latest says it is done.
  const mine = ++reloads;
  container.dataset.reload = 'running';
  const run = reloading.then(async () => {
    if (mine !== reloads) return;
    await rebuild();
    if (mine === reloads) container.dataset.reload = 'done';
  });
  reloading = run.catch(() => undefined);
  return run;
}

async function rebuild(): Promise<void> {
  const recipe = view;
  // On a summary, what the page opened is opened again around the new summary, all at once.
  const opened = summary.active && !recipe.asOf && !recipe.path && recipe.steps.every((step) => 'expand' in step) ? recipe.steps.flatMap((step) => ('expand' in step ? [step.expand] : [])) : [];
  if (recipe.steps.length === 0 && !recipe.path) documents = replaceWith(graph, await loadBase());
  else if (opened.length > 0) {
    const reopened = await summary.reopen(opened);
    documents = replaceWith(graph, reopened.graph);
    await linkIn(reopened.added);
  } else {
    const places = new Map(graph.mapNodes((node, a) => [node, { x: Number(a.x), y: Number(a.y) }]));
    graph.clear();
    documents = {};
    await build(recipe);
    graph.forEachNode((node) => {
      const place = places.get(node);
      if (place) graph.mergeNodeAttributes(node, place);
    });
  }
  afterGraphChange();
  // The view as it is now (a date or filter may have changed meanwhile; a newer reload then follows), with the
  // focus the steps' replay let go of.
  const latest = view;
  const refocused = latest.selected !== undefined || latest.edge !== undefined ? latest : recipe.edge ? selectEdge(latest, recipe.edge) : selectNode(latest, recipe.selected);
  const gone = (refocused.selected !== undefined && !graph.hasNode(refocused.selected)) || (refocused.edge !== undefined && !graph.hasEdge(refocused.edge));
  commit(gone ? selectNode(refocused, undefined) : refocused, 'replace');
  await loadWorkflow();
}

/** The attacks table, the timeline and the map, as the server has them now ("as of" filters the table and the map too). */
async function loadWorkflow(): Promise<void> {
  if (!database) return;
  const [rows, timelineData, placed] = await Promise.all([api.attacks(view.asOf), api.timeline(), api.geojson(view.asOf)]);
  attacksTable.show(rows);
  timeline.show(timelineData);
  map.show(placed, graph.mapNodes((id, a) => ({ id, name: String(a.label), type: String(a.type) })));
}

/** Selects an entity, loading its neighbourhood first if the view does not hold it, and centres on it. */
async function focusOn(id: string): Promise<void> {
  if (!graph.hasNode(id)) await expand(id);
  commit(selectNode(view, id), 'push');
  centreOn(id);
}
const attacksTable = new AttacksTable((id) => void focusOn(id));
const map = new MapView((id) => void focusOn(id));

/** What a case file keeps of the view: the entities shown where they are drawn, filters, date, focus, paths, the rows on show. */
function caseContent(): CaseContent {
  const entities = [...shown.nodes];
  const at = (n: string) => ({ x: Number(graph.getNodeAttribute(n, 'x')), y: Number(graph.getNodeAttribute(n, 'y')) });
  return {
    entities,
    positions: Object.fromEntries(entities.map((n) => [n, at(n)])),
    filters: Object.fromEntries(FILTER_KEYS.filter((k) => view[k] !== undefined).map((k) => [k, view[k]])),
    selected: view.selected,
    edge: view.edge,
    asOf: view.asOf,
    paths: paths.map((p) => p.nodes),
    cypher: cypherResults.saved(),
  };
}

/** A saved path as the page draws one: its entities and, between each two, a relationship the graph holds. */
function pathOf(nodes: string[]): Path | undefined {
  if (!nodes.every((n) => graph.hasNode(n))) return undefined;
  const edges = nodes.slice(1).map((n, i) => graph.edges(nodes[i]!, n)[0] ?? graph.edges(n, nodes[i]!)[0]);
  return edges.every((e) => e !== undefined) ? { nodes, edges: edges as string[] } : undefined;
}

/** Draws a case's entities (as the store has them at the view's date) at their saved places, its paths and its rows. */
async function drawCase(content: CaseContent): Promise<void> {
  graph.clear();
  documents = {};
  // A summary holds only part of the store: the case's own entities are asked for, in requests the API takes.
  if (content.entities.length > 0) documents = mergeInto(graph, {}, summary.active && !view.asOf ? await summary.entities(content.entities) : await api.subgraph(content.entities, view.asOf));
  if (summary.active && !view.asOf && content.entities.length > ENTITIES_PER_REQUEST) await linkIn(graph.nodes());
  for (const [id, position] of Object.entries(content.positions)) if (graph.hasNode(id)) graph.mergeNodeAttributes(id, position);
  paths = content.paths.map(pathOf).filter((p): p is Path => p !== undefined);
  listPaths(0);
  const saved = content.cypher[0];
  if (saved) {
    $<HTMLTextAreaElement>('cypher').value = saved.query;
    cypherResults.restore(saved);
  }
  afterGraphChange();
}

/** Opens a case as a step of the view: its graph, then its date, filters, focus and first path. */
async function openCase(name: string, content: CaseContent): Promise<void> {
  view = { ...withAsOf(withPath(view, undefined), content.asOf), steps: [] };
  timeline.setAsOf(content.asOf);
  await drawCase(content);
  view = withStep(view, { case: name });
  const first = paths[0];
  const filtered = withPath(withFilters(view, content.filters), first ? { from: first.nodes[0]!, to: first.nodes.at(-1)!, index: 0 } : undefined);
  commit(content.edge && graph.hasEdge(content.edge) ? selectEdge(filtered, content.edge) : selectNode(filtered, content.selected && graph.hasNode(content.selected) ? content.selected : undefined), 'push');
  fit(false);
  await loadWorkflow();
}
const caseFiles = new CaseFiles(caseContent, openCase);
const corrections = new Corrections(reload);
const timeline = new Timeline(
  (id) => void focusOn(id),
  (date) => {
    commit(withAsOf(view, date), 'replace');
    void reload();
  },
  (days) => commit(withFilters(view, { dateFrom: days.from, dateTo: days.to }), 'replace'),
);

function centreOn(node: string): void {
  const display = renderer.getNodeDisplayData(node);
  if (display) void renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.4 }, { duration: 400 });
}

/**
 * Merges a response in, then asks for the relationships of the entities it added: a response holds only the
 * relationships among its own entities, and those joining a new entity to one already shown must not be lost.
 */
async function mergeGraph(data: SerializedGraph, near?: string): Promise<void> {
  const before = new Set(graph.nodes());
  documents = mergeInto(graph, documents, data, { near });
  const added = graph.nodes().filter((n) => !before.has(n));
  if (before.size > 0) await linkIn(added);
  afterGraphChange();
}

/** Takes in the relationships joining these entities to the rest of the view (a response holds only its own). */
async function linkIn(ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += AROUND_BATCH) documents = mergeInto(graph, documents, await dated(await api.around(ids.slice(i, i + AROUND_BATCH))), { edgesOnly: true });
}

/** Level of detail, filter controls and what is shown follow the graph's new content. */
function afterGraphChange(): void {
  large = graph.size > 5000 || graph.order > 3000;
  renderer.setSetting('renderEdgeLabels', !large);
  filterPanel.rebuild(graph, documents, view);
  summary.update(graph);
  recompute();
}
// Entities per /api/around request: keeps the URL short whatever an expansion added.
const AROUND_BATCH = 100;

async function expand(node: string): Promise<void> {
  await mergeGraph(await dated(await api.neighbours(node)), node);
  view = withStep(view, { expand: node });
  showPanel();
  renderer.refresh();
  writeUrl('replace');
}

const layout = new Layout(graph, (running) => {
  $('layout-toggle').textContent = running ? 'Stop layout' : 'Start layout';
  if (!running) container.dataset.layout = 'done';
});
/** Lays out and frames the graph; a large graph's positions come from a worker, framed again at the camera then. */
function settleAndFit(): void {
  const later = layout.settle();
  fit(false);
  void later?.then(() => {
    const camera = view.camera;
    fit(false);
    if (camera) renderer.getCamera().setState(camera);
  });
}
$('layout-toggle').addEventListener('click', () => (layout.running ? layout.stop() : layout.start(8000)));
$('fit').addEventListener('click', () => fit(true));

const filterPanel = new FilterPanel((patch) => commit(withFilters(view, patch), 'replace'));
$<HTMLSelectElement>('size-by').addEventListener('change', () => {
  recompute();
  renderer.refresh();
});

// Hovering restyles the whole graph. While the stage is being dragged the pointer sweeps over nodes without
// meaning to, so a drag neither starts nor moves the highlight; on large graphs a restyle takes a visible
// moment, so hovering only shows the name (sigma draws it) and a click focuses.
function hover(node: string | undefined, edge: string | undefined): void {
  if (node === hovered && edge === hoveredEdge) return;
  hovered = node;
  hoveredEdge = edge;
  renderer.refresh();
}
renderer.on('enterNode', ({ node }) => {
  if (!large && !renderer.getMouseCaptor().isMouseDown) hover(node, hoveredEdge);
});
renderer.on('leaveNode', () => hover(undefined, hoveredEdge));
renderer.on('enterEdge', ({ edge }) => {
  if (!large) hover(hovered, edge);
});
renderer.on('leaveEdge', () => hover(hovered, undefined));
renderer.on('clickNode', ({ node }) => commit(selectNode(view, node), 'push'));
renderer.on('clickEdge', ({ edge }) => commit(selectEdge(view, edge), 'push'));
// Sigma picks edges on a half-resolution buffer, so a click on a thin edge can miss it: a click on the stage
// takes the nearest shown edge within a few pixels before it clears the selection.
renderer.on('clickStage', ({ event }) => {
  const near = nearestEdge(event.x, event.y);
  if (near) commit(selectEdge(view, near), 'push');
  else if (view.selected !== undefined || view.edge !== undefined) commit(selectNode(view, undefined), 'push');
});

const EDGE_HIT_PIXELS = 5;
function nearestEdge(x: number, y: number): string | undefined {
  const at = (node: string) => renderer.framedGraphToViewport(renderer.getNodeDisplayData(node)!);
  let best: { edge: string; distance: number } | undefined;
  for (const edge of shown.edges) {
    if (renderer.getEdgeDisplayData(edge)?.hidden) continue;
    const [a, b] = [at(graph.source(edge)), at(graph.target(edge))];
    const length2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
    const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x) * (b.x - a.x) + (y - a.y) * (b.y - a.y)) / length2));
    const distance = Math.hypot(x - (a.x + t * (b.x - a.x)), y - (a.y + t * (b.y - a.y)));
    if (distance <= EDGE_HIT_PIXELS && (!best || distance < best.distance)) best = { edge, distance };
  }
  return best?.edge;
}
// The panel and the results table take room from the graph; sigma must hear of it, or clicks land off target.
new ResizeObserver(() => {
  renderer.resize();
  renderer.refresh();
}).observe(container);
let cameraTimer: number | undefined;
renderer.getCamera().on('updated', () => {
  clearTimeout(cameraTimer);
  cameraTimer = window.setTimeout(() => writeUrl('replace'), 300);
});

// Back and forward (the page's and the browser's) bring back a past view, paths included.
window.addEventListener('popstate', () => {
  // The graph stays as built: going back changes what is selected and filtered, not what was loaded.
  const next = { ...readState(location.hash), steps: view.steps };
  const samePath = JSON.stringify(next.path) === JSON.stringify(view.path);
  const sameDate = next.asOf === view.asOf;
  filterPanel.sync(next);
  commit(next, 'none');
  if (!sameDate) void reload();
  if (!samePath) void (next.path ? showPaths(next.path.from, next.path.to, next.path.index, 'none') : clearPaths('none'));
  if (next.camera) renderer.getCamera().setState(next.camera);
});

// Search over names and aliases: the page's entities first, then the server's full-text index.
function localSearch(q: string): Hit[] {
  const needle = q.toLowerCase();
  const names = (id: string) => [String(graph.getNodeAttribute(id, 'label')), ...((graph.getNodeAttribute(id, 'aliases') as string[]) ?? [])].map((s) => s.toLowerCase());
  return graph
    .filterNodes((id) => names(id).some((s) => s.includes(needle)))
    .map((id) => ({ id, name: String(graph.getNodeAttribute(id, 'label')), type: String(graph.getNodeAttribute(id, 'type')), exact: names(id).includes(needle) }))
    .sort((a, b) => Number(b.exact) - Number(a.exact) || a.name.length - b.name.length)
    .slice(0, 10);
}

async function hits(q: string): Promise<Hit[]> {
  const local = localSearch(q);
  // A summary holds a fraction of the store: the server is asked whatever the page found.
  if (local.length > 0 && !summary.active) return local;
  const store = (await api.search(q).catch(() => [])).map((h) => ({ id: h.id, name: h.name, type: h.type }));
  return summary.active ? combineHits(store, local, 10) : store;
}

new SearchBox(hits, (hit) => void focusOn(hit.id));

// Shortest paths (up to three, from the server), each step named; the chosen one is highlighted and in the URL.
function listPaths(index: number): void {
  const list = $('path-list');
  list.replaceChildren(
    ...paths.map((path, i) => {
      const item = document.createElement('li');
      item.textContent = describePath(graph, path);
      item.dataset.path = path.nodes.join('|');
      item.setAttribute('aria-selected', String(i === index));
      item.addEventListener('click', () => {
        commit(withPath(view, { ...view.path!, index: i }), 'replace');
        listPaths(i);
      });
      return item;
    }),
  );
  const chosen = paths[index];
  if (chosen) $('path-result').dataset.path = chosen.nodes.join('|');
}

async function showPaths(from: string, to: string, index: number, how: 'push' | 'none'): Promise<void> {
  const message = $('path-result');
  const found = await api.path(from, to).catch((error: unknown) => {
    message.textContent = error instanceof ApiFailure ? `${error.message}${error.hint ? ` ${error.hint}` : ''}` : String(error);
    message.classList.add('error');
    return undefined;
  });
  if (!found) return;
  await mergeGraph(await dated(found.graph));
  // As of an earlier date a path may run through what was not known yet.
  paths = found.paths.filter((p) => p.nodes.every((n) => graph.hasNode(n)) && p.edges.every((e) => graph.hasEdge(e)));
  if (paths.length === 0) return clearPaths('none');
  const chosen = Math.min(index, paths.length - 1);
  commit(withPath(view, { from, to, index: chosen }), how);
  listPaths(chosen);
}

function clearPaths(how: 'push' | 'none'): void {
  paths = [];
  $('path-list').replaceChildren();
  delete $('path-result').dataset.path;
  if (view.path) commit(withPath(view, undefined), how);
  renderer.refresh();
}

$('path-run').addEventListener('click', async () => {
  const message = $('path-result');
  message.textContent = '';
  message.classList.remove('error');
  clearPaths('none');
  const from = (await hits($<HTMLInputElement>('path-from').value.trim()))[0]?.id;
  const to = (await hits($<HTMLInputElement>('path-to').value.trim()))[0]?.id;
  if (!from || !to) {
    message.textContent = 'Name two entities of the graph.';
    message.classList.add('error');
    return;
  }
  await showPaths(from, to, 0, 'push');
});
$('path-clear').addEventListener('click', () => clearPaths('push'));

// Read-only Cypher: entities in the result replace or join the view, every row goes to the table, errors show
// inline. A result with no entities (`RETURN a.name, a.year`) leaves the view as it was.
const cypherResults = new CypherResults();
/** Runs a query; entities in its result replace the view or join it, and the step goes into the link. */
async function runCypher(query: string, add: boolean, how: 'push' | 'none' = 'push'): Promise<void> {
  const result = await api.cypher(query);
  cypherResults.show(result, query);
  if (result.graph.nodes.length === 0) return;
  if (!add) {
    graph.clear();
    documents = {};
    paths = [];
    $('path-list').replaceChildren();
    commit(withPath(selectNode(view, undefined), undefined), how);
  }
  await mergeGraph(await dated(result.graph));
  view = withStep(view, { cypher: query, add });
  settleAndFit();
  renderer.refresh();
  writeUrl('replace');
}

$('cypher-run').addEventListener('click', async () => {
  const error = $('cypher-error');
  const section = $('cypher-section');
  error.textContent = '';
  section.dataset.state = 'running';
  try {
    await runCypher($<HTMLTextAreaElement>('cypher').value, $<HTMLInputElement>('cypher-add').checked);
    section.dataset.state = 'done';
  } catch (failure) {
    error.textContent = failure instanceof ApiFailure ? `${failure.message}${failure.hint ? `\n${failure.hint}` : ''}` : String(failure);
    section.dataset.state = 'error';
  }
});

/** Rebuilds the graph a link describes: its steps in order, each as it ran (a failing one is shown and skipped). */
async function replay(steps: Step[]): Promise<void> {
  view = { ...view, steps: [] };
  for (const step of steps) {
    if ('expand' in step) await expand(step.expand).catch(() => undefined);
    else if ('case' in step) {
      const name = step.case;
      await caseFiles
        .content(name)
        .then(drawCase)
        .then(() => (view = withStep(view, { case: name })))
        .catch((failure: unknown) => say($('case-status'), `This link's case "${name}" did not open: ${failure instanceof Error ? failure.message : String(failure)}`, true));
    } else {
      $<HTMLTextAreaElement>('cypher').value = step.cypher;
      await runCypher(step.cypher, step.add, 'none').catch((failure: unknown) => {
        $('cypher-error').textContent = `This link's query failed: ${failure instanceof Error ? failure.message : String(failure)}`;
      });
    }
  }
}

document.querySelectorAll<HTMLButtonElement>('[data-export]').forEach((button) =>
  button.addEventListener('click', () => void exportView(button.dataset.export!, graph, renderer, documents, shown)),
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

// With the database gone the page says so and how to fix it; once it answers, the page loads (or carries on).
let loaded = false;
const availability = new Availability(() => {
  if (!loaded) void start();
});

async function start(): Promise<void> {
  if (!(await availability.check())) return;
  const info = await api.info();
  if (!info.cypher) $('cypher-section').hidden = true;
  database = info.source === 'neo4j';
  // Over a file there is no "as of": a link that has one shows the file as it is.
  if (!database) view = withAsOf(view, undefined);
  for (const id of ['corrections-section', 'as-of-section', 'timeline-strip', 'attacks-toggle', 'map-toggle', 'cases-section']) $(id).toggleAttribute('hidden', !database);
  const linked = view;
  timeline.setAsOf(linked.asOf);
  // A link whose first step replaced the view never needed the whole graph.
  await build(linked);
  // The graph is drawn from here on; the attacks table, timeline and map follow (`data-ready`).
  container.dataset.drawn = 'true';
  commit({ ...linked, steps: view.steps }, 'none');
  if (linked.camera) renderer.getCamera().setState(linked.camera);
  writeUrl('replace');
  // After the graph: the map names the view's places it could not place.
  await Promise.all([loadWorkflow(), database ? caseFiles.refresh() : undefined]).catch((error: unknown) => {
    $('correction-status').textContent = `The attacks table, timeline and map did not load: ${(error as Error).message}`;
  });
  loaded = true;
  container.dataset.ready = 'true';
  container.dataset.nodes = String(graph.order);
  // New articles reach the view as a correction does: its own steps run again (a Cypher view stays one).
  followUpdates(async () => {
    await reload();
    void layout.settle();
    renderer.refresh();
    container.dataset.nodes = String(graph.order);
  });
}

// Exposed for tests and for people poking at the page from the console.
(window as unknown as { kg: unknown }).kg = { graph, renderer, select: (node: string | undefined) => commit(selectNode(view, node), 'push'), selectEdge: (edge: string) => commit(selectEdge(view, edge), 'push'), state: () => view, shown: () => shown, edgeLabels: () => labels.drawnEdgeLabels() };

legend();
start().catch((error: unknown) => {
  // The notice already tells of a database or server that went away while loading.
  if (error instanceof ApiFailure && error.unavailable) return;
  const message = document.createElement('p');
  message.className = 'error';
  message.textContent = `Could not load the graph: ${(error as Error).message}`;
  container.append(message);
  container.dataset.ready = 'error';
});
