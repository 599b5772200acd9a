// A canonical dump of the stored graph (ids, labels, properties; lists that accumulate compared as sets),
// so two ingests can be compared for equality.
import { openSession, type Connection } from '../../src/store/connection.js';

const VOLATILE = new Set(['ingestedAt']);

function canonical(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(properties).sort()) {
    if (VOLATILE.has(key)) continue;
    const value = properties[key];
    if (key === 'aliasText') out[key] = String(value).split(' | ').filter(Boolean).sort();
    else if (Array.isArray(value) && ['aliases', 'docs', 'places', 'sites', 'countries', 'persons', 'names'].includes(key)) out[key] = [...value].map(String).sort();
    else out[key] = value;
  }
  // Evidence is kept in parallel lists; their order depends on arrival, their content must not.
  if (Array.isArray(out.evidenceKeys)) {
    const keys = out.evidenceKeys as string[];
    const order = keys.map((_, i) => i).sort((a, b) => keys[a]!.localeCompare(keys[b]!));
    for (const list of ['evidenceKeys', 'evidence', 'evidenceDocs', 'evidenceStarts', 'evidenceEnds']) out[list] = order.map((i) => (out[list] as unknown[])[i]);
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
    const nodes = await session.run('MATCH (n) RETURN labels(n) AS labels, properties(n) AS p');
    const rels = await session.run('MATCH (a)-[r]->(b) RETURN coalesce(a.id, "") AS a, type(r) AS type, coalesce(b.id, "") AS b, properties(r) AS p');
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
