// Query results as a table of text cells, and as CSV: the same reading for `kg query` and the viewer's Cypher box.
import type { PlainNode, PlainPath, PlainRelationship } from '../store/run-query.js';

/** One value of a result row as text: entities by labels and name, relationships by type, paths step by step. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'kind' in (value as object)) {
    const v = value as PlainNode | PlainRelationship | PlainPath;
    const node = (n: PlainNode) => `(:${n.labels.join(':')} ${String(n.properties.name ?? n.properties.title ?? n.properties.id ?? '')})`;
    if (v.kind === 'node') return node(v);
    if (v.kind === 'relationship') return `[:${v.type}]`;
    return v.nodes.map((n, i) => (i === 0 ? node(n) : `-[:${v.relationships[i - 1]!.type}]-${node(n)}`)).join('');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** RFC 4180 CSV: a header of the columns, then one line per row. */
export function rowsToCsv(columns: string[], rows: Array<Record<string, unknown>>): string {
  return `${[columns.map(quote).join(','), ...rows.map((row) => columns.map((c) => quote(cellText(row[c]))).join(','))].join('\n')}\n`;
}
