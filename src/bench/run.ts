// `npm run bench`: measures every hot path side by side in one run and rewrites BENCHMARKS.md with the
// machine, the command, and for each figure the median of several runs with min and max.
// KG_BENCH_SIZES=1000,10000,100000 chooses the corpus sizes (default 1000,10000); KG_BENCH_BULK_SIZES the bulk runs.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { ArticleExtractor, ExtractionPool } from '../pipeline/index.js';
import { exporters, fileSink, selectGraph } from '../export/index.js';
import type { DocumentExtraction } from '../extract/index.js';
import type { Extraction } from '../model/extraction.js';
import { prepareArticle, type Article } from '../ingest/index.js';
import { loadOntology } from '../model/ontology.js';
import { closeConnection, connect, type Connection } from '../store/connection.js';
import { startLocalServer } from '../store/local-server.js';
import { readCypher } from '../store/cypher-files.js';
import { readRows } from '../store/run-query.js';
import { toGraphRows } from '../store/graph-rows.js';
import { relationStatements, relationWrite, runInOneTransaction, writeGraph, writeStatements, type WriteStatement } from '../store/write-graph.js';
import { applySchema } from '../store/schema.js';
import { resetGraph } from '../store/stats.js';
import { Resolver } from '../resolve/index.js';
import { generateCorpus } from './corpus.js';
import { syntheticGraph } from './synthetic-graph.js';
import { measureSyntax } from './syntax.js';
import { writeSyntheticStore } from './synthetic-store.js';
import { commitStamp } from '../eval/commit-stamp.js';
import { DEFAULT_SUMMARY } from '../server/summary.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KG = join(ROOT, 'bin', 'kg.js');
const sizes = (process.env.KG_BENCH_SIZES ?? '1000,10000').split(',').map(Number).filter((n) => n > 0);
const RUNS = 3;
// The viewer's large case: a store past the summary threshold, the size issue 15 asks the page to handle.
const LARGE_STORE = { entities: 100_000, relationships: 300_000 };

const SECTIONS = ['extraction', 'parallel', 'neo4j', 'writes', 'bulk', 'viewer', 'syntax'] as const;
type Section = (typeof SECTIONS)[number];
const SECTION_TITLES: Record<Section, string> = {
  extraction: 'Extraction, one thread, against compromise',
  parallel: 'Parallel extraction',
  neo4j: 'Transactional ingest and export',
  writes: 'Neo4j writes',
  bulk: 'Bulk import against transactional ingest',
  viewer: 'Viewer',
  syntax: 'Tagger and parser',
};

interface Figure {
  section: Section;
  name: string;
  unit: string;
  samples: number[];
  target?: string;
  note?: string;
}
const figures: Figure[] = [];
const log = (message: string) => process.stderr.write(`${message}\n`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

function record(figure: Figure): Figure {
  figures.push(figure);
  log(`  ${figure.name}: ${fmt(median(figure.samples))} ${figure.unit}`);
  return figure;
}

function articles(count: number, seed: number): Article[] {
  return [...generateCorpus(count, seed)].map((a) => prepareArticle({ source: a.name, format: 'text', content: a.text }));
}

function seedArticles(): Article[] {
  return spawnSync('ls', [join(ROOT, 'seeds')], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .map((f) => prepareArticle({ source: f, format: 'text', content: readFileSync(join(ROOT, 'seeds', f), 'utf8') }));
}

const kb = (docs: Article[]) => docs.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1024;

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return (performance.now() - start) / 1000;
}

/** Heap bytes one extraction allocates per document, garbage included, from V8's sampling heap profiler (one sample
 * per 4 KB on average). It moves only when the code does: on a machine others share, it tells what wall time cannot. */
async function allocatedPerDocument(pipeline: ArticleExtractor, docs: Article[]): Promise<number> {
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    docs.forEach((a) => pipeline.extractArticle(a));
    const { profile } = await session.post('HeapProfiler.stopSampling');
    const total = (node: typeof profile.head): number => node.selfSize + node.children.reduce((n, child) => n + total(child), 0);
    return total(profile.head) / docs.length;
  } finally {
    session.disconnect();
  }
}

