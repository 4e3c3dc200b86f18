/**
 * The served coordinator end to end, on PGlite with no set-up: a transfer
 * created over HTTP with an Idempotency-Key is answered, a retry with the
 * same key gets the same transfer, bad input gets 400 naming the field, a
 * SIGKILLed coordinator is restarted and still knows the transfer (it was
 * committed), and SIGTERM stops it cleanly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoordinatorChild } from '../../../runtime/bank-transfer/coordinator-child.ts';
import { serveBankTransfer, type ServeEvent } from '../../../runtime/bank-transfer/serve-bank-transfer.ts';
import { silent } from '../../../runtime/log.ts';
import { httpExchange } from '../../../runtime/net/http-exchange.ts';

async function until<T>(probe: () => T | undefined): Promise<T> {
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('serve bank-transfer on PGlite', () => {
  it('creates a transfer, reads it back, survives kill -9, refuses bad input, stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'moneysim-serve-'));
    const events: ServeEvent[] = [];
    const served = serveBankTransfer(
      {
        design: 'reference',
        database: { kind: 'pglite', dataDir: dir },
        host: '127.0.0.1',
        port: 0,
        fakes: { port: 0, accounts: 2, balanceMinor: 100_000, seed: 1 },
        logs: false,
        fakesLog: silent,
      },
      (e) => events.push(e),
    );
    let child: CoordinatorChild | null = null;
    try {
      const ready = await until(() => events.find((e) => e.kind === 'ready'));
      child = ready.kind === 'ready' ? ready.child : null;
      const api = `http://127.0.0.1:${child!.port}`;
      const body = { userId: 'user-1', accountId: 'acc-1', amountMinor: 1250 };
      const first = await httpExchange('POST', `${api}/transfers`, body, 5000, { 'idempotency-key': 'press-1' });
      expect(first.kind === 'response' && first.status).toBe(200);
      const answer = JSON.parse(first.kind === 'response' ? first.text : '{}') as { status: string; transferId: string };
      expect(['SUCCESS', 'PENDING', 'FAILED']).toContain(answer.status);
      const again = await httpExchange('POST', `${api}/transfers`, body, 5000, { 'idempotency-key': 'press-1' });
      expect(JSON.parse(again.kind === 'response' ? again.text : '{}').transferId).toBe(answer.transferId);

      const noKey = await httpExchange('POST', `${api}/transfers`, body, 5000);
      expect(noKey.kind === 'response' && [noKey.status, JSON.parse(noKey.text).field]).toEqual([400, 'Idempotency-Key']);
      const badAmount = await httpExchange('POST', `${api}/transfers`, { ...body, amountMinor: '12.50' }, 5000, { 'idempotency-key': 'press-2' });
      expect(badAmount.kind === 'response' && [badAmount.status, JSON.parse(badAmount.text).field]).toEqual([400, 'amountMinor']);
      const extra = await httpExchange('POST', `${api}/transfers`, { ...body, currency: 'EUR' }, 5000, { 'idempotency-key': 'press-3' });
      expect(extra.kind === 'response' && [extra.status, JSON.parse(extra.text).field]).toEqual([400, 'currency']);

      child!.kill('SIGKILL');
      const restarted = await until(() => events.find((e) => e.kind === 'restarted'));
      child = restarted.kind === 'restarted' ? restarted.child : null;
      expect(restarted.kind === 'restarted' && restarted.exit.signal).toBe('SIGKILL');
      let status = { status: 'PENDING' };
      while (status.status === 'PENDING') {
        const reply = await httpExchange('GET', `${api}/transfers/${answer.transferId}`, undefined, 5000);
        status = JSON.parse(reply.kind === 'response' ? reply.text : '{"status":"PENDING"}');
        if (status.status === 'PENDING') await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toMatchObject({ transferId: answer.transferId });
      expect(['SUCCESS', 'FAILED']).toContain(status.status);

      child!.kill('SIGTERM');
      expect(await served).toEqual({ kind: 'stopped' });
      child = null;
    } finally {
      // SIGTERM, not SIGKILL: the service restarts a coordinator that dies on its own.
      child?.kill('SIGTERM');
      await served.catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
