/**
 * Bank-transfer scenario files (scenarios/bank-transfer/*.json).
 *
 * A scenario patches the calm world (`world`), forces faults on specific
 * calls or events (`faults`), and states the expected outcome per design
 * (`expect`). Loading validates every field against the calm world's shape
 * and reports problems with the field's full path; nothing runs until the
 * whole file is valid. An optional `"system": "bank-transfer"` lets a user's
 * own file say which system it belongs to.
 */
import type { ScenarioExpectation } from '../systems/system-def.ts';
import { calmConfig } from './default-config.ts';
import { isObject, validateArrayField, validateCallFaults, validateCrashes, validateOwnership } from './scenario-arrays.ts';
import type { BankTransferConfig } from './world-config.ts';

export interface BankTransferScenario {
  name: string;
  description: string;
  seed: number;
  config: BankTransferConfig;
  expect: Record<string, ScenarioExpectation>;
}

export type ScenarioLoad = { ok: true; scenario: BankTransferScenario } | { ok: false; errors: string[] };

const TOP_FIELDS = new Set(['system', 'description', 'seed', 'world', 'faults', 'expect']);

export function parseScenario(name: string, raw: unknown): ScenarioLoad {
  const errors: string[] = [];
  if (!isObject(raw)) return { ok: false, errors: ['scenario must be a JSON object'] };
  for (const key of Object.keys(raw)) if (!TOP_FIELDS.has(key)) errors.push(`unknown field "${key}"`);
  if (raw.system !== undefined && raw.system !== 'bank-transfer') errors.push(`"system" must be "bank-transfer" for this file, got ${JSON.stringify(raw.system)}`);
  if (typeof raw.description !== 'string') errors.push('"description" must be a string');
  const seed = raw.seed ?? 1;
  if (!Number.isSafeInteger(seed) || (seed as number) < 0) errors.push('"seed" must be a non-negative integer');
  const config = calmConfig();
  if (raw.world !== undefined) mergeInto(config as unknown as Record<string, unknown>, raw.world, 'world', errors);
  if (errors.length === 0) validateOwnership(config.accounts, config.workload, errors);
  const faults = raw.faults ?? {};
  if (!isObject(faults)) errors.push('"faults" must be an object');
  else {
    for (const key of Object.keys(faults)) if (key !== 'calls' && key !== 'crashes') errors.push(`unknown field "faults.${key}"`);
    if (faults.calls !== undefined) config.script.calls = validateCallFaults(faults.calls, 'faults.calls', errors);
    if (faults.crashes !== undefined) config.script.crashes = validateCrashes(faults.crashes, 'faults.crashes', errors);
  }
  const expect = parseExpect(raw.expect, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, scenario: { name, description: raw.description as string, seed: seed as number, config, expect } };
}

function parseExpect(raw: unknown, errors: string[]): Record<string, ScenarioExpectation> {
  const out: Record<string, ScenarioExpectation> = {};
  if (!isObject(raw)) {
    errors.push('"expect" must be an object mapping design names to {"ok": true} or {"ok": false, "invariant": "..."}');
    return out;
  }
  for (const [design, e] of Object.entries(raw)) {
    if (!isObject(e) || typeof e.ok !== 'boolean') {
      errors.push(`"expect.${design}.ok" must be true or false`);
      continue;
    }
    if (!e.ok && typeof e.invariant !== 'string') errors.push(`"expect.${design}.invariant" must name the invariant expected to fail`);
    out[design] = e.ok ? { ok: true } : { ok: false, invariant: e.invariant as string };
  }
  return out;
}

/** Copies `patch` onto `target`, checking names and types against what `target` already holds. */
function mergeInto(target: Record<string, unknown>, patch: unknown, path: string, errors: string[]): void {
  if (!isObject(patch)) {
    errors.push(`"${path}" must be an object`);
    return;
  }
  for (const [key, value] of Object.entries(patch)) {
    const field = `${path}.${key}`;
    if (!(key in target)) {
      errors.push(`unknown field "${field}"`);
      continue;
    }
    const current = target[key];
    if (Array.isArray(current)) {
      target[key] = validateArrayField(key, value, field, errors);
    } else if (isObject(current)) {
      mergeInto(current, value, field, errors);
    } else if (typeof current === 'number') {
      const problem = numberProblem(key, value);
      if (problem !== null) errors.push(`"${field}" ${problem}`);
      else target[key] = value;
    } else if (typeof current === 'boolean') {
      if (typeof value !== 'boolean') errors.push(`"${field}" must be true or false`);
      else target[key] = value;
    } else if (typeof current === 'string') {
      if (key === 'mode' && value !== 'idempotent' && value !== 'non-idempotent') {
        errors.push(`"${field}" must be "idempotent" or "non-idempotent"`);
      } else target[key] = value;
    }
  }
}

function numberProblem(key: string, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
  if (key.endsWith('Probability')) return value >= 0 && value <= 1 ? null : 'must be between 0 and 1';
  if (!Number.isSafeInteger(value) || value < 0) return 'must be a non-negative integer';
  return null;
}
