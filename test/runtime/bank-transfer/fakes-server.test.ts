/**
 * The fakes over HTTP behave as the simulator's fakes, seen through the
 * real RPC client: replies, refusals and errors map onto RpcOutcome, a lost
 * reply is a timeout (applied, unanswered), the books add up, and bad
 * bodies and fault switches are refused with 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAccounts } from '../../../runtime/bank-transfer/bank-fakes.ts';
import { startFakes, type RunningFakes } from '../../../runtime/bank-transfer/fakes-service.ts';
import { silent } from '../../../runtime/log.ts';
import { httpExchange } from '../../../runtime/net/http-exchange.ts';
import { httpRpc } from '../../../runtime/ports/http-rpc.ts';

describe('bank-transfer fakes over HTTP', () => {
  let running: RunningFakes;

  beforeAll(async () => {
    const started = await startFakes({ accounts: defaultAccounts(2, 10_000), seed: 1 }, { host: '127.0.0.1', port: 0 }, silent);
    if (!started.ok) throw new Error(started.message);
    running = started.running;
  });
  afterAll(async () => running?.close());

  it('cashes out, credits, answers status, and keeps books that add up', async () => {
    const external = httpRpc(running.externalUrl);
    const ledger = httpRpc(running.ledgerUrl);
    expect(await external('cashOut', { reference: 't1', accountId: 'acc-1', amountMinor: 2500 }, 1000)).toEqual({ kind: 'reply', value: { status: 'APPLIED' } });
    // Idempotent by reference: a repeat applies nothing and returns the first reply.
    expect(await external('cashOut', { reference: 't1', accountId: 'acc-1', amountMinor: 2500 }, 1000)).toEqual({ kind: 'reply', value: { status: 'APPLIED' } });
    expect(await external('status', { reference: 't1' }, 1000)).toEqual({ kind: 'reply', value: { applied: 1, undone: 0 } });
    expect(await ledger('credit', { transferId: 't1', userId: 'u1', amountMinor: 2500 }, 1000)).toEqual({ kind: 'reply', value: { status: 'CREDITED' } });
    expect(await external('cashOut', { reference: 't2', accountId: 'acc-2', amountMinor: 20_000 }, 1000)).toEqual({
      kind: 'reply',
      value: { status: 'REJECTED', code: 'INSUFFICIENT_FUNDS' },
    });
    const books = running.fakes.books();
    expect(books.external.balances).toEqual({ 'acc-1': 7500, 'acc-2': 10_000 });
    expect(books.ledger.balances).toEqual({ u1: 2500 });
    expect(books.totalMinor).toBe(books.initialTotalMinor);
  });

  it('maps refusals and errors: 503 UNAVAILABLE, 500 SERVER_ERROR (after applying), 429 RATE_LIMITED', async () => {
    const external = httpRpc(running.externalUrl);
    const ledger = httpRpc(running.ledgerUrl);
    running.fakes.external.options = { ...running.fakes.external.options, unavailableProbability: 1 };
    expect(await external('status', { reference: 't1' }, 1000)).toEqual({ kind: 'error', code: 'UNAVAILABLE' });
    running.fakes.external.options = { ...running.fakes.external.options, unavailableProbability: 0, errorAfterProbability: 1 };
    expect(await external('cashOut', { reference: 't3', accountId: 'acc-2', amountMinor: 100 }, 1000)).toEqual({ kind: 'error', code: 'SERVER_ERROR' });
    expect(running.fakes.external.netDebitedMinor('t3')).toBe(100);
    running.fakes.ledger.options = { ...running.fakes.ledger.options, rateLimitProbability: 1 };
    expect(await ledger('credit', { transferId: 't9', userId: 'u1', amountMinor: 1 }, 1000)).toEqual({ kind: 'error', code: 'RATE_LIMITED' });
    running.fakes.heal();
    expect(await external('status', { reference: 't3' }, 1000)).toEqual({ kind: 'reply', value: { applied: 1, undone: 0 } });
  });

  it('a lost reply is applied and never answered: the caller sees a timeout', async () => {
    const ledger = httpRpc(running.ledgerUrl);
    running.fakes.ledger.options = { ...running.fakes.ledger.options, lostReplyProbability: 1 };
    expect(await ledger('credit', { transferId: 't4', userId: 'u2', amountMinor: 300 }, 150)).toEqual({ kind: 'timeout' });
    running.fakes.heal();
    expect(running.fakes.ledger.creditedMinor('t4')).toBe(300);
  });

  it('a refused connection is UNAVAILABLE: the request never got anywhere', async () => {
    const nowhere = httpRpc('http://127.0.0.1:1/external');
    expect(await nowhere('status', { reference: 'x' }, 500)).toEqual({ kind: 'error', code: 'UNAVAILABLE' });
  });

  it('refuses bad bodies with 400 naming the field, and changes nothing', async () => {
    const before = JSON.stringify(running.fakes.books());
    const cases: Array<[string, unknown, string]> = [
      ['/external/cashOut', { reference: 't5', accountId: 'acc-1', amountMinor: 12.5 }, 'amountMinor'],
      ['/external/cashOut', { reference: '', accountId: 'acc-1', amountMinor: 1 }, 'reference'],
      ['/external/undo', { reference: 't1', ifUndone: -1 }, 'ifUndone'],
      ['/ledger/credit', { transferId: 't5', amountMinor: 1 }, 'userId'],
      ['/ledger/credit', [1, 2], 'body'],
    ];
    for (const [path, body, fieldName] of cases) {
      const reply = await httpExchange('POST', `${running.baseUrl}${path}`, body, 1000);
      expect(reply.kind === 'response' && reply.status).toBe(400);
      expect(reply.kind === 'response' && JSON.parse(reply.text).field).toBe(fieldName);
    }
    expect(JSON.stringify(running.fakes.books())).toBe(before);
  });

  it('switches faults through the admin endpoint, refusing unknown switches and bad rates by name', async () => {
    const ok = await httpExchange('PUT', `${running.baseUrl}/admin/faults`, { external: { lostReplyProbability: 0.5 }, ledger: { rejectProbability: 0.25 } }, 1000);
    expect(ok.kind === 'response' && ok.status).toBe(200);
    expect(running.fakes.external.options.lostReplyProbability).toBe(0.5);
    expect(running.fakes.ledger.options.rejectProbability).toBe(0.25);
    const bad = await httpExchange('PUT', `${running.baseUrl}/admin/faults`, { ledger: { rejectProbability: 2 } }, 1000);
    expect(bad.kind === 'response' && JSON.parse(bad.text).field).toBe('ledger.rejectProbability');
    const unknown = await httpExchange('PUT', `${running.baseUrl}/admin/faults`, { external: { explode: 1 } }, 1000);
    expect(unknown.kind === 'response' && JSON.parse(unknown.text).field).toBe('external.explode');
    const healed = await httpExchange('POST', `${running.baseUrl}/admin/heal`, {}, 1000);
    expect(healed.kind === 'response' && healed.status).toBe(200);
    expect(running.fakes.external.options.lostReplyProbability).toBe(0);
  });
});
