/**
 * What the swarm draws over many seeds: duplicate delivery together with a
 * non-idempotent institution (which then refuses overdrafts), late requests,
 * every account layout (own, joint, multi), and tight balances where the
 * institution lets balances go negative. The reference design must hold in
 * the worlds that combine duplication with a non-idempotent institution,
 * since it reconciles surplus applications.
 */
import { describe, expect, it } from 'vitest';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { drawSwarmConfig, type SwarmDraw } from '../../../sim/bank-transfer/swarm.ts';
import { bankTransferSystem } from '../../../sim/systems/bank-transfer-system.ts';

const SEEDS = 3000;
const draws: Array<{ seed: number; draw: SwarmDraw }> = [];
for (let seed = 1; seed <= SEEDS; seed++) draws.push({ seed, draw: drawSwarmConfig(new RandomChoiceSource(seed)) });

const dupNonIdempotent = (d: SwarmDraw): boolean => d.config.network.duplicateProbability > 0 && d.config.external.mode === 'non-idempotent';

describe(`swarm draws over seeds 1..${SEEDS}`, () => {
  it('draws duplication with a non-idempotent institution, and then never lets balances go negative', () => {
    const combined = draws.filter((d) => dupNonIdempotent(d.draw));
    console.log(`seeds with net.duplicate and external.mode=non-idempotent: ${combined.length} (first ${combined.slice(0, 5).map((d) => d.seed).join(', ')})`);
    expect(combined.length).toBeGreaterThan(SEEDS / 10);
    for (const { seed, draw } of combined) {
      expect({ seed, allowNegative: draw.config.external.allowNegativeBalance }).toEqual({ seed, allowNegative: false });
      expect(draw.enabled).not.toContain('external.allowNegativeBalance');
    }
  });

  it('draws late requests', () => {
    const late = draws.filter((d) => d.draw.config.network.lateRequestProbability > 0);
    console.log(`seeds with net.lateRequest: ${late.length} (first ${late[0]?.seed})`);
    expect(late.length).toBeGreaterThan(SEEDS / 10);
    expect(late.every((d) => d.draw.enabled.some((e) => e.startsWith('net.lateRequest=')))).toBe(true);
  });

  it('draws every account layout: own, joint (two users on one account) and multi (one user, two accounts)', () => {
    const layouts = new Map<string, number>();
    for (const { draw } of draws) {
      const label = draw.enabled.find((e) => e.startsWith('accounts='))!.slice('accounts='.length);
      layouts.set(label, (layouts.get(label) ?? 0) + 1);
      const users = new Map<string, Set<string>>();
      for (const a of draw.config.accounts) users.set(a.accountId, (users.get(a.accountId) ?? new Set()).add(a.userId));
      const holders = [...users.values()].map((s) => s.size);
      const accountsOfUser = new Set(draw.config.accounts.filter((a) => a.userId === 'user-1').map((a) => a.accountId)).size;
      if (label === 'joint') expect(Math.max(...holders)).toBe(2);
      if (label === 'multi') expect(accountsOfUser).toBe(2);
      if (label === 'own') expect(Math.max(...holders, accountsOfUser)).toBe(1);
    }
    console.log(`layouts: ${[...layouts].map(([k, v]) => `${k}=${v}`).join(' ')}`);
    expect([...layouts.keys()].sort()).toEqual(['joint', 'multi', 'own']);
    for (const n of layouts.values()) expect(n).toBeGreaterThan(SEEDS / 10);
  });

  it('where balances may go negative, each account holds exactly the sum planned on it', () => {
    const negative = draws.filter((d) => d.draw.config.external.allowNegativeBalance);
    expect(negative.length).toBeGreaterThan(SEEDS / 10);
    for (const { seed, draw } of negative) {
      for (const a of draw.config.accounts) {
        const planned = draw.config.workload.filter((p) => p.accountId === a.accountId).reduce((s, p) => s + p.amountMinor, 0);
        expect({ seed, account: a.accountId, balance: a.balanceMinor }).toEqual({ seed, account: a.accountId, balance: planned });
      }
    }
  });
});

describe('the reference design in worlds with duplication and a non-idempotent institution', () => {
  it('holds over 300 such swarm seeds, run in process', async () => {
    const loaded = await bankTransferSystem.loadDesign('reference');
    if (!loaded.ok) throw new Error(loaded.message);
    const sample = draws.filter((d) => dupNonIdempotent(d.draw)).slice(0, 300);
    expect(sample).toHaveLength(300);
    console.log(`reference over seeds ${sample[0]!.seed}..${sample[sample.length - 1]!.seed} (300 seeds with dup + non-idempotent)`);
    let duplicatesFired = 0;
    for (const { seed } of sample) {
      const r = await bankTransferSystem.run({ design: loaded.design, seed, choice: new RandomChoiceSource(seed), keepTrace: false });
      // The run draws the same world the test drew from the seed.
      expect(r.config).toContain('external.mode=non-idempotent');
      expect(r.config.some((c) => c.startsWith('net.duplicate='))).toBe(true);
      const verdict = r.kind === 'violation' ? `${r.violation.invariant}: ${r.violation.message}` : 'pass';
      expect({ seed, verdict }).toEqual({ seed, verdict: 'pass' });
      duplicatesFired += r.faultsFired['net.duplicate'] ?? 0;
    }
    console.log(`duplicates delivered over the sample: ${duplicatesFired}`);
    expect(duplicatesFired).toBeGreaterThan(0);
  }, 60_000);
});
