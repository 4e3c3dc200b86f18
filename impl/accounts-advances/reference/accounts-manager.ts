/**
 * The reference accounts manager: validated requests, movements that are
 * never half-applied and idempotent by the caller's key (money-move.ts), and
 * a report paged over a snapshot (snapshot-report.ts). It keeps nothing in
 * memory between requests.
 */
import type { AccountsManager, AccountsPorts, BankTransactionRequest, ReportAnswer, ReportRequest, TransactionAnswer, TransferRequest } from '../contract.ts';
import { BANK_ACCOUNT } from '../schema.ts';
import { move } from './money-move.ts';
import { snapshotReport } from './snapshot-report.ts';
import { bankProblem, transferProblem } from './validate.ts';

export class ReferenceAccounts implements AccountsManager {
  constructor(private readonly ports: AccountsPorts) {}

  transfer(req: TransferRequest): Promise<TransactionAnswer> {
    const problem = transferProblem(req);
    if (problem !== null) return Promise.resolve({ status: 'invalid', reason: problem });
    const debit = req.direction === 'debit';
    return move(this.ports, {
      key: `transfer:${req.key}`,
      from: debit ? req.srcAccountId : req.dstAccountId,
      to: debit ? req.dstAccountId : req.srcAccountId,
      amountMinor: req.amountMinor,
      fence: null,
      row: { kind: 'transfer', src: req.srcAccountId, dst: req.dstAccountId, direction: req.direction, note: null, requestKey: req.key, advanceId: null, paymentId: null },
    });
  }

  bankTransaction(req: BankTransactionRequest): Promise<TransactionAnswer> {
    const problem = bankProblem(req);
    if (problem !== null) return Promise.resolve({ status: 'invalid', reason: problem });
    if (req.accountId === BANK_ACCOUNT) return Promise.resolve({ status: 'invalid', reason: 'accountId must be a customer account, not the bank' });
    const credit = req.direction === 'credit';
    return move(this.ports, {
      key: `bank:${req.key}`,
      from: credit ? BANK_ACCOUNT : req.accountId,
      to: credit ? req.accountId : BANK_ACCOUNT,
      amountMinor: req.amountMinor,
      fence: req.fence,
      row: { kind: 'bank', src: null, dst: req.accountId, direction: req.direction, note: req.reason, requestKey: req.key, advanceId: req.advanceId, paymentId: req.paymentId },
    });
  }

  report(req: ReportRequest): Promise<ReportAnswer> {
    return snapshotReport(this.ports, req);
  }
}
