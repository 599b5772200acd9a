// export: a selection of the stored graph to files for other tools. Exporters are a registry, one per format.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Ontology } from '../model/ontology.js';
import { createCypherExporter } from './cypher-script.js';
import { csvExporter } from './csv.js';
import { geojsonExporter } from './geojson.js';
import { gexfExporter } from './gexf.js';
import { graphmlExporter } from './graphml.js';
import { jsonExporter } from './json.js';
import type { ExportSink, Exporter, Writer } from './types.js';

export { documentsByIds, entityIdsOf, entityRefsIn, findEntity, selectGraph, validateSelection, type Selection } from './select.js';
export { articleLabel, citation, citeSources } from './cite.js';
export { restrictStreams } from './as-of.js';
export { writeCaseReport } from './case-report.js';
export { cypherLiteral } from './cypher-script.js';
export { geojsonExporter } from './geojson.js';
export { jsonExporter } from './json.js';
export { stringSink } from './string-sink.js';
export type { ExportEdge, ExportNode, ExportSink, ExportStreams, Exporter, Writer } from './types.js';

export function exporters(ontology: Ontology): Exporter[] {
  return [graphmlExporter, gexfExporter, jsonExporter, csvExporter, createCypherExporter(Object.keys(ontology.relationTypes)), geojsonExporter];
}

/** Writes to a file, or to files in a folder, respecting back-pressure so memory stays flat. */
export function fileSink(path: string, folder: boolean): ExportSink {
  if (folder) mkdirSync(path, { recursive: true });
  return {
    open(name?: string): Writer {
      const stream = createWriteStream(folder ? join(path, name ?? 'data') : path, { encoding: 'utf8' });
      return {
        async write(text: string) {
          if (!stream.write(text)) await once(stream, 'drain');
        },
        async close() {
          stream.end();
          await once(stream, 'finish');
        },
      };
    },
  };
}
