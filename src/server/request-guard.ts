// What a request must show before the viewer's API looks at it: a Host the viewer answers to (so a DNS-rebound
// page cannot talk to it), and for POST a JSON body of bounded size from the viewer's own origin (so no other
// site can send it one).
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** The names a loopback viewer answers to, besides the address it was started on. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

// The API's largest request is a Cypher query of 20,000 characters.
export const MAX_BODY_BYTES = 64 * 1024;

export interface RequestGuardOptions {
  /** Host names (no port) the viewer is reached by; loopback names are always allowed. */
  allowedHosts: readonly string[];
}

const refuse = (status: 400 | 403 | 413 | 415, error: string, hint: string) => Response.json({ error, hint }, { status });

/** `host:port` or `[v6]:port` to its lower-case host name, bracketed for IPv6. */
export function hostName(hostHeader: string): string {
  const value = hostHeader.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  return value.replace(/:\d*$/, '');
}

export function requestGuard(options: RequestGuardOptions): MiddlewareHandler[] {
  const allowed = new Set([...LOOPBACK_HOSTS, ...options.allowedHosts.map((h) => hostName(h.includes(':') && !h.startsWith('[') ? `[${h}]` : h))]);
  const checkHost: MiddlewareHandler = async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (!allowed.has(hostName(host))) {
      return refuse(403, `This viewer does not answer to the host name "${host}"`, `Open it as http://127.0.0.1:PORT/, or start it with --allow-host ${hostName(host) || 'NAME'} if that name is yours (a reverse proxy, a LAN name).`);
    }
    await next();
  };
  const checkPost: MiddlewareHandler = async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    // A DELETE names its target in the path and carries nothing; every body must be JSON, which no form sends.
    const bodyless = c.req.method === 'DELETE' && (c.req.header('content-length') ?? '0') === '0' && !c.req.header('transfer-encoding');
    if (type !== 'application/json' && !bodyless) return refuse(415, `The API takes JSON bodies, not "${type || 'no content type'}"`, 'Send Content-Type: application/json.');
    const origin = c.req.header('origin');
    const host = c.req.header('host') ?? '';
    let originHost: string | undefined;
    try {
      originHost = origin ? new URL(origin).host.toLowerCase() : undefined;
    } catch {
      originHost = undefined;
    }
    if (originHost !== host.toLowerCase()) {
      return refuse(403, origin ? `Requests from ${origin} may not use this viewer's API` : 'A POST must say where it comes from (Origin header)', `Use the viewer's own page; a script may send Origin: http://${host}.`);
    }
    await next();
  };
  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => refuse(413, `The request body is over ${MAX_BODY_BYTES / 1024} KB`, 'Send a shorter query.') });
  return [checkHost, checkPost, limit];
}
