// Where the viewer's graph comes from: the live Neo4j, or an exported JSON file (no database needed).
// Both answer the same questions; the file source answers them with graphology in memory.
import { readFileSync } from 'node:fs';
import { MultiDirectedGraph } from 'graphology';
import { toUndirected } from 'graphology-operators';
import { bidirectional } from 'graphology-shortest-path';
import { ConfigError, QueryError } from '../model/errors.js';
import { SerializedGraph, type RelationEvidence, type SearchHit } from '../model/api.js';
import { entityRefsIn, jsonExporter, selectGraph, stringSink, type Selection } from '../export/index.js';
import type { Connection } from '../store/connection.js';
import { readCypher } from '../store/cypher-files.js';
import { readRows, runQuery } from '../store/run-query.js';

export interface GraphSource {
  readonly kind: 'neo4j' | 'file';
  graph(filter: { types?: string[] | undefined; relations?: string[] | undefined }): Promise<SerializedGraph>;
  neighbours(id: string): Promise<SerializedGraph>;
  path(from: string, to: string): Promise<SerializedGraph>;
  search(q: string, limit: number): Promise<SearchHit[]>;
  evidence(source: string, type: string, target: string): Promise<RelationEvidence>;
  cypher(query: string): Promise<CypherAnswer>;
  /** How many documents the graph holds now (grows while `kg watch` or `kg ingest` runs). */
  documentCount(): Promise<number>;
}

/** The Cypher box's answer; `truncated` says why rows are missing when the result was cut. */
export interface CypherAnswer {
  graph: SerializedGraph;
  rows: Array<Record<string, unknown>>;
  columns: string[];
  truncated?: string;
}

// The viewer shares one process among every tab: a query gets less room than on the command line.
const VIEWER_QUERY = { write: false, timeoutMs: 10_000, limit: 1000, maxBytes: 8 * 1024 * 1024 } as const;

/** Renders a selection as graphology JSON in memory (the exporter writes to a string). */
async function serialize(connection: Connection, selection: Selection): Promise<SerializedGraph> {
  const out = stringSink();
  await jsonExporter.write(await selectGraph(connection, selection), out.sink);
  return SerializedGraph.parse(JSON.parse(out.text()));
}

export class Neo4jSource implements GraphSource {
  readonly kind = 'neo4j';
  constructor(readonly connection: Connection) {}

  graph(filter: { types?: string[] | undefined; relations?: string[] | undefined }): Promise<SerializedGraph> {
    const relations = filter.relations ? { relations: filter.relations } : {};
    return serialize(this.connection, filter.types ? { kind: 'types', types: filter.types, ...relations } : { kind: 'all', ...relations });
  }

  async neighbours(id: string): Promise<SerializedGraph> {
    const ids = await this.rows(readCypher('export/nodes-around.cypher'), { id, hops: 1 });
    return this.byIds(ids.map((r) => String(r.id)));
  }

  async path(from: string, to: string): Promise<SerializedGraph> {
    const rows = await this.rows(readCypher('server/path.cypher'), { from, to });
    if (rows.length === 0) throw new QueryError(`No path links ${from} and ${to}`, 'They are in separate parts of the graph.');
    return this.byIds(rows[0]!.ids as string[]);
  }

  async search(q: string, limit: number): Promise<SearchHit[]> {
    const words = q.replace(/[^\p{L}\p{N}\s-]/gu, ' ').trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const query = words.map((w) => `${w}*`).join(' AND ');
    const rows = await this.rows(readCypher('server/search.cypher'), { query, limit }).catch((error: unknown) => {
      if (error instanceof QueryError && /no such fulltext schema index/i.test(error.message)) {
        throw new QueryError('Search needs the full-text index of names, and this store has none yet', 'Run `kg schema apply` (every `kg ingest` applies it too).', { cause: error });
      }
      throw error;
    });
    return rows.map((r) => ({ id: String(r.id), name: String(r.name), type: String(r.type), aliases: (r.aliases as string[]) ?? [] }));
  }

  async documentCount(): Promise<number> {
    const [row] = await this.rows(readCypher('server/document-count.cypher'), {});
    return Number(row?.documents ?? 0);
  }

  async evidence(source: string, type: string, target: string): Promise<RelationEvidence> {
    const rows = await this.rows(readCypher('server/evidence.cypher'), { source, type, target });
    if (rows.length === 0) throw new ConfigError(`No ${type} relationship from ${source} to ${target}`);
    return rows[0] as unknown as RelationEvidence;
  }

  async cypher(query: string): Promise<CypherAnswer> {
    const result = await runQuery(this.connection, query, {}, VIEWER_QUERY).catch((error: unknown) => {
      // The CLI's advice (--write) means nothing in the viewer, whose box is read-only by design.
      if (error instanceof QueryError && error.hint?.includes('--write')) throw new QueryError(error.message, 'The viewer runs read-only queries; change data with `kg ingest` or `kg query --write`.');
      throw error;
    });
    const { ids } = entityRefsIn(result.rows.flatMap((row) => Object.values(row)));
    const truncated = result.truncated === 'rows' ? `first ${result.rows.length} of more rows` : result.truncated === 'bytes' ? `first ${result.rows.length} rows; the rest would pass ${VIEWER_QUERY.maxBytes / 1048576} MB` : undefined;
    return { graph: await this.byIds([...ids]), rows: result.rows, columns: result.columns, ...(truncated ? { truncated } : {}) };
  }

