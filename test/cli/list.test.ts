/** `moneysim list` names the systems, their designs and scenarios, and the models. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.ts';

describe('list', () => {
  it('prints JSON with all four systems', async () => {
    const { code, out } = await runCli('list', '--json');
    expect(code).toBe(0);
    const view = JSON.parse(out);
    expect(view.systems.map((s: { id: string }) => s.id)).toEqual(['bank-transfer', 'sharded-transfer', 'fund-investment', 'accounts-advances']);
    const bank = view.systems[0];
    expect(bank.status).toBe('ready');
    expect(bank.designs.map((d: { name: string }) => d.name)).toEqual(['reference', 'naive']);
    expect(bank.scenarios.length).toBeGreaterThanOrEqual(10);
    expect(view.models.map((m: { id: string }) => m.id)).toContain('bank-transfer/seed-exercise');
  });

  it('prints text', async () => {
    const { code, out } = await runCli('list');
    expect(code).toBe(0);
    expect(out).toContain('bank-transfer [ready]');
    expect(out).toContain('scenario seed-003-press-again');
  });
});