/** Figure 1: extraction per core against compromise's people/places/organizations, alternating runs. */
async function benchExtraction(): Promise<void> {
  log('1. Extraction throughput (one thread)');
  const pipeline = new ArticleExtractor();
  const corpora: Array<[string, Article[]]> = [['seeds (x20)', Array.from({ length: 20 }, () => seedArticles()).flat()], ...sizes.map((s): [string, Article[]] => [`${s} generated`, articles(s, 11)])];
  for (const [name, docs] of corpora) {
    const size = kb(docs);
    // The baseline on a slice of at most 1 MB, the same slice every run.
    const slice = docs.slice(0, Math.max(5, Math.floor(docs.length * Math.min(1, 1024 / size))));
    const compromise = () =>
      slice.forEach((a) => {
        const doc = nlp(a.text);
        doc.people().out('array');
        doc.places().out('array');
        doc.organizations().out('array');
      });
    // Both sides run once unmeasured first: a cold run is mostly the JIT compiling, on either side.
    docs.slice(0, 2000).forEach((a) => pipeline.extractArticle(a));
    compromise();
    const ours: number[] = [];
    const baseline: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      ours.push(size / time(() => docs.forEach((a) => pipeline.extractArticle(a))));
      baseline.push(kb(slice) / time(compromise));
    }
    record({ section: 'extraction', name: `kg extract, ${name}`, unit: 'KB/s per core', samples: ours, target: '≥ 500 KB/s per core' });
    record({ section: 'extraction', name: `compromise people/places/orgs, ${name}`, unit: 'KB/s per core', samples: baseline });
    record({ section: 'extraction', name: `ratio kg / compromise, ${name}`, unit: '×', samples: ours.map((o, i) => o / baseline[i]!), target: '≥ 4.5×' });
    record({ section: 'extraction', name: `kg extract, ${name}`, unit: 'documents/s per core', samples: ours.map((o) => (o * docs.length) / size) });
    const allocated: number[] = [];
    for (let r = 0; r < RUNS; r++) allocated.push((await allocatedPerDocument(pipeline, slice)) / 1024);
    record({ section: 'extraction', name: `heap allocated per document, ${name}`, unit: 'KB', samples: allocated, note: "garbage included, sampled by V8's heap profiler; what the collector works through" });
  }
}

/** Runs of the parallel figure: its wall-clock ratio swings with whatever else the machine runs, more than any other. */
const PARALLEL_RUNS = 7;

