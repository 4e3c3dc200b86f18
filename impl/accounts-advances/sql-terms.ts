/**
 * The predicates and assignments the accounts-advances designs add to the
 * shared SQL vocabulary (impl/sql/sql-session.ts): numeric
 * comparisons, OR, and a lease assignment computed by the database from the
 * row it updates. Each carries the SQL text a trace shows.
 */
import type { Assignment, Predicate } from '../ports/sql.ts';

export function atLeast(column: string, value: number): Predicate {
  return { describe: `${column} >= ${value}`, test: (row) => (row[column] as number) >= value };
}

export function atMost(column: string, value: number): Predicate {
  return { describe: `${column} <= ${value}`, test: (row) => (row[column] as number) <= value };
}

export function lessThan(column: string, value: number): Predicate {
  return { describe: `${column} < ${value}`, test: (row) => (row[column] as number) < value };
}

export function greaterThan(column: string, value: number): Predicate {
  return { describe: `${column} > ${value}`, test: (row) => (row[column] as number) > value };
}

/** Rows whose column is below a string key (keyset paging). */
export function keyBelow(column: string, value: string): Predicate {
  return { describe: `${column} < '${value}'`, test: (row) => (row[column] as string) < value };
}

export function or(...ps: Predicate[]): Predicate {
  return { describe: `(${ps.map((p) => p.describe).join(' OR ')})`, test: (row) => ps.some((p) => p.test(row)) };
}

/** Every row of a table. */
export const ALL: Predicate = { describe: 'TRUE', test: () => true };

/**
 * `state = 'PROCESSING', fence = fence + 1, leaseUntilMs = ..., worker = ...`:
 * the database increments the fencing token on the row it leases, so two
 * leases of one payment never share a token.
 */
export function lease(untilMs: number, worker: string): Assignment {
  return {
    describe: `state = 'PROCESSING', fence = fence + 1, leaseUntilMs = ${untilMs}, worker = '${worker}'`,
    set: (row) => ({ state: 'PROCESSING', fence: (row.fence as number) + 1, leaseUntilMs: untilMs, worker }),
  };
}
