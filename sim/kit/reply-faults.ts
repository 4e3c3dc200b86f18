/**
 * Lost replies of one service whose handler someone else registers (a
 * design host): a view of the network whose `register` wraps the handler,
 * so that, when `drop(method)` says so, the request is applied and its
 * reply never leaves (the lost-response fault between two services).
 */
import type { Network, ServiceHandler, ServiceResponse } from '../net/network.ts';

export function withLostReplies(net: Network, drop: (method: string) => boolean): Network {
  const view = Object.create(net) as Network;
  view.register = (name, proc, handler: ServiceHandler): void => {
    net.register(name, proc, (method, body, from) => {
      const response = handler(method, body, from);
      const mark = (r: ServiceResponse): ServiceResponse => (drop(method) ? { ...r, dropReply: true } : r);
      return response instanceof Promise ? response.then(mark) : mark(response);
    });
  };
  return view;
}
