/** The systems moneysim knows, in the order the seed documents introduce them. */
import { accountsAdvancesSystem } from './accounts-advances-system.ts';
import { bankTransferSystem } from './bank-transfer-system.ts';
import { fundInvestmentSystem } from './fund-investment-system.ts';
import { shardedTransferSystem } from './sharded-transfer-system.ts';
import type { SystemDef } from './system-def.ts';

export const SYSTEMS: readonly SystemDef[] = [
  bankTransferSystem,
  shardedTransferSystem,
  fundInvestmentSystem,
  accountsAdvancesSystem,
];

export function findSystem(id: string): SystemDef | undefined {
  return SYSTEMS.find((s) => s.id === id);
}
