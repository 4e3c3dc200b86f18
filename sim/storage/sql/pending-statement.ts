/**
 * A statement that is waiting for a row lock, kept by the engine so that
 * resuming it continues where it stopped.
 *
 * Keeping the statement (rather than asking the client to send it again) is
 * what lets the engine reproduce Postgres' behaviour after a lock wait: the
 * statement keeps the snapshot it started with and the list of rows that
 * matched then, and re-checks only the newest version of the row it waited
 * for (EvalPlanQual at read committed; a serialization failure at the higher
 * levels). Re-sending the statement would take a new snapshot and could match
 * rows the original statement never saw.
 */
import type { Predicate, Row, RowKey, SetClause } from './sql-types.ts';

export type ScanAction =
  | { readonly kind: 'lock' }
  | { readonly kind: 'update'; readonly set: SetClause }
  | { readonly kind: 'delete' };

/** An UPDATE, DELETE or SELECT ... FOR UPDATE over the rows that matched at its start. */
export interface PendingScan {
  readonly kind: 'scan';
  readonly table: string;
  readonly where: Predicate;
  readonly action: ScanAction;
  readonly snapshot: number;
  readonly candidates: readonly RowKey[];
  index: number;
  readonly rows: Row[];
}

/** An INSERT waiting for the transaction that holds a conflicting key to end. */
export interface PendingInsert {
  readonly kind: 'insert';
  readonly table: string;
  readonly row: Row;
  /** INSERT ... ON CONFLICT DO NOTHING rather than a plain INSERT. */
  readonly ifAbsent: boolean;
}

export type PendingStatement = PendingScan | PendingInsert;
