/** A calm world (no faults) that scenarios and the swarm start from. */
import { calmExternal } from '../fakes/external-options.ts';
import { calmLedger } from '../fakes/ledger-options.ts';
import { calmNetwork } from '../net/network-options.ts';
import type { BankTransferConfig } from './world-config.ts';

export function calmConfig(): BankTransferConfig {
  return {
    network: { ...calmNetwork },
    external: { ...calmExternal, downWindows: [] },
    ledger: { ...calmLedger },
    store: { writeLatencyMsMin: 1, writeLatencyMsMax: 3 },
    crash: { probability: 0, maxCrashes: 0, restartDelayMsMin: 50, restartDelayMsMax: 500 },
    partitions: [],
    faultPhaseMs: 3000,
    livenessPhaseMsMax: 60_000,
    accounts: [
      { accountId: 'ext-1', userId: 'user-1', balanceMinor: 10_000 },
      { accountId: 'ext-2', userId: 'user-2', balanceMinor: 10_000 },
    ],
    workload: [{ atMs: 0, accountId: 'ext-1', amountMinor: 2_500, pressAgainMax: 0 }],
    client: { timeoutMs: 1000, retries: 3, retryDelayMs: 200, retryDelayMsMax: 5000, pressAgainDelayMs: 20, statusPollMs: 250 },
    script: { calls: [], crashes: [] },
  };
}
