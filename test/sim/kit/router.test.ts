/** The kit's router: keys go to the node whose range holds them; misrouting sends them elsewhere. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { Router } from '../../../sim/kit/router.ts';

const RANGES = [
  { node: 'node-1', first: 'a00', last: 'a09' },
  { node: 'node-2', first: 'a10', last: 'a19' },
  { node: 'node-3', first: 'a20', last: 'a29' },
];

describe('Router', () => {
  it('routes every key to its owner when misrouting is off', () => {
    const r = new Router(new RandomChoiceSource(1), RANGES, { misrouteProbability: 0 });
    expect(['a00', 'a09', 'a10', 'a25'].map((k) => r.route(k))).toEqual(['node-1', 'node-1', 'node-2', 'node-3']);
    expect(r.misrouted).toBe(0);
  });

  it('a misrouted request always reaches a node that does not own the key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 29 }), (seed, n) => {
        const r = new Router(new RandomChoiceSource(seed), RANGES, { misrouteProbability: 1 });
        const key = `a${String(n).padStart(2, '0')}`;
        expect(r.route(key)).not.toBe(r.owner(key));
        expect(r.misrouted).toBe(1);
      }),
      { seed: 42 },
    );
  });
});
