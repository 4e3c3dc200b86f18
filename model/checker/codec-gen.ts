/**
 * Code generated from a layout to move states between the view graph the
 * model works on and packed words.
 *
 * Each function is emitted as straight-line JavaScript with every path,
 * offset, shift and bound a literal and each composite hoisted into a local,
 * so the model stays object style while the checker runs code as if written
 * by hand for that state:
 * - pack: view to words, checking every value's kind and range (a string in
 *   an enum field, NaN from a read of undefined, a number out of range, an
 *   array whose length changed, a record element replaced by assignment);
 * - unpack: words to view;
 * - copy: view to view (restoring the working view after a step);
 * - same: the first slot where two views differ (the check that a disabled
 *   action left the state alone).
 * Tests check pack and unpack against the generic codec on random states.
 */
import { memberKey, type Layout, type LayoutNode } from './layout.ts';

/** Returns -1, a slot whose value is wrong (>= 0), or -2 - k for structure k of `Codec.structures` broken. */
export type PackFn = (view: unknown, out: Uint32Array, at: number) => number;
export type UnpackFn = (src: Uint32Array, at: number, view: unknown) => void;
export type CopyFn = (from: unknown, to: unknown) => void;
export type SameFn = (a: unknown, b: unknown) => number;

export interface Codec {
  readonly pack: PackFn;
  readonly unpack: UnpackFn;
  readonly copy: CopyFn;
  readonly same: SameFn;
  /** What each structure check guards, for messages. */
  readonly structures: readonly string[];
}

type Visit = {
  scalar(node: Extract<LayoutNode, { kind: 'scalar' }>, exprs: readonly string[]): void;
  /** A slot holding internal bookkeeping (queue length, set bit), never written by the model directly. */
  internal(slot: number, exprs: readonly string[]): void;
  /** A composite reached through an array index: check it is still the view built for it. */
  element?(node: LayoutNode, exprs: readonly string[]): void;
  array?(node: Extract<LayoutNode, { kind: 'array' }>, exprs: readonly string[]): void;
};

/**
 * Walks the layout over one or more parallel view graphs (`roots` are the
 * variable names of their roots), hoisting each composite into locals.
 */
function walk(layout: Layout, roots: readonly string[], lines: string[], visit: Visit): void {
  let n = 0;
  const hoist = (exprs: readonly string[]): string[] => {
    const names = exprs.map((_, r) => `v${n}_${r}`);
    n++;
    lines.push(`const ${names.map((name, r) => `${name} = ${exprs[r]}`).join(', ')};`);
    return names;
  };
  const go = (node: LayoutNode, exprs: readonly string[], viaIndex: boolean): void => {
    switch (node.kind) {
      case 'scalar':
        visit.scalar(node, exprs);
        return;
      case 'record': {
        const vs = node === layout.root ? [...exprs] : hoist(exprs);
        if (viaIndex && visit.element) visit.element(node, vs);
        for (const m of node.members) {
          const key = memberKey(m.name, m.node.field);
          go(m.node, vs.map((v) => `${v}.${key}`), false);
        }
        return;
      }
      case 'array': {
        const vs = hoist(exprs);
        if (visit.array) visit.array(node, vs);
        node.items.forEach((item, i) => go(item, vs.map((v) => `${v}[${i}]`), true));
        return;
      }
      case 'queue': {
        const vs = hoist(exprs);
        if (viaIndex && visit.element) visit.element(node, vs);
        visit.internal(node.lengthSlot, vs.map((v) => `${v}.$n`));
        const items = hoist(vs.map((v) => `${v}.$items`));
        node.items.forEach((item, i) => go(item, items.map((v) => `${v}[${i}]`), false));
        return;
      }
      case 'set': {
        const vs = hoist(exprs);
        if (viaIndex && visit.element) visit.element(node, vs);
        const bits = hoist(vs.map((v) => `${v}.$bits`));
        for (let i = 0; i < node.domain.size; i++) visit.internal(node.firstSlot + i, bits.map((v) => `${v}[${i}]`));
        return;
      }
    }
  };
  go(layout.root, roots, false);
}