  private byIds(ids: string[]): Promise<SerializedGraph> {
    return serialize(this.connection, { kind: 'ids', ids });
  }

  private rows(query: string, params: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
    return readRows(this.connection, query, params);
  }
}

export class FileSource implements GraphSource {
  readonly kind = 'file';
  private readonly data: SerializedGraph;
  private readonly graphology: MultiDirectedGraph;

  constructor(file: string) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError(`Cannot read the graph file ${file}: ${(error as Error).message}`, 'Make one with `kg export -f json -o FILE`.');
    }
    const parsed = SerializedGraph.safeParse(raw);
    if (!parsed.success) throw new ConfigError(`${file} is not a kg graph export`, 'Make one with `kg export -f json -o FILE`.');
    this.data = parsed.data;
    this.graphology = MultiDirectedGraph.from(this.data as never);
  }

  private subgraph(ids: Set<string>): SerializedGraph {
    return { ...this.data, nodes: this.data.nodes.filter((n) => ids.has(n.key)), edges: this.data.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
  }

  async graph(filter: { types?: string[] | undefined; relations?: string[] | undefined }): Promise<SerializedGraph> {
    const nodes = this.data.nodes.filter((n) => !filter.types || filter.types.includes(n.attributes.type));
    const keep = new Set(nodes.map((n) => n.key));
    return { ...this.data, nodes, edges: this.data.edges.filter((e) => keep.has(e.source) && keep.has(e.target) && (!filter.relations || filter.relations.includes(e.attributes.type))) };
  }

  async neighbours(id: string): Promise<SerializedGraph> {
    if (!this.graphology.hasNode(id)) throw new ConfigError(`No entity ${id}`);
    return this.subgraph(new Set([id, ...this.graphology.neighbors(id)]));
  }

  async path(from: string, to: string): Promise<SerializedGraph> {
    // A relationship links its ends whichever way it points: paths follow edges both ways.
    const path = this.graphology.hasNode(from) && this.graphology.hasNode(to) ? bidirectional(toUndirected(this.graphology), from, to) : null;
    if (!path) throw new QueryError(`No path links ${from} and ${to}`, 'They are in separate parts of the graph.');
    const graph = this.subgraph(new Set(path));
    const steps = new Set(path.slice(1).map((n, i) => `${path[i]}|${n}`));
    return { ...graph, edges: graph.edges.filter((e) => steps.has(`${e.source}|${e.target}`) || steps.has(`${e.target}|${e.source}`)) };
  }

  async search(q: string, limit: number): Promise<SearchHit[]> {
    const needle = q.toLowerCase();
    const score = (n: SerializedGraph['nodes'][number]) => {
      const names = [n.attributes.label, ...n.attributes.aliases].map((s) => s.toLowerCase());
      return names.some((s) => s === needle) ? 0 : names.some((s) => s.startsWith(needle)) ? 1 : names.some((s) => s.includes(needle)) ? 2 : 3;
    };
    return this.data.nodes
      .map((n) => ({ n, s: score(n) }))
      .filter((x) => x.s < 3)
      .sort((a, b) => a.s - b.s || a.n.attributes.label.localeCompare(b.n.attributes.label))
      .slice(0, limit)
      .map(({ n }) => ({ id: n.key, name: n.attributes.label, type: n.attributes.type, aliases: n.attributes.aliases }));
  }

  async evidence(source: string, type: string, target: string): Promise<RelationEvidence> {
    const edge = this.data.edges.find((e) => e.source === source && e.target === target && e.attributes.type === type);
    if (!edge) throw new ConfigError(`No ${type} relationship from ${source} to ${target}`);
    const name = (id: string) => this.data.nodes.find((n) => n.key === id)?.attributes.label ?? id;
    const documents = this.data.attributes.documents;
    return {
      type,
      source: { id: source, name: name(source) },
      target: { id: target, name: name(target) },
      confidence: edge.attributes.confidence,
      evidence: edge.attributes.evidence.map((text, i) => {
        const doc = edge.attributes.evidenceDocs[i] ?? '';
        return { text, doc, title: documents[doc]?.title ?? doc, source: documents[doc]?.source ?? '', page: edge.attributes.evidencePages?.[i] ?? 0 };
      }),
    };
  }

  async documentCount(): Promise<number> {
    return Object.keys(this.data.attributes.documents).length;
  }

  async cypher(): Promise<never> {
    throw new ConfigError('Cypher needs a database; this viewer serves a file', 'Start `kg serve` without --graph to query Neo4j.');
  }
}
