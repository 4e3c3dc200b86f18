/**
 * Hermitage's PostgreSQL test cases (ept/hermitage, postgres.md) as scripts
 * over test(id, value) = (1,10), (2,20), one script per case and level.
 *
 * Each case states, per level, whether Postgres lets the anomaly happen
 * ('allowed') or not ('prevented'), and every step states what Postgres
 * returns for it there: which statement blocks on whom, which rows a read
 * shows, which statement or COMMIT fails with which error.
 */
import type { IsolationLevel } from '../../../../sim/storage/sql/sql-types.ts';
import { step as s, where, type Step } from './hermitage-script.ts';

export type Verdict = 'prevented' | 'allowed';

export interface HermitageCase {
  readonly name: string;
  readonly verdict: (level: IsolationLevel) => Verdict;
  readonly steps: (level: IsolationLevel) => Step[];
  /** The committed table when the script ends. */
  readonly final: (level: IsolationLevel) => Array<[number, number]>;
}

const RC = (level: IsolationLevel): boolean => level === 'read-committed';
const SER = (level: IsolationLevel): boolean => level === 'serializable';
const SF = { error: 'SERIALIZATION_FAILURE' } as const;
const BOTH: Array<[number, number]> = [[1, 10], [2, 20]];
const idIn12 = where('id in (1, 2)', (r) => r['id'] === 1 || r['id'] === 2);
const div3 = where('value % 3 = 0', (r) => (r['value'] as number) % 3 === 0);
const div5 = where('value % 5 = 0', (r) => (r['value'] as number) % 5 === 0);
const is = (v: number) => where(`value = ${v}`, (r) => r['value'] === v);
const always = (v: Verdict) => () => v;
const rcOnly = (level: IsolationLevel): Verdict => (RC(level) ? 'allowed' : 'prevented');
const belowSer = (level: IsolationLevel): Verdict => (SER(level) ? 'prevented' : 'allowed');

