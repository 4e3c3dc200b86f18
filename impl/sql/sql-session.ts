/**
 * One SQL transaction as the sharded-transfer designs write it: BEGIN, the
 * body's statements one round trip each, then COMMIT or ROLLBACK. What the
 * database or the network does to it comes back as a value: committed, the
 * body's own refusal (rolled back), aborted with the database's code
 * (SERIALIZATION_FAILURE, DEADLOCK_DETECTED, UNIQUE_VIOLATION, ...), or
 * unknown when a reply never came (a COMMIT whose reply is lost may have
 * committed). Also the small predicate and assignment builders the designs
 * use, each with the SQL text a trace shows.
 */
import type { RpcOutcome } from '../ports/ports.ts';
import type { Assignment, Predicate, Row, SqlPort, SqlResult, SqlStatement, SqlValue } from '../ports/sql.ts';

export const SQL_TIMEOUT_MS = 1000;

export type TxOutcome<T> =
  | { kind: 'committed'; value: T }
  | { kind: 'refused'; value: T }
  | { kind: 'aborted'; code: string }
  | { kind: 'unknown' };

type Ok = Extract<SqlResult, { kind: 'ok' }>;
/** Runs one statement; a database error or a missing reply ends the transaction. */
export type Run = (statement: SqlStatement) => Promise<Ok>;
/** What a body decides: commit, or roll back and report `value`. */
export type Decision<T> = { commit: boolean; value: T };

class Stop {
  constructor(readonly outcome: TxOutcome<never>) {}
}

export async function inTransaction<T>(sql: SqlPort, body: (run: Run) => Promise<Decision<T>>): Promise<TxOutcome<T>> {
  const begun = await sql.begin(SQL_TIMEOUT_MS);
  if (begun.kind !== 'reply') return { kind: 'unknown' };
  const tx = begun.value.tx;
  const run: Run = async (statement) => {
    const r = await sql.execute(tx, statement, SQL_TIMEOUT_MS);
    return settle(r);
  };
  try {
    const decision = await body(run);
    if (!decision.commit) {
      await sql.execute(tx, { op: 'rollback' }, SQL_TIMEOUT_MS);
      return { kind: 'refused', value: decision.value };
    }
    await run({ op: 'commit' });
    return { kind: 'committed', value: decision.value };
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    // Release the transaction's locks at once. After a missing reply the
    // transaction may still be open (or may have committed, when the COMMIT's
    // reply was lost: then the ROLLBACK finds nothing to do); if the ROLLBACK
    // is lost too, the database's idle timeout ends the transaction.
    await sql.execute(tx, { op: 'rollback' }, SQL_TIMEOUT_MS);
    return e.outcome;
  }
}

function settle(r: RpcOutcome<SqlResult>): Ok {
  if (r.kind !== 'reply') throw new Stop({ kind: 'unknown' });
  const result = r.value;
  if (result.kind === 'ok') return result;
  if (result.kind === 'error') throw new Stop({ kind: 'aborted', code: result.code });
  throw new Error('a blocked statement never reaches the caller');
}

export function eq(column: string, value: SqlValue): Predicate {
  return { describe: `${column} = ${lit(value)}`, test: (row) => row[column] === value };
}

export function and(...ps: Predicate[]): Predicate {
  return { describe: ps.map((p) => p.describe).join(' AND '), test: (row) => ps.every((p) => p.test(row)) };
}

export function inSet(column: string, values: readonly string[]): Predicate {
  return { describe: `${column} IN (${values.map(lit).join(', ')})`, test: (row) => values.includes(row[column] as string) };
}

/** `balance - blocked >= amount`: the money not yet held for other transfers covers the amount. */
export function availableAtLeast(amountMinor: number): Predicate {
  return { describe: `balance - blocked >= ${amountMinor}`, test: (row) => (row.balance as number) - (row.blocked as number) >= amountMinor };
}

/** A SET clause adding `delta` to numeric columns of the row it updates (computed by the database). */
export function addTo(deltas: Readonly<Record<string, number>>): Assignment {
  const describe = Object.entries(deltas).map(([c, d]) => `${c} = ${c} ${d < 0 ? '-' : '+'} ${Math.abs(d)}`).join(', ');
  return { describe, set: (row) => Object.fromEntries(Object.entries(deltas).map(([c, d]) => [c, (row[c] as number) + d])) };
}

/** A SET clause writing fixed values (computed by the application, e.g. from an earlier read). */
export function setValues(values: Readonly<Record<string, SqlValue>>): Assignment {
  return { describe: Object.entries(values).map(([c, v]) => `${c} = ${lit(v)}`).join(', '), set: () => values };
}

export function rowsOf(result: Ok): readonly Row[] {
  return result.rows;
}

const lit = (v: SqlValue): string => (typeof v === 'string' ? `'${v}'` : String(v));
