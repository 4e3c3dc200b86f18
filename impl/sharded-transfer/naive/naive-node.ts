/**
 * The naive sharded-transfer node: the seed's flow as written, the ordinary
 * way to write it.
 *
 * Scope 1 reads the donor, checks the available amount in the application
 * and writes the new blocked amount it computed (read-then-update: at read
 * committed two racing transfers both pass the check). The transfer row gets
 * a fresh id, so a retried request makes a second transfer. A timer fires
 * the poller every interval whether or not the previous round finished, and
 * the stage updates are unconditional, so a round that overlaps another
 * (slow statements) or repeats after a lost commit reply moves money twice.
 * Withdrawals are submitted to the stub and tracked in the node's memory: a
 * crash forgets them (the block stays forever, or a restarted node submits
 * again), and an "unknown" status releases the block.
 */
import type { Row } from '../../ports/sql.ts';
import type { ShardedNode, ShardedPorts, ShardedTransferDesign, TransferAnswer, TransferRequest } from '../contract.ts';
import { ACCOUNTS, isPayee, TRANSFERS } from '../schema.ts';
import { addTo, and, eq, inTransaction, setValues, SQL_TIMEOUT_MS } from '../../sql/sql-session.ts';

/** Rounds start on a timer this far apart, whether or not the last one finished. */
const POLL_MS = 250;
const CALL_TIMEOUT_MS = 500;

class NaiveNode implements ShardedNode {
  /** Withdrawals this incarnation submitted and is waiting on. */
  private readonly tracking = new Set<string>();

  constructor(private readonly ports: ShardedPorts) {}

  start(): void {
    const tick = (): void => {
      void this.ports.timers.sleep(POLL_MS).then(() => {
        tick();
        void this.round();
      });
    };
    tick();
  }

  async transfer(req: TransferRequest): Promise<TransferAnswer> {
    const ports = this.ports;
    if (req.amountMinor <= 0) return { status: 'REJECTED', reason: 'INVALID_AMOUNT' };
    const external = isPayee(req.to);
    const outcome = await inTransaction<TransferAnswer>(ports.sql, async (run) => {
      const read = await run({ op: 'select', table: ACCOUNTS, key: req.from });
      const donor = read.rows[0];
      if (donor === undefined) return { commit: false, value: { status: 'REJECTED', reason: 'UNKNOWN_ACCOUNT' } };
      const blocked = donor.blocked as number;
      if ((donor.balance as number) - blocked < req.amountMinor) return { commit: false, value: { status: 'REJECTED', reason: 'INSUFFICIENT_FUNDS' } };
      await run({ op: 'update', table: ACCOUNTS, key: req.from, assign: setValues({ blocked: blocked + req.amountMinor }) });
      const id = ports.ids.next('t');
      await run({
        op: 'insert',
        table: TRANSFERS,
        row: { id, requestKey: req.key, fromAccount: req.from, toAccount: req.to, fromNode: ports.self, toNode: external ? ports.self : ports.ownerOf(req.to), amount: req.amountMinor, kind: external ? 'withdrawal' : 'internal', state: 'BLOCKED', stubBoot: null },
      });
      return { commit: true, value: { status: 'ACCEPTED', transferId: id } };
    });
    if (outcome.kind === 'committed' || outcome.kind === 'refused') return outcome.value;
    return { status: 'RETRY', reason: outcome.kind === 'aborted' ? outcome.code : 'no answer from the database' };
  }

  heldInMemory(): readonly string[] {
    return [...this.tracking];
  }

  private async round(): Promise<void> {
    for (const t of await this.rows('toNode', 'BLOCKED', 'internal')) await this.move(t, 'CREDITED', [[t.toAccount as string, { balance: t.amount as number }]]);
    for (const t of await this.rows('fromNode', 'CREDITED', 'internal')) await this.move(t, 'COMPLETE', [[t.fromAccount as string, { balance: -(t.amount as number), blocked: -(t.amount as number) }]]);
    for (const t of await this.rows('fromNode', 'BLOCKED', 'withdrawal')) if (!this.tracking.has(t.id as string)) void this.withdraw(t);
  }

  private async rows(side: string, state: string, kind: string): Promise<readonly Row[]> {
    const r = await this.ports.sql.query({ op: 'selectWhere', table: TRANSFERS, where: and(eq(side, this.ports.self), eq('state', state), eq('kind', kind)) }, SQL_TIMEOUT_MS);
    return r.kind === 'reply' && r.value.kind === 'ok' ? r.value.rows : [];
  }

  private async move(t: Row, to: string, deltas: ReadonlyArray<[string, Record<string, number>]>): Promise<void> {
    await inTransaction(this.ports.sql, async (run) => {
      await run({ op: 'update', table: TRANSFERS, key: t.id as string, assign: setValues({ state: to }) });
      for (const [account, delta] of deltas) await run({ op: 'update', table: ACCOUNTS, key: account, assign: addTo(delta) });
      return { commit: true, value: null };
    });
  }

  private async withdraw(t: Row): Promise<void> {
    const id = t.id as string;
    const amount = t.amount as number;
    this.tracking.add(id);
    await this.ports.withdrawals.submit({ withdrawalId: id, payee: t.toAccount as string, amountMinor: amount }, CALL_TIMEOUT_MS);
    for (;;) {
      await this.ports.timers.sleep(POLL_MS);
      const s = await this.ports.withdrawals.status({ withdrawalId: id }, CALL_TIMEOUT_MS);
      if (s.kind !== 'reply' || s.value.state === 'processing') continue;
      const paid = s.value.state === 'completed';
      await this.move(t, paid ? 'COMPLETE' : 'RELEASED', [[t.fromAccount as string, paid ? { balance: -amount, blocked: -amount } : { blocked: -amount }]]);
      this.tracking.delete(id);
      return;
    }
  }
}

export const naiveDesign: ShardedTransferDesign = {
  system: 'sharded-transfer',
  name: 'naive',
  description: 'the seed as written: read-then-update block, unconditional stages on an overlapping poller, withdrawals tracked in memory',
  create: (ports) => new NaiveNode(ports),
};
