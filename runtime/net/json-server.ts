/**
 * The small HTTP vocabulary the services share: read a JSON body (bounded in
 * size), answer with JSON, refuse bad input with 400 and a message naming
 * the field. Bad input is a value (`BadInput`) that handlers return; a
 * request that fails validation changes nothing.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Bodies larger than this are refused: no request of these APIs comes near it. */
const BODY_LIMIT_BYTES = 64 * 1024;

export interface BadInput {
  field: string;
  message: string;
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; bad: BadInput };

export function readJsonBody(req: IncomingMessage): Promise<JsonBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT_BYTES && !refused) {
        refused = true;
        resolve({ ok: false, bad: { field: 'body', message: `body is larger than ${BODY_LIMIT_BYTES} bytes` } });
      }
      if (!refused) chunks.push(c);
    });
    req.on('error', () => undefined);
    req.on('end', () => {
      if (refused) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({ ok: false, bad: { field: 'body', message: 'body is empty; send a JSON object' } });
      try {
        resolve({ ok: true, value: JSON.parse(text) });
      } catch {
        resolve({ ok: false, bad: { field: 'body', message: 'body is not valid JSON' } });
      }
    });
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendBadInput(res: ServerResponse, bad: BadInput): void {
  sendJson(res, 400, { error: 'BAD_REQUEST', field: bad.field, message: `${bad.field}: ${bad.message}` });
}

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

/**
 * An HTTP server around one handler. Keep-alive connections stay open 30 s,
 * longer than clients keep idle sockets (see http-exchange.ts). A handler
 * that throws answers 500; it never takes the server down.
 */
export function jsonServer(handler: Handler, onError: (err: unknown) => void): Server {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    Promise.resolve()
      .then(() => handler(req, res, url))
      .catch((err: unknown) => {
        onError(err);
        sendJson(res, 500, { error: 'INTERNAL', message: err instanceof Error ? err.message : String(err) });
      });
  });
  server.keepAliveTimeout = 30_000;
  return server;
}

export function listen(server: Server, port: number, host: string): Promise<{ ok: true; port: number } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      resolve({ ok: false, message: err.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use` : err.message });
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve({ ok: true, port: typeof address === 'object' && address !== null ? address.port : port });
    });
  });
}

/** Stops accepting, drops open connections (held replies included) and resolves when closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Shared checks for request fields. */
export const field = {
  text(body: Record<string, unknown>, name: string): string | BadInput {
    const v = body[name];
    if (typeof v !== 'string' || v === '') return { field: name, message: 'must be a non-empty string' };
    if (v.length > 200) return { field: name, message: 'must be at most 200 characters' };
    return v;
  },
  amount(body: Record<string, unknown>, name: string): number | BadInput {
    const v = body[name];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) {
      return { field: name, message: 'must be a positive integer number of minor units (e.g. 1250 for 12.50)' };
    }
    return v;
  },
  optionalInt(body: Record<string, unknown>, name: string, min: number): number | undefined | BadInput {
    const v = body[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) return { field: name, message: `must be an integer >= ${min}` };
    return v;
  },
};

export function isBad(v: unknown): v is BadInput {
  return typeof v === 'object' && v !== null && 'field' in v && 'message' in v;
}

export function asObject(value: unknown): Record<string, unknown> | BadInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { field: 'body', message: 'must be a JSON object' };
  return value as Record<string, unknown>;
}
