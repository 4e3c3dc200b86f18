/**
 * Drives one reference transfer from its durable state to a terminal state.
 *
 * Every step first reads the committed record and acts on its state, so the
 * same loop serves a fresh request and recovery after a crash. Rules that keep
 * money safe:
 * - the intent (CASHING_OUT, with the cash-out's expiry) is committed before
 *   the external call, so money in flight is always covered by a record;
 * - an unknown cash-out outcome (timeout, any error, or a crash mid-call) is never
 *   retried blindly: after the request's expiry, the status query by client
 *   reference is final, which is safe in idempotent and non-idempotent mode;
 * - an unknown credit is retried with the same transfer id (the ledger is
 *   idempotent per id) and never reversed, so a credit that landed is never
 *   paired with a reversal;
 * - a reversal is a durable state; each undo's expiry is committed before it
 *   is sent, and an unknown undo is checked by status after that expiry;
 * - once terminal, a transfer whose cash-out was sent checks the final count
 *   of applications after the cash-out's expiry and undoes any surplus (a
 *   duplicated request at a non-idempotent institution), one conditional
 *   undo at a time, so that a duplicated undo cannot undo twice.
 */
import type { BankTransferPorts } from '../contract.ts';
import { protocolOptions as opt } from './protocol-options.ts';
import { activeKey, asRecord, isTerminal, lockKey, owesWork, toJson, transferKey, wantedApplications, type TransferRecord } from './records.ts';

export class TransferDriver {
  constructor(
    private readonly ports: BankTransferPorts,
    private readonly onSaved: (record: TransferRecord) => void,
  ) {}

  /** Runs until the transfer is terminal. `fresh` means the cash-out has not been sent yet. */
  async drive(id: string, fresh: boolean): Promise<void> {
    let sendCashOut = fresh;
    let backoffMs = opt.retryBackoffMsMin;
    for (;;) {
      const record = asRecord(await this.ports.store.transact((tx) => tx.get(transferKey(id))));
      if (record === undefined || !owesWork(record)) return;
      let progressed: boolean;
      if (isTerminal(record.state)) {
        progressed = await this.settleSurplus(record);
      } else if (record.state === 'CASHING_OUT') {
        progressed = sendCashOut ? await this.cashOut(record) : await this.resolveCashOut(record);
        sendCashOut = false;
      } else if (record.state === 'CREDITING') {
        progressed = await this.credit(record);
      } else {
        progressed = await this.reverse(record);
      }
      if (progressed) {
        backoffMs = opt.retryBackoffMsMin;
      } else {
        await this.ports.timers.sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, opt.retryBackoffMsMax);
      }
    }
  }

  private async cashOut(r: TransferRecord): Promise<boolean> {
    const reply = await this.ports.external.cashOut(
      { reference: r.id, accountId: r.accountId, amountMinor: r.amountMinor, expiresAtMs: r.cashOutExpiresAtMs },
      opt.externalTimeoutMs,
    );
    if (reply.kind === 'reply') {
      if (reply.value.status === 'APPLIED') return this.save({ ...r, state: 'CREDITING' });
      return this.save({ ...r, state: 'FAILED', failureCode: reply.value.code });
    }
    // Any error or timeout leaves the outcome unknown: even an UNAVAILABLE refusal only
    // speaks for one delivery, and a duplicate of the request may still apply. The next
    // step asks by reference once the request has expired, when the answer is final.
    return true;
  }

  private async resolveCashOut(r: TransferRecord): Promise<boolean> {
    await this.waitPast(r.cashOutExpiresAtMs);
    const status = await this.ports.external.status({ reference: r.id }, opt.externalTimeoutMs);
    if (status.kind !== 'reply') return false;
    if (status.value.applied > status.value.undone) return this.save({ ...r, state: 'CREDITING' });
    // Past the expiry nothing more can apply: no surplus to look for.
    return this.save({ ...r, state: 'FAILED', failureCode: 'CASHOUT_NOT_APPLIED', verify: false });
  }

  private async credit(r: TransferRecord): Promise<boolean> {
    const reply = await this.ports.ledger.credit(
      { transferId: r.id, userId: r.userId, amountMinor: r.amountMinor },
      opt.ledgerTimeoutMs,
    );
    if (reply.kind !== 'reply') return false;
    if (reply.value.status === 'CREDITED') return this.save({ ...r, state: 'SUCCEEDED' });
    return this.save({ ...r, state: 'REVERSING', failureCode: `CREDIT_${reply.value.code}` });
  }

  private async reverse(r: TransferRecord): Promise<boolean> {
    if (r.undoExpiresAtMs !== null) {
      // An undo may still be in flight: wait until it can no longer apply, then look.
      await this.waitPast(r.undoExpiresAtMs);
      const status = await this.ports.external.status({ reference: r.id }, opt.externalTimeoutMs);
      if (status.kind !== 'reply') return false;
      if (status.value.applied <= status.value.undone) return this.save({ ...r, state: 'REVERSED' });
      return this.save({ ...r, undoExpiresAtMs: null });
    }
    const expiresAtMs = this.ports.clock.nowMs() + opt.undoExpiryMs;
    await this.save({ ...r, undoExpiresAtMs: expiresAtMs });
    const reply = await this.ports.external.undo({ reference: r.id, expiresAtMs }, opt.externalTimeoutMs);
    if (reply.kind === 'reply' && reply.value.status === 'UNDONE') {
      return this.save({ ...r, undoExpiresAtMs: expiresAtMs, state: 'REVERSED' });
    }
    return reply.kind === 'reply' || reply.kind === 'timeout' || reply.code === 'SERVER_ERROR';
  }

  /** After the cash-out's expiry: undo applications beyond what the terminal state calls for. */
  private async settleSurplus(r: TransferRecord): Promise<boolean> {
    await this.waitPast(Math.max(r.cashOutExpiresAtMs, r.undoExpiresAtMs ?? 0));
    const status = await this.ports.external.status({ reference: r.id }, opt.externalTimeoutMs);
    if (status.kind !== 'reply') return false;
    const surplus = status.value.applied - status.value.undone - wantedApplications(r.state);
    if (surplus <= 0) return this.save({ ...r, verify: false });
    const expiresAtMs = this.ports.clock.nowMs() + opt.undoExpiryMs;
    await this.save({ ...r, undoExpiresAtMs: expiresAtMs });
    await this.ports.external.undo({ reference: r.id, expiresAtMs, ifUndone: status.value.undone }, opt.externalTimeoutMs);
    // Whatever the reply, the next round looks again by status once this undo has expired.
    return true;
  }

  private async waitPast(instantMs: number): Promise<void> {
    const wait = instantMs + 1 - this.ports.clock.nowMs();
    if (wait > 0) await this.ports.timers.sleep(wait);
  }

  /**
   * Commits the record; a terminal state releases the account lock, and once
   * no work is owed (surplus check included) the outbox entry goes too.
   */
  private async save(next: TransferRecord): Promise<boolean> {
    await this.ports.store.transact(async (tx) => {
      tx.put(transferKey(next.id), toJson(next));
      if (!owesWork(next)) tx.delete(activeKey(next.id));
      if (isTerminal(next.state) && (await tx.get(lockKey(next.accountId))) === next.id) tx.delete(lockKey(next.accountId));
    });
    this.onSaved(next);
    return true;
  }
}
