/**
 * What a model can say: choose() inside an action (several successors, an
 * empty choice as a false guard) and in init (several initial states), more
 * than three parameters, records nested in arrays, sets of records, queues
 * of records, --no-deadlock, and symmetry reduction that keeps exactly one
 * state per permutation class (checked against the classes of the full
 * search on random small models).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choose } from '../../model/checker/choice.ts';
import { actionsOf, erase, range, type ModelDef, type ModelSpec } from '../../model/checker/define.ts';
import { array, boolean, ids, int, labels, oneOf, queue, record, setOf, type Shape } from '../../model/checker/shape.ts';
import { bfs } from '../../model/checker/bfs.ts';
import { compile } from '../../model/checker/compile.ts';
import { buildSymmetry } from '../../model/checker/symmetry.ts';
import { checkModel } from './run-model.ts';
import { testSeed } from './seed.ts';

function def(build: () => ModelSpec<Shape>, id = 'test/model'): ModelDef {
  return { id, description: '', constants: [], build };
}

function distinct(d: ModelDef, opts: Parameters<typeof checkModel>[2] = {}): number {
  const r = checkModel(d, [], opts);
  if (r.kind === 'model-error') throw new Error(r.message);
  return r.stats.distinctStates;
}

describe('choose()', () => {
  const counter = (init: (s: { x: number }) => void | boolean) =>
    def(() => {
      const shape = { x: int(0, 9) };
      const act = actionsOf(shape);
      return erase({
        shape,
        init,
        actions: [
          act('Add', {}, (s) => {
            const d = choose([1, 2, 3], 'd');
            if (s.x + d > 9) return false;
            s.x += d;
            return true;
          }),
        ],
        terminal: () => true,
      });
    });

  it('gives an action one successor per option, and a false guard per option that does not fit', () => {
    const r = checkModel(counter(() => {}), []);
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.stats.distinctStates).toBe(10);
    // From x, Add reaches x+1, x+2, x+3 while they fit: 3 * 7 + 2 + 1 successors, plus the initial state.
    expect(r.stats.generatedStates).toBe(1 + 3 * 7 + 2 + 1);
  });

  it('gives init several initial states, and drops the combinations where it returns false', () => {
    const r = checkModel(
      counter((s) => {
        s.x = choose([7, 8, 9, 5]);
        return s.x !== 5;
      }),
      [],
    );
    expect(r.kind === 'ok' && r.stats.initialStates).toBe(3);
    expect(r.kind === 'ok' && r.stats.distinctStates).toBe(3);
  });

  it('treats choose([]) as a false guard and labels the trace with the choices made', () => {
    const d = def(() => {
      const shape = { x: int(0, 5), seen: setOf(int(0, 5)) };
      const act = actionsOf(shape);
      return erase({
        shape,
        init: () => {},
        actions: [
          act('Pick', {}, (s) => {
            const v = choose(range(6).filter((k) => !s.seen.has(k) && k > s.x), 'v');
            s.seen.add(v);
            s.x = v;
            return true;
          }),
        ],
        invariants: [{ name: 'Small', description: '', holds: (s) => s.x < 5 }],
        terminal: () => true,
      });
    });
    const r = checkModel(d, []);
    expect(r.kind).toBe('violation');
    if (r.kind !== 'violation') return;
    expect(r.violation.trace.map((s) => s.action)).toEqual([null, 'Pick(v=5)']);
    expect(r.violation.trace[1]!.state).toEqual({ x: 5, seen: { '#set': [5] } });
  });
});

describe('shapes', () => {
  it('takes more than three parameters', () => {
    const d = def(() => {
      const shape = { sum: int(0, 5) };
      const act = actionsOf(shape);
      return erase({
        shape,
        init: () => {},
        actions: [
          act('Set', { a: [0, 1], b: [0, 1], c: [0, 1], d: [0, 1], e: [0, 1] }, (s, a, b, c, dd, e) => {
            if (s.sum !== 0) return false;
            s.sum = a! + b! + c! + dd! + e!;
            return s.sum !== 0;
          }),
        ],
        terminal: () => true,
      });
    });
    expect(distinct(d)).toBe(6);
  });

  it('reads and writes records in arrays, queues of records and sets of records', () => {
    const Kind = labels('debit', 'credit');
    const Msg = record({ kind: oneOf(Kind), amount: int(1, 2) });
    const d = def(() => {
      const shape = { acct: array(2, record({ balance: int(0, 4), open: boolean() })), inbox: queue(2, Msg), sent: setOf(Msg) };
      const act = actionsOf(shape);
      return erase({
        shape,
        init: (s) => {
          s.acct[0]!.balance = 4;
          s.acct[0]!.open = true;
        },
        actions: [
          act('Send', {}, (s) => {
            const m = { kind: choose([Kind.debit, Kind.credit]), amount: choose([1, 2]) };
            if (s.sent.has(m) || s.inbox.length === s.inbox.capacity) return false;
            s.sent.add(m);
            s.inbox.push(m);
            return true;
          }),
          act('Apply', {}, (s) => {
            if (s.inbox.length === 0) return false;
            const m = s.inbox.shift() as { kind: number; amount: number };
            if (m.kind === Kind.debit) s.acct[0]!.balance -= m.amount;
            else s.acct[1]!.balance += m.amount;
            s.acct[1]!.open = true;
            return true;
          }),
        ],
        invariants: [{ name: 'Conserved', description: '', holds: (s) => s.acct[0]!.balance >= 0 }],
        terminal: () => true,
      });
    });
    const r = checkModel(d, []);
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.stats.distinctStates).toBeGreaterThan(20);
  });

  it('reports a state without successors as a deadlock unless told not to', () => {
    const d = def(() => {
      const shape = { x: int(0, 2) };
      const act = actionsOf(shape);
      return erase({ shape, init: () => {}, actions: [act('Up', {}, (s) => (s.x < 2 ? ((s.x += 1), true) : false))] });
    });
    const r = checkModel(d, []);
    expect(r.kind === 'violation' && r.violation.kind).toBe('deadlock');
    expect(checkModel(d, [], { checkDeadlock: false }).kind).toBe('ok');
  });
});

describe('symmetry', () => {
  /** N interchangeable ids each move through three steps, with a shared counter and a set of finished ids. */
  const tokens = (n: number, moves: readonly (readonly [number, number])[]) =>
    def(() => {
      const P = ids('p', n);
      const St = labels('a', 'b', 'c');
      const shape = { st: array(P, oneOf(St)), owner: oneOf(P), done: setOf(P), count: int(0, 3 * n) };
      const act = actionsOf(shape);
      return erase({
        shape,
        init: (s) => {
          s.owner = choose(P.all);
        },
        actions: [
          act('Move', { p: P, k: range(moves.length) }, (s, p, k) => {
            const [from, to] = moves[k]!;
            if (s.st[p] !== from || s.count >= 3 * n) return false;
            s.st[p] = to;
            s.count += 1;
            if (to === St.c) s.done.add(p);
            else s.done.delete(p);
            return true;
          }),
          act('Take', { p: P }, (s, p) => {
            if (s.owner === p || s.st[p] !== St.b) return false;
            s.owner = p;
            return true;
          }),
        ],
        terminal: () => true,
      });
    });

  it('keeps one state per permutation class', () => {
    const seed = testSeed('symmetry');
    const move = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.array(move, { minLength: 1, maxLength: 4 }), (n, moves) => {
        const d = tokens(n, moves);
        const reduced = checkModel(d, [], { symmetry: true });
        const full = checkModel(d, [], { symmetry: false });
        if (reduced.kind !== 'ok' || full.kind !== 'ok') throw new Error(`unexpected ${reduced.kind} / ${full.kind}`);
        // The classes of the full search, counted directly: the reduced search must find exactly these.
        const model = compile(d.build({}), { guardArrays: true, symmetry: false });
        const graph = bfs(model, { invariants: [], checkDeadlock: false, recordEdges: false, maxStates: 1e6, checkLeaks: true }).graph;
        const sym = buildSymmetry(model.layout)!;
        const classes = new Set<string>();
        for (let i = 0; i < graph.count; i++) {
          const w = graph.store.slice(i * graph.words, (i + 1) * graph.words);
          sym.canonicalize(w, 0);
          classes.add(w.join(','));
        }
        expect(full.stats.distinctStates).toBe(graph.count);
        expect(reduced.stats.distinctStates).toBe(classes.size);
        expect(reduced.stats.depth).toBe(full.stats.depth);
      }),
      { seed, numRuns: 40 },
    );
  });

  it('counts classes exactly on a model whose classes are known', () => {
    // Three ids, each independently in one of three steps: 27 states, 10 classes (multisets of size 3 over 3 values).
    const d = def(() => {
      const P = ids('p', 3);
      const shape = { st: array(P, int(0, 2)) };
      const act = actionsOf(shape);
      return erase({ shape, init: () => {}, actions: [act('Step', { p: P }, (s, p) => (s.st[p]! < 2 ? ((s.st[p]! += 1), true) : false))], terminal: () => true });
    });
    expect(distinct(d, { symmetry: false })).toBe(27);
    expect(distinct(d)).toBe(10);
  });
});
