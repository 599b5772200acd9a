// Where the graph lives: parsed once from flags and environment, validated, then passed as a value.
import { z } from 'zod';
import { ConfigError } from './errors.js';

const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'] as const;

export const DEFAULT_LOCAL_PORT = 7687;

const uriSchema = z
  .string()
  .trim()
  .refine((value) => {
    const match = /^([a-z0-9+]+):\/\/([^/:?#]+)(:\d{1,5})?\/?(\?.*)?$/i.exec(value);
    return match !== null && (NEO4J_SCHEMES as readonly string[]).includes(match[1]!.toLowerCase());
  }, `expected a Neo4j URI such as bolt://host:7687 or neo4j+s://xxxx.databases.neo4j.io (schemes: ${NEO4J_SCHEMES.join(', ')})`);

export const Neo4jSettingsInput = z.object({
  uri: uriSchema.optional(),
  user: z.string().min(1).optional(),
  password: z.string().optional(),
  database: z.string().regex(/^[A-Za-z][A-Za-z0-9.-]*$/, 'expected a database name such as neo4j').optional(),
  localPort: z.coerce.number().int().min(1).max(65535).default(DEFAULT_LOCAL_PORT),
});
export type Neo4jSettingsInput = z.input<typeof Neo4jSettingsInput>;

/** A server kg connects to. `local` means kg's own embedded server, started on demand. */
export type Neo4jTarget =
  | { kind: 'remote'; uri: string; user: string | undefined; password: string | undefined; database: string | undefined }
  | { kind: 'local'; port: number; database: string | undefined };

/**
 * Flags win over environment variables. With no URI at all, kg uses (and starts) its local server.
 */
export function resolveNeo4jTarget(
  flags: Partial<Record<'uri' | 'user' | 'password' | 'database' | 'localPort', string | number | undefined>>,
  env: NodeJS.ProcessEnv,
): Neo4jTarget {
  const pick = (flag: string | number | undefined, name: string) =>
    flag !== undefined ? flag : env[name] !== undefined && env[name] !== '' ? env[name] : undefined;
  const raw = {
    uri: pick(flags.uri, 'NEO4J_URI'),
    user: pick(flags.user, 'NEO4J_USER') ?? pick(undefined, 'NEO4J_USERNAME'),
    password: pick(flags.password, 'NEO4J_PASSWORD'),
    database: pick(flags.database, 'NEO4J_DATABASE'),
    localPort: pick(flags.localPort, 'KG_NEO4J_PORT'),
  };
  const parsed = Neo4jSettingsInput.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? 'value');
    const envName = { uri: 'NEO4J_URI', user: 'NEO4J_USER', password: 'NEO4J_PASSWORD', database: 'NEO4J_DATABASE', localPort: 'KG_NEO4J_PORT' }[field] ?? field;
    throw new ConfigError(`Invalid ${envName} (${String(raw[field as keyof typeof raw])}): ${issue.message}`, `Fix ${envName} or the matching --neo4j-* flag.`);
  }
  const s = parsed.data;
  if (s.uri === undefined) {
    return { kind: 'local', port: s.localPort, database: s.database };
  }
  if (s.user !== undefined && (s.password === undefined || s.password === '')) {
    throw new ConfigError(
      `NEO4J_USER is set to "${s.user}" but NEO4J_PASSWORD is empty`,
      'Set NEO4J_PASSWORD (or --neo4j-password) to the password of that user.',
    );
  }
  return { kind: 'remote', uri: s.uri, user: s.user, password: s.password, database: s.database };
}
