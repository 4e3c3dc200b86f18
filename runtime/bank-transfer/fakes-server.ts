/**
 * The bank-transfer fakes over HTTP, on one port:
 *
 *   POST /external/cashOut | /external/undo | /external/status
 *   POST /ledger/credit
 *   GET  /books                  both services' balances, references, credits, totals
 *   GET  /admin/faults           the current fault switches
 *   PUT  /admin/faults           change them ({"external": {...}, "ledger": {...}})
 *   POST /admin/heal             every fault rate to zero
 *
 * A call's outcome is the simulator's fake's: a reply is 200 with its JSON,
 * UNAVAILABLE is 503, RATE_LIMITED 429, SERVER_ERROR 500. A lost reply is a
 * request applied and never answered: the response is held until the caller
 * gives up (it sees a timeout, an unknown outcome). A slow reply is sent
 * after its extra latency.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Json } from '../../impl/ports/ports.ts';
import type { ServiceResponse } from '../../sim/net/network.ts';
import { jsonServer, readJsonBody, sendBadInput, sendJson } from '../net/json-server.ts';
import type { LogSink } from '../log.ts';
import type { BankFakes } from './bank-fakes.ts';
import { checkFakeRequest, type FakeMethod } from './fake-requests.ts';
import { parseFaultUpdate } from './fault-settings.ts';

/** A held reply is dropped after this long even if the caller is still waiting. */
const HOLD_MS_MAX = 60_000;
const STATUS_OF = { UNAVAILABLE: 503, RATE_LIMITED: 429, SERVER_ERROR: 500 } as const;
const ROUTES: Record<string, { service: 'external' | 'ledger'; method: FakeMethod }> = {
  '/external/cashOut': { service: 'external', method: 'cashOut' },
  '/external/undo': { service: 'external', method: 'undo' },
  '/external/status': { service: 'external', method: 'status' },
  '/ledger/credit': { service: 'ledger', method: 'credit' },
};

export function createFakesServer(fakes: BankFakes, log: LogSink): Server {
  return jsonServer(
    async (req, res, url) => {
      const route = ROUTES[url.pathname];
      if (route !== undefined) return req.method === 'POST' ? serveCall(fakes, route, req, res, log) : notAllowed(res, 'POST');
      if (url.pathname === '/books') return req.method === 'GET' ? sendJson(res, 200, fakes.books()) : notAllowed(res, 'GET');
      if (url.pathname === '/admin/faults') return serveFaults(fakes, req, res, log);
      if (url.pathname === '/admin/heal') {
        if (req.method !== 'POST') return notAllowed(res, 'POST');
        fakes.heal();
        log('faults-healed');
        return sendJson(res, 200, currentFaults(fakes));
      }
      sendJson(res, 404, { error: 'NOT_FOUND', message: `no route ${url.pathname}` });
    },
    (err) => log('handler-error', { message: err instanceof Error ? err.message : String(err) }),
  );
}

async function serveCall(
  fakes: BankFakes,
  route: { service: 'external' | 'ledger'; method: FakeMethod },
  req: IncomingMessage,
  res: ServerResponse,
  log: LogSink,
): Promise<void> {
  const body = await readJsonBody(req);
  if (!body.ok) return sendBadInput(res, body.bad);
  const bad = checkFakeRequest(route.method, body.value);
  if (bad !== null) return sendBadInput(res, bad);
  const fake = route.service === 'external' ? fakes.external : fakes.ledger;
  const response = fake.handle(route.method, body.value as Json);
  log('call', { service: route.service, method: route.method, ...callSummary(body.value as Record<string, unknown>, response) });
  deliver(res, response);
}

function deliver(res: ServerResponse, response: ServiceResponse): void {
  if (response.dropReply === true) {
    const timer = setTimeout(() => res.destroy(), HOLD_MS_MAX);
    res.on('close', () => clearTimeout(timer));
    return;
  }
  const send = (): void => {
    const reply = response.reply;
    if (reply.kind === 'reply') sendJson(res, 200, reply.value);
    else sendJson(res, STATUS_OF[reply.code], { error: reply.code });
  };
  if ((response.extraLatencyMs ?? 0) > 0) setTimeout(send, response.extraLatencyMs);
  else send();
}

function callSummary(body: Record<string, unknown>, response: ServiceResponse): Record<string, unknown> {
  const reply = response.reply;
  return {
    reference: body['reference'] ?? body['transferId'],
    outcome: reply.kind === 'reply' ? reply.value : reply.code,
    ...(response.dropReply === true ? { fault: 'lose-reply' } : {}),
    ...((response.extraLatencyMs ?? 0) > 0 ? { slowMs: response.extraLatencyMs } : {}),
  };
}

async function serveFaults(fakes: BankFakes, req: IncomingMessage, res: ServerResponse, log: LogSink): Promise<void> {
  if (req.method === 'GET') return sendJson(res, 200, currentFaults(fakes));
  if (req.method !== 'PUT' && req.method !== 'POST') return notAllowed(res, 'GET, PUT');
  const body = await readJsonBody(req);
  if (!body.ok) return sendBadInput(res, body.bad);
  const update = parseFaultUpdate(body.value, Date.now());
  if (!update.ok) return sendBadInput(res, update.bad);
  fakes.external.options = { ...fakes.external.options, ...update.value.external };
  fakes.ledger.options = { ...fakes.ledger.options, ...update.value.ledger };
  log('faults-changed', { external: update.value.external, ledger: update.value.ledger });
  sendJson(res, 200, currentFaults(fakes));
}

function currentFaults(fakes: BankFakes): { external: unknown; ledger: unknown } {
  return { external: fakes.external.options, ledger: fakes.ledger.options };
}

function notAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('allow', allow);
  sendJson(res, 405, { error: 'METHOD_NOT_ALLOWED', message: `use ${allow}` });
}
