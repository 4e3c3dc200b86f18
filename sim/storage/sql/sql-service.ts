/**
 * The simulated database as a process that others reach over the simulated
 * network: every statement is one request and one reply, so the statements
 * of concurrent transactions arrive as separate events and their
 * interleaving is whatever order the network and the kernel's schedule
 * choices give them. Explorers therefore enumerate interleavings of
 * statements, not only of whole transactions.
 *
 * A statement that waits for a row lock is parked in the engine and its
 * reply is held back until the lock holder ends (its COMMIT or ROLLBACK, or
 * its abort as a deadlock victim, wakes every parked statement that can go
 * on) or until the lock timeout, which is a timer of the database process.
 * A database restart (`restart`) rolls back every open transaction; their
 * parked statements never answer, like a dropped connection.
 *
 * Faults, each a fault choice per statement: a slow statement (its reply
 * comes up to `slowStatementMsMax` later), a dropped connection (the
 * transaction is rolled back and the statement never answers: the caller
 * times out), and a COMMIT whose reply is lost (committed, outcome unknown
 * to the caller).
 *
 * The database process is marked crashable so that requests resume code in
 * it and the kernel drains microtasks after them; only a world that lists it
 * among its crashable processes ever crashes it.
 */
import type { Json } from '../../../impl/ports/ports.ts';
import type { IsolationLevel, SqlResult, SqlStatement, TxId } from '../../../impl/ports/sql.ts';
import { chance, intBetween } from '../../choice/choice-source.ts';
import type { Simulator } from '../../kernel/simulator.ts';
import type { SimProcess } from '../../kernel/sim-process.ts';
import type { Network, ServiceResponse } from '../../net/network.ts';
import type { SqlDatabase } from './sql-database.ts';
import { OpenSessions } from './open-sessions.ts';
import { executeStatement, toSql } from './sql-statement.ts';

export interface SqlServiceOptions {
  /** Postgres' lock_timeout in virtual ms, checked by a timer of the database process; null waits forever. */
  lockTimeoutMs: number | null;
  /** Per statement: its reply comes up to `slowStatementMsMax` later. */
  slowStatementProbability?: number;
  slowStatementMsMax?: number;
  /** Per statement of an open transaction: the connection drops, the transaction rolls back, no reply. */
  connectionDropProbability?: number;
  /** Per COMMIT: it commits, but its reply is lost. */
  lostCommitReplyProbability?: number;
  /**
   * Postgres' idle_in_transaction_session_timeout in virtual ms: a transaction
   * that has sent no statement for this long is rolled back, releasing its
   * locks (a client that lost a reply and gave up never ends it otherwise).
   * Checked whenever a statement arrives; absent or null: never.
   */
  idleInTransactionTimeoutMs?: number | null;
}

type Resolve = (response: ServiceResponse) => void;

export class SqlService {
  /** Statements parked on a row lock, by transaction, with the reply they owe. */
  private readonly parked = new Map<TxId, Resolve>();
  /** Who opened each transaction and when it last spoke, to end the transactions of the dead and the idle. */
  private readonly sessions = new OpenSessions();
  /** Statements executed and faults fired, for coverage. */
  readonly counts = { statements: 0, slow: 0, connectionDrops: 0, lostCommitReplies: 0, restarts: 0 };

  constructor(
    private readonly sim: Simulator,
    readonly proc: SimProcess,
    readonly db: SqlDatabase,
    public options: SqlServiceOptions,
  ) {}

  /** Registers the database on the network under `name`. */
  register(net: Network, name: string): void {
    net.register(name, this.proc, (method, body, from) => this.handle(method, body, from));
  }

  /**
   * A client process died: like Postgres noticing the closed connection, the
   * database rolls back every transaction that process had open, releasing
   * its locks; its parked statements never answer.
   */
  disconnect(processName: string): void {
    const ended = this.sessions.takeOwnedBy(processName);
    for (const tx of ended) {
      this.parked.delete(tx);
      this.db.rollback(tx);
    }
    if (ended.length === 0) return;
    this.note(`${processName} disconnected: ${ended.length} open transaction(s) rolled back`);
    this.wakeParked();
  }

  /** Rolls back every open transaction; committed data stays. Parked statements never answer. */
  restart(): void {
    this.counts.restarts++;
    this.parked.clear();
    this.db.restart();
  }

