/**
 * The SQL port a process is given: each call is one request to the database
 * process over the simulated network, with the caller's timeout, so that a
 * lost reply (a COMMIT that committed, unknown to the caller), a partition
 * or a slow statement look to the caller exactly as they would over a real
 * connection.
 */
import type { Json, RpcOutcome } from '../../../impl/ports/ports.ts';
import type { IsolationLevel, SqlPort, SqlResult, SqlStatement, TxId } from '../../../impl/ports/sql.ts';
import type { SimProcess } from '../../kernel/sim-process.ts';
import type { Network } from '../../net/network.ts';

export function sqlPort(net: Network, caller: SimProcess, database: string): SqlPort {
  return {
    begin: (timeoutMs: number, level?: IsolationLevel): Promise<RpcOutcome<{ tx: TxId }>> =>
      net.call(caller, database, 'begin', (level === undefined ? {} : { level }) as Json, timeoutMs),
    query: (statement: SqlStatement, timeoutMs: number): Promise<RpcOutcome<SqlResult>> =>
      net.call(caller, database, 'query', { statement } as unknown as Json, timeoutMs),
    execute: (tx: TxId, statement: SqlStatement, timeoutMs: number): Promise<RpcOutcome<SqlResult>> =>
      net.call(caller, database, 'execute', { tx, statement } as unknown as Json, timeoutMs),
  };
}
