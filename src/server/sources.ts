// Where the viewer's graph comes from: the live Neo4j, or an exported JSON file (no database needed).
// Both answer the same questions; the file source answers them with graphology in memory.
import { readFileSync } from 'node:fs';
import { MultiDirectedGraph } from 'graphology';
import { ConfigError, Neo4jUnavailableError, QueryError } from '../model/errors.js';
import { edgeKey, SerializedGraph, type CypherResult, type PathResult, type RelationEvidence, type RelationshipCounts, type SearchHit } from '../model/api.js';
import { entityIdsOf, entityRefsIn, jsonExporter, selectGraph, stringSink, type Selection } from '../export/index.js';
import { explainNeo4jError, type Connection } from '../store/connection.js';
import { readCypher } from '../store/cypher-files.js';
import { readRows, runQuery } from '../store/run-query.js';
import { kShortestPaths } from './shortest-paths.js';

// How long the page waits to hear whether Neo4j answers: a refused connection fails at once, an unreachable
// host would otherwise hang for the driver's whole connection timeout.
const HEALTH_TIMEOUT_MS = 2000;

export interface GraphSource {
  readonly kind: 'neo4j' | 'file';
  /** Resolves when the data can be read; rejects quickly, with the fix, when it cannot. */
  health(): Promise<void>;
  graph(filter: { types?: string[] | undefined; relations?: string[] | undefined }): Promise<SerializedGraph>;
  neighbours(id: string): Promise<SerializedGraph>;
  /** The entities and their neighbours, with every relationship among them: what links new entities to a view. */
  around(ids: string[]): Promise<SerializedGraph>;
  path(from: string, to: string): Promise<PathResult>;
  search(q: string, limit: number): Promise<SearchHit[]>;
  evidence(source: string, type: string, target: string): Promise<RelationEvidence>;
  cypher(query: string): Promise<CypherResult>;
  /** How many documents the graph holds now (grows while `kg watch` or `kg ingest` runs). */
  documentCount(): Promise<number>;
  /** How many entities, and relationships between entities, the store holds. */
  size(): Promise<StoreSize>;
  /** The `limit` entities with the most relationships to other entities, busiest first. */
  busiest(limit: number): Promise<Array<{ id: string; relationships: number }>>;
  /** These entities and the relationships among them. */
  entities(ids: string[]): Promise<SerializedGraph>;
  /** How many relationships to other entities each of these entities has (unknown ids are left out). */
  relationshipCounts(ids: string[]): Promise<RelationshipCounts>;
}

export interface StoreSize {
  entities: number;
  relationships: number;
}

// The viewer shares one process among every tab: a query gets less room than on the command line; the page
// says so when a result was cut.
const VIEWER_QUERY = { write: false, timeoutMs: 10_000, limit: 1000, maxBytes: 8 * 1024 * 1024 } as const;

// A file answers paths as cypher/server/path.cypher does over the store (SHORTEST 3, {1,10}).
const PATHS = 3;
const PATH_MAX_STEPS = 10;

/** Renders a selection as graphology JSON in memory (the exporter writes to a string). */
async function serialize(connection: Connection, selection: Selection): Promise<SerializedGraph> {
  const out = stringSink();
  await jsonExporter.write(await selectGraph(connection, selection), out.sink);
  return SerializedGraph.parse(JSON.parse(out.text()));
}

export class Neo4jSource implements GraphSource {
  readonly kind = 'neo4j';
  constructor(readonly connection: Connection) {}

