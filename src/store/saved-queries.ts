// The saved analyst queries of cypher/queries/: each file opens with comments giving its name, description
// and parameters.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_DIR, readCypher } from './cypher-files.js';

export interface SavedQuery {
  name: string;
  description: string;
  params: string;
  cypher: string;
}

export function listSavedQueries(): SavedQuery[] {
  return readdirSync(join(CYPHER_DIR, 'queries'))
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((file) => {
      const cypher = readCypher(join('queries', file));
      const header = (key: string) => new RegExp(`^//\\s*${key}:\\s*(.*)$`, 'm').exec(cypher)?.[1]?.trim() ?? '';
      return { name: header('name') || file.replace(/\.cypher$/, ''), description: header('description'), params: header('params'), cypher };
    });
}

export function findSavedQuery(name: string): SavedQuery | undefined {
  return listSavedQueries().find((q) => q.name === name);
}
