/**
 * Everything that shapes one bank-transfer run besides the design and the
 * choice source: fault rates of every component, scripted faults, the
 * accounts, the workload and the client's behaviour. A scenario file or the
 * per-seed swarm draw produces one of these.
 */
import type { ExternalOptions } from '../fakes/external-options.ts';
import type { ForcedCallFault } from '../fakes/fault-script.ts';
import type { LedgerOptions } from '../fakes/ledger-options.ts';
import type { NetworkOptions } from '../net/network-options.ts';
import type { StoreOptions } from '../storage/sim-store.ts';
import type { CrashOptions, PartitionWindow, ScriptedCrash } from '../kit/fault-options.ts';

export type { CrashOptions, PartitionWindow, ScriptedCrash };

export const PROCESS_NAMES = ['mobile', 'api', 'external', 'ledger'] as const;
export type ProcessName = (typeof PROCESS_NAMES)[number];

export interface AccountSpec {
  accountId: string;
  userId: string;
  balanceMinor: number;
}

export interface TransferPlan {
  atMs: number;
  accountId: string;
  /** Who presses; needed when several users share the account (a joint account). Default: the account's first user. */
  userId?: string;
  amountMinor: number;
  /** How many more times the user presses after a FAILED answer (seed 003). */
  pressAgainMax: number;
}

export interface ClientOptions {
  /** The mobile app gives up waiting for one HTTP answer after this. */
  timeoutMs: number;
  /** Quick retries of the same press (same idempotency key) after a timeout or error, `retryDelayMs` apart. */
  retries: number;
  retryDelayMs: number;
  /**
   * After the quick retries the app keeps retrying until answered, waiting
   * `statusPollMs` and then twice as long each time, up to this.
   */
  retryDelayMsMax: number;
  /** Delay before the user presses again after a FAILED answer. */
  pressAgainDelayMs: number;
  /** Interval of status polls for a PENDING transfer. */
  statusPollMs: number;
}

export interface BankTransferConfig {
  network: NetworkOptions;
  external: ExternalOptions;
  ledger: LedgerOptions;
  store: StoreOptions;
  crash: CrashOptions;
  partitions: Array<PartitionWindow & { between: [ProcessName, ProcessName] }>;
  /** Faults are active until this instant; then everything heals. */
  faultPhaseMs: number;
  /** After healing, work must drain within this bound. */
  livenessPhaseMsMax: number;
  accounts: AccountSpec[];
  workload: TransferPlan[];
  client: ClientOptions;
  script: { calls: ForcedCallFault[]; crashes: ScriptedCrash[] };
}
