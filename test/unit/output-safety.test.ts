// What kg writes is what the graph holds: terminal output shows control characters instead of obeying them, and
// GraphML, GEXF and CSV give back names and sentences with their tabs, carriage returns and semicolons.
import { MultiDirectedGraph as Graph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/cli/extract-command.js';
import { formatResult } from '../../src/cli/query-command.js';
import { printable } from '../../src/cli/terminal.js';
import { ARRAY_DELIMITER, csvExporter } from '../../src/export/csv.js';
import { gexfExporter } from '../../src/export/gexf.js';
import { graphmlExporter } from '../../src/export/graphml.js';
import type { ExportEdge, ExportNode, ExportSink, ExportStreams } from '../../src/export/index.js';
import { ArticleExtractor } from '../../src/pipeline/index.js';
import { prepareArticle } from '../../src/ingest/index.js';

const ESC = '\u001b';
// What a terminal would obey: C0 controls but the line break, DEL and C1, and the right-to-left override.
// eslint-disable-next-line no-control-regex
const OBEYED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/;
// Clears the screen, retitles the window, and a one-byte CSI (U+009B) and a right-to-left override.
const HOSTILE = `Harbour fire${ESC}[2J${ESC}]0;owned\u0007 at \u009b31mPier 4\u202e`;

describe('terminal output', () => {
  it('makes control characters visible and keeps ordinary text and line breaks', () => {
    expect(printable(`a${ESC}[31mb\nc\td`)).toBe('a\\u001b[31mb\nc\\u0009d');
    expect(printable('Ünïcödé – “quoted” 東京')).toBe('Ünïcödé – “quoted” 東京');
  });

  it('kg query tables carry no escape sequence from a value or a column name', () => {
    const table = formatResult({ columns: ['name', `col${ESC}[1m`], rows: [{ name: HOSTILE, [`col${ESC}[1m`]: 1 }], truncated: false }, 'table');
    expect(table).not.toMatch(OBEYED);
    expect(table).toContain('Harbour fire\\u001b[2J');
  });

  it('kg extract tables carry none from titles, file names or sentences', () => {
    const article = prepareArticle({ source: `news${ESC}[8m.txt`, format: 'text', content: `${HOSTILE}\n\nA fire at the harbour in Valparaiso killed 3 people on Monday, police said.${ESC}[0m\n` });
    const pipeline = new ArticleExtractor();
    const table = formatTable(pipeline.extractCorpus([article]));
    expect(table).toContain('news\\u001b[8m.txt');
    expect(table).not.toMatch(OBEYED);
  });
});

const NAME = 'Front\tof the\rNorth';
const ALIASES = ['Front; North', 'FN, the Front'];
const SENTENCE = 'It said:\r"we did it"\tat dawn.';

function streams(): ExportStreams {
  const node = (id: string, name: string, aliases: string[]): ExportNode => ({ id, name, type: 'Group', aliases, reports: [], documents: 1, mentionedIn: ['d1'], properties: {} });
  const edge: ExportEdge = { source: 'g/a', target: 'g/b', type: 'ALLIED_WITH', confidence: 0.9, count: 1, evidence: [SENTENCE], evidenceDocs: ['d1'], docs: ['d1'], properties: {} };
  async function* nodes() {
    yield node('g/a', NAME, ALIASES);
    yield node('g/b', 'Other', []);
  }
  async function* edges() {
    yield edge;
  }
  return { nodes: nodes(), edges: edges(), documents: async () => [{ id: 'd1', title: 'T', source: 's', published: null }] };
}

/** Collects each file an exporter writes, by name. */
function memorySink(): { sink: ExportSink; files: Map<string, string> } {
  const files = new Map<string, string>();
  return { files, sink: { open: (name = '') => ({ write: async (text: string) => void files.set(name, (files.get(name) ?? '') + text), close: async () => {} }) } };
}

/** RFC 4180 rows, enough to read kg's CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && (c === ',' || c === '\n')) {
      row.push(field);
      field = '';
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    } else {
      field += c;
    }
  }
  return rows;
}

describe('export fidelity', () => {
  it.each([
    ['graphml', graphmlExporter, parseGraphml],
    ['gexf', gexfExporter, parseGexf],
  ] as const)('%s keeps tabs and carriage returns in names and evidence', async (_, exporter, parse) => {
    const { sink, files } = memorySink();
    await exporter.write(streams(), sink);
    const graph = parse(Graph, [...files.values()].join(''));
    const node = graph.findNode((_key, a) => a.name === NAME || a.label === NAME);
    expect(node).toBeDefined();
    expect(String(graph.getEdgeAttribute(graph.edges()[0]!, 'evidence'))).toBe(SENTENCE);
  });

  it('csv gives every alias back whole, semicolons and commas included, and evidence exactly', async () => {
    const { sink, files } = memorySink();
    await csvExporter.write(streams(), sink);
    const [header, first] = parseCsv(files.get('nodes.csv')!);
    const row = Object.fromEntries(header!.map((h, i) => [h, first![i]]));
    expect(row.name).toBe(NAME);
    expect(row['aliases:string[]']!.split(ARRAY_DELIMITER)).toEqual(ALIASES);
    expect(row[':LABEL']!.split(ARRAY_DELIMITER)).toEqual(['Entity', 'Group']);
    const [edgeHeader, edge] = parseCsv(files.get('edges.csv')!);
    expect(JSON.parse(edge![edgeHeader!.indexOf('evidence')]!)).toEqual([SENTENCE]);
  });
});
