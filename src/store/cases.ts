// Case files in Neo4j: (:Case {name, view, by, createdAt, updatedAt}), the view kept as JSON text so the
// viewer's shape can grow without a migration; it is validated with zod on the way in and out.
import { CaseRecord, CaseView, type CaseView as View } from '../model/cases.js';
import { CaseError } from '../model/errors.js';
import { explainNeo4jError, openSession, type Connection } from './connection.js';
import { readCypher } from './cypher-files.js';
import { readRows } from './run-query.js';

const q = (name: string) => readCypher(`cases/${name}.cypher`);

async function write(connection: Connection, name: string, params: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
  const session = openSession(connection, 'WRITE');
  try {
    return (await session.executeWrite((tx) => tx.run(q(name), params))).records.map((r) => r.toObject());
  } catch (error) {
    throw explainNeo4jError(error, connection.uri);
  } finally {
    await session.close();
  }
}

const toRecord = (row: Record<string, unknown>): CaseRecord => CaseRecord.parse({ ...row, by: row.by ?? null, view: CaseView.parse(JSON.parse(String(row.view))) });

export async function saveCase(connection: Connection, name: string, view: View, options: { overwrite: boolean; by?: string | undefined }): Promise<CaseRecord> {
  const rows = await write(connection, 'save', { name, view: JSON.stringify(CaseView.parse(view)), at: new Date().toISOString(), overwrite: options.overwrite, by: options.by ?? null });
  if (rows.length === 0) throw new CaseError(`A case named "${name}" exists`, 'Choose another name, or overwrite it (--overwrite; PUT over the API).');
  return getCase(connection, name);
}

export async function listCases(connection: Connection): Promise<CaseRecord[]> {
  return (await readRows(connection, q('list'))).map(toRecord);
}

export async function getCase(connection: Connection, name: string): Promise<CaseRecord> {
  const rows = await readRows(connection, q('get'), { name });
  if (rows.length === 0) throw new CaseError(`No case named "${name}"`, 'List them with `kg case list`.');
  return toRecord(rows[0]!);
}

export async function renameCase(connection: Connection, from: string, to: string): Promise<CaseRecord> {
  await getCase(connection, from);
  const rows = await write(connection, 'rename', { from, to, at: new Date().toISOString() });
  if (rows.length === 0) throw new CaseError(`A case named "${to}" exists`, 'Choose another name, or delete that case first.');
  return getCase(connection, to);
}

export async function deleteCase(connection: Connection, name: string): Promise<void> {
  await getCase(connection, name);
  await write(connection, 'delete', { name });
}
