// Calls to kg serve's API; every response is checked against the shared schemas.
import { z } from 'zod';
import { ApiError, CypherResult, PathResult, RelationEvidence, SearchHit, SerializedGraph } from '../../src/model/api.js';

export class ApiFailure extends Error {
  constructor(message: string, readonly hint: string | undefined) {
    super(message);
  }
}

async function call<T extends z.ZodType>(schema: T, url: string, init?: RequestInit): Promise<z.infer<T>> {
  const response = await fetch(url, init);
  const body: unknown = await response.json().catch(() => ({ error: `${response.status} ${response.statusText}` }));
  if (!response.ok) {
    const error = ApiError.safeParse(body);
    throw new ApiFailure(error.success ? error.data.error : `${response.status} ${response.statusText}`, error.success ? error.data.hint : undefined);
  }
  return schema.parse(body);
}

export const api = {
  info: () => call(z.object({ source: z.enum(['neo4j', 'file']), cypher: z.boolean() }), '/api/info'),
  graph: () => call(SerializedGraph, '/api/graph'),
  neighbours: (id: string) => call(SerializedGraph, `/api/neighbours/${encodeURIComponent(id)}`),
  around: (ids: string[]) => call(SerializedGraph, `/api/around?${new URLSearchParams({ ids: ids.join(',') })}`),
  path: (from: string, to: string) => call(PathResult, `/api/path?${new URLSearchParams({ from, to })}`),
  search: (q: string) => call(z.array(SearchHit), `/api/search?${new URLSearchParams({ q, limit: '10' })}`),
  evidence: (source: string, type: string, target: string) => call(RelationEvidence, `/api/evidence?${new URLSearchParams({ source, type, target })}`),
  cypher: (query: string) =>
    call(CypherResult, '/api/cypher', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query }),
    }),
};
