/**
 * The reference bank-transfer coordinator: the API side.
 *
 * A request is deduplicated by its idempotency key and refused while another
 * transfer of the same external account is unsettled (so a user pressing
 * again while a reversal is pending cannot overdraw, seed 003). The intent is
 * committed, a driver takes the transfer to a terminal state, and the API
 * answers with the decision if it comes within the answer budget, or PENDING
 * with the transfer id otherwise. On every start, recovery resumes each
 * transfer listed in the durable outbox.
 */
import type { BankTransferCoordinator, BankTransferPorts, TransferAnswer, TransferRequest } from '../contract.ts';
import { protocolOptions as opt } from './protocol-options.ts';
import {
  ACTIVE_PREFIX,
  activeKey,
  answerFor,
  asRecord,
  idemKey,
  lockKey,
  toJson,
  transferKey,
  type TransferRecord,
} from './records.ts';
import { TransferDriver } from './transfer-driver.ts';
import { validateTransferRequest } from './validate-request.ts';

type Admission =
  | { kind: 'created'; record: TransferRecord }
  | { kind: 'existing'; record: TransferRecord }
  | { kind: 'busy' };

export class ReferenceCoordinator implements BankTransferCoordinator {
  private readonly driving = new Set<string>();
  private readonly waiters = new Map<string, Array<(a: TransferAnswer) => void>>();
  private readonly driver: TransferDriver;

  constructor(private readonly ports: BankTransferPorts) {
    this.driver = new TransferDriver(ports, (record) => this.notify(record));
  }

  start(): void {
    void this.recover();
  }

  heldInMemory(): readonly string[] {
    return [];
  }

  async transfer(req: TransferRequest): Promise<TransferAnswer> {
    const deadlineMs = this.ports.clock.nowMs() + opt.answerBudgetMs;
    const invalid = validateTransferRequest(req);
    if (invalid !== null) return { status: 'FAILED', transferId: '', code: invalid };
    const admission = await this.admit(req);
    if (admission.kind === 'busy') return { status: 'FAILED', transferId: '', code: 'ACCOUNT_BUSY' };
    const { record } = admission;
    const answer = answerFor(record);
    if (answer.status !== 'PENDING') return answer;
    this.ensureDriven(record.id, admission.kind === 'created');
    return this.awaitDecision(record, deadlineMs);
  }

  async status(transferId: string): Promise<TransferAnswer> {
    const record = asRecord(await this.ports.store.transact((tx) => tx.get(transferKey(transferId))));
    if (record === undefined) return { status: 'FAILED', transferId, code: 'UNKNOWN_TRANSFER' };
    return answerFor(record);
  }

  private async admit(req: TransferRequest): Promise<Admission> {
    const { ids, clock } = this.ports;
    return this.ports.store.transact(async (tx): Promise<Admission> => {
      const existingId = await tx.get(idemKey(req.idempotencyKey));
      if (typeof existingId === 'string') {
        return { kind: 'existing', record: asRecord(await tx.get(transferKey(existingId)))! };
      }
      if (existingId !== undefined) return { kind: 'busy' };
      if ((await tx.get(lockKey(req.accountId))) !== undefined) {
        // The refusal is final for this key: a late copy of the same request must not start a transfer.
        tx.put(idemKey(req.idempotencyKey), { refused: 'ACCOUNT_BUSY' });
        return { kind: 'busy' };
      }
      const record: TransferRecord = {
        id: ids.next('t'),
        idempotencyKey: req.idempotencyKey,
        userId: req.userId,
        accountId: req.accountId,
        amountMinor: req.amountMinor,
        state: 'CASHING_OUT',
        cashOutExpiresAtMs: clock.nowMs() + opt.cashOutExpiryMs,
        undoExpiresAtMs: null,
        failureCode: null,
        verify: true,
      };
      tx.put(transferKey(record.id), toJson(record));
      tx.put(activeKey(record.id), true);
      tx.put(idemKey(req.idempotencyKey), record.id);
      tx.put(lockKey(req.accountId), record.id);
      return { kind: 'created', record };
    });
  }

  private ensureDriven(id: string, fresh: boolean): void {
    if (this.driving.has(id)) return;
    this.driving.add(id);
    void this.driver.drive(id, fresh).finally(() => this.driving.delete(id));
  }

  private awaitDecision(record: TransferRecord, deadlineMs: number): Promise<TransferAnswer> {
    const pending: TransferAnswer = { status: 'PENDING', transferId: record.id };
    const remaining = deadlineMs - this.ports.clock.nowMs();
    if (remaining <= 0) return Promise.resolve(pending);
    return new Promise((resolve) => {
      let done = false;
      const finish = (a: TransferAnswer): void => {
        if (done) return;
        done = true;
        resolve(a);
      };
      const list = this.waiters.get(record.id) ?? [];
      list.push(finish);
      this.waiters.set(record.id, list);
      void this.ports.timers.sleep(remaining).then(() => finish(pending));
    });
  }

  private notify(record: TransferRecord): void {
    const answer = answerFor(record);
    if (answer.status === 'PENDING') return;
    const list = this.waiters.get(record.id);
    if (list === undefined) return;
    this.waiters.delete(record.id);
    for (const finish of list) finish(answer);
  }

  private async recover(): Promise<void> {
    const active = await this.ports.store.transact((tx) => tx.scan(ACTIVE_PREFIX));
    for (const [key] of active) this.ensureDriven(key.slice(ACTIVE_PREFIX.length), false);
  }
}
