/**
 * The reference sharded-transfer node: the seed's three scopes made safe at
 * read committed (see scope-one.ts, stages.ts, withdrawals.ts). It refuses a
 * request for a donor it does not own (NOT_OWNER, naming the owner), and
 * keeps nothing in memory that matters: one poller, started on every boot,
 * reads committed rows and moves each transfer of its accounts one step;
 * whatever a crash interrupts, the next incarnation's poll resumes.
 */
import type { ShardedNode, ShardedPorts, ShardedTransferDesign, TransferAnswer, TransferRequest } from '../contract.ts';
import { blockAndRecord } from './scope-one.ts';
import { credit, pending, settle } from './stages.ts';
import { advanceWithdrawal } from './withdrawals.ts';

/** How often a node polls the database for work on its accounts. */
export const POLL_MS = 50;

class ReferenceNode implements ShardedNode {
  constructor(private readonly ports: ShardedPorts) {}

  start(): void {
    void this.poll();
  }

  transfer(req: TransferRequest): Promise<TransferAnswer> {
    return blockAndRecord(this.ports, req);
  }

  heldInMemory(): readonly string[] {
    return [];
  }

  private async poll(): Promise<void> {
    const ports = this.ports;
    for (;;) {
      await ports.timers.sleep(POLL_MS);
      for (const t of await pending(ports, 'toNode', ['BLOCKED'], 'internal')) await credit(ports, t);
      for (const t of await pending(ports, 'fromNode', ['CREDITED', 'FAILED'], 'internal')) await settle(ports, t);
      for (const t of await pending(ports, 'fromNode', ['BLOCKED', 'SUBMITTED'], 'withdrawal')) await advanceWithdrawal(ports, t);
    }
  }
}

export const referenceDesign: ShardedTransferDesign = {
  system: 'sharded-transfer',
  name: 'reference',
  description: 'conditional block, idempotent resumable stages, durable withdrawal intent settled by status; forgotten withdrawals parked for reconciliation',
  create: (ports) => new ReferenceNode(ports),
};
