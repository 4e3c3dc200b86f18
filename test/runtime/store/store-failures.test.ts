/**
 * How the Postgres store treats a failing database, against a scripted
 * connection: a broken connection before COMMIT means nothing committed and
 * the transaction runs again; a serialization failure runs it again at
 * once; a broken connection during COMMIT leaves the outcome unknown, which
 * the store reports (`commit-unknown`) instead of guessing, and the call
 * never settles (the process is expected to exit and recover).
 */
import { describe, expect, it } from 'vitest';
import { PostgresStore, type StoreEvent } from '../../../runtime/store/postgres-store.ts';
import type { SqlConnection } from '../../../runtime/store/sql-connection.ts';

/** A connection whose nth statement (1-based) fails as `fail` says; every other statement succeeds with no rows. */
function scripted(failures: Record<number, 'broken' | '40001'>): { conn: SqlConnection; statements: string[] } {
  const statements: string[] = [];
  const conn: SqlConnection = {
    label: 'scripted',
    async query(text: string) {
      statements.push(text.split(' ')[0]!);
      const failure = failures[statements.length];
      if (failure === 'broken') throw new Error('Connection terminated unexpectedly');
      if (failure === '40001') throw Object.assign(new Error('could not serialize access'), { code: '40001' });
      return { rows: [] };
    },
    close: async () => undefined,
  };
  return { conn, statements };
}

describe('PostgresStore when the database fails', () => {
  it('retries a transaction whose connection broke before COMMIT, and one that hit a serialization failure', async () => {
    // 1 BEGIN, 2 SELECT (broken), 3 ROLLBACK; 4 BEGIN, 5 SELECT, 6 INSERT (40001), 7 ROLLBACK; 8 BEGIN, 9 SELECT, 10 INSERT, 11 COMMIT.
    const { conn, statements } = scripted({ 2: 'broken', 6: '40001' });
    const events: StoreEvent[] = [];
    const store = new PostgresStore(conn, { onEvent: (e) => events.push(e), retryBackoffMsMin: 1 });
    let bodyRuns = 0;
    await store.transact(async (tx) => {
      bodyRuns++;
      await tx.get('k');
      tx.put('k', 1);
    });
    expect(bodyRuns).toBe(3);
    expect(events.map((e) => e.kind)).toEqual(['retry', 'retry']);
    expect(statements).toEqual(['BEGIN', 'SELECT', 'ROLLBACK', 'BEGIN', 'SELECT', 'INSERT', 'ROLLBACK', 'BEGIN', 'SELECT', 'INSERT', 'COMMIT']);
    expect(store.commits).toBe(1);
  });

  it('reports a COMMIT whose outcome is unknown and never settles the call', async () => {
    const { conn } = scripted({ 3: 'broken' });
    const events: StoreEvent[] = [];
    const store = new PostgresStore(conn, { onEvent: (e) => events.push(e) });
    let settled = false;
    void store.transact((tx) => tx.put('k', 1)).finally(() => (settled = true));
    for (let i = 0; i < 20 && events.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(events.map((e) => e.kind)).toEqual(['commit-unknown']);
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
  });

  it('passes on an exception of the body itself, after rolling back, without retrying', async () => {
    const { conn, statements } = scripted({});
    const store = new PostgresStore(conn, { onEvent: () => undefined });
    await expect(store.transact(() => Promise.reject(new Error('design bug')))).rejects.toThrow('design bug');
    expect(statements).toEqual(['BEGIN', 'ROLLBACK']);
  });
});
