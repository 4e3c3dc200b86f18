/**
 * What the sharded-transfer designs share outside the protocol: the
 * withdrawal stub and the faults that are not about one design's code.
 *
 * The stub is idempotent by withdrawal id while it remembers: a submission it
 * knows changes nothing. It completes asynchronously (pays the payee, then
 * answers completed) or fails. A restart forgets every record: a processing
 * withdrawal is dropped unpaid, and a status query for any forgotten id then
 * answers unknown, whether or not the payee was paid (the seed's gray area).
 *
 * A node crash loses its memory and its open transaction: on the donor's
 * node the requests not yet blocked (refused to the client) and whatever it
 * tracked; on the receiver's node the deliveries it had queued. The node
 * restarts at once and resumes polling; committed rows are untouched.
 */
import type { ActionDef, action } from '../checker/define.ts';
import { Req, Stub, Watch, type Bounds, type ShardedShape, type ShardedState } from './shape.ts';

type Act = typeof action<ShardedShape>;
type Def = ActionDef<ShardedShape>;

/** Submits withdrawal t to the stub: a new record, unless it still remembers the id. */
export function submit(s: ShardedState, t: number): void {
  if (s.stub[t] === Stub.none) s.stub[t] = Stub.processing;
}

export function stubActions(act: Act, T: number[], b: Bounds): Def[] {
  const stub = { actor: 'WithdrawalStub', target: 'Payee' };
  return [
    act('StubComplete', { t: T }, (s, t) => {
      if (s.stub[t] !== Stub.processing) return false;
      s.stub[t] = Stub.completed;
      s.paid[t]! += 1;
      return true;
    }, stub),
    act('StubFail', { t: T }, (s, t) => {
      if (s.stub[t] !== Stub.processing) return false;
      s.stub[t] = Stub.failed;
      return true;
    }, { actor: 'WithdrawalStub' }),
    act('StubRestart', {}, (s) => {
      if (s.restarts >= b.restarts) return false;
      let known = false;
      for (let t = 0; t < b.n; t++) if (s.stub[t] !== Stub.none) known = true;
      if (!known) return false;
      s.restarts += 1;
      for (let t = 0; t < b.n; t++) s.stub[t] = Stub.none;
      return true;
    }, { actor: 'WithdrawalStub' }),
  ];
}

const holdsMemory = (s: ShardedState, node: number, n: number): boolean => {
  for (let t = 0; t < n; t++) {
    if (node === 0 && (s.req[t] !== Req.closed || s.watch[t] !== Watch.none)) return true;
    if (node === 1 && s.inbox[t] !== 0) return true;
  }
  return false;
};

export function crashAction(act: Act, b: Bounds): Def {
  return act('Crash', { node: [0, 1] }, (s, node) => {
    if (s.crashes >= b.crashes || !holdsMemory(s, node, b.n)) return false;
    s.crashes += 1;
    for (let t = 0; t < b.n; t++) {
      if (node === 0) {
        s.req[t] = Req.closed;
        s.stale[t] = 0;
        s.watch[t] = Watch.none;
      } else {
        s.inbox[t] = 0;
      }
    }
    return true;
  }, { actor: 'Faults' });
}
