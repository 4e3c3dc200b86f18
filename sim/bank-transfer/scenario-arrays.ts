/**
 * Validators for the list-valued fields of a scenario file. Each returns the
 * cleaned list and appends messages naming the offending element's path.
 */
import type { CallFault, ForcedCallFault } from '../fakes/fault-script.ts';
import { PROCESS_NAMES, type AccountSpec, type ScriptedCrash, type TransferPlan } from './world-config.ts';

type Spec = Record<string, 'int' | 'string' | 'process-pair' | 'optional-int' | 'optional-string'>;

const ELEMENT_SPECS: Record<string, Spec> = {
  accounts: { accountId: 'string', userId: 'string', balanceMinor: 'int' },
  workload: { atMs: 'int', accountId: 'string', userId: 'optional-string', amountMinor: 'int', pressAgainMax: 'int' },
  partitions: { between: 'process-pair', fromMs: 'int', toMs: 'int' },
  downWindows: { fromMs: 'int', toMs: 'int' },
};

const CALL_FAULTS: readonly CallFault[] = ['reject', 'unavailable', 'error-before', 'error-after', 'lose-reply', 'rate-limit', 'slow', 'delay-request', 'duplicate-request'];
const SERVICES = ['external', 'ledger'];
const PHASES = ['request', 'reply', 'store', 'timer'];
const CRASH_WHEN = ['before', 'after'];

export function validateArrayField(key: string, value: unknown, path: string, errors: string[]): unknown[] {
  const spec = ELEMENT_SPECS[key];
  if (!Array.isArray(value)) {
    errors.push(`"${path}" must be an array`);
    return [];
  }
  if (spec === undefined) return value;
  value.forEach((el, i) => checkElement(el, spec, `${path}[${i}]`, errors));
  if (key === 'workload' || key === 'accounts') {
    value.forEach((el, i) => {
      if (isObject(el) && (el.amountMinor === 0)) errors.push(`"${path}[${i}].amountMinor" must be at least 1`);
    });
  }
  return value;
}

function checkElement(el: unknown, spec: Spec, path: string, errors: string[]): void {
  if (!isObject(el)) {
    errors.push(`"${path}" must be an object`);
    return;
  }
  for (const key of Object.keys(el)) if (!(key in spec)) errors.push(`unknown field "${path}.${key}"`);
  for (const [key, kind] of Object.entries(spec)) {
    const v = el[key];
    const field = `${path}.${key}`;
    if ((kind === 'optional-int' || kind === 'optional-string') && v === undefined) continue;
    if ((kind === 'int' || kind === 'optional-int') && !(Number.isSafeInteger(v) && (v as number) >= 0)) {
      errors.push(`"${field}" must be a non-negative integer`);
    } else if ((kind === 'string' || kind === 'optional-string') && (typeof v !== 'string' || v === '')) {
      errors.push(`"${field}" must be a non-empty string`);
    } else if (kind === 'process-pair' && !(Array.isArray(v) && v.length === 2 && v.every((p) => (PROCESS_NAMES as readonly string[]).includes(p as string)))) {
      errors.push(`"${field}" must be two of ${PROCESS_NAMES.join(', ')}`);
    }
  }
}

export function validateCallFaults(value: unknown, path: string, errors: string[]): ForcedCallFault[] {
  if (!Array.isArray(value)) {
    errors.push(`"${path}" must be an array`);
    return [];
  }
  value.forEach((el, i) => {
    const p = `${path}[${i}]`;
    checkElement(el, { service: 'string', method: 'string', fault: 'string', nth: 'optional-int', extraMs: 'optional-int' }, p, errors);
    if (!isObject(el)) return;
    if (!SERVICES.includes(el.service as string)) errors.push(`"${p}.service" must be one of ${SERVICES.join(', ')}`);
    if (!CALL_FAULTS.includes(el.fault as CallFault)) errors.push(`"${p}.fault" must be one of ${CALL_FAULTS.join(', ')}`);
  });
  return value as ForcedCallFault[];
}

export function validateCrashes(value: unknown, path: string, errors: string[]): ScriptedCrash[] {
  if (!Array.isArray(value)) {
    errors.push(`"${path}" must be an array`);
    return [];
  }
  value.forEach((el, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(el)) return void errors.push(`"${p}" must be an object`);
    for (const key of Object.keys(el)) if (!['on', 'atMs', 'restartAfterMs'].includes(key)) errors.push(`unknown field "${p}.${key}"`);
    if (!(Number.isSafeInteger(el.restartAfterMs) && (el.restartAfterMs as number) >= 0)) errors.push(`"${p}.restartAfterMs" must be a non-negative integer`);
    if ((el.on === undefined) === (el.atMs === undefined)) errors.push(`"${p}" needs exactly one of "on" or "atMs"`);
    if (el.atMs !== undefined && !(Number.isSafeInteger(el.atMs) && (el.atMs as number) >= 0)) errors.push(`"${p}.atMs" must be a non-negative integer`);
    if (el.on !== undefined) {
      const on = el.on;
      if (!isObject(on)) return void errors.push(`"${p}.on" must be an object`);
      if (!PHASES.includes(on.phase as string)) errors.push(`"${p}.on.phase" must be one of ${PHASES.join(', ')}`);
      if (on.method !== undefined && typeof on.method !== 'string') errors.push(`"${p}.on.method" must be a string`);
      if (!(Number.isSafeInteger(on.nth) && (on.nth as number) >= 1)) errors.push(`"${p}.on.nth" must be an integer of at least 1`);
      if (on.when !== undefined && !CRASH_WHEN.includes(on.when as string)) errors.push(`"${p}.on.when" must be "before" or "after"`);
      for (const key of Object.keys(on)) if (!['phase', 'method', 'nth', 'when'].includes(key)) errors.push(`unknown field "${p}.on.${key}"`);
    }
  });
  return value as ScriptedCrash[];
}

/**
 * Who owns what. An external account may be listed once per user who holds
 * it (a joint account) and a user may hold several accounts; each entry of a
 * repeated account states the account's one balance, so the entries must
 * agree. A transfer names an existing account and, if it says who presses,
 * one of that account's users. Run only on element-wise valid lists.
 */
export function validateOwnership(accounts: readonly AccountSpec[], workload: readonly TransferPlan[], errors: string[]): void {
  const users = new Map<string, string[]>();
  const balance = new Map<string, number>();
  accounts.forEach((a, i) => {
    const holders = users.get(a.accountId) ?? [];
    if (holders.includes(a.userId)) errors.push(`"world.accounts[${i}]" lists user "${a.userId}" on account "${a.accountId}" twice`);
    const known = balance.get(a.accountId);
    if (known !== undefined && known !== a.balanceMinor) {
      errors.push(`"world.accounts[${i}].balanceMinor" is ${a.balanceMinor} but account "${a.accountId}" was listed with ${known}; a joint account has one balance, so every entry must state it`);
    }
    users.set(a.accountId, [...holders, a.userId]);
    if (known === undefined) balance.set(a.accountId, a.balanceMinor);
  });
  workload.forEach((t, i) => {
    const holders = users.get(t.accountId);
    if (holders === undefined) {
      errors.push(`"world.workload[${i}].accountId" names account "${t.accountId}", which is not in world.accounts (${[...users.keys()].join(', ')})`);
    } else if (t.userId !== undefined && !holders.includes(t.userId)) {
      errors.push(`"world.workload[${i}].userId" names user "${t.userId}", who does not hold account "${t.accountId}" (its users: ${holders.join(', ')})`);
    }
  });
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
