// What an export holds: entities, the relationships between them, and the documents their evidence cites.

export interface ExportNode {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  /** Attribute reports (casualty figures, dates, kinds) with the document each came from. */
  reports: Array<{ key: string; value: unknown; qualifier: string | null; source: string; doc: string; text?: string | null }>;
  /** How many documents mention it, and which. */
  documents: number;
  mentionedIn: string[];
  /** Every stored property, for formats that recreate the graph (Cypher). */
  properties: Record<string, unknown>;
  /** How the viewer drew it, so Gephi opens the picture as it looked (exports from the page only). */
  look?: { x: number; y: number; size: number; color: string };
}

export interface ExportEdge {
  source: string;
  target: string;
  type: string;
  confidence: number;
  count: number;
  evidence: string[];
  evidenceDocs: string[];
  docs: string[];
  properties: Record<string, unknown>;
  /** The articles behind the evidence, by title, outlet and date, when the exporter knows them. */
  sources?: string[];
}

export interface ExportDocument {
  id: string;
  title: string;
  source: string;
  published: string | null;
}

export interface ExportStreams {
  nodes: AsyncIterable<ExportNode>;
  edges: AsyncIterable<ExportEdge>;
  /** Called after the edges are written: the documents they cite. */
  documents: () => Promise<ExportDocument[]>;
}

/** Where an exporter writes: one file, or (CSV) several files in a folder. */
export interface ExportSink {
  open(name?: string): Writer;
}

export interface Writer {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

export interface Exporter {
  format: string;
  description: string;
  /** Writes a folder of files rather than one file. */
  folder: boolean;
  write(streams: ExportStreams, sink: ExportSink): Promise<{ nodes: number; edges: number }>;
}
