// A case as one self-contained HTML report that opens offline: the picture (an inline SVG at the saved
// positions, or on a circle), the entities and relationships with the analyst's notes, every evidence sentence
// with its article's title, date and link, the paths and the saved Cypher results. No script, no outside file;
// every piece of text is escaped, so nothing from an article can become markup.
import { relationshipNoteKey, type CaseRecord } from '../model/cases.js';
import type { ExportDocument, ExportEdge, ExportNode, ExportStreams, Writer } from './types.js';
import { escapeXml as esc } from './xml.js';

const COLOURS: Record<string, string> = { Person: '#4e79a7', Group: '#e15759', Country: '#59a14f', Attack: '#f28e2b', Location: '#76b7b2', Organization: '#b07aa1', Event: '#9c755f' };

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
h1{margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}.meta{color:#666}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
.note{background:#fff8dc;padding:.2rem .4rem;border-left:3px solid #e0c050}blockquote{margin:.3rem 0 .3rem 1rem;color:#333}
.src{color:#666;font-size:90%}svg{border:1px solid #ddd;background:#fcfcfc;width:100%;height:auto}`;

/** Positions in the picture: the saved ones, scaled into the frame, or a circle when the case has none. */
function layout(nodes: ExportNode[], saved: CaseRecord['view']['positions']): Map<string, { x: number; y: number }> {
  const placed = nodes.filter((n) => saved[n.id]);
  const points = new Map<string, { x: number; y: number }>();
  if (placed.length === nodes.length && nodes.length > 1) {
    const xs = placed.map((n) => saved[n.id]!.x);
    const ys = placed.map((n) => saved[n.id]!.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    for (const n of nodes) points.set(n.id, { x: 60 + (680 * (saved[n.id]!.x - minX)) / (maxX - minX || 1), y: 40 + (420 * (saved[n.id]!.y - minY)) / (maxY - minY || 1) });
  } else {
    nodes.forEach((n, i) => points.set(n.id, { x: 400 + 300 * Math.cos((2 * Math.PI * i) / Math.max(1, nodes.length)), y: 250 + 200 * Math.sin((2 * Math.PI * i) / Math.max(1, nodes.length)) }));
  }
  return points;
}

function picture(nodes: ExportNode[], edges: ExportEdge[], record: CaseRecord): string {
  const at = layout(nodes, record.view.positions);
  const lines = edges.map((e) => {
    const [a, b] = [at.get(e.source)!, at.get(e.target)!];
    return `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="#999" marker-end="url(#arrow)"><title>${esc(e.type)}</title></line>`;
  });
  const dots = nodes.map((n) => {
    const p = at.get(n.id)!;
    return `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="7" fill="${COLOURS[n.type] ?? '#888'}"><title>${esc(`${n.name} (${n.type})`)}</title></circle><text x="${(p.x + 10).toFixed(1)}" y="${(p.y + 4).toFixed(1)}" font-size="12">${esc(n.name)}</text>`;
  });
  return `<svg viewBox="0 0 800 500" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="the case's entities and relationships"><defs><marker id="arrow" viewBox="0 0 10 10" refX="17" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0L10,5L0,10z" fill="#999"/></marker></defs>${lines.join('')}${dots.join('')}</svg>`;
}

/** An article's name as a link when its source is a web address, else as plain text. */
function article(doc: ExportDocument | undefined, id: string): string {
  if (!doc) return `<span class="src">${esc(id)}</span>`;
  const title = esc(doc.title || doc.source);
  const link = /^https?:\/\//i.test(doc.source) ? `<a href="${esc(doc.source)}">${title}</a>` : `${title} <span class="src">(${esc(doc.source)})</span>`;
  return `${link}${doc.published ? ` <span class="src">${esc(doc.published)}</span>` : ''}`;
}

export async function writeCaseReport(record: CaseRecord, streams: ExportStreams, out: Writer): Promise<{ nodes: number; edges: number }> {
  const nodes: ExportNode[] = [];
  for await (const node of streams.nodes) nodes.push(node);
  const edges: ExportEdge[] = [];
  for await (const edge of streams.edges) edges.push(edge);
  const documents = new Map((await streams.documents()).map((d) => [d.id, d]));
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  const note = (text: string | undefined) => (text ? `<p class="note">${esc(text)}</p>` : '');
  const { view } = record;
  const parts = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(`Case: ${record.name}`)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${esc(record.name)}</h1><p class="meta">Saved ${esc(record.updatedAt)}${record.by ? ` by ${esc(record.by)}` : ''}; ${nodes.length} entities, ${edges.length} relationships, ${documents.size} articles. Made by kg.</p>`,
    `<h2>Picture</h2>${picture(nodes, edges, record)}`,
    `<h2>Entities</h2><table><tr><th>name</th><th>type</th><th>aliases</th><th>reports</th></tr>${nodes
      .map((n) => `<tr id="${esc(n.id)}"><td>${esc(n.name)}${note(view.notes.entities[n.id])}</td><td>${esc(n.type)}</td><td>${esc(n.aliases.join('; '))}</td><td>${n.reports.map((r) => `${esc(`${r.key} ${r.qualifier ? `${r.qualifier} ` : ''}${String(r.value)}`)} — ${article(documents.get(r.doc), r.doc)}`).join('<br>')}</td></tr>`)
      .join('')}</table>`,
    `<h2>Relationships and their evidence</h2>${edges
      .map(
        (e) =>
          `<h3>${esc(`${names.get(e.source) ?? e.source} —${e.type}→ ${names.get(e.target) ?? e.target}`)} <span class="src">confidence ${e.confidence.toFixed(2)}</span></h3>${note(view.notes.relationships[relationshipNoteKey(e.source, e.type, e.target)])}${e.evidence.map((text, i) => `<blockquote>${esc(text)}<br>${article(documents.get(e.evidenceDocs[i] ?? ''), e.evidenceDocs[i] ?? '')}</blockquote>`).join('')}`,
      )
      .join('') || '<p>None between these entities.</p>'}`,
    view.paths.length ? `<h2>Paths</h2><ol>${view.paths.map((p) => `<li>${esc(p.map((id) => names.get(id) ?? id).join(' → '))}</li>`).join('')}</ol>` : '',
    view.cypher.length
      ? `<h2>Queries</h2>${view.cypher.map((c) => `<pre>${esc(c.query)}</pre><table><tr>${c.columns.map((col) => `<th>${esc(col)}</th>`).join('')}</tr>${c.rows.map((row) => `<tr>${c.columns.map((col) => `<td>${esc(typeof row[col] === 'object' ? JSON.stringify(row[col]) : String(row[col] ?? ''))}</td>`).join('')}</tr>`).join('')}</table>`).join('')}`
      : '',
    `<h2>Articles</h2><ul>${[...documents.entries()].map(([id, d]) => `<li>${article(d, id)}</li>`).join('')}</ul>`,
    '</body></html>\n',
  ];
  await out.write(parts.join('\n'));
  await out.close();
  return { nodes: nodes.length, edges: edges.length };
}
