// A canonical dump of the stored graph (ids, labels, properties; lists that accumulate compared as sets),
// so two ingests can be compared for equality. Each relationship's (:Evidence) nodes are dumped with it as
// lists sorted by key (document and offset); evidence nodes of no stored relationship are dumped as nodes.
import { openSession, type Connection } from '../../src/store/connection.js';

const VOLATILE = new Set(['ingestedAt']);

function canonical(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(properties).sort()) {
    if (VOLATILE.has(key)) continue;
    const value = properties[key];
    if (key === 'aliasText') out[key] = String(value).split(' | ').filter(Boolean).sort();
    else if (Array.isArray(value) && ['aliases', 'places', 'sites', 'countries', 'persons', 'names'].includes(key)) out[key] = [...value].map(String).sort();
    else out[key] = value;
  }
  return out;
}

/** The write lock's seq counts batches written, which differ between runs that store the same graph. */
function withoutLockCount(labels: string[], properties: Record<string, unknown>): Record<string, unknown> {
  if (!labels.includes('WriteLock')) return properties;
  return Object.fromEntries(Object.entries(properties).filter(([key]) => key !== 'seq'));
}

export async function dumpGraph(connection: Connection): Promise<{ nodes: string[]; relationships: string[] }> {
  const session = openSession(connection, 'READ');
  try {
    const nodes = await session.run('MATCH (n) WHERE NOT n:Evidence OR NOT EXISTS { MATCH (:Entity {id: n.source})-[r]->(:Entity {id: n.target}) WHERE type(r) = n.type } RETURN labels(n) AS labels, properties(n) AS p');
    const rels = await session.run(`MATCH (a)-[r]->(b)
      WITH a, r, b, properties(r) AS props, COLLECT { MATCH (v:Evidence {source: a.id, type: type(r), target: b.id}) WITH v, v.doc + ':' + v.start AS key RETURN v {.*, key} ORDER BY key } AS evidence
      RETURN coalesce(a.id, "") AS a, type(r) AS type, coalesce(b.id, "") AS b,
             CASE WHEN a:Entity AND b:Entity THEN props {.*, evidenceKeys: [v IN evidence | v.key], evidence: [v IN evidence | v.text], evidenceDocs: [v IN evidence | v.doc],
               evidenceStarts: [v IN evidence | v.start], evidenceEnds: [v IN evidence | v.end], evidencePages: [v IN evidence | v.page]} ELSE props END AS p`);
    return {
      nodes: nodes.records.map((r) => JSON.stringify([[...(r.get('labels') as string[])].sort(), canonical(withoutLockCount(r.get('labels') as string[], r.get('p') as Record<string, unknown>))])).sort(),
      relationships: rels.records.map((r) => JSON.stringify([r.get('a'), r.get('type'), r.get('b'), canonical(r.get('p') as Record<string, unknown>)])).sort(),
    };
  } finally {
    await session.close();
  }
}

export async function countOf(connection: Connection, query: string, params: Record<string, unknown> = {}): Promise<number> {
  const session = openSession(connection, 'READ');
  try {
    const result = await session.run(query, params);
    return Number(result.records[0]!.get(0));
  } finally {
    await session.close();
  }
}
