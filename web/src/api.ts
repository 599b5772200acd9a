// Calls to kg serve's API; every response is checked against the shared schemas.
import { z } from 'zod';
import { ApiError, RelationEvidence, SearchHit, SerializedGraph } from '../../src/model/api.js';

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
  path: (from: string, to: string) => call(SerializedGraph, `/api/path?${new URLSearchParams({ from, to })}`),
  search: (q: string) => call(z.array(SearchHit), `/api/search?${new URLSearchParams({ q, limit: '10' })}`),
  evidence: (source: string, type: string, target: string) => call(RelationEvidence, `/api/evidence?${new URLSearchParams({ source, type, target })}`),
  cypher: (query: string) =>
    call(z.object({ graph: SerializedGraph, rows: z.array(z.record(z.string(), z.unknown())), columns: z.array(z.string()) }), '/api/cypher', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query }),
    }),
};