/** This thread's own CPU seconds (not its workers' nor V8's helpers'), where Linux tells it; undefined elsewhere. */
function mainThreadCpu(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Figure 2: worker threads on every core against one thread; the outputs must be identical. */
async function benchParallel(): Promise<void> {
  const workers = Math.min(cpus().length, 8);
  log(`2. Parallel extraction (${workers} workers)`);
  const docs = articles(Math.min(4000, Math.max(...sizes)), 13);
  const pipeline = new ArticleExtractor();
  const pool = new ExtractionPool(workers);
  // Warm both sides: each worker thread compiles its code afresh.
  await pool.extract(docs.slice(0, 1000));
  docs.slice(0, 500).forEach((a) => pipeline.extractArticle(a));
  const speedups: number[] = [];
  const coresOne: number[] = [];
  const coresMany: number[] = [];
  const cpuRatio: number[] = [];
  const mainCpu: number[] = [];
  const cpuSeconds = (cpu: NodeJS.CpuUsage) => (cpu.user + cpu.system) / 1e6;
  let identical = true;
  const runOne = () => {
    const cpu = process.cpuUsage();
    let single: DocumentExtraction[] = [];
    const seconds = time(() => (single = docs.map((a) => pipeline.extractArticle(a))));
    return { seconds, cpu: cpuSeconds(process.cpuUsage(cpu)), single };
  };
  const runMany = async () => {
    const cpu = process.cpuUsage();
    const main = mainThreadCpu();
    const start = performance.now();
    const outcomes = await pool.extract(docs);
    const seconds = (performance.now() - start) / 1000;
    const mainAfter = mainThreadCpu();
    return { seconds, cpu: cpuSeconds(process.cpuUsage(cpu)), main: main === undefined || mainAfter === undefined ? undefined : mainAfter - main, outcomes };
  };
  for (let r = 0; r < PARALLEL_RUNS; r++) {
    // Sides alternate which goes first, so a burst of other work on the machine falls on each side alike.
    const many = r % 2 === 1 ? await runMany() : undefined;
    const one = runOne();
    const parallel = many ?? (await runMany());
    // CPU time over wall time, process-wide: V8's collector and compiler threads count, as do the workers.
    coresOne.push(one.cpu / one.seconds);
    coresMany.push(parallel.cpu / parallel.seconds);
    cpuRatio.push(parallel.cpu / one.cpu);
    if (parallel.main !== undefined) mainCpu.push(parallel.main);
    speedups.push(one.seconds / parallel.seconds);
    // Extraction alone is timed on both sides; the resolved graphs are then compared for identity.
    const extracted = parallel.outcomes.flatMap((outcome) => (outcome.ok ? [outcome.extraction] : []));
    identical &&= JSON.stringify(pipeline.extractCorpus(docs, extracted)) === JSON.stringify(pipeline.extractCorpus(docs, one.single));
  }
  await pool.close();
  record({ section: 'parallel', name: `speed-up of ${workers} workers over one thread, ${docs.length} documents`, unit: '×', samples: speedups, target: '≥ 1.8× on 2 cores', note: `${identical ? 'output identical to the single-threaded run' : 'OUTPUT DIFFERED'}; ${PARALLEL_RUNS} runs, sides alternating` });
  record({ section: 'parallel', name: 'cores kept busy by the single-threaded run', unit: 'cores', samples: coresOne, note: "V8's collector and compiler threads use the other core" });
  record({ section: 'parallel', name: `cores kept busy by ${workers} workers`, unit: 'cores', samples: coresMany });
  record({ section: 'parallel', name: `CPU time of ${workers} workers over the single-threaded run's, same documents`, unit: '×', samples: cpuRatio, note: 'what the workers cost beyond the work itself: steadier than wall time on a busy machine' });
  if (mainCpu.length > 0) record({ section: 'parallel', name: `main thread's CPU time during the ${workers}-worker run (handing out, decoding results)`, unit: 's', samples: mainCpu });
}

async function benchServer(): Promise<{ connection: Connection; uri: string; pid: number; stop: () => Promise<void> }> {
  const home = mkdtempSync(join(tmpdir(), 'kg-bench-neo4j-'));
  const server = await startLocalServer({ kgHome: home, port: Number(process.env.KG_BENCH_PORT ?? 7695), attached: true });
  const connection = await connect({ uri: server.uri });
  return {
    connection,
    uri: server.uri,
    pid: server.state.pid,
    stop: async () => {
      await closeConnection(connection);
      server.child?.kill('SIGTERM');
      await new Promise((done) => server.child?.once('exit', done));
      rmSync(home, { recursive: true, force: true });
    },
  };
}

const wipe = resetGraph;

const peakRss = (pid: number): number => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

// Export is measured on the graph of this many documents (the largest size up to 10k).
const exportSize = Math.max(...sizes.filter((s) => s <= 10_000), Math.min(...sizes));

const WORKERS = String(Math.min(cpus().length, 8));

/** Runs `kg` as a user would, with the Node process's peak memory reported by a hook on exit. */
async function runKgMeasured(args: string[], env: Record<string, string>): Promise<{ seconds: number; rssMb: number; out: string }> {
  const hook = 'data:text/javascript,process.on("exit",()=>process.stderr.write("MAXRSS "+process.resourceUsage().maxRSS+"\\n"))';
  const start = performance.now();
  const { code, out, err } = await new Promise<{ code: number | null; out: string; err: string }>((done) => {
    const child = spawn(process.execPath, ['--import', hook, KG, '-q', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => done({ code, out, err }));
  });
  if (code !== 0) throw new Error(`kg ${args[0]} failed (exit ${code}):\n${err.slice(-2000)}`);
  return { seconds: (performance.now() - start) / 1000, rssMb: Number(/MAXRSS (\d+)/.exec(err)?.[1] ?? 0) / 1024, out };
}

function corpusFolder(size: number, seed: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'kg-bench-docs-'));
  for (const a of generateCorpus(size, seed)) writeFileSync(join(dir, a.name), a.text);
  return dir;
}

