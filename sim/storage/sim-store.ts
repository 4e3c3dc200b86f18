/**
 * A process's durable, transactional key-value store in virtual time.
 *
 * A transaction takes two events. The first, after the write latency, runs
 * the body and commits its writes; a crash before it leaves nothing. The
 * second, at the same instant, hands the result back to the caller; a crash
 * between the two models "committed, but the process died before it could act
 * on the commit". Transactions run one at a time per store, in event order,
 * which makes them serializable.
 */
import type { Json, Store, StoreView, Tx } from '../../impl/ports/ports.ts';
import { intBetween } from '../choice/choice-source.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';

export interface StoreOptions {
  /** Bounds of the commit latency, drawn per transaction. */
  writeLatencyMsMin: number;
  writeLatencyMsMax: number;
}

export class SimStore implements StoreView {
  private readonly committed = new Map<string, Json>();
  commits = 0;

  constructor(
    private readonly sim: Simulator,
    private readonly proc: SimProcess,
    private readonly options: StoreOptions,
  ) {}

  get(key: string): Json | undefined {
    return this.committed.get(key);
  }

  scan(prefix: string): Array<[string, Json]> {
    const out: Array<[string, Json]> = [];
    for (const [k, v] of this.committed) if (k.startsWith(prefix)) out.push([k, v]);
    return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  /** The port handed to the process's current incarnation. */
  port(): Store {
    return { transact: (body) => this.transact(body) };
  }

  private transact<T>(body: (tx: Tx) => Promise<T> | T): Promise<T> {
    const { sim, proc } = this;
    const latency = intBetween(sim.choice, 'store', this.options.writeLatencyMsMin, this.options.writeLatencyMsMax);
    return new Promise<T>((resolve, reject) => {
      const incarnation = proc.incarnation;
      sim.schedule(latency, proc, 'store commit', null, () => {
        const tx = new BufferedTx(this.committed);
        Promise.resolve()
          .then(() => body(tx))
          .then(
            (result) => {
              // The body may only await its own reads, so it settles within this drain.
              if (!proc.isAlive(incarnation)) return;
              tx.applyTo(this.committed);
              this.commits++;
              sim.trace.record(sim.steps, sim.now, 'store', proc.name, '', `commit ${tx.describe()}`);
              // The acknowledgement says whether the transaction wrote, so a scenario can crash a
              // design right after its first durable write, whatever else it reads first.
              const method = tx.wrote ? 'write' : 'read';
              sim.schedule(0, proc, 'store ack', null, () => resolve(result), { phase: 'store', method }, incarnation);
            },
            (err: unknown) => {
              if (proc.isAlive(incarnation)) reject(err);
            },
          );
      }, { phase: 'store', method: 'commit' });
    });
  }
}

/** Reads committed data overlaid with this transaction's own writes. */
class BufferedTx implements Tx {
  private readonly writes = new Map<string, Json | undefined>();

  constructor(private readonly base: ReadonlyMap<string, Json>) {}

  get(key: string): Promise<Json | undefined> {
    return Promise.resolve(this.writes.has(key) ? this.writes.get(key) : this.base.get(key));
  }

  put(key: string, value: Json): void {
    // Stored values are copied and frozen: neither the writer's later mutation nor a
    // reader's can alter committed data, just as with a real database.
    this.writes.set(key, frozenCopy(value));
  }

  delete(key: string): void {
    this.writes.set(key, undefined);
  }

  scan(prefix: string): Promise<Array<[string, Json]>> {
    const merged = new Map<string, Json>();
    for (const [k, v] of this.base) if (k.startsWith(prefix)) merged.set(k, v);
    for (const [k, v] of this.writes) {
      if (!k.startsWith(prefix)) continue;
      if (v === undefined) merged.delete(k);
      else merged.set(k, v);
    }
    const out = [...merged.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return Promise.resolve(out);
  }

  get wrote(): boolean {
    return this.writes.size > 0;
  }

  applyTo(target: Map<string, Json>): void {
    for (const [k, v] of this.writes) {
      if (v === undefined) target.delete(k);
      else target.set(k, v);
    }
  }

  describe(): string {
    return [...this.writes.keys()].sort().join(',') || '(read-only)';
  }
}

/** A deep, frozen copy of a JSON value (one pass; cheaper than cloning, then freezing). */
function frozenCopy(value: Json): Json {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy)) as Json[];
  const out: { [key: string]: Json } = {};
  for (const key in value) out[key] = frozenCopy(value[key]!);
  return Object.freeze(out);
}