function genPack(layout: Layout, structures: string[], recordId: (node: LayoutNode) => number): PackFn {
  const { words, slotLo, slotHi, slotWord, slotShift } = layout;
  const lines: string[] = ['let x, v;'];
  for (let w = 0; w < words; w++) lines.push(`let w${w} = 0;`);
  walk(layout, ['view'], lines, {
    scalar(node, [e]) {
      const i = node.slot;
      const lo = slotLo[i]!;
      const span = slotHi[i]! - lo;
      const w = `w${slotWord[i]}`;
      const sh = slotShift[i]!;
      const kind = layout.slots[i]!.kind;
      if (kind === 'boolean') {
        lines.push(`x = ${e}; if (x === true) ${w} |= ${1 << sh}; else if (x !== false) return ${i};`);
      } else if (kind === 'bool01') {
        lines.push(`x = ${e}; if (x === 1 || x === true) ${w} |= ${1 << sh}; else if (x !== 0 && x !== false) return ${i};`);
      } else {
        // One unsigned comparison checks the lower bound, integrality and NaN; typeof refuses booleans and strings.
        const sub = lo === 0 ? 'x' : `x - (${lo})`;
        lines.push(`x = ${e}; if (typeof x !== 'number' || (v = ${sub}) >>> 0 !== v || v > ${span}) return ${i}; ${w} |= v << ${sh};`);
      }
    },
    internal(slot, [e]) {
      lines.push(`w${slotWord[slot]} |= ${e} << ${slotShift[slot]};`);
    },
    array(node, [e]) {
      structures.push(`${node.path} has length ${node.field.length}; an action changed its length (an index outside 0..${node.field.length - 1}?)`);
      lines.push(`if (${e}.length !== ${node.field.length}) return ${-1 - structures.length};`);
    },
    element(node, [e]) {
      if (node.kind === 'record') {
        structures.push(`an element of an array of records was replaced by assignment: change its fields instead`);
        lines.push(`if (${e} === null || typeof ${e} !== 'object' || ${e}.$id !== ${recordId(node)}) return ${-1 - structures.length};`);
      }
    },
  });
  for (let w = 0; w < words; w++) lines.push(`out[at + ${w}] = w${w};`);
  lines.push('return -1;');
  return new Function(`return function pack(view, out, at) {\n${lines.join('\n')}\n}`)() as PackFn;
}

function genUnpack(layout: Layout): UnpackFn {
  const { words, slotLo, slotWord, slotShift, slotMask } = layout;
  const lines: string[] = [];
  for (let w = 0; w < words; w++) lines.push(`const w${w} = src[at + ${w}];`);
  const read = (i: number): string => {
    const base = `((w${slotWord[i]} >>> ${slotShift[i]}) & ${slotMask[i]})`;
    return slotLo[i] === 0 ? base : `${base} + (${slotLo[i]})`;
  };
  walk(layout, ['view'], lines, {
    scalar(node, [e]) {
      const i = node.slot;
      lines.push(layout.slots[i]!.kind === 'boolean' ? `${e} = ${read(i)} === 1;` : `${e} = ${read(i)};`);
    },
    internal(slot, [e]) {
      lines.push(`${e} = ${read(slot)};`);
    },
  });
  return new Function(`return function unpack(src, at, view) {\n${lines.join('\n')}\n}`)() as UnpackFn;
}

function genCopy(layout: Layout): CopyFn {
  const lines: string[] = [];
  walk(layout, ['from', 'to'], lines, {
    scalar(_node, [a, b]) {
      lines.push(`${b} = ${a};`);
    },
    internal(_slot, [a, b]) {
      lines.push(`${b} = ${a};`);
    },
  });
  return new Function(`return function copy(from, to) {\n${lines.join('\n')}\n}`)() as CopyFn;
}

function genSame(layout: Layout): SameFn {
  const lines: string[] = [];
  walk(layout, ['a', 'b'], lines, {
    scalar(node, [a, b]) {
      lines.push(`if (${a} !== ${b}) return ${node.slot};`);
    },
    internal(slot, [a, b]) {
      lines.push(`if (${a} !== ${b}) return ${slot};`);
    },
    array(node, [a, b]) {
      lines.push(`if (${a}.length !== ${b}.length) return ${firstSlotOf(node)};`);
    },
  });
  lines.push('return -1;');
  return new Function(`return function same(a, b) {\n${lines.join('\n')}\n}`)() as SameFn;
}

function firstSlotOf(node: LayoutNode): number {
  switch (node.kind) {
    case 'scalar':
      return node.slot;
    case 'queue':
      return node.lengthSlot;
    case 'set':
      return node.firstSlot;
    case 'array':
      return firstSlotOf(node.items[0]!);
    case 'record':
      return node.members.length > 0 ? firstSlotOf(node.members[0]!.node) : 0;
  }
}

/** `recordId` gives the `$id` the view class of a record node carries (see facade.ts). */
export function generateCodec(layout: Layout, recordId: (node: LayoutNode) => number): Codec {
  const structures: string[] = [];
  return { pack: genPack(layout, structures, recordId), unpack: genUnpack(layout), copy: genCopy(layout), same: genSame(layout), structures };
}