/** Figure 3: `kg ingest` end to end as a user runs it, with the Node process's peak memory. */
async function benchIngest(uri: string, connection: Connection, neo4jPid: number): Promise<void> {
  log('3. End-to-end kg ingest');
  for (const size of sizes) {
    const dir = corpusFolder(size, 17);
    const seconds: number[] = [];
    const rss: number[] = [];
    for (let r = 0; r < (size >= 100_000 ? 1 : 2); r++) {
      await wipe(connection);
      const run = await runKgMeasured(['ingest', dir, '--batch', '200', '--workers', WORKERS], { NEO4J_URI: uri });
      seconds.push(run.seconds);
      rss.push(run.rssMb);
    }
    rmSync(dir, { recursive: true, force: true });
    record({ section: 'neo4j', name: `kg ingest ${size} documents`, unit: 's', samples: seconds, ...(size === 100_000 ? { target: '< 600 s' } : {}) });
    record({ section: 'neo4j', name: `kg ingest ${size} documents, documents per second`, unit: 'documents/s', samples: seconds.map((s) => size / s) });
    record({ section: 'neo4j', name: `kg ingest ${size} documents, Node peak memory`, unit: 'MB', samples: rss, target: '< 1536 MB' });
    if (size === exportSize) await benchExport(connection);
  }
  record({ section: 'neo4j', name: 'Neo4j peak resident memory during the ingests', unit: 'MB', samples: [peakRss(neo4jPid)] });
}

// KG_BENCH_BULK_SIZES=100000,1000000 chooses the bulk runs (default: the largest of KG_BENCH_SIZES); the
// transactional side runs up to KG_BENCH_TRANSACTIONAL_MAX documents (default 100000), as it takes far longer.
const bulkSizes = (process.env.KG_BENCH_BULK_SIZES ?? String(Math.max(...sizes))).split(',').map(Number).filter((n) => n > 0);
const transactionalMax = Number(process.env.KG_BENCH_TRANSACTIONAL_MAX ?? 100_000);

