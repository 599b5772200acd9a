// "As of" an export: the selected graph as the documents published by a date tell it. Entities no such document
// mentions go, relationships keep only those documents' evidence (and go if none is left), reports and
// documents are only theirs. Wraps the streams, so exports stay streamed.
import type { ExportEdge, ExportNode, ExportStreams } from './types.js';

const EVIDENCE_LISTS = ['evidenceKeys', 'evidence', 'evidenceDocs', 'evidenceStarts', 'evidenceEnds'] as const;

/** A relationship restricted to the evidence of known documents, or null if none of its evidence is. */
export function restrictEdge(edge: ExportEdge, known: Set<string>): ExportEdge | null {
  const kept = edge.evidenceDocs.map((doc, i) => (known.has(doc) ? i : -1)).filter((i) => i >= 0);
  if (kept.length === 0) return null;
  const properties: Record<string, unknown> = { ...edge.properties };
  for (const list of EVIDENCE_LISTS) if (Array.isArray(properties[list])) properties[list] = kept.map((i) => (properties[list] as unknown[])[i]);
  const docs = edge.docs.filter((d) => known.has(d));
  Object.assign(properties, { docs, count: kept.length });
  return { ...edge, evidence: kept.map((i) => edge.evidence[i]!), evidenceDocs: kept.map((i) => edge.evidenceDocs[i]!), docs, count: kept.length, properties };
}

export function restrictNode(node: ExportNode, known: Set<string>): ExportNode | null {
  const mentionedIn = node.mentionedIn.filter((d) => known.has(d));
  if (mentionedIn.length === 0) return null;
  return { ...node, mentionedIn, documents: mentionedIn.length, reports: node.reports.filter((r) => known.has(r.doc)) };
}

export function restrictStreams(streams: ExportStreams, known: Set<string>): ExportStreams {
  const kept = new Set<string>();
  async function* nodes(): AsyncGenerator<ExportNode> {
    for await (const node of streams.nodes) {
      const restricted = restrictNode(node, known);
      if (restricted) {
        kept.add(restricted.id);
        yield restricted;
      }
    }
  }
  async function* edges(): AsyncGenerator<ExportEdge> {
    for await (const edge of streams.edges) {
      if (!kept.has(edge.source) || !kept.has(edge.target)) continue;
      const restricted = restrictEdge(edge, known);
      if (restricted) yield restricted;
    }
  }
  return { nodes: nodes(), edges: edges(), documents: async () => (await streams.documents()).filter((d) => known.has(d.id)) };
}
