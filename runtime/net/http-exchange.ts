/**
 * One HTTP request with a deadline, as a value: the response (status and
 * text), `refused` (the connection was refused, so the request never reached
 * a server), or `unknown` (no response within the deadline, or the
 * connection broke after the request went out: it may have been applied).
 * Never rejects.
 */
import { Agent, request } from 'node:http';

export type HttpExchange =
  | { kind: 'response'; status: number; text: string }
  | { kind: 'refused' }
  | { kind: 'unknown'; reason: 'timeout' | 'broken' };

/**
 * Connections are kept alive between calls. Idle sockets are closed by the
 * client (4 s) well before the servers here close theirs (30 s), so that a
 * request never goes out on a socket the server is closing at that moment.
 */
const agent = new Agent({ keepAlive: true, timeout: 4000, maxSockets: 256 });

export function httpExchange(
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body: unknown,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<HttpExchange> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: HttpExchange): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const contentHeaders: Record<string, string | number> =
      payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
    const req = request(url, { method, agent, headers: { ...headers, ...contentHeaders } });
    const timer = setTimeout(() => {
      finish({ kind: 'unknown', reason: 'timeout' });
      req.destroy();
    }, timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => {
      finish(err.code === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'unknown', reason: 'broken' });
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', () => finish({ kind: 'unknown', reason: 'broken' }));
      res.on('end', () => finish({ kind: 'response', status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.end(payload);
  });
}
