/**
 * Runs small transactions of reads and writes under a given interleaving and
 * judges the outcome against every serial order of the transactions that
 * committed: a run is serializable when some order reproduces both what each
 * committed transaction observed and the committed table.
 */
import { SqlDatabase } from '../../../../sim/storage/sql/sql-database.ts';
import type { IsolationLevel, SqlResult, TxId } from '../../../../sim/storage/sql/sql-types.ts';

export type Op =
  | { op: 'read'; key: number }
  | { op: 'scanEven' }
  | { op: 'write'; key: number; c: number }
  | { op: 'insert'; key: number; c: number }
  | { op: 'delete'; key: number };

export const INITIAL: ReadonlyArray<[number, number]> = [[1, 1], [2, 2], [3, 3]];

interface Running { id: TxId; pc: number; acc: number; observed: string[]; done: boolean; committed: boolean }

const even = { describe: 'value % 2 = 0', test: (r: Record<string, unknown>) => (r['value'] as number) % 2 === 0 };

function issue(db: SqlDatabase, t: Running, op: Op): SqlResult {
  const value = (c: number) => (t.acc + c) % 10;
  switch (op.op) {
    case 'read': return db.selectByKey(t.id, 'test', op.key);
    case 'scanEven': return db.selectWhere(t.id, 'test', even);
    case 'write': { const v = value(op.c); return db.updateByKey(t.id, 'test', op.key, () => ({ value: v })); }
    case 'insert': return db.insertIfAbsent(t.id, 'test', { id: op.key, value: value(op.c) });
    case 'delete': return db.deleteByKey(t.id, 'test', op.key);
  }
}

/** What an op observed, and what it adds to the transaction's running sum. */
function observe(op: Op, result: { rows: readonly Record<string, unknown>[]; rowCount: number }): [string, number] {
  if (op.op === 'read' || op.op === 'scanEven') {
    const pairs = result.rows.map((r) => [r['id'], r['value']] as [number, number]);
    return [JSON.stringify(pairs), pairs.reduce((sum, [, v]) => sum + v, 0)];
  }
  return [`count ${result.rowCount}`, 0];
}

/** Runs the transactions, taking `schedule` as the order of steps, then round robin to the end. */
export function runInterleaved(level: IsolationLevel, txs: readonly Op[][], schedule: readonly number[]) {
  const db = new SqlDatabase({ level, tables: [{ name: 'test', primaryKey: 'id' }] });
  db.load('test', INITIAL.map(([id, value]) => ({ id, value })));
  const running: Running[] = txs.map(() => ({ id: db.begin(), pc: 0, acc: 0, observed: [], done: false, committed: false }));
  const step = (i: number): boolean => {
    const t = running[i]!;
    if (t.done) return false;
    let result: SqlResult;
    if (db.waitingFor(t.id) !== null) {
      if (!db.runnable().includes(t.id)) return false;
      result = db.resume(t.id);
    } else if (t.pc < txs[i]!.length) result = issue(db, t, txs[i]![t.pc]!);
    else {
      t.done = true;
      t.committed = db.commit(t.id).kind === 'ok';
      return true;
    }
    if (result.kind === 'blocked') return true;
    if (result.kind === 'error') {
      db.rollback(t.id);
      t.done = true;
      return true;
    }
    const [seen, add] = observe(txs[i]![t.pc]!, result);
    t.observed.push(seen);
    t.acc += add;
    t.pc++;
    return true;
  };
  for (const i of schedule) step(i % txs.length);
  for (let progress = true; progress; ) {
    progress = false;
    for (let i = 0; i < txs.length; i++) progress = step(i) || progress;
  }
  if (running.some((t) => !t.done)) throw new Error('transactions left blocked with nothing to wait for');
  return { db, running };
}

function serialRun(txs: readonly Op[][], order: readonly number[]): { observed: string[][]; table: string } {
  const table = new Map<number, number>(INITIAL);
  const observed = order.map((i) => {
    let acc = 0;
    return txs[i]!.map((op) => {
      const v = (c: number) => (acc + c) % 10;
      if (op.op === 'read' || op.op === 'scanEven') {
        const pairs = [...table].filter(([id, value]) => (op.op === 'read' ? id === op.key : value % 2 === 0)).sort((a, b) => a[0] - b[0]);
        acc += pairs.reduce((sum, [, value]) => sum + value, 0);
        return JSON.stringify(pairs);
      }
      const present = table.has(op.key);
      if (op.op === 'write' && present) table.set(op.key, v(op.c));
      if (op.op === 'insert' && !present) table.set(op.key, v(op.c));
      if (op.op === 'delete') table.delete(op.key);
      return `count ${(op.op === 'insert') !== present ? 1 : 0}`;
    });
  });
  return { observed, table: JSON.stringify([...table].sort((a, b) => a[0] - b[0])) };
}

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/** Whether some serial order of the committed transactions explains the run. */
export function isSerializable(txs: readonly Op[][], run: ReturnType<typeof runInterleaved>): boolean {
  const committedIdx = run.running.flatMap((t, i) => (t.committed ? [i] : []));
  const table = JSON.stringify(run.db.committedRows('test').map((r) => [r['id'], r['value']]));
  return permutations(committedIdx).some((order) => {
    const serial = serialRun(txs, order);
    return serial.table === table && order.every((i, k) => JSON.stringify(serial.observed[k]) === JSON.stringify(run.running[i]!.observed));
  });
}
