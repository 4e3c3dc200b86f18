/**
 * The database's records of open sessions: a dead process's transactions
 * are handed back once; idle ones after the limit, except those waiting for
 * a lock; a statement resets the idle clock; ended transactions are swept.
 */
import { describe, expect, it } from 'vitest';
import { OpenSessions } from '../../../../sim/storage/sql/open-sessions.ts';

describe('OpenSessions', () => {
  it('hands back the transactions of a process that died, once', () => {
    const s = new OpenSessions();
    s.begun(1, 'node-1', 0, () => true);
    s.begun(2, 'node-2', 0, () => true);
    s.begun(3, 'node-1', 0, () => true);
    expect(s.takeOwnedBy('node-1')).toEqual([1, 3]);
    expect(s.takeOwnedBy('node-1')).toEqual([]);
    expect(s.takeOwnedBy('node-2')).toEqual([2]);
  });

  it('hands back idle transactions after the limit, not those a statement touched or that wait for a lock', () => {
    const s = new OpenSessions();
    for (const tx of [1, 2, 3]) s.begun(tx, 'node-1', 0, () => true);
    s.touched(2, 4000);
    expect(s.takeIdle(4999, 5000, () => false)).toEqual([]);
    expect(s.takeIdle(5000, 5000, (tx) => tx === 3)).toEqual([[1, 5000]]);
    expect(s.takeIdle(9000, 5000, () => false)).toEqual([[2, 5000], [3, 9000]]);
  });

  it('sweeps ended transactions once the records grow', () => {
    const s = new OpenSessions();
    for (let tx = 1; tx <= 300; tx++) s.begun(tx, 'node-1', 0, (t) => t > 290);
    expect(s.takeOwnedBy('node-1').length).toBeLessThan(300);
  });
});
