/**
 * Remote calls over HTTP with a per-call timeout, as the ports see them.
 *
 * A call is `POST <baseUrl>/<method>` with a JSON body. The outcome follows
 * the simulator's `RpcOutcome` exactly:
 * - 200 with a JSON body is a reply;
 * - 503 and a refused connection are UNAVAILABLE (nothing reached the service,
 *   or it refused before applying), 429 is RATE_LIMITED;
 * - any other status (or a 200 whose body is not JSON) is SERVER_ERROR,
 *   which may have applied or not;
 * - no answer within the timeout, or a connection that breaks after the
 *   request was sent, is `timeout`: the outcome is unknown, never a failure.
 */
import type { Json, RpcOutcome } from '../../impl/ports/ports.ts';
import { httpExchange, type HttpExchange } from '../net/http-exchange.ts';

export type RpcCall = <T>(method: string, body: Json, timeoutMs: number) => Promise<RpcOutcome<T>>;

export function httpRpc(baseUrl: string): RpcCall {
  const base = baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl;
  return async <T>(method: string, body: Json, timeoutMs: number) => rpcOutcome<T>(await httpExchange('POST', `${base}/${method}`, body, timeoutMs));
}

export function rpcOutcome<T>(exchange: HttpExchange): RpcOutcome<T> {
  if (exchange.kind === 'refused') return { kind: 'error', code: 'UNAVAILABLE' };
  if (exchange.kind === 'unknown') return { kind: 'timeout' };
  if (exchange.status === 503) return { kind: 'error', code: 'UNAVAILABLE' };
  if (exchange.status === 429) return { kind: 'error', code: 'RATE_LIMITED' };
  if (exchange.status !== 200) return { kind: 'error', code: 'SERVER_ERROR' };
  try {
    return { kind: 'reply', value: JSON.parse(exchange.text) as T };
  } catch {
    return { kind: 'error', code: 'SERVER_ERROR' };
  }
}