export const HERMITAGE_CASES: readonly HermitageCase[] = [
  {
    name: 'G0 write cycles',
    verdict: always('prevented'),
    steps: (l) => [
      s.set('T1', 1, 11, { count: 1 }), s.set('T2', 1, 12, { blockedBy: 'T1' }), s.set('T1', 2, 21, { count: 1 }), s.commit('T1'),
      ...(RC(l)
        ? [s.resume('T2', { count: 1 }), s.set('T2', 2, 22, { count: 1 }), s.commit('T2')]
        : [s.resume('T2', SF), s.rollback('T2')]),
    ],
    final: (l) => (RC(l) ? [[1, 12], [2, 22]] : [[1, 11], [2, 21]]),
  },
  {
    name: 'G1a aborted reads',
    verdict: always('prevented'),
    steps: () => [s.set('T1', 1, 101, { count: 1 }), s.selectAll('T2', { rows: BOTH }), s.rollback('T1'), s.selectAll('T2', { rows: BOTH }), s.commit('T2')],
    final: () => BOTH,
  },
  {
    name: 'G1b intermediate reads',
    verdict: always('prevented'),
    steps: (l) => [
      s.set('T1', 1, 101, { count: 1 }), s.selectAll('T2', { rows: BOTH }), s.set('T1', 1, 11, { count: 1 }), s.commit('T1'),
      s.selectAll('T2', { rows: RC(l) ? [[1, 11], [2, 20]] : BOTH }), s.commit('T2'),
    ],
    final: () => [[1, 11], [2, 20]],
  },
  {
    name: 'G1c circular information flow',
    verdict: always('prevented'),
    steps: (l) => [
      s.set('T1', 1, 11, { count: 1 }), s.set('T2', 2, 22, { count: 1 }),
      s.selectKey('T1', 2, { rows: [[2, 20]] }), s.selectKey('T2', 1, { rows: [[1, 10]] }),
      s.commit('T1'), s.commit('T2', SER(l) ? SF : 'ok'),
    ],
    final: (l) => (SER(l) ? [[1, 11], [2, 20]] : [[1, 11], [2, 22]]),
  },
  {
    name: 'OTV observed transaction vanishes',
    verdict: always('prevented'),
    steps: (l) => [
      s.set('T1', 1, 11, { count: 1 }), s.set('T1', 2, 19, { count: 1 }), s.set('T2', 1, 12, { blockedBy: 'T1' }), s.commit('T1'),
      ...(RC(l)
        ? [s.resume('T2', { count: 1 }), s.selectAll('T3', { rows: [[1, 11], [2, 19]] }), s.set('T2', 2, 18, { count: 1 }),
            s.selectAll('T3', { rows: [[1, 11], [2, 19]] }), s.commit('T2'), s.selectAll('T3', { rows: [[1, 12], [2, 18]] })]
        : [s.resume('T2', SF), s.selectAll('T3', { rows: [[1, 11], [2, 19]] }), s.rollback('T2'), s.selectAll('T3', { rows: [[1, 11], [2, 19]] })]),
      s.commit('T3'),
    ],
    final: (l) => (RC(l) ? [[1, 12], [2, 18]] : [[1, 11], [2, 19]]),
  },
  {
    name: 'PMP predicate-many-preceders (read)',
    verdict: rcOnly,
    steps: (l) => [
      s.selectWhere('T1', is(30), { rows: [] }), s.insert('T2', 3, 30, { count: 1 }), s.commit('T2'),
      s.selectWhere('T1', div3, { rows: RC(l) ? [[3, 30]] : [] }), s.commit('T1'),
    ],
    final: () => [[1, 10], [2, 20], [3, 30]],
  },
  {
    name: 'PMP predicate-many-preceders (write predicate)',
    verdict: rcOnly,
    steps: (l) => [
      s.add('T1', where('true', () => true), 10, { count: 2 }), s.deleteWhere('T2', is(20), { blockedBy: 'T1' }), s.commit('T1'),
      ...(RC(l)
        ? [s.resume('T2', { count: 0 }), s.selectWhere('T2', is(20), { rows: [[1, 20]] }), s.commit('T2')]
        : [s.resume('T2', SF), s.rollback('T2')]),
    ],
    final: () => [[1, 20], [2, 30]],
  },
  {
    name: 'P4 lost update',
    verdict: rcOnly,
    steps: (l) => [
      s.selectKey('T1', 1, { rows: [[1, 10]] }), s.selectKey('T2', 1, { rows: [[1, 10]] }),
      s.set('T1', 1, 11, { count: 1 }), s.set('T2', 1, 11, { blockedBy: 'T1' }), s.commit('T1'),
      ...(RC(l) ? [s.resume('T2', { count: 1 }), s.commit('T2')] : [s.resume('T2', SF), s.rollback('T2')]),
    ],
    final: () => [[1, 11], [2, 20]],
  },
  {
    name: 'G-single read skew',
    verdict: rcOnly,
    steps: (l) => [
      s.selectKey('T1', 1, { rows: [[1, 10]] }), s.selectKey('T2', 1, { rows: [[1, 10]] }), s.selectKey('T2', 2, { rows: [[2, 20]] }),
      s.set('T2', 1, 12, { count: 1 }), s.set('T2', 2, 18, { count: 1 }), s.commit('T2'),
      s.selectKey('T1', 2, { rows: [[2, RC(l) ? 18 : 20]] }), s.commit('T1'),
    ],
    final: () => [[1, 12], [2, 18]],
  },
  {
    name: 'G-single read skew (predicate dependencies)',
    verdict: rcOnly,
    steps: (l) => [
      s.selectWhere('T1', div5, { rows: BOTH }), s.set('T2', 1, 12, { count: 1 }), s.commit('T2'),
      s.selectWhere('T1', div3, { rows: RC(l) ? [[1, 12]] : [] }), s.commit('T1'),
    ],
    final: () => [[1, 12], [2, 20]],
  },
  {
    name: 'G-single read skew (write predicate)',
    verdict: rcOnly,
    steps: (l) => [
      s.selectKey('T1', 1, { rows: [[1, 10]] }), s.selectAll('T2', { rows: BOTH }),
      s.set('T2', 1, 12, { count: 1 }), s.set('T2', 2, 18, { count: 1 }), s.commit('T2'),
      ...(RC(l)
        ? [s.deleteWhere('T1', is(20), { count: 0 }), s.selectKey('T1', 2, { rows: [[2, 18]] }), s.commit('T1')]
        : [s.deleteWhere('T1', is(20), SF), s.rollback('T1')]),
    ],
    final: () => [[1, 12], [2, 18]],
  },
  {
    name: 'G2-item write skew',
    verdict: belowSer,
    steps: (l) => [
      s.selectWhere('T1', idIn12, { rows: BOTH }), s.selectWhere('T2', idIn12, { rows: BOTH }),
      s.set('T1', 1, 11, { count: 1 }), s.set('T2', 2, 21, { count: 1 }), s.commit('T1'), s.commit('T2', SER(l) ? SF : 'ok'),
    ],
    final: (l) => (SER(l) ? [[1, 11], [2, 20]] : [[1, 11], [2, 21]]),
  },
  {
    name: 'G2 anti-dependency cycles (predicates)',
    verdict: belowSer,
    steps: (l) => [
      s.selectWhere('T1', div3, { rows: [] }), s.selectWhere('T2', div3, { rows: [] }),
      s.insert('T1', 3, 30, { count: 1 }), s.insert('T2', 4, 42, { count: 1 }), s.commit('T1'), s.commit('T2', SER(l) ? SF : 'ok'),
    ],
    final: (l) => (SER(l) ? [[1, 10], [2, 20], [3, 30]] : [[1, 10], [2, 20], [3, 30], [4, 42]]),
  },
  {
    name: 'G2 anti-dependency cycles (two edges)',
    verdict: belowSer,
    steps: (l) => [
      s.selectAll('T1', { rows: BOTH }), s.addKey('T2', 2, 5, { count: 1 }), s.commit('T2'),
      s.selectAll('T3', { rows: [[1, 10], [2, 25]] }), s.commit('T3'),
      // Postgres refuses T1's UPDATE itself: T3 -rw-> T1 -rw-> T2 with T2 committed first.
      s.set('T1', 1, 0, SER(l) ? SF : { count: 1 }), ...(SER(l) ? [s.rollback('T1')] : [s.commit('T1')]),
    ],
    final: (l) => (SER(l) ? [[1, 10], [2, 25]] : [[1, 0], [2, 25]]),
  },
];
