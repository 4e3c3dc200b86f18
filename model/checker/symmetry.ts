/**
 * Symmetry reduction over interchangeable ids (shape.ts `ids()`), as TLC's
 * SYMMETRY does with a set of model values.
 *
 * A permutation of a symmetric domain renames its ids everywhere at once: in
 * every field holding an id, in every array indexed by the domain (element i
 * moves to element π(i)) and in every set whose elements contain ids. On the
 * flat slot vector that is a slot permutation plus, per slot, a map of stored
 * values. Each reached state is replaced by the least (word by word) packed
 * state of its class, so the search keeps exactly one state per class and
 * the distinct-state count is the number of classes reached, which is what
 * TLC counts with SYMMETRY.
 */
import { pack, unpack } from './codec.ts';
import type { Layout, LayoutNode } from './layout.ts';

interface Permutation {
  /** Slot i of the original goes to slot `to[i]`. */
  readonly to: Int32Array;
  /** Stored value map per slot (index by value - lo), or null to keep the value. */
  readonly values: readonly (Int32Array | null)[];
}

export interface Symmetry {
  /** Number of permutations, identity included. */
  readonly size: number;
  readonly groups: readonly { readonly name: string; readonly size: number }[];
  /** Replaces `packed[at .. at + words)` by the least state of its class. */
  canonicalize(packed: Uint32Array, at: number): void;
}

function permutationsOf(n: number): number[][] {
  if (n === 1) return [[0]];
  const out: number[][] = [];
  for (const rest of permutationsOf(n - 1)) {
    for (let k = 0; k <= rest.length; k++) out.push([...rest.slice(0, k), n - 1, ...rest.slice(k)]);
  }
  return out;
}

/** The symmetric groups of a layout and their sizes. */
export function symmetricGroups(layout: Layout): Map<string, number> {
  const groups = new Map<string, number>();
  for (const s of layout.slots) {
    const f = s.field;
    if (f?.kind === 'enum' && f.symmetric !== undefined) groups.set(f.symmetric, f.values.length);
  }
  const visit = (node: LayoutNode): void => {
    if (node.kind === 'array') {
      if (node.field.symmetric !== undefined) groups.set(node.field.symmetric, node.field.length);
      node.items.forEach(visit);
    } else if (node.kind === 'record') node.members.forEach((m) => visit(m.node));
    else if (node.kind === 'set') for (const p of node.domain.parts) if (p.field.kind === 'enum' && p.field.symmetric !== undefined) groups.set(p.field.symmetric, p.field.values.length);
  };
  visit(layout.root);
  return groups;
}

const MAX_PERMUTATIONS = 40320;

export function buildSymmetry(layout: Layout): Symmetry | undefined {
  const groups = symmetricGroups(layout);
  if (groups.size === 0) return undefined;
  let combos: Map<string, number[]>[] = [new Map()];
  for (const [name, size] of groups) {
    const perms = permutationsOf(size);
    if (combos.length * perms.length > MAX_PERMUTATIONS) throw new Error(`symmetry: more than ${MAX_PERMUTATIONS} permutations; use fewer ids`);
    combos = combos.flatMap((c) => perms.map((p) => new Map([...c, [name, p]])));
  }
  const perms = combos.filter((c) => [...c.values()].some((p) => p.some((v, i) => v !== i))).map((c) => permutationFor(layout, c));
  const width = layout.width;
  const a = new Int32Array(width);
  const b = new Int32Array(width);
  const best = new Uint32Array(layout.words);
  const tmp = new Uint32Array(layout.words);
  const { slotLo } = layout;
  return {
    size: perms.length + 1,
    groups: [...groups].map(([name, size]) => ({ name, size })),
    canonicalize(packed: Uint32Array, at: number): void {
      const K = layout.words;
      unpack(layout, packed, at, a);
      for (let w = 0; w < K; w++) best[w] = packed[at + w]!;
      for (const p of perms) {
        for (let i = 0; i < width; i++) {
          const map = p.values[i];
          b[p.to[i]!] = map === null || map === undefined ? a[i]! : map[a[i]! - slotLo[i]!]!;
        }
        pack(layout, b, tmp, 0);
        if (less(tmp, best, K)) best.set(tmp);
      }
      for (let w = 0; w < K; w++) packed[at + w] = best[w]!;
    },
  };
}

function less(x: Uint32Array, y: Uint32Array, K: number): boolean {
  for (let w = 0; w < K; w++) if (x[w] !== y[w]) return x[w]! < y[w]!;
  return false;
}

function permutationFor(layout: Layout, perm: Map<string, number[]>): Permutation {
  const to = new Int32Array(layout.width);
  const values: (Int32Array | null)[] = new Array<Int32Array | null>(layout.width).fill(null);
  const pair = (src: LayoutNode, dst: LayoutNode): void => {
    switch (src.kind) {
      case 'scalar': {
        const d = dst as typeof src;
        to[src.slot] = d.slot;
        const f = src.field;
        if (f.kind === 'enum' && f.symmetric !== undefined) values[src.slot] = Int32Array.from(perm.get(f.symmetric)!);
        return;
      }
      case 'record':
        src.members.forEach((m, k) => pair(m.node, (dst as typeof src).members[k]!.node));
        return;
      case 'array': {
        const d = dst as typeof src;
        const p = src.field.symmetric !== undefined ? perm.get(src.field.symmetric)! : undefined;
        src.items.forEach((item, i) => pair(item, d.items[p ? p[i]! : i]!));
        return;
      }
      case 'queue': {
        const d = dst as typeof src;
        to[src.lengthSlot] = d.lengthSlot;
        src.items.forEach((item, i) => pair(item, d.items[i]!));
        return;
      }
      case 'set': {
        const d = dst as typeof src;
        for (let e = 0; e < src.domain.size; e++) to[src.firstSlot + e] = d.firstSlot + permuteElement(src, e, perm);
        return;
      }
    }
  };
  pair(layout.root, layout.root);
  return { to, values };
}

/** The index of set element `e` after renaming the ids in it. */
function permuteElement(node: Extract<LayoutNode, { kind: 'set' }>, e: number, perm: Map<string, number[]>): number {
  let out = 0;
  for (const p of node.domain.parts) {
    const stored = (Math.floor(e / p.radix) % p.span) + p.lo;
    const g = p.field.kind === 'enum' ? p.field.symmetric : undefined;
    const mapped = g !== undefined ? perm.get(g)![stored]! : stored;
    out += (mapped - p.lo) * p.radix;
  }
  return out;
}