  async health(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error(`no answer within ${HEALTH_TIMEOUT_MS / 1000} s`)), HEALTH_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.connection.driver.verifyConnectivity(this.connection.database !== undefined ? { database: this.connection.database } : {}), timeout]);
    } catch (error) {
      const explained = explainNeo4jError(error, this.connection.uri);
      const port = /:(\d+)\/?$/.exec(this.connection.uri)?.[1];
      throw new Neo4jUnavailableError(
        explained instanceof Neo4jUnavailableError ? explained.message : `Cannot reach Neo4j at ${this.connection.uri}: ${(error as Error).message}`,
        `Start kg's local server with \`kg neo4j start${port ? ` --port ${port}` : ''}\`, or the Neo4j at ${this.connection.uri}; this page reconnects by itself once it answers.`,
        { cause: error },
      );
    } finally {
      clearTimeout(timer);
    }
  }

  graph(filter: { types?: string[] | undefined; relations?: string[] | undefined }): Promise<SerializedGraph> {
    const relations = filter.relations ? { relations: filter.relations } : {};
    return serialize(this.connection, filter.types ? { kind: 'types', types: filter.types, ...relations } : { kind: 'all', ...relations });
  }

  async neighbours(id: string): Promise<SerializedGraph> {
    const ids = await this.rows(readCypher('export/nodes-around.cypher'), { id, hops: 1 });
    return this.byIds(ids.map((r) => String(r.id)));
  }

  async around(ids: string[]): Promise<SerializedGraph> {
    return this.byIds((await this.rows(readCypher('server/neighbour-ids.cypher'), { ids })).map((r) => String(r.id)));
  }

  async path(from: string, to: string): Promise<PathResult> {
    const rows = await this.rows(readCypher('server/path.cypher'), { from, to });
    if (rows.length === 0) throw new QueryError(`No path links ${from} and ${to}`, 'They are in separate parts of the graph.');
    const paths = rows.map((r) => ({ nodes: r.nodes as string[], edges: r.edges as string[] }));
    return { graph: await this.byIds([...new Set(paths.flatMap((p) => p.nodes))]), paths };
  }

  async search(q: string, limit: number): Promise<SearchHit[]> {
    // The index splits "al-Assad" into "al" and "assad": a hyphenated prefix matches only word by word.
    const words = q.replace(/[^\p{L}\p{N}\s]/gu, ' ').trim().split(/\s+/).filter(Boolean);
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

  async cypher(query: string): Promise<CypherResult> {
    const result = await runQuery(this.connection, query, {}, VIEWER_QUERY).catch((error: unknown) => {
      // The CLI's advice (--write) means nothing in the viewer, whose box is read-only by design.
      if (error instanceof QueryError && error.hint?.includes('--write')) throw new QueryError(error.message, 'The viewer runs read-only queries; change data with `kg ingest` or `kg query --write`.');
      throw error;
    });
    // Relationships returned on their own still draw: their ends join the entities the rows name.
    const { ids, endpoints } = entityRefsIn(result.rows.flatMap((row) => Object.values(row)));
    for (const id of await entityIdsOf(this.connection, endpoints)) ids.add(id);
    const notice = result.truncated === 'rows' ? `first ${result.rows.length} of more rows` : result.truncated === 'bytes' ? `first ${result.rows.length} rows; the rest would pass ${VIEWER_QUERY.maxBytes / 1048576} MB` : undefined;
    return { graph: await this.byIds([...ids]), rows: result.rows, columns: result.columns, truncated: result.truncated !== false, limit: VIEWER_QUERY.limit, ...(notice ? { notice } : {}) };
  }

  async size(): Promise<StoreSize> {
    const [row] = await this.rows(readCypher('server/summary-counts.cypher'), {});
    return { entities: Number(row?.entities ?? 0), relationships: Number(row?.relationships ?? 0) };
  }

  async busiest(limit: number): Promise<Array<{ id: string; relationships: number }>> {
    return (await this.rows(readCypher('server/summary-busiest.cypher'), { limit })).map((r) => ({ id: String(r.id), relationships: Number(r.relationships) }));
  }

  entities(ids: string[]): Promise<SerializedGraph> {
    return this.byIds(ids);
  }

  async relationshipCounts(ids: string[]): Promise<RelationshipCounts> {
    return Object.fromEntries((await this.rows(readCypher('server/relationship-counts.cypher'), { ids })).map((r) => [String(r.id), Number(r.relationships)]));
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
    // Files written before edges were keyed by their triple (or by other tools) get the same keys the API uses.
    this.data = { ...parsed.data, edges: parsed.data.edges.map((e) => ({ ...e, key: edgeKey(e.source, e.attributes.type, e.target) })) };
    this.graphology = MultiDirectedGraph.from(this.data as never);
  }

  async health(): Promise<void> {}

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

  async around(ids: string[]): Promise<SerializedGraph> {
    const known = ids.filter((id) => this.graphology.hasNode(id));
    return this.subgraph(new Set([...known, ...known.flatMap((id) => this.graphology.neighbors(id))]));
  }

  /** The same paths server/path.cypher finds in the store: up to three shortest, of at most ten steps. */
  async path(from: string, to: string): Promise<PathResult> {
    const paths = kShortestPaths(this.graphology, from, to, PATHS, PATH_MAX_STEPS);
    if (paths.length === 0) throw new QueryError(`No path links ${from} and ${to}`, 'They are in separate parts of the graph.');
    return { graph: this.subgraph(new Set(paths.flatMap((p) => p.nodes))), paths };
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

  async size(): Promise<StoreSize> {
    return { entities: this.graphology.order, relationships: this.graphology.size };
  }

  async busiest(limit: number): Promise<Array<{ id: string; relationships: number }>> {
    return this.graphology
      .mapNodes((id) => ({ id, relationships: this.graphology.degree(id) }))
      .sort((a, b) => b.relationships - a.relationships || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }

  async entities(ids: string[]): Promise<SerializedGraph> {
    return this.subgraph(new Set(ids));
  }

  async relationshipCounts(ids: string[]): Promise<RelationshipCounts> {
    return Object.fromEntries(ids.filter((id) => this.graphology.hasNode(id)).map((id) => [id, this.graphology.degree(id)]));
  }

  async cypher(): Promise<never> {
    throw new ConfigError('Cypher needs a database; this viewer serves a file', 'Start `kg serve` without --graph to query Neo4j.');
  }
}
