/**
 * The sharding function in front of a system's coordinator nodes: each key
 * (an account id) belongs to the node whose range holds it, and a request is
 * sent to that node. Misrouting is a fault kind: with `misrouteProbability`
 * the request goes to another node (which one is a further choice), as when
 * a load balancer's view of the ranges is stale; a design must forward or
 * refuse a request for a key it does not own.
 */
import { chance, intBetween } from '../choice/choice-source.ts';
import type { ChoiceSource } from '../choice/choice-source.ts';

export interface NodeRange {
  /** The node's service name. */
  node: string;
  /** Keys from `first` to `last` inclusive, compared as strings. */
  first: string;
  last: string;
}

export interface RouterOptions {
  /** Per request: it reaches a node that does not own its key. */
  misrouteProbability: number;
}

export class Router {
  misrouted = 0;

  constructor(
    private readonly choice: ChoiceSource,
    readonly ranges: readonly NodeRange[],
    public options: RouterOptions,
  ) {
    if (ranges.length === 0) throw new Error('a router needs at least one node');
  }

  /** The node that owns `key`; keys outside every range belong to the last node. */
  owner(key: string): string {
    for (const r of this.ranges) if (key >= r.first && key <= r.last) return r.node;
    return this.ranges[this.ranges.length - 1]!.node;
  }

  /** The node a request for `key` reaches: its owner, or another node when the misrouting fault fires. */
  route(key: string): string {
    const owner = this.owner(key);
    if (this.ranges.length < 2 || !chance(this.choice, 'router.misroute', this.options.misrouteProbability)) return owner;
    this.misrouted++;
    const others = this.ranges.filter((r) => r.node !== owner);
    return others[intBetween(this.choice, 'router.misroute', 0, others.length - 1)]!.node;
  }
}