/** Figure 7: `kg import` (neo4j-admin's importer into an empty store) against `kg ingest` on the same corpus. */
async function benchBulk(uri: string, connection: Connection): Promise<void> {
  log('7. Bulk import vs transactional ingest');
  const port = String(Number(process.env.KG_BENCH_PORT ?? 7695) + 1);
  for (const size of bulkSizes) {
    const dir = corpusFolder(size, 29);
    const home = mkdtempSync(join(tmpdir(), 'kg-bench-import-'));
    const flags = [dir, '--batch', '200', '--workers', WORKERS];
    try {
      const bulk = await runKgMeasured(['import', ...flags], { KG_HOME: home, KG_NEO4J_PORT: port });
      const state = JSON.parse(readFileSync(join(home, `neo4j-${port}.json`), 'utf8')) as { pid: number };
      const neo4jMb = peakRss(state.pid);
      spawnSync(process.execPath, [KG, 'neo4j', 'stop', '--port', port], { env: { ...process.env, KG_HOME: home } });
      record({ section: 'bulk', name: `kg import ${size} documents (read, extract, resolve, neo4j-admin import, schema)`, unit: 's', samples: [bulk.seconds], ...(size >= 1_000_000 ? { target: '< 1800 s' } : {}) });
      record({ section: 'bulk', name: `kg import ${size} documents, documents per second`, unit: 'documents/s', samples: [size / bulk.seconds] });
      record({ section: 'bulk', name: `kg import ${size} documents, Node peak memory`, unit: 'MB', samples: [bulk.rssMb] });
      // The phases and the importer's own peak memory, as kg import reports them.
      const phases = /\((reading.*?)\): documents/.exec(bulk.out)?.[1] ?? '';
      log(`  kg import ${size} documents, phases: ${phases}`);
      const importerMb = /using at most (\d+) MB/.exec(bulk.out);
      if (importerMb) record({ section: 'bulk', name: `kg import ${size} documents, neo4j-admin peak memory (its own report)`, unit: 'MB', samples: [Number(importerMb[1])], note: phases });
      record({ section: 'bulk', name: `kg import ${size} documents, Neo4j peak memory once started on the imported store`, unit: 'MB', samples: [neo4jMb] });
      if (size <= transactionalMax) {
        await wipe(connection);
        const ingest = await runKgMeasured(['ingest', ...flags], { NEO4J_URI: uri });
        record({ section: 'bulk', name: `kg ingest of the same ${size} documents`, unit: 's', samples: [ingest.seconds] });
        record({ section: 'bulk', name: `ratio kg ingest / kg import, ${size} documents`, unit: '×', samples: [ingest.seconds / bulk.seconds] });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    }
  }
}

/** Figure 4: writes into Neo4j. Batched and row by row write the same rows from the same starting state. */
async function benchWrites(connection: Connection): Promise<void> {
  log('4. Neo4j writes, batched vs row by row');
  const ontology = loadOntology();
  const pipeline = new ArticleExtractor();
  const docs = articles(Math.min(10_000, Math.max(...sizes)), 19);
  // Batches of 500 documents resolved in turn, as `kg ingest` does, so each batch carries its own evidence.
  const resolver = new Resolver();
  const batches: Extraction[] = [];
  for (let i = 0; i < docs.length; i += 500) batches.push(resolver.resolve(docs.slice(i, i + 500).map((article) => ({ article, extraction: pipeline.extractArticle(article) }))));
  const statements = batches.map((batch) => writeStatements(batch, ontology));
  const ofKind = (kinds: Array<WriteStatement['kind']>) => statements.map((list) => list.filter((s) => kinds.includes(s.kind)));
  // An ontology relationship's write is its MERGE and its evidence nodes' CREATE.
  const relations = ofKind(['relations', 'evidence']);
  const relationRows = relations.flat().reduce((n, s) => n + (s.kind === 'relations' ? s.rows : 0), 0);
  const lookups = readCypher('bench/endpoint-lookups.cypher');
  const countAll = readCypher('stats/relationship-count.cypher');
  const timed = async (work: () => Promise<void>) => {
    const start = performance.now();
    await work();
    return (performance.now() - start) / 1000;
  };
  // The documents and entities that relationship rows join, stored untimed.
  const endpointsOnly = async () => {
    await wipe(connection);
    await applySchema(connection);
    for (const list of ofKind(['documents', 'entities'])) await runInOneTransaction(connection, list);
  };
  // Row by row on a sample: one transaction per relationship row (all of them would take minutes).
  const rowsOf = batches.map((batch) => toGraphRows(batch, ontology).relations);
  const sample = rowsOf[0]!.slice(0, 1500).map((row) => relationStatements([row], ontology));
  // The floor looks up both endpoints of every row, as the writer did before it looked each entity up once.
  const floorStatements = rowsOf.map((rows) => [...new Set(rows.map((r) => r.type))].map((type): WriteStatement => {
    const group = rows.filter((r) => r.type === type);
    return { kind: 'relations', query: lookups, params: { relations: group }, rows: group.length };
  }));
  // The write floor: each row's relationship created bare, endpoints by element id (one lookup per batch, as the writer's).
  const bareCreate = readCypher('bench/bare-create.cypher');
  const bareStatements = rowsOf.map((rows) => [...new Set(rows.map((r) => r.type))].map((type) => ({ ...relationWrite(type, rows.filter((r) => r.type === type), ontology), query: bareCreate.replaceAll('REL_TYPE', type) })));

  const whole: number[] = [];
  const batched: number[] = [];
  const single: number[] = [];
  const floor: number[] = [];
  const bare: number[] = [];
  let stored = 0;
  for (let r = 0; r < RUNS; r++) {
    await wipe(connection);
    await applySchema(connection);
    const seconds = await timed(async () => {
      for (const batch of batches) await writeGraph(connection, batch, ontology);
    });
    stored = Number((await readRows(connection, countAll))[0]?.total ?? 0);
    whole.push(stored / seconds);

    await endpointsOnly();
    batched.push(relationRows / (await timed(async () => {
      for (const list of relations) await runInOneTransaction(connection, list);
    })));
    floor.push(relationRows / (await timed(async () => {
      for (const list of floorStatements) await runInOneTransaction(connection, list);
    })));

    await endpointsOnly();
    bare.push(relationRows / (await timed(async () => {
      for (const list of bareStatements) await runInOneTransaction(connection, list);
    })));

    await endpointsOnly();
    single.push(sample.length / (await timed(async () => {
      for (const statements of sample) await runInOneTransaction(connection, statements);
    })));
  }
  record({ section: 'writes', name: `batched writer, ${relationRows} ontology relationship rows from ${docs.length} documents, with their evidence nodes`, unit: 'relationships/s', samples: batched, target: '≥ 40,000 relationships/s' });
  record({ section: 'writes', name: `row by row, ${sample.length} of those rows, one transaction each`, unit: 'relationships/s', samples: single });
  record({ section: 'writes', name: 'ratio batched / row by row', unit: '×', samples: batched.map((b, i) => b / single[i]!), target: '≥ 10×' });
  record({ section: 'writes', name: `whole ingest write of the same ${docs.length} documents: ${stored} relationships of every kind (mentions, relations, claim links) with their documents, entities, evidence and claims`, unit: 'relationships/s', samples: whole, target: '≥ 30,000 relationships/s' });
  record({ section: 'writes', name: 'floor: the two endpoint lookups per relationship row, writing nothing', unit: 'rows/s', samples: floor, note: 'what this machine allows before any write' });
  record({ section: 'writes', name: 'floor: the same rows as bare CREATEs (no properties, no evidence), endpoints by element id', unit: 'relationships/s', samples: bare, note: 'what transactional Cypher allows for the bare relationships' });
}

/** Figure 5: export throughput per format on the stored graph. */
async function benchExport(connection: Connection): Promise<void> {
  log('5. Export throughput');
  const dir = mkdtempSync(join(tmpdir(), 'kg-bench-export-'));
  for (const exporter of exporters(loadOntology())) {
    const rates: number[] = [];
    let edges = 0;
    for (let r = 0; r < RUNS; r++) {
      const start = performance.now();
      const counts = await exporter.write(await selectGraph(connection, { kind: 'all' }), fileSink(join(dir, `${exporter.format}-${r}`), exporter.folder));
      edges = counts.edges;
      rates.push(counts.edges / ((performance.now() - start) / 1000));
    }
    record({ section: 'neo4j', name: `${exporter.format}, ${edges} relationships`, unit: 'relationships/s', samples: rates });
  }
  rmSync(dir, { recursive: true, force: true });
}

/** What the bench touches inside the viewer's page (the Node build has no DOM types). */
interface ViewerPage {
  requestAnimationFrame(callback: (time: number) => void): number;
  setTimeout(callback: () => void, ms: number): number;
  MouseEvent: new (type: string, init: { clientX: number; clientY: number; bubbles: boolean; button: number }) => unknown;
  kg: {
    renderer: {
      getMouseCaptor(): { container: { getBoundingClientRect(): { left: number; top: number; width: number; height: number }; dispatchEvent(event: unknown): boolean } };
      on(event: 'afterRender', listener: () => void): void;
      off(event: 'afterRender', listener: () => void): void;
      refresh(): void;
      getNodeAtPosition(position: { x: number; y: number }): unknown;
    };
  };
}

interface ViewerRuns {
  firstRender: number[];
  ready: number[];
  fps: number[];
  fullFrame: number[];
}

/** Loads the page RUNS times: until the graph is drawn, until everything is loaded, then drag fps and one full frame. */
async function measureViewer(browser: import('playwright-core').Browser, url: string): Promise<ViewerRuns> {
  const runs: ViewerRuns = { firstRender: [], ready: [], fps: [], fullFrame: [] };
  for (let r = 0; r < RUNS; r++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const start = performance.now();
    await page.goto(url);
    await page.waitForSelector('#graph[data-drawn=true]', { timeout: 120_000 });
    await page.evaluate(() => {
      const w = globalThis as unknown as ViewerPage;
      return new Promise((done) => w.requestAnimationFrame(() => w.requestAnimationFrame(done)));
    });
    runs.firstRender.push((performance.now() - start) / 1000);
    await page.waitForSelector('#graph[data-ready=true]', { timeout: 300_000 });
    runs.ready.push((performance.now() - start) / 1000);
    // Panning is measured on a settled layout, as a user pans after the layout stops.
    await page.waitForSelector('#graph[data-layout=done]', { timeout: 120_000 });
    // A user pans by dragging: mouse down on the stage, then one move per frame, as a pointer delivers them.
    const measured = await page.evaluate(async () => {
      const w = globalThis as unknown as ViewerPage;
      const renderer = w.kg.renderer;
      const target = renderer.getMouseCaptor().container;
      const box = target.getBoundingClientRect();
      const at = (t: number) => ({ clientX: box.left + box.width / 2 + 200 * Math.sin(t * 3), clientY: box.top + box.height / 2 + 150 * Math.cos(t * 3), bubbles: true, button: 0 });
      const nextFrame = () => new Promise<number>((done) => w.requestAnimationFrame(done));
      let renders = 0;
      const count = () => renders++;
      renderer.on('afterRender', count);
      target.dispatchEvent(new w.MouseEvent('mousedown', at(0)));
      const start = performance.now();
      for (let t = 0; t < 3; t = (performance.now() - start) / 1000) {
        target.dispatchEvent(new w.MouseEvent('mousemove', at(t)));
        await nextFrame();
      }
      const seconds = (performance.now() - start) / 1000;
      target.dispatchEvent(new w.MouseEvent('mouseup', at(seconds)));
      renderer.off('afterRender', count);
      // A full frame with every edge, timed to the GPU's finish (reading a pixel waits for it).
      await new Promise<void>((done) => w.setTimeout(done, 100));
      const frameStart = performance.now();
      for (let i = 0; i < 5; i++) {
        renderer.refresh();
        renderer.getNodeAtPosition({ x: 1, y: 1 });
      }
      return { fps: renders / seconds, fullFrameMs: (performance.now() - frameStart) / 5 };
    });
    runs.fps.push(measured.fps);
    runs.fullFrame.push(measured.fullFrameMs);
    await page.close();
  }
  return runs;
}

/**
 * Figure 6: the viewer in headless Chromium on a 10k-node, 30k-edge graph drawn whole (from a file), and on a
 * 100k-entity, 300k-relationship store in Neo4j, where the page starts from the server's summary.
 */
async function benchViewer(): Promise<void> {
  log('6. Viewer at 10k nodes / 30k edges, and a summary of 100k entities / 300k relationships');
  const { chromium } = await import('playwright-core').catch(() => ({ chromium: undefined }));
  if (!chromium || spawnSync('test', ['-x', '/usr/bin/chromium']).status !== 0) {
    log('  skipped: /usr/bin/chromium or playwright-core is missing');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'kg-bench-view-'));
  const file = join(dir, 'graph.json');
  writeFileSync(file, JSON.stringify(syntheticGraph(10_000, 30_000)));
  const { startViewer } = await import('../cli/serve-command.js');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const viewer = await startViewer({ quiet: true }, { port: 0, host: '127.0.0.1', graph: file });
    const whole = await measureViewer(browser, viewer.url).finally(() => viewer.stop());
    record({ section: 'viewer', name: 'time to first render, 10k nodes / 30k edges', unit: 's', samples: whole.firstRender, target: '< 3 s' });
    record({ section: 'viewer', name: 'frames per second while dragging to pan (headless, software rendering)', unit: 'fps', samples: whole.fps, target: '≥ 30 fps', note: 'a drag draws the entities as points, without edges, labels or picking' });
    record({ section: 'viewer', name: 'one full frame with all 30k edges, processed and drawn', unit: 'ms', samples: whole.fullFrame });

    const server = await benchServer();
    try {
      const written = performance.now();
      await writeSyntheticStore(server.connection, syntheticGraph(LARGE_STORE.entities, LARGE_STORE.relationships));
      log(`  wrote the ${LARGE_STORE.entities / 1000}k-entity store in ${((performance.now() - written) / 1000).toFixed(0)} s`);
      const large = await startViewer({ neo4jUri: server.uri, quiet: true }, { port: 0, host: '127.0.0.1' });
      const summary = await measureViewer(browser, large.url).finally(() => large.stop());
      const size = `${LARGE_STORE.entities / 1000}k entities / ${LARGE_STORE.relationships / 1000}k relationships in Neo4j`;
      record({ section: 'viewer', name: `time to first render, ${size} (summary of the ${DEFAULT_SUMMARY.size} busiest)`, unit: 's', samples: summary.firstRender, target: '< 5 s', note: 'first load ranks the store; later loads use the cached ranking' });
      record({ section: 'viewer', name: `time until the attacks table, timeline and map are loaded too, ${size}`, unit: 's', samples: summary.ready });
      record({ section: 'viewer', name: `frames per second while dragging the summary, ${size}`, unit: 'fps', samples: summary.fps, target: '≥ 30 fps', note: 'as above: discs become points while the drag lasts' });
    } finally {
      await server.stop();
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function machine(): string[] {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr.split('\n')[0] ?? 'unknown';
  const pom = readFileSync(join(ROOT, 'neo4j', 'pom.xml'), 'utf8');
  return [
    `- CPU: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    `- Memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- Node ${process.version}; ${java}; Neo4j ${/<neo4j.version>([^<]+)/.exec(pom)?.[1] ?? '?'} Community (embedded, 512 MB page cache, 1 GB heap)`,
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
  ];
}

/** One table per section, each saying the commit and day it was measured on. */
function sectionTables(): Map<Section, string> {
  const when = `commit ${commitStamp(ROOT, 'BENCHMARKS.md')} on ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}, corpus sizes ${sizes.join(', ')}`;
  const tables = new Map<Section, string>();
  for (const section of SECTIONS) {
    const rows = figures.filter((f) => f.section === section);
    if (!rows.length) continue;
    tables.set(section, [
      `### ${SECTION_TITLES[section]} (\`KG_BENCH_ONLY=${section}\`)`,
      '',
      `Measured at ${when}.`,
      '',
      '| figure | median | min | max | unit | target | note |',
      '|---|---|---|---|---|---|---|',
      ...rows.map((f) => `| ${f.name} | ${fmt(median(f.samples))} | ${fmt(Math.min(...f.samples))} | ${fmt(Math.max(...f.samples))} | ${f.unit} | ${f.target ?? ''} | ${f.note ?? ''} |`),
    ].join('\n'));
  }
  return tables;
}

