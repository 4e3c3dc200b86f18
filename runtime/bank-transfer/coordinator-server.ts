/**
 * A bank-transfer coordinator behind HTTP:
 *
 *   POST /transfers        header Idempotency-Key, body {userId, accountId, amountMinor}
 *                          -> 200 {status: SUCCESS|FAILED|PENDING, transferId, code?}
 *   GET  /transfers/<id>   -> 200 the transfer's current answer
 *   GET  /health           -> 200 {status: "ok", design, bootId}
 *   GET  /held             -> 200 {transferIds}: what the live process holds in memory
 *
 * Bad input gets 400 naming the field and never reaches the design. A design
 * that throws or answers something that is not an answer gets 500 with the
 * reason, logged; the server keeps serving.
 */
import type { Server, ServerResponse } from 'node:http';
import type { BankTransferCoordinator, TransferAnswer } from '../../impl/bank-transfer/contract.ts';
import { describeThrown } from '../../sim/kit/describe-thrown.ts';
import { isBad, jsonServer, readJsonBody, sendBadInput, sendJson } from '../net/json-server.ts';
import type { LogSink } from '../log.ts';
import { parseTransferRequest } from './transfer-request.ts';

const STATUSES = new Set(['SUCCESS', 'FAILED', 'PENDING']);

export interface CoordinatorServerInfo {
  design: string;
  bootId: string;
}

export function createCoordinatorServer(coordinator: BankTransferCoordinator, info: CoordinatorServerInfo, log: LogSink): Server {
  return jsonServer(
    async (req, res, url) => {
      const startedMs = performance.now();
      const path = url.pathname;
      if (path === '/transfers') {
        if (req.method !== 'POST') return notAllowed(res, 'POST');
        const body = await readJsonBody(req);
        const request = body.ok ? parseTransferRequest(req, body.value) : body.bad;
        if (isBad(request)) return sendBadInput(res, request);
        return answer(res, log, 'transfer', startedMs, () => coordinator.transfer(request), { key: request.idempotencyKey });
      }
      const one = /^\/transfers\/([^/]+)$/.exec(path);
      if (one !== null) {
        if (req.method !== 'GET') return notAllowed(res, 'GET');
        const id = decodeURIComponent(one[1]!);
        return answer(res, log, 'status', startedMs, () => coordinator.status(id), { transferId: id });
      }
      if (path === '/health') return sendJson(res, 200, { status: 'ok', ...info });
      if (path === '/held') return sendJson(res, 200, { transferIds: coordinator.heldInMemory() });
      sendJson(res, 404, { error: 'NOT_FOUND', message: `no route ${req.method} ${path}` });
    },
    (err) => log('handler-error', { message: describeThrown(err) }),
  );
}

async function answer(
  res: ServerResponse,
  log: LogSink,
  op: 'transfer' | 'status',
  startedMs: number,
  work: () => Promise<TransferAnswer>,
  fields: Record<string, unknown>,
): Promise<void> {
  let result: TransferAnswer;
  try {
    result = await work();
  } catch (err) {
    log('design-threw', { op, ...fields, message: describeThrown(err) });
    return sendJson(res, 500, { error: 'COORDINATOR_ERROR', message: `the design threw: ${err instanceof Error ? err.message : String(err)}` });
  }
  if (!isAnswer(result)) {
    log('malformed-answer', { op, ...fields, answer: result as unknown });
    return sendJson(res, 500, { error: 'MALFORMED_ANSWER', message: `the design answered ${JSON.stringify(result)}` });
  }
  const ms = Math.round((performance.now() - startedMs) * 10) / 10;
  log('answer', { op, ...fields, status: result.status, transferId: result.transferId, ...(result.code !== undefined ? { code: result.code } : {}), ms });
  sendJson(res, 200, result);
}

function isAnswer(a: unknown): a is TransferAnswer {
  const x = a as TransferAnswer;
  return typeof x === 'object' && x !== null && STATUSES.has(x.status) && typeof x.transferId === 'string';
}

function notAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('allow', allow);
  sendJson(res, 405, { error: 'METHOD_NOT_ALLOWED', message: `use ${allow}` });
}

