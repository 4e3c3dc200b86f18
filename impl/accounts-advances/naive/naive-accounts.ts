/**
 * The naive accounts manager: the seed's API as written. Amounts are
 * whatever number the caller sends (the seed's "Positive Float", unchecked),
 * and the balance check is done in the application: read both balances,
 * compare, then write the balances it computed (read-then-update: at read
 * committed two racing transactions both pass the check and the second
 * write loses the first). A request carries no idempotency: a retry is a
 * second transaction. The report pages by page number over a live query,
 * newest first, so rows committed while someone pages push older rows onto
 * the next page (shown twice) or off it.
 */
import type { Row } from '../../ports/sql.ts';
import { inTransaction, setValues, SQL_TIMEOUT_MS } from '../../sql/sql-session.ts';
import type { AccountsManager, AccountsPorts, BankTransactionRequest, ReportAnswer, ReportRequest, TransactionAnswer, TransferRequest } from '../contract.ts';
import { ACCOUNTS, BANK_ACCOUNT, TRANSACTIONS, transactionRow, type TransactionFields } from '../schema.ts';
import { atLeast } from '../sql-terms.ts';

type Fields = Pick<TransactionFields, 'kind' | 'src' | 'dst' | 'direction' | 'note' | 'requestKey' | 'advanceId' | 'paymentId'>;

export class NaiveAccounts implements AccountsManager {
  constructor(private readonly ports: AccountsPorts) {}

  transfer(req: TransferRequest): Promise<TransactionAnswer> {
    const debit = req.direction === 'debit';
    const fields: Fields = { kind: 'transfer', src: req.srcAccountId, dst: req.dstAccountId, direction: req.direction, note: null, requestKey: req.key, advanceId: null, paymentId: null };
    return this.move(debit ? req.srcAccountId : req.dstAccountId, debit ? req.dstAccountId : req.srcAccountId, req.amountMinor, fields);
  }

  bankTransaction(req: BankTransactionRequest): Promise<TransactionAnswer> {
    const credit = req.direction === 'credit';
    const fields: Fields = { kind: 'bank', src: null, dst: req.accountId, direction: req.direction, note: req.reason, requestKey: req.key, advanceId: req.advanceId, paymentId: req.paymentId };
    return this.move(credit ? BANK_ACCOUNT : req.accountId, credit ? req.accountId : BANK_ACCOUNT, req.amountMinor, fields);
  }

  async report(req: ReportRequest): Promise<ReportAnswer> {
    const r = await this.ports.sql.query({ op: 'selectWhere', table: TRANSACTIONS, where: atLeast('atMs', req.fromMs) }, SQL_TIMEOUT_MS);
    if (r.kind !== 'reply' || r.value.kind !== 'ok') return { status: 'retry', reason: 'the database did not answer' };
    const rows = [...r.value.rows].sort((a, b) => (b.atMs as number) - (a.atMs as number) || ((a.id as string) < (b.id as string) ? 1 : -1));
    const page = rows.slice((req.page - 1) * req.limit, req.page * req.limit);
    return {
      status: 'ok',
      transactions: page.map((t) => ({ transactionId: t.id as string, atMs: t.atMs as number, status: t.status as 'success' | 'fail' })),
      page: req.page,
      totalPages: Math.max(1, Math.ceil(rows.length / req.limit)),
      cursor: null,
    };
  }

  private async move(from: string, to: string, amount: number, fields: Fields): Promise<TransactionAnswer> {
    const ports = this.ports;
    const outcome = await inTransaction<TransactionAnswer>(ports.sql, async (run) => {
      const src: Row | undefined = (await run({ op: 'select', table: ACCOUNTS, key: from })).rows[0];
      const dst: Row | undefined = (await run({ op: 'select', table: ACCOUNTS, key: to })).rows[0];
      if (src === undefined || dst === undefined) return { commit: false, value: { status: 'invalid', reason: 'account not found' } };
      const id = ports.ids.next('tx');
      const enough = (src.balance as number) >= amount;
      if (enough) {
        await run({ op: 'update', table: ACCOUNTS, key: from, assign: setValues({ balance: (src.balance as number) - amount }) });
        await run({ op: 'update', table: ACCOUNTS, key: to, assign: setValues({ balance: (dst.balance as number) + amount }) });
      }
      const reason = enough ? null : 'Insufficient funds';
      await run({ op: 'insert', table: TRANSACTIONS, row: transactionRow({ ...fields, id, atMs: ports.clock.nowMs(), amount, status: enough ? 'success' : 'fail', reason, seq: null }) });
      return { commit: true, value: enough ? { status: 'success', transactionId: id } : { status: 'fail', transactionId: id, reason: 'Insufficient funds' } };
    });
    if (outcome.kind === 'committed' || outcome.kind === 'refused') return outcome.value;
    return { status: 'retry', reason: outcome.kind === 'aborted' ? outcome.code : 'no answer from the database' };
  }
}
