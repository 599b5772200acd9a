// Calls to kg serve's API; every response is checked against the shared schemas.
import { z } from 'zod';
import { ApiError, CypherResult, Overview, PathResult, RelationEvidence, RelationshipCounts, SearchHit, SerializedGraph } from '../../src/model/api.js';
import { AttackRow } from '../../src/model/attacks.js';
import { CaseRecord, type CaseView } from '../../src/model/cases.js';
// Types only: the corrections model reads the ontology from disk, which a browser cannot.
import type { CorrectionRequest } from '../../src/model/corrections.js';

/** What `/api/timeline` answers: attacks on their event dates, documents on their publication dates. */
export const Timeline = z.object({
  attacks: z.array(z.object({ id: z.string(), name: z.string(), date: z.string().nullable(), documents: z.array(z.string()) })),
  documents: z.array(z.object({ id: z.string(), title: z.string(), source: z.string(), published: z.string().nullable() })),
});
export type Timeline = z.infer<typeof Timeline>;

/** What `/api/geojson` answers: placed entities as Points (with their id), relationships between them as LineStrings. */
export const PlacedFeatures = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.discriminatedUnion('type', [
        z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
        z.object({ type: z.literal('LineString'), coordinates: z.array(z.tuple([z.number(), z.number()])) }),
      ]),
      properties: z.object({ id: z.string().optional(), name: z.string().optional(), type: z.string(), source: z.string().optional(), target: z.string().optional() }),
    }),
  ),
});

/** The part of a correction's record the page uses (the server sends the whole record). */
export const Correction = z.object({ id: z.string(), kind: z.string(), summary: z.string() });
export type Correction = z.infer<typeof Correction>;

export class ApiFailure extends Error {
  /** `unavailable`: the database (503) or kg serve itself (no answer) is gone, not a fault of the request. */
  constructor(message: string, readonly hint: string | undefined, readonly unavailable = false) {
    super(message);
  }
}

let onUnavailable: (failure: ApiFailure) => void = () => {};
/** Who hears that the data went away (the page shows how to bring it back and waits for it). */
export function whenUnavailable(listener: (failure: ApiFailure) => void): void {
  onUnavailable = listener;
}

async function call<T extends z.ZodType>(schema: T, url: string, init?: RequestInit): Promise<z.infer<T>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    const failure = new ApiFailure('kg serve does not answer.', 'Start it again with `kg serve`; this page reconnects by itself.', true);
    onUnavailable(failure);
    throw failure;
  }
  const body: unknown = await response.json().catch(() => ({ error: `${response.status} ${response.statusText}` }));
  if (!response.ok) {
    const error = ApiError.safeParse(body);
    const failure = new ApiFailure(error.success ? error.data.error : `${response.status} ${response.statusText}`, error.success ? error.data.hint : undefined, response.status === 503);
    if (failure.unavailable) onUnavailable(failure);
    throw failure;
  }
  return schema.parse(body);
}

export const api = {
  health: () => call(z.object({ ok: z.literal(true) }), '/api/health'),
  info: () => call(z.object({ source: z.enum(['neo4j', 'file']), cypher: z.boolean() }), '/api/info'),
  overview: (full = false) => call(Overview, `/api/overview${full ? '?full=1' : ''}`),
  relationshipCounts: (ids: string[]) => call(RelationshipCounts, `/api/relationship-counts?${new URLSearchParams({ ids: ids.join(',') })}`),
  neighbours: (id: string) => call(SerializedGraph, `/api/neighbours/${encodeURIComponent(id)}`),
  entities: (ids: string[]) => call(SerializedGraph, `/api/entities?${new URLSearchParams({ ids: ids.join(',') })}`),
  around: (ids: string[]) => call(SerializedGraph, `/api/around?${new URLSearchParams({ ids: ids.join(',') })}`),
  path: (from: string, to: string) => call(PathResult, `/api/path?${new URLSearchParams({ from, to })}`),
  search: (q: string) => call(z.array(SearchHit), `/api/search?${new URLSearchParams({ q, limit: '10' })}`),
  evidence: (source: string, type: string, target: string) => call(RelationEvidence, `/api/evidence?${new URLSearchParams({ source, type, target })}`),
  cypher: (query: string) => call(CypherResult, '/api/cypher', post({ query })),
  attacks: (asOf?: string) => call(z.array(AttackRow), `/api/attacks${asOf ? `?${new URLSearchParams({ asOf })}` : ''}`),
  timeline: () => call(Timeline, '/api/timeline'),
  asOf: (date: string) => call(SerializedGraph, `/api/as-of?${new URLSearchParams({ asOf: date })}`),
  subgraph: (ids: string[], asOf?: string) => call(SerializedGraph, '/api/subgraph', post({ ids, ...(asOf ? { asOf } : {}) })),
  geojson: (asOf?: string) => call(PlacedFeatures, `/api/geojson${asOf ? `?${new URLSearchParams({ asOf })}` : ''}`),
  cases: () => call(z.array(CaseRecord), '/api/cases'),
  getCase: (name: string) => call(CaseRecord, caseUrl(name)),
  saveCase: (name: string, view: CaseView) => call(CaseRecord, caseUrl(name), { ...post({ view }), method: 'PUT' }),
  renameCase: (from: string, to: string) => call(CaseRecord, `${caseUrl(from)}/rename`, post({ to })),
  deleteCase: (name: string) => call(z.object({ deleted: z.string() }), caseUrl(name), { ...post({}), method: 'DELETE' }),
  correct: (request: CorrectionRequest) => call(Correction, '/api/corrections', post(request)),
  undo: (id: string) => call(Correction, `/api/corrections/${encodeURIComponent(id)}/undo`, post({})),
};

const caseUrl = (name: string) => `/api/cases/${encodeURIComponent(name)}`;

// Same-origin JSON: the browser adds the Origin header the server's guard asks for on every write (POST, PUT, DELETE).
function post(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}
