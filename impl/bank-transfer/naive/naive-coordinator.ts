/**
 * The "current design" of seed 001, as written, bugs included.
 *
 * Protocol: mark the transfer started; cash out at the external institution;
 * if that did not clearly succeed, fail; otherwise credit the internal
 * balance; if the credit fails, mark the transfer failed, answer FAILED and
 * queue a reversal in memory, which a background worker sends later.
 *
 * Known holes, each one a violation the harness must find: a timeout or 5xx
 * on the cash-out is taken as "not applied" (money lost when it was applied),
 * a credit timeout is taken as "rejected" (money created when the credit
 * landed and the reversal returns the money too), a crash loses the in-memory
 * reversal queue and any transfer between cash-out and credit, and nothing
 * stops the user from pressing again while a reversal is still queued
 * (seed 003's overdraft).
 */
import type { Json } from '../../ports/ports.ts';
import type {
  BankTransferCoordinator,
  BankTransferDesign,
  BankTransferPorts,
  TransferAnswer,
  TransferRequest,
} from '../contract.ts';

const CALL_TIMEOUT_MS = 1000;
const REVERSAL_RETRY_MS = 100;
/** The background worker picks up queued reversals in batches, this often. */
const REVERSAL_BATCH_DELAY_MS = 500;

interface Reversal {
  transferId: string;
}

class NaiveCoordinator implements BankTransferCoordinator {
  private readonly inFlight = new Set<string>();
  private readonly reversals: Reversal[] = [];
  private wakeWorker: (() => void) | null = null;

  constructor(private readonly ports: BankTransferPorts) {}

  start(): void {
    void this.reversalWorker();
  }

  heldInMemory(): readonly string[] {
    return [...this.inFlight, ...this.reversals.map((r) => r.transferId)];
  }

  async transfer(req: TransferRequest): Promise<TransferAnswer> {
    const { store, external, ledger, ids } = this.ports;
    const transferId = ids.next('t');
    this.inFlight.add(transferId);
    await store.transact((tx) => tx.put(`transfer/${transferId}`, { state: 'STARTED' }));
    const cashOut = await external.cashOut(
      { reference: transferId, accountId: req.accountId, amountMinor: req.amountMinor },
      CALL_TIMEOUT_MS,
    );
    if (cashOut.kind !== 'reply' || cashOut.value.status !== 'APPLIED') {
      await this.mark(transferId, 'FAILED');
      this.inFlight.delete(transferId);
      return { status: 'FAILED', transferId, code: 'CASHOUT_FAILURE' };
    }
    const credit = await ledger.credit({ transferId, userId: req.userId, amountMinor: req.amountMinor }, CALL_TIMEOUT_MS);
    if (credit.kind === 'reply' && credit.value.status === 'CREDITED') {
      await this.mark(transferId, 'SUCCESS');
      this.inFlight.delete(transferId);
      return { status: 'SUCCESS', transferId };
    }
    await this.mark(transferId, 'FAILED');
    this.reversals.push({ transferId });
    this.inFlight.delete(transferId);
    this.wakeWorker?.();
    return { status: 'FAILED', transferId, code: 'CREDIT_FAILURE' };
  }

  async status(transferId: string): Promise<TransferAnswer> {
    const record = await this.ports.store.transact((tx) => tx.get(`transfer/${transferId}`));
    const state = (record as { state?: string } | undefined)?.state;
    if (state === 'SUCCESS') return { status: 'SUCCESS', transferId };
    if (state === 'FAILED' || state === undefined) return { status: 'FAILED', transferId };
    return { status: 'PENDING', transferId };
  }

  private async mark(transferId: string, state: string): Promise<void> {
    const value: Json = { state };
    await this.ports.store.transact((tx) => tx.put(`transfer/${transferId}`, value));
  }

  /** Sends queued reversals one at a time, retrying failures; the queue lives only in memory. */
  private async reversalWorker(): Promise<void> {
    for (;;) {
      const job = this.reversals[0];
      if (job === undefined) {
        await new Promise<void>((resolve) => (this.wakeWorker = resolve));
        this.wakeWorker = null;
        await this.ports.timers.sleep(REVERSAL_BATCH_DELAY_MS);
        continue;
      }
      const undo = await this.ports.external.undo({ reference: job.transferId }, CALL_TIMEOUT_MS);
      if (undo.kind === 'reply') {
        this.reversals.shift();
      } else {
        await this.ports.timers.sleep(REVERSAL_RETRY_MS);
      }
    }
  }
}

export const naiveDesign: BankTransferDesign = {
  name: 'naive',
  description: "seed 001's current design: cash-out, credit, reversal queued in memory",
  create: (ports) => new NaiveCoordinator(ports),
  // Nothing the naive design writes is ever acted on by a recovery step.
  durableObligations: () => [],
};
