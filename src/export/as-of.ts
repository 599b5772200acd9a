// "As of" an export: the selected graph as the documents published by a date tell it. Entities no such document
// mentions go, relationships keep only those documents' evidence (and go if none is left), reports and
// documents are only theirs. Wraps the streams, so exports stay streamed.
import { knownEvidence } from '../model/time.js';
import type { ExportEdge, ExportNode, ExportStreams } from './types.js';

/** A relationship restricted to the evidence of known documents, or null if none of its evidence is. */
export function restrictEdge(edge: ExportEdge, known: Set<string>): ExportEdge | null {
  const properties = knownEvidence({ ...edge.properties, evidence: edge.evidence, evidenceDocs: edge.evidenceDocs, docs: edge.docs }, known);
  if (!properties) return null;
  return { ...edge, evidence: properties.evidence as string[], evidenceDocs: properties.evidenceDocs as string[], docs: properties.docs as string[], count: properties.count as number, properties };
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
