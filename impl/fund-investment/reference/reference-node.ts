/**
 * The reference fund-investment node: the API (accept.ts), a queue consumer
 * that drives each transaction through its state machine (steps.ts), an
 * outbox relay (outbox.ts) and a sweeper. Nothing that matters lives in
 * memory: whatever a crash interrupts, the committed row says where the
 * transaction stands, and the queue (which keeps a message until it is
 * acknowledged) or the sweeper brings it back to a worker.
 *
 * The consumer deduplicates by message id: a message whose transaction
 * became terminal is recorded in `processed` before it is acknowledged, so
 * a redelivery after a lost acknowledgement is dropped without touching the
 * transaction. A message is acknowledged only once its transaction is
 * terminal; until then the queue delivers it again after its visibility
 * timeout.
 */
import type { QueueMessage } from '../../ports/queue.ts';
import type { FundInvestmentDesign, FundNode, FundPorts, InvestAnswer, InvestRequest } from '../contract.ts';
import { OPEN_STATES, PROCESSED, TRANSACTIONS } from '../schema.ts';
import { and, inSet, inTransaction, SQL_TIMEOUT_MS } from '../../sql/sql-session.ts';
import { accept } from './accept.ts';
import { CALL_TIMEOUT_MS } from './keys.ts';
import { relay } from './outbox.ts';
import { step } from './steps.ts';
import { readTransaction } from './transition.ts';

const POLL_MS = 100;
/** Messages one node works on at once (a transaction may wait seconds for its withdrawal's expiry). */
const CONCURRENCY = 4;
const RELAY_MS = 500;
const SWEEP_MS = 2000;
/** An open transaction untouched this long is queued again (its message may never have been sent). */
const STALE_MS = 5000;
/** Steps one delivery may take before it leaves the rest to a later round. */
const STEPS_MAX = 12;

class ReferenceNode implements FundNode {
  constructor(private readonly ports: FundPorts) {}

  start(): void {
    void this.consume();
    void this.every(RELAY_MS, () => relay(this.ports));
    void this.every(SWEEP_MS, () => this.sweep());
  }

  invest(req: InvestRequest): Promise<InvestAnswer> {
    return accept(this.ports, req);
  }

  heldInMemory(): readonly string[] {
    return [];
  }

  private async every(intervalMs: number, body: () => Promise<void>): Promise<void> {
    for (;;) {
      await this.ports.timers.sleep(intervalMs);
      await body();
    }
  }

  private async consume(): Promise<void> {
    const { queue, timers } = this.ports;
    let working = 0;
    for (;;) {
      const got = working < CONCURRENCY ? await queue.receive(CALL_TIMEOUT_MS) : null;
      if (got === null || got.kind !== 'reply' || got.value === null) {
        await timers.sleep(POLL_MS);
        continue;
      }
      working++;
      void this.handle(got.value).finally(() => working--);
    }
  }

  private async handle(message: QueueMessage): Promise<void> {
    const { ports } = this;
    const id = (message.body as { transactionId?: unknown } | null)?.transactionId;
    const seen = await ports.sql.query({ op: 'select', table: PROCESSED, key: message.messageId }, SQL_TIMEOUT_MS);
    if (seen.kind !== 'reply' || seen.value.kind !== 'ok') return;
    if (seen.value.rowCount === 0 && typeof id === 'string' && !(await this.drive(id))) return;
    const noted = await inTransaction(ports.sql, async (run) => {
      await run({ op: 'insertIfAbsent', table: PROCESSED, row: { messageId: message.messageId } });
      return { commit: true, value: null };
    });
    if (noted.kind === 'committed') await ports.queue.ack(message.receipt, CALL_TIMEOUT_MS);
  }

  /** Takes a transaction as far as it goes now; true once it is terminal (or does not exist). */
  private async drive(id: string): Promise<boolean> {
    for (let i = 0; i < STEPS_MAX; i++) {
      const row = await readTransaction(this.ports, id);
      if (row === 'unsure') return false;
      if (row === null) return true;
      const s = await step(this.ports, row);
      if (s !== 'again') return s === 'terminal';
    }
    return false;
  }

  private async sweep(): Promise<void> {
    const { ports } = this;
    const staleBefore = ports.clock.nowMs() - STALE_MS;
    const where = and(inSet('state', OPEN_STATES), { describe: `updatedAtMs < ${staleBefore}`, test: (row) => (row.updatedAtMs as number) < staleBefore });
    const r = await ports.sql.query({ op: 'selectWhere', table: TRANSACTIONS, where }, SQL_TIMEOUT_MS);
    if (r.kind !== 'reply' || r.value.kind !== 'ok') return;
    for (const row of r.value.rows) await ports.queue.send({ transactionId: row.id as string }, CALL_TIMEOUT_MS);
  }
}

export const referenceDesign: FundInvestmentDesign = {
  system: 'fund-investment',
  name: 'reference',
  description: 'seat reserved before money moves, withdrawal settled by key and expiry, refund on failure, transactional outbox, consumer deduplicating by message id',
  create: (ports) => new ReferenceNode(ports),
};
