/**
 * The state of the sharded-transfer models (seed 000), shared by naive and
 * reference so that the two designs are judged on the same variables.
 *
 * Two accounts: the donor (account 0, owned by node 0) and the receiver
 * (account 1, owned by node 1). Transfer t moves AMOUNT from the donor to the
 * receiver; with WITHDRAWAL the last transfer instead pays AMOUNT to an
 * external payee through the withdrawal stub. The database's accounts table
 * is not stored: every balance and blocked amount is derived from how often
 * each transfer's statements ran (`credits`, `commits`, `releases`) and from
 * whether its row exists, so a statement that runs twice shows in the money.
 */
import { array, bool, int, labels, oneOf, type StateOf } from '../checker/shape.ts';

/** Every transfer moves this many minor units. */
export const AMOUNT = 5;

/** The incoming request on the donor's node: not yet handled, its balance read done (transaction open), or handled. */
export const Req = labels('new', 'checked', 'closed');
/** The transfer row in the database (stage 0 blocked, stage 1 credited or failed, stage 2 committed or released). */
export const Row = labels('none', 'blocked', 'submitting', 'credited', 'failed', 'committed', 'released', 'parked');
/** What the donor's node remembers about the transfer in memory (lost on a crash). */
export const Watch = labels('none', 'await', 'submitted', 'retryCommit', 'retryRelease', 'send');
/** The withdrawal stub's record for the withdrawal id (none: never seen, or forgotten by a restart). */
export const Stub = labels('none', 'processing', 'completed', 'failed');

export interface Bounds {
  readonly n: number;
  /** The donor's opening balance, in transfers' worth. */
  readonly funds: number;
  /** The block is one conditional UPDATE; otherwise a read, a check in the node, then the UPDATE. */
  readonly atomic: boolean;
  /** Scope 1 runs at serializable (first updater wins); otherwise at read committed. */
  readonly serializable: boolean;
  readonly crashes: number;
  readonly duplicates: number;
  readonly losses: number;
  readonly restarts: number;
  /** The last transfer is a withdrawal to an external payee. */
  readonly withdrawal: boolean;
}

export function shardedShape(b: Bounds) {
  const n = b.n;
  // A delivery can be duplicated only while one is queued, so each transfer is credited at most 1 + DUPLICATES times.
  const deliveries = int(0, 1 + b.duplicates);
  return {
    req: array(n, oneOf(Req)),
    /** Serializable only: another transaction wrote the donor's row since this request read it. */
    stale: array(n, bool()),
    row: array(n, oneOf(Row)),
    /** Deliveries of the row queued in the receiver's node memory (lost on a crash). */
    inbox: array(n, deliveries),
    watch: array(n, oneOf(Watch)),
    credits: array(n, deliveries),
    commits: array(n, int(0, 2)),
    releases: array(n, int(0, 2)),
    stub: array(n, oneOf(Stub)),
    /** The payee's own books: how many times the withdrawal was paid out. */
    paid: array(n, int(0, 2)),
    crashes: int(0, b.crashes),
    duplicates: int(0, b.duplicates),
    losses: int(0, b.losses),
    restarts: int(0, b.restarts),
  };
}

export type ShardedShape = ReturnType<typeof shardedShape>;
export type ShardedState = StateOf<ShardedShape>;

export const isWithdrawal = (b: Bounds, t: number): boolean => b.withdrawal && t === b.n - 1;

/** The donor's block for t is in place and was neither committed nor released. */
export const outstanding = (s: ShardedState, t: number): boolean => s.row[t] !== Row.none && s.commits[t]! + s.releases[t]! === 0;

/** t's money has reached its receiver: credited to the receiver's account or paid to the payee. */
export const delivered = (s: ShardedState, t: number): boolean => s.credits[t]! > 0 || s.paid[t]! > 0;

/** A transfer is over: settled by stage 2, parked for reconciliation, or refused (no row). */
export const terminal = (s: ShardedState, t: number): boolean => {
  const r = s.row[t];
  return r === Row.committed || r === Row.released || r === Row.parked || (r === Row.none && s.req[t] === Req.closed);
};
