/**
 * The CLI's main job, pinned by seeds and exit codes: explore finds the naive
 * design's money bug and prints a replay line that reproduces the same
 * violation and trace hash; the reference design passes within its latency
 * budget; scenarios meet their expectations.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.ts';

describe('explore and replay', () => {
  it('naive: exits 1 with a money invariant, and the replay line reproduces it exactly', async () => {
    const explored = await runCli('explore', 'bank-transfer', '--design', 'naive', '--seeds', '2000', '--json');
    expect(explored.code).toBe(1);
    const report = JSON.parse(explored.out);
    expect(report).toMatchObject({ ok: false, system: 'bank-transfer', design: 'naive' });
    expect(['NoOrphanedMoney', 'NoMoneyCreated', 'NoOverdraft', 'NoMoneyLost']).toContain(report.violation.invariant);
    const v = report.violation;
    expect(v.replay).toBe(`npx moneysim replay bank-transfer --design naive --seed ${v.seed}`);
    const args = v.replay.split(' ').slice(2);
    const replayed = await runCli(...args, '--json');
    expect(replayed.code).toBe(1);
    const r = JSON.parse(replayed.out);
    expect(r.ok).toBe(false);
    expect(r.traceHash).toBe(v.traceHash);
    expect(r.violation).toMatchObject({ invariant: v.invariant, step: v.step, timeMs: v.timeMs });
  }, 60_000);

  it('naive: the human report leads with the invariant, then the replay line, then the trace', async () => {
    const { code, out } = await runCli('explore', 'bank-transfer', '--design', 'naive', '--seeds', '50');
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^VIOLATION No\w+ seed \d+, step \d+, \d+ ms virtual$/);
    expect(lines[1]).toMatch(/^replay: npx moneysim replay bank-transfer --design naive --seed \d+$/);
    expect(out).toContain('trace (text):');
  });

  it('reference: exits 0 with p99 within the 200 ms budget and the JSON fields CI reads', async () => {
    const { code, out } = await runCli('explore', 'bank-transfer', '--seeds', '300', '--seed-start', '7000', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ ok: true, system: 'bank-transfer', design: 'reference', seedsRun: 300 });
    expect(report.events).toBeGreaterThan(300);
    expect(report.latencyMs.p99).toBeLessThanOrEqual(200);
    expect(report.latencyMs.p50).toBeLessThanOrEqual(report.latencyMs.p99);
    expect(report.latencyMs.max).toBeGreaterThanOrEqual(report.latencyMs.p99);
    expect(report.violation).toBeUndefined();
  }, 60_000);

  it('replay of a passing seed exits 0 and prints the trace as a mermaid diagram on request', async () => {
    const { code, out } = await runCli('replay', 'bank-transfer', '--seed', '5', '--trace', 'mermaid');
    expect(code).toBe(0);
    expect(out).toContain('sequenceDiagram');
    expect(out).toMatch(/api->>external: cashOut/);
  });

  it('scenarios: every expectation is met (exit 0)', async () => {
    const { code, out } = await runCli('scenarios', 'bank-transfer', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.ok).toBe(true);
    expect(report.checks.length).toBeGreaterThanOrEqual(20);
  });

  it('run: a scenario that breaks the naive design exits 1 with its trace', async () => {
    const { code, out } = await runCli('run', 'bank-transfer/seed-003-press-again', '--design', 'naive');
    expect(code).toBe(1);
    expect(out).toContain('VIOLATION NoOverdraft');
    expect(out).toContain('replay: npx moneysim run bank-transfer/seed-003-press-again --design naive --seed 1');
    expect((await runCli('run', 'bank-transfer/seed-003-press-again')).code).toBe(0);
  });

  it('a user coordinator loaded from a module path is explored like a built-in one', async () => {
    const { code, out } = await runCli('explore', 'bank-transfer', '--design', './examples/bank-transfer/my-coordinator.ts', '--seeds', '500', '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out).violation.invariant).toMatch(/^(No\w+|ExactlyOncePerKey)$/);
  });
});
