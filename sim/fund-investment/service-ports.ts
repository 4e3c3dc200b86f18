/**
 * The investor, fund and notification ports a node of the transaction
 * service is given: each call one request over the simulated network to the
 * fake service of that name, with the caller's timeout.
 */
import type { FundPort, InvestorPort, NotificationPort } from '../../impl/fund-investment/contract.ts';
import type { Json, RpcOutcome } from '../../impl/ports/ports.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import type { Network } from '../net/network.ts';

export function servicePorts(net: Network, caller: SimProcess): { investors: InvestorPort; funds: FundPort; notifications: NotificationPort } {
  const call = <T>(service: string, method: string) => (req: object, timeoutMs: number): Promise<RpcOutcome<T>> => net.call<T>(caller, service, method, req as unknown as Json, timeoutMs);
  return {
    investors: { balance: call('investors', 'balance'), withdraw: call('investors', 'withdraw'), lookup: call('investors', 'lookup'), refund: call('investors', 'refund') },
    funds: { criteria: call('funds', 'criteria'), reserve: call('funds', 'reserve'), release: call('funds', 'release'), remit: call('funds', 'remit') },
    notifications: { send: call('notifications', 'send') },
  };
}
