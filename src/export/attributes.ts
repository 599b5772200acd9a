// The flat attributes that tools like Gephi and networkx read: lists joined, reports as JSON text.
import type { ExportEdge, ExportNode } from './types.js';

export const NODE_ATTRIBUTES = [
  { name: 'name', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'aliases', type: 'string' },
  { name: 'reports', type: 'string' },
  { name: 'documents', type: 'int' },
  { name: 'lat', type: 'double' },
  { name: 'lon', type: 'double' },
] as const;

export const EDGE_ATTRIBUTES = [
  { name: 'type', type: 'string' },
  { name: 'confidence', type: 'double' },
  { name: 'count', type: 'int' },
  { name: 'evidence', type: 'string' },
  { name: 'docs', type: 'string' },
  { name: 'sources', type: 'string' },
] as const;

/** A CSS hex colour as Gephi's red, green and blue (0-255). */
export function rgbOf(color: string): { r: number; g: number; b: number } {
  const hex = /^#?([0-9a-f]{6})$/i.exec(color)?.[1] ?? '8a94a6';
  const n = parseInt(hex, 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

/** Coordinates (from `kg geocode`) only for placed entities: an absent value, not a made-up zero. */
export function nodeAttributes(node: ExportNode): Partial<Record<(typeof NODE_ATTRIBUTES)[number]['name'], string | number>> {
  const { lat, lon } = node.properties;
  const place = typeof lat === 'number' && typeof lon === 'number' ? { lat, lon } : {};
  return { name: node.name, type: node.type, aliases: node.aliases.join('; '), reports: JSON.stringify(node.reports), documents: node.documents, ...place };
}

export function edgeAttributes(edge: ExportEdge): Record<(typeof EDGE_ATTRIBUTES)[number]['name'], string | number> {
  return { type: edge.type, confidence: edge.confidence, count: edge.count, evidence: edge.evidence.join('\n'), docs: edge.docs.join('; '), sources: (edge.sources ?? []).join('; ') };
}
