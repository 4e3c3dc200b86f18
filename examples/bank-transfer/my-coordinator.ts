/**
 * An example of a user's own bank-transfer coordinator, loaded with
 * `npx moneysim explore bank-transfer --design ./examples/bank-transfer/my-coordinator.ts`.
 *
 * Protocol: record the intent durably, cash out with the transfer id as the
 * client reference, then credit, retrying the credit until it is definite.
 * It deliberately has one hole for moneysim to find: when the internal store
 * rejects the credit for good, the money is never sent back.
 */
import type { BankTransferDesign, BankTransferPorts, TransferAnswer, TransferRequest } from '../../impl/bank-transfer/contract.ts';

function create(ports: BankTransferPorts) {
  const { store, external, ledger, ids, timers } = ports;
  return {
    start(): void {},
    heldInMemory: (): string[] => [],
    async transfer(req: TransferRequest): Promise<TransferAnswer> {
      const transferId = ids.next('t');
      await store.transact((tx) => tx.put(`open/${transferId}`, { amountMinor: req.amountMinor }));
      const cashOut = await external.cashOut({ reference: transferId, accountId: req.accountId, amountMinor: req.amountMinor }, 100);
      if (cashOut.kind !== 'reply' || cashOut.value.status !== 'APPLIED') {
        return { status: 'FAILED', transferId, code: 'CASHOUT_FAILED' };
      }
      for (;;) {
        const credit = await ledger.credit({ transferId, userId: req.userId, amountMinor: req.amountMinor }, 50);
        if (credit.kind === 'reply') {
          await store.transact((tx) => tx.delete(`open/${transferId}`));
          return credit.value.status === 'CREDITED' ? { status: 'SUCCESS', transferId } : { status: 'FAILED', transferId, code: 'CREDIT_REJECTED' };
        }
        await timers.sleep(20);
      }
    },
    async status(transferId: string): Promise<TransferAnswer> {
      const open = await store.transact((tx) => tx.get(`open/${transferId}`));
      return { status: open === undefined ? 'FAILED' : 'PENDING', transferId };
    },
  };
}

export const design: BankTransferDesign = {
  name: 'my-coordinator',
  description: 'example user design: durable intent, no reversal',
  create,
  durableObligations: (view) => view.scan('open/').map(([key]) => key.slice('open/'.length)),
};
