/**
 * The two databases of an accounts-advances world, each a simulated SQL
 * database served by its own process over the network (reached over a
 * connection): the accounts manager's, loaded with the accounts, and the
 * advances service's; the exhaustive world preloads both with an advance
 * in its last week.
 */
import { ACCOUNTS, ACCOUNTS_DB_TABLES, ADVANCES, ADVANCES_DB_TABLES, PAYMENTS, TRANSACTIONS } from '../../impl/accounts-advances/schema.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { Network } from '../net/network.ts';
import { SqlDatabase } from '../storage/sql/sql-database.ts';
import { SqlService } from '../storage/sql/sql-service.ts';
import type { AdvancesConfig } from './config.ts';

export interface AdvancesDatabases {
  accountsDb: SqlService;
  advancesDb: SqlService;
}

export function openDatabases(sim: Simulator, net: Network, config: AdvancesConfig): AdvancesDatabases {
  const accounts = new SqlDatabase({ level: config.isolation, tables: ACCOUNTS_DB_TABLES });
  accounts.load(ACCOUNTS, config.accounts.map((a) => ({ id: a.id, balance: a.balanceMinor })));
  const advances = new SqlDatabase({ level: config.isolation, tables: ADVANCES_DB_TABLES });
  if (config.preload !== null) {
    accounts.load(TRANSACTIONS, config.preload.transactions);
    advances.load(ADVANCES, config.preload.advances);
    advances.load(PAYMENTS, config.preload.payments);
  }
  const serve = (name: string, data: SqlDatabase, options: AdvancesConfig['accountsDb']): SqlService => {
    const service = new SqlService(sim, sim.addProcess(name, true), data, { ...options });
    service.register(net, name);
    net.overConnection.add(name);
    return service;
  };
  return { accountsDb: serve('accounts-db', accounts, config.accountsDb), advancesDb: serve('advances-db', advances, config.advancesDb) };
}
