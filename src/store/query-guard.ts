// The read path only reads the graph: a user's query is planned with EXPLAIN first, and refused before it runs
// when its plan writes, loads CSV, calls a procedure outside a short list, or touches the server's admin side.
import type { Session } from 'neo4j-driver';
import { QueryError } from '../model/errors.js';
import { explainNeo4jError, openSession, type Connection } from './connection.js';

/** Read-only procedures over this database's own schema and indexes; nothing about the server or other users. */
export const ALLOWED_PROCEDURES: readonly string[] = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
];

export interface PlanStep {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanStep[];
}

export interface PlannedQuery {
  /** Neo4j's statement type: r (read), rw, w, s (schema or system). */
  queryType: string;
  database: string | undefined;
  plan: PlanStep | false;
}

const HINT = 'The read path only reads the graph; `kg query --write` runs anything (from the command line only).';

/** Why the planned query may not run on the read path, or undefined when it only reads. */
export function refusal(planned: PlannedQuery): string | undefined {
  if (planned.database === 'system') return 'it runs against the system database';
  const steps: PlanStep[] = planned.plan ? [planned.plan] : [];
  for (let step = steps.pop(); step; step = steps.pop()) {
    steps.push(...step.children);
    const [operator = '', database] = step.operatorType.split('@');
    if (database === 'system' || operator === 'AdministrationCommand') return 'it is an administration command';
    if (operator === 'LoadCSV') return 'it uses LOAD CSV, which reads files and URLs';
    if (/^(Show|Terminate)/.test(operator)) return `it runs ${operator.replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase()}, which is about the server, not the graph`;
    if (operator.includes('ProcedureCall')) {
      const name = /^\s*([\w.]+)\s*\(/.exec(String(step.arguments.Details ?? ''))?.[1] ?? 'an unnamed procedure';
      if (!ALLOWED_PROCEDURES.includes(name)) return `it calls ${name}, which is not one of the read-only procedures allowed (${ALLOWED_PROCEDURES.join(', ')})`;
    }
  }
  // The plan's steps name what is refused more precisely; the statement type catches every write they do not.
  if (planned.queryType !== 'r') return planned.queryType === 's' ? 'it changes the schema or the server' : 'it writes to the graph';
  return undefined;
}

/** Plans the query in this session and throws a QueryError when it does more than read the graph. */
export async function assertReadOnly(session: Session, uri: string, query: string, params: Record<string, unknown>): Promise<void> {
  let planned: PlannedQuery;
  try {
    // EXPLAIN plans without running; a query that asks for EXPLAIN or PROFILE itself is planned without it.
    const { summary } = await session.run(`EXPLAIN ${query.replace(/^\s*(?:EXPLAIN|PROFILE)\b/i, '')}`, params);
    planned = { queryType: summary.queryType, database: summary.database.name ?? undefined, plan: summary.plan as PlanStep | false };
  } catch (error) {
    throw explainNeo4jError(error, uri);
  }
  const reason = refusal(planned);
  if (reason) throw new QueryError(`Refused on the read path: ${reason}`, HINT);
}

/** The same check in a session of its own, for callers that run the query elsewhere (export's --cypher). */
export async function assertReadOnlyQuery(connection: Connection, query: string, params: Record<string, unknown> = {}): Promise<void> {
  const session = openSession(connection, 'READ');
  try {
    await assertReadOnly(session, connection.uri, query, params);
  } finally {
    await session.close();
  }
}