  private handle(method: string, body: Json, from: string): ServiceResponse | Promise<ServiceResponse> {
    this.db.setTime(this.sim.now);
    if (method === 'begin') {
      const level = (body as { level?: IsolationLevel } | null)?.level;
      this.endIdle();
      const tx = this.db.begin(level ?? undefined);
      this.sessions.begun(tx, from, this.sim.now, (t) => this.db.isOpen(t));
      this.note(`BEGIN${level === undefined ? '' : ` ISOLATION LEVEL ${level.toUpperCase().replace('-', ' ')}`} -- tx ${tx}`);
      return reply({ tx });
    }
    if (method === 'query') return this.query((body as unknown as { statement: SqlStatement }).statement);
    const { tx, statement } = body as unknown as { tx: TxId; statement: SqlStatement };
    this.counts.statements++;
    this.endIdle();
    this.sessions.touched(tx, this.sim.now);
    const o = this.options;
    if (chance(this.sim.choice, 'db.drop', o.connectionDropProbability ?? 0)) {
      this.counts.connectionDrops++;
      this.note(`tx ${tx}: connection dropped, rolled back`);
      this.db.rollback(tx);
      this.wakeParked();
      return { reply: { kind: 'error', code: 'UNAVAILABLE' }, dropReply: true };
    }
    if (this.parked.has(tx)) return this.cancel(tx, statement);
    this.note(`tx ${tx}: ${toSql(statement, (t) => this.db.primaryKey(t))}`);
    const result = executeStatement(this.db, tx, statement);
    if (result.kind !== 'blocked') {
      this.wakeParked();
      return this.withFaults(statement, result);
    }
    return new Promise<ServiceResponse>((resolve) => {
      this.parked.set(tx, resolve);
      const timeout = this.options.lockTimeoutMs;
      if (timeout !== null) this.sim.schedule(timeout, this.proc, 'lock timeout', null, () => this.resume(tx), { phase: 'timer' });
    });
  }

  /**
   * An autocommit read: a transaction of its own at the database's level,
   * begun, read and committed in one step. Reads never wait for locks, so
   * it always answers at once; a write outside BEGIN is refused here (the
   * designs write only inside transactions, where waits and aborts are
   * visible).
   */
  private query(statement: SqlStatement): ServiceResponse {
    this.counts.statements++;
    if (statement.op !== 'select' && statement.op !== 'selectWhere') {
      return reply({ kind: 'error', code: 'NO_TRANSACTION', message: `only SELECT runs outside a transaction here, got ${statement.op}` });
    }
    const tx = this.db.begin();
    const result = executeStatement(this.db, tx, statement);
    // A read-only transaction ends the same either way; ending it without a commit leaves the commit count to writers.
    this.db.rollback(tx);
    this.note(`${toSql(statement, (t) => this.db.primaryKey(t))} -- autocommit`);
    return this.withFaults(statement, result);
  }

  /**
   * A statement for a transaction whose earlier statement still waits for a
   * lock: the caller gave up on that one (it timed out), so, like a client
   * that cancels, the transaction is rolled back and the waiting statement
   * never answers. A ROLLBACK then succeeds; anything else finds no
   * transaction.
   */
  private cancel(tx: TxId, statement: SqlStatement): ServiceResponse {
    this.parked.delete(tx);
    this.note(`tx ${tx}: cancelled while waiting for a lock, rolled back`);
    this.db.rollback(tx);
    this.wakeParked();
    return reply(statement.op === 'rollback' ? { kind: 'ok', rows: [], rowCount: 0 } : { kind: 'error', code: 'NO_TRANSACTION', message: `transaction ${tx} was cancelled while waiting for a lock` });
  }

  /** The reply of a finished statement, slow or lost as the faults decide. */
  private withFaults(statement: SqlStatement, result: SqlResult): ServiceResponse {
    const response = reply(result);
    const o = this.options;
    if (statement.op === 'commit' && result.kind === 'ok' && chance(this.sim.choice, 'db.lostCommit', o.lostCommitReplyProbability ?? 0)) {
      this.counts.lostCommitReplies++;
      response.dropReply = true;
    }
    if (chance(this.sim.choice, 'db.slow', o.slowStatementProbability ?? 0)) {
      this.counts.slow++;
      response.extraLatencyMs = intBetween(this.sim.choice, 'db.slow', 1, o.slowStatementMsMax ?? 0);
    }
    return response;
  }

  /** Continues every parked statement whose blocker has ended. */
  private wakeParked(): void {
    for (const tx of this.db.runnable()) this.resume(tx);
  }

  private resume(tx: TxId): void {
    const resolve = this.parked.get(tx);
    if (resolve === undefined || this.db.waitingFor(tx) === null) return;
    this.db.setTime(this.sim.now);
    const result = this.db.resume(tx);
    if (result.kind === 'blocked') return;
    this.parked.delete(tx);
    this.note(`tx ${tx}: lock wait over: ${result.kind === 'ok' ? `${result.rowCount} row(s)` : result.code}`);
    this.sim.noteWake();
    resolve(reply(result));
    // An abort (deadlock, timeout) releases locks that others may be waiting for.
    if (result.kind === 'error') this.wakeParked();
  }

  /** Rolls back open transactions idle past the idle-in-transaction timeout (not those waiting for a lock). */
  private endIdle(): void {
    const limit = this.options.idleInTransactionTimeoutMs;
    if (limit === undefined || limit === null) return;
    let ended = 0;
    for (const [tx, idleMs] of this.sessions.takeIdle(this.sim.now, limit, (t) => this.parked.has(t))) {
      if (!this.db.isOpen(tx)) continue;
      this.db.rollback(tx);
      this.note(`tx ${tx}: idle in transaction for ${idleMs} ms, rolled back`);
      ended++;
    }
    if (ended > 0) this.wakeParked();
  }

  private note(text: string): void {
    this.sim.trace.record(this.sim.steps, this.sim.now, 'store', this.proc.name, '', text);
  }
}

function reply(value: SqlResult | { tx: TxId }): ServiceResponse {
  return { reply: { kind: 'reply', value: value as unknown as Json } };
}
