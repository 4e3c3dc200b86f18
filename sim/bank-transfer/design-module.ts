/**
 * Loads a user's coordinator from a module path (`--design ./my-coordinator.ts`).
 * The module must export, as `design` or as its default export, an object
 * implementing BankTransferDesign (impl/bank-transfer/contract.ts). Every
 * problem comes back as a message naming the flag, never as a crash.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BankTransferDesign } from '../../impl/bank-transfer/contract.ts';

export type DesignModuleLoad = { ok: true; design: BankTransferDesign } | { ok: false; message: string };

export function looksLikePath(value: string): boolean {
  return value.includes('/') || value.includes('\\') || /\.(ts|mts|js|mjs)$/.test(value);
}

export async function loadDesignModule(path: string): Promise<DesignModuleLoad> {
  const absolute = resolve(process.cwd(), path);
  if (!existsSync(absolute)) return { ok: false, message: `--design: no such file "${path}"` };
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(absolute).href)) as Record<string, unknown>;
  } catch (err) {
    return { ok: false, message: `--design: cannot load "${path}": ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  }
  const candidate = (mod.design ?? mod.default) as Partial<BankTransferDesign> | undefined;
  const problems: string[] = [];
  if (typeof candidate !== 'object' || candidate === null) {
    return { ok: false, message: `--design: "${path}" must export a design object as "design" or as its default export` };
  }
  if (typeof candidate.name !== 'string' || candidate.name === '') problems.push('name (a non-empty string)');
  if (typeof candidate.create !== 'function') problems.push('create(ports) (a function)');
  if (typeof candidate.durableObligations !== 'function') problems.push('durableObligations(view) (a function)');
  if (problems.length > 0) return { ok: false, message: `--design: the design exported by "${path}" lacks ${problems.join(', ')}` };
  return { ok: true, design: { description: '', ...candidate } as BankTransferDesign };
}
