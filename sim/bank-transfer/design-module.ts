/**
 * Loads a user's bank-transfer coordinator from a module path
 * (`--design ./my-coordinator.ts`). The generic import lives in
 * sim/design/design-module.ts; this file checks that what the module exports
 * implements BankTransferDesign (impl/bank-transfer/contract.ts).
 */
import type { BankTransferDesign } from '../../impl/bank-transfer/contract.ts';
import { importDesignModule } from '../design/design-module.ts';

export { looksLikePath } from '../design/design-module.ts';

export type DesignModuleLoad = { ok: true; design: BankTransferDesign } | { ok: false; message: string };

export async function loadDesignModule(path: string): Promise<DesignModuleLoad> {
  const imported = await importDesignModule(path);
  if (!imported.ok) return imported;
  const candidate = imported.exported as Partial<BankTransferDesign>;
  const problems: string[] = [];
  if (typeof candidate.name !== 'string' || candidate.name === '') problems.push('name (a non-empty string)');
  if (typeof candidate.create !== 'function') problems.push('create(ports) (a function)');
  if (typeof candidate.durableObligations !== 'function') problems.push('durableObligations(view) (a function)');
  if (problems.length > 0) return { ok: false, message: `--design: the design exported by "${path}" lacks ${problems.join(', ')}` };
  return { ok: true, design: { description: '', ...candidate } as BankTransferDesign };
}