const SECTION_HEADING = /^### .*\(`KG_BENCH_ONLY=([a-z0-9]+)`\)$/gm;

/** The section tables of an earlier BENCHMARKS.md, so that a partial run can replace only its own. */
function earlierTables(text: string): Map<Section, string> {
  const figuresAt = text.indexOf('## Figures\n');
  const end = text.indexOf('\n## ', figuresAt + 1);
  const body = figuresAt < 0 ? '' : text.slice(figuresAt, end < 0 ? undefined : end);
  const starts = [...body.matchAll(SECTION_HEADING)];
  const tables = new Map<Section, string>();
  starts.forEach((m, i) => {
    const name = SECTIONS.find((section) => section === m[1]);
    if (name) tables.set(name, body.slice(m.index, starts[i + 1]?.index).trim());
  });
  return tables;
}

function report(tables: Map<Section, string>): string {
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench`. Each figure is the median of its runs, with min and max; figures compared',
    'against each other were measured side by side in the same run, and each section says the commit and day',
    'it was measured on, and on which CPU (`KG_BENCH_ONLY=<sections> KG_BENCH_UPDATE=1` reruns some sections',
    'and keeps the others; the machine below is the newest run\'s). Corpora come from the deterministic',
    'generator in `src/bench/corpus.ts`.',
    '',
    '## Machine',
    '',
    ...machine(),
    '',
    '## Figures',
  ];
  for (const section of SECTIONS) {
    const table = tables.get(section);
    if (table) lines.push('', table);
  }
  return `${lines.join('\n')}\n`;
}

/** The tagger and parser alone, over every sentence of generated documents (model loaded before timing). */
function benchSyntax(): void {
  log('Syntax: tagging and parsing (one thread)');
  const { sentences, tokens, samples } = measureSyntax(articles(500, 11), RUNS);
  record({ section: 'syntax', name: `parseSentence, ${sentences} sentences of 500 generated documents (${tokens} tokens)`, unit: 'tokens/s per core', samples });
}

// KG_BENCH_ONLY=viewer,parallel runs some sections and prints their tables; with KG_BENCH_UPDATE=1 it also
// replaces those sections in BENCHMARKS.md and keeps the others, each with the commit it was measured at.
const only = process.env.KG_BENCH_ONLY?.split(',').filter(Boolean);
const unknownSection = only?.find((s) => !(SECTIONS as readonly string[]).includes(s));
if (unknownSection) throw new Error(`KG_BENCH_ONLY: unknown section ${unknownSection}; choose from ${SECTIONS.join(', ')}`);
const wanted = (section: Section) => !only || only.includes(section);

async function main(): Promise<void> {
  if (wanted('extraction')) await benchExtraction();
  if (wanted('parallel')) await benchParallel();
  if (wanted('neo4j') || wanted('writes') || wanted('bulk')) {
    const server = await benchServer();
    try {
      if (wanted('neo4j')) await benchIngest(server.uri, server.connection, server.pid);
      if (wanted('writes')) await benchWrites(server.connection);
      if (wanted('bulk')) await benchBulk(server.uri, server.connection);
    } finally {
      await server.stop();
    }
  }
  if (wanted('viewer')) await benchViewer();
  if (wanted('syntax')) benchSyntax();
  const measured = sectionTables();
  const update = process.env.KG_BENCH_UPDATE === '1';
  if (only && !update) {
    process.stdout.write(report(measured));
    return;
  }
  const benchFile = join(ROOT, 'BENCHMARKS.md');
  const tables = only ? earlierTables(readIfPresent(benchFile)) : new Map<Section, string>();
  for (const [section, table] of measured) tables.set(section, table);
  const notes = readIfPresent(join(ROOT, 'bench', 'NOTES.md'));
  writeFileSync(benchFile, `${report(tables)}${notes ? `\n${notes}` : ''}`);
  log(`Wrote BENCHMARKS.md${only ? ` (sections ${[...measured.keys()].join(', ')}; the others kept)` : ''}`);
}

function readIfPresent(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

await main();
process.exit(0);
