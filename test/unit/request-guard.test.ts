// The viewer answers only requests addressed to it: a foreign Host (DNS rebinding) and a POST from another
// origin, of another content type or of an outsized body are refused before any handler runs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { MAX_BODY_BYTES } from '../../src/server/request-guard.js';
import { FileSource } from '../../src/server/sources.js';

const dir = mkdtempSync(join(tmpdir(), 'kg-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const graphFile = join(dir, 'graph.json');
writeFileSync(graphFile, JSON.stringify({ attributes: { documents: {} }, nodes: [], edges: [] }));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>kg</title>');

const app = createApp(new FileSource(graphFile), dir, { allowedHosts: ['kg.example.org'] });
const get = (path: string, host: string) => app.request(`http://${host}${path}`, { headers: { host } });
const post = (headers: Record<string, string>, body = JSON.stringify({ query: 'RETURN 1' })) => app.request('http://127.0.0.1:4000/api/cypher', { method: 'POST', headers: { host: '127.0.0.1:4000', ...headers }, body });

describe('Host', () => {
  it.each(['127.0.0.1:4000', 'localhost:4000', '[::1]:4000', 'kg.example.org', 'KG.example.org:443'])('answers %s', async (host) => {
    expect((await get('/api/info', host)).status).toBe(200);
  });

  it.each(['attacker.example:4000', '127.0.0.1.attacker.example', 'localhost.attacker.example:4000', ''])('refuses "%s", naming the option that would allow it', async (host) => {
    const response = await get('/api/graph', host);
    expect(response.status).toBe(403);
    expect((await response.json()) as { hint: string }).toMatchObject({ hint: expect.stringMatching(/--allow-host/) });
  });
});

describe('POST', () => {
  it('takes JSON from the viewer\'s own origin', async () => {
    // The file source has no Cypher: the request got past the guard to the handler, which says so.
    const response = await post({ 'content-type': 'application/json', origin: 'http://127.0.0.1:4000' });
    expect(((await response.json()) as { error: string }).error).toMatch(/Cypher needs a database/);
  });

  it.each([
    ['a cross-origin text/plain POST (no preflight)', { 'content-type': 'text/plain', origin: 'http://attacker.example' }, 415],
    ['a form POST', { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1:4000' }, 415],
    ['JSON from another origin', { 'content-type': 'application/json', origin: 'http://attacker.example' }, 403],
    ['JSON with no Origin', { 'content-type': 'application/json' }, 403],
    ['JSON from the same host on another port', { 'content-type': 'application/json', origin: 'http://127.0.0.1:4001' }, 403],
  ])('refuses %s', async (_what, headers, status) => {
    expect((await post(headers)).status).toBe(status);
  });

  it('lets a DELETE carry no body, but never from another origin or with a body that is not JSON', async () => {
    const del = (headers: Record<string, string>, body?: string) => app.request('http://127.0.0.1:4000/api/cases/x', { method: 'DELETE', headers: { host: '127.0.0.1:4000', ...headers }, ...(body ? { body } : {}) });
    // Past the guard, the file source has no cases: the handler answers, not the guard.
    expect([403, 415]).not.toContain((await del({ origin: 'http://127.0.0.1:4000' })).status);
    expect((await del({ origin: 'http://attacker.example' })).status).toBe(403);
    expect((await del({ origin: 'http://127.0.0.1:4000', 'content-type': 'text/plain', 'content-length': '3' }, 'a=b')).status).toBe(415);
  });

  it('refuses a body over the limit', async () => {
    const response = await post({ 'content-type': 'application/json', origin: 'http://127.0.0.1:4000' }, JSON.stringify({ query: 'x'.repeat(MAX_BODY_BYTES) }));
    expect(response.status).toBe(413);
  });
});

it('answers a malformed percent-encoding in a path with 400, not 500', async () => {
  expect((await get('/%E0%A4%A', '127.0.0.1:4000')).status).toBe(400);
});
