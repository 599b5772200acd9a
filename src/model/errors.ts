// Errors are values the CLI can explain: each carries a code, a fix for the user and an exit code.

export const ExitCode = {
  ok: 0,
  partialFailure: 1,
  usage: 2,
  config: 2,
  input: 3,
  neo4jUnavailable: 4,
  query: 5,
  environment: 6,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class KgError extends Error {
  override name = 'KgError';
  constructor(
    readonly code: string,
    message: string,
    readonly hint: string | undefined,
    readonly exitCode: ExitCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Bad configuration: env vars, flags or config files. */
export class ConfigError extends KgError {
  override name = 'ConfigError';
  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super('CONFIG', message, hint, ExitCode.config, options);
  }
}

/** A file, folder or URL that cannot be read as an article. */
export class InputError extends KgError {
  override name = 'InputError';
  constructor(
    readonly source: string,
    message: string,
    hint?: string,
  ) {
    super('INPUT', `${source}: ${message}`, hint, ExitCode.input);
  }
}

/** Neo4j could not be reached, refused the credentials or went away. */
export class Neo4jUnavailableError extends KgError {
  override name = 'Neo4jUnavailableError';
  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super('NEO4J_UNAVAILABLE', message, hint, ExitCode.neo4jUnavailable, options);
  }
}

/** Neo4j is up but could not finish the work now (deadlock, lock timeout, leader switch): running again helps. */
export class Neo4jBusyError extends KgError {
  override name = 'Neo4jBusyError';
  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super('NEO4J_BUSY', message, hint, ExitCode.neo4jUnavailable, options);
  }
}

/** A Cypher query that Neo4j rejected (syntax, write in read mode, timeout). */
export class QueryError extends KgError {
  override name = 'QueryError';
  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super('QUERY', message, hint, ExitCode.query, options);
  }
}

/** Something missing on the machine (Java, Maven) or a local server that will not start. */
export class EnvironmentError extends KgError {
  override name = 'EnvironmentError';
  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super('ENVIRONMENT', message, hint, ExitCode.environment, options);
  }
}

/** A page the site's robots.txt asks crawlers to leave alone: skipped, not failed. */
export class RobotsDisallowedError extends InputError {
  override name = 'RobotsDisallowedError';
  constructor(url: string) {
    super(url, "the site's robots.txt asks crawlers not to fetch this", 'kg respects it; save the page yourself if you may read it, and give kg the file.');
  }
}

/** A correction that cannot be applied as asked: no such entity, an ambiguous name, nothing to undo. */
export class CorrectionError extends KgError {
  override name = 'CorrectionError';
  constructor(message: string, hint?: string) {
    super('CORRECTION', message, hint, ExitCode.usage);
  }
}

/** A case file that does not exist, or a name already taken. */
export class CaseError extends KgError {
  override name = 'CaseError';
  constructor(message: string, hint?: string) {
    super('CASE', message, hint, ExitCode.usage);
  }
}
