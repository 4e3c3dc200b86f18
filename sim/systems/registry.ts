/** The systems moneysim knows, in the order the seed documents introduce them. */
import { bankTransferSystem } from './bank-transfer-system.ts';
import { fundInvestmentSystem } from './fund-investment-system.ts';
import { shardedTransferSystem } from './sharded-transfer-system.ts';
import type { SystemDef } from './system-def.ts';

function planned(id: string, description: string): SystemDef {
  return {
    id,
    description,
    status: 'planned',
    designs: [],
    defaultDesign: 'reference',
    probes: [],
    worldOptions: [],
    scenarios: () => [],
    loadDesign: async () => ({ ok: false, message: `system ${id} is not implemented yet` }),
    run: () => Promise.reject(new Error(`system ${id} is not implemented yet`)),
  };
}

export const SYSTEMS: readonly SystemDef[] = [
  bankTransferSystem,
  shardedTransferSystem,
  fundInvestmentSystem,
  planned('accounts-advances', 'internal transfers, 5-day paginated report, 12-week advances (seed 004)'),
];

export function findSystem(id: string): SystemDef | undefined {
  return SYSTEMS.find((s) => s.id === id);
}
