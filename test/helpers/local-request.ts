// Requests to the viewer's app as the page on 127.0.0.1 sends them: its own Host, and on writes its own Origin.
import type { Hono } from 'hono';

const HOST = '127.0.0.1';

export function requestLocally(app: Hono, path: string, init: RequestInit = {}): Response | Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('host', HOST);
  if (init.method && init.method !== 'GET' && init.method !== 'HEAD') headers.set('origin', `http://${HOST}`);
  return app.request(`http://${HOST}${path}`, { ...init, headers });
}
