/**
 * Accumulates the state graph during the search: packed states in discovery
 * order (which is also the BFS queue), the parent and action instance that
 * first reached each, and, when liveness will be checked, each state's
 * outgoing edges in compressed rows plus its enabled fairness groups.
 * All storage is growable typed arrays; nothing is allocated per state.
 */
import type { StateGraph } from './graph.ts';
import { Grow } from './grow.ts';

interface EdgeRows {
  readonly start: Grow<Int32Array>;
  readonly to: Grow<Int32Array>;
  readonly via: Grow<Int32Array>;
  readonly enabled: Grow<Int32Array>;
}

export class GraphBuilder {
  readonly store = new Grow(Uint32Array, 1 << 16);
  readonly parent = new Grow(Int32Array, 1 << 14);
  /** Action instances fit 16 bits in all but very large models. */
  readonly via: Grow<Int32Array> | Grow<Uint16Array>;
  private readonly edges: EdgeRows | undefined;

  constructor(
    readonly words: number,
    recordEdges: boolean,
    instances = 0,
  ) {
    this.via = instances < 0xffff ? new Grow(Uint16Array, 1 << 14) : new Grow(Int32Array, 1 << 14);
    this.edges = recordEdges
      ? { start: new Grow(Int32Array, 1 << 14), to: new Grow(Int32Array, 1 << 16), via: new Grow(Int32Array, 1 << 16), enabled: new Grow(Int32Array, 1 << 14) }
      : undefined;
  }

  get count(): number {
    return this.parent.length;
  }

  get recordsEdges(): boolean {
    return this.edges !== undefined;
  }

  /** Appends a state and returns its index. */
  add(packed: Uint32Array, parent: number, via: number): number {
    const n = this.parent.length;
    this.store.reserve(this.words);
    this.store.data.set(packed, n * this.words);
    this.store.length += this.words;
    this.parent.push(parent);
    // -1 (an initial state) is stored as 0xffff in 16 bits and read back in build().
    this.via.push(via);
    return n;
  }

  /** Bytes allocated for states, parents, action instances and edges. */
  get bytes(): number {
    const e = this.edges;
    const edgeBytes = e ? e.start.data.byteLength + e.to.data.byteLength + e.via.data.byteLength + e.enabled.data.byteLength : 0;
    return this.store.data.byteLength + this.parent.data.byteLength + this.via.data.byteLength + edgeBytes;
  }

  /** Starts the edge row of the next state to be expanded (states are expanded in index order). */
  openRow(): void {
    if (this.edges) this.edges.start.push(this.edges.to.length);
  }

  edge(to: number, via: number): void {
    if (!this.edges) return;
    this.edges.to.push(to);
    this.edges.via.push(via);
  }

  closeRow(enabledGroups: number): void {
    if (this.edges) this.edges.enabled.push(enabledGroups);
  }

  /** States on the shortest path to `index`, counting both ends. */
  depthOf(index: number): number {
    const parent = this.parent.data;
    let d = 1;
    for (let k = index; parent[k]! !== -1; k = parent[k]!) d++;
    return d;
  }

  build(): StateGraph {
    const e = this.edges;
    if (e) e.start.push(e.to.length);
    return {
      count: this.parent.length,
      words: this.words,
      store: this.store.data,
      parent: this.parent.data,
      via: this.via.data instanceof Uint16Array ? widen(this.via.data, this.parent.length) : this.via.data,
      ...(e ? { edges: { edgeStart: e.start.data, edgeTo: e.to.data, edgeVia: e.via.data, enabled: e.enabled.data } } : {}),
    };
  }
}

/** 16-bit action instances as 32-bit ones, with 0xffff (an initial state's -1) back to -1. */
function widen(via: Uint16Array, count: number): Int32Array {
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const v = via[i]!;
    out[i] = v === 0xffff ? -1 : v;
  }
  return out;
}
