// Cypher lives in .cypher files under cypher/; this reads them and splits scripts into statements.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

export function readCypher(relativePath: string): string {
  return readFileSync(join(CYPHER_DIR, relativePath), 'utf8');
}

/** Splits a script on `;` at line ends, dropping `//` comment lines and blanks. */
export function splitStatements(script: string): string[] {
  const withoutComments = script
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
