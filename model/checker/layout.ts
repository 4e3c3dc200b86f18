/**
 * Slot layout and bit packing derived from a declared shape.
 *
 * The shape is flattened into a tree of nodes (records, arrays, queues, sets)
 * whose leaves are slots: one per scalar, one per queue length, one bit per
 * possible set element. For storage each slot is offset by its lower bound
 * and packed into as few bits as its range needs; slots never straddle a
 * 32-bit word, so packing and unpacking are a shift and a mask. A state of
 * the reference model fits in a handful of words, which keeps both the state
 * store and the fingerprint input small.
 */
import { elementDomain, type ElementDomain } from './element-domain.ts';
import { type ArrayField, type Field, type QueueField, type RecordField, type ScalarField, type SetField, type Shape, isScalar, scalarRange } from './shape.ts';

export type SlotKind = 'int' | 'enum' | 'bool01' | 'boolean' | 'bit' | 'length';

/** One step from a node to a child in the view graph: an own property or an array index. */
export type Step = string | number;

export interface SlotInfo {
  readonly kind: SlotKind;
  readonly field?: ScalarField;
  /** Readable location for messages: `pc`, `acct[1].balance`, `reversals.length`, `msgs[3]`. */
  readonly path: string;
  /** From the root view to the value: property names and indices. */
  readonly access: readonly Step[];
}

export type LayoutNode =
  | { readonly kind: 'scalar'; readonly field: ScalarField; readonly slot: number }
  | { readonly kind: 'record'; readonly field: RecordField; readonly members: readonly { readonly name: string; readonly node: LayoutNode }[] }
  | { readonly kind: 'array'; readonly field: ArrayField; readonly items: readonly LayoutNode[]; readonly path: string }
  | { readonly kind: 'queue'; readonly field: QueueField; readonly lengthSlot: number; readonly items: readonly LayoutNode[]; readonly path: string }
  | { readonly kind: 'set'; readonly field: SetField; readonly firstSlot: number; readonly domain: ElementDomain; readonly path: string };

export interface FieldLayout {
  readonly name: string;
  readonly field: Field;
  /** First slot of this variable. */
  readonly offset: number;
  readonly slots: number;
}

export interface Layout {
  readonly root: Extract<LayoutNode, { kind: 'record' }>;
  readonly fields: readonly FieldLayout[];
  readonly slots: readonly SlotInfo[];
  /** Number of slots. */
  readonly width: number;
  /** Number of Uint32 words in a packed state. */
  readonly words: number;
  readonly slotLo: Int32Array;
  readonly slotHi: Int32Array;
  readonly slotWord: Int32Array;
  readonly slotShift: Int32Array;
  readonly slotMask: Uint32Array;
  /** Which top-level variable each slot belongs to. */
  readonly slotField: Int32Array;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set(['constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'toJSON', 'then']);
/** Sets and queues are unrolled into slots; past this many the state would not be small any more. */
const MAX_SLOTS = 4096;

export function checkName(name: string, where: string): void {
  // The names become properties of generated classes, so a few JavaScript names are off limits.
  if (!IDENTIFIER.test(name) || name.startsWith('$') || RESERVED.has(name)) {
    throw new Error(`${where} name "${name}" is not usable (plain identifiers only, not starting with $, not ${[...RESERVED].join(', ')})`);
  }
}

/** Composite members of a record view are held under `$name`; the view exposes them through a getter. */
export const memberKey = (name: string, field: Field): string => (isScalar(field) ? name : `$${name}`);

class Builder {
  readonly slots: SlotInfo[] = [];
  readonly lo: number[] = [];
  readonly hi: number[] = [];

  slot(info: SlotInfo, lo: number, hi: number): number {
    if (this.slots.length >= MAX_SLOTS) throw new Error(`the state has more than ${MAX_SLOTS} slots (sets and queues count one per element): use smaller domains`);
    this.slots.push(info);
    this.lo.push(lo);
    this.hi.push(hi);
    return this.slots.length - 1;
  }

  scalar(field: ScalarField, path: string, access: Step[]): LayoutNode {
    const { lo, hi } = scalarRange(field);
    const kind: SlotKind = field.kind === 'enum' ? (field.legacyBool ? 'bool01' : 'enum') : field.kind;
    return { kind: 'scalar', field, slot: this.slot({ kind, field, path, access }, lo, hi) };
  }

  node(field: Field, path: string, access: Step[]): LayoutNode {
    switch (field.kind) {
      case 'int':
      case 'enum':
      case 'boolean':
        return this.scalar(field, path, access);
      case 'record':
        return this.record(field, path, access);
      case 'array':
        return { kind: 'array', field, path, items: Array.from({ length: field.length }, (_, i) => this.node(field.of, `${path}[${i}]`, [...access, i])) };
      case 'queue': {
        const lengthSlot = this.slot({ kind: 'length', path: `${path}.length`, access: [...access, '$n'] }, 0, field.capacity);
        const items = Array.from({ length: field.capacity }, (_, i) => this.node(field.of, `${path}[${i}]`, [...access, '$items', i]));
        return { kind: 'queue', field, path, lengthSlot, items };
      }
      case 'set': {
        const domain = elementDomain(field.of);
        const first = this.slots.length;
        for (let i = 0; i < domain.size; i++) this.slot({ kind: 'bit', path: `${path}[${domain.show(i)}]`, access: [...access, '$bits', i] }, 0, 1);
        return { kind: 'set', field, path, firstSlot: first, domain };
      }
    }
  }

  record(field: RecordField, path: string, access: Step[]): Extract<LayoutNode, { kind: 'record' }> {
    const members = Object.entries(field.fields).map(([name, f]) => {
      checkName(name, path === '' ? 'state variable' : `field of ${path}:`);
      if (f === undefined || typeof f !== 'object' || typeof (f as { kind?: unknown }).kind !== 'string') {
        throw new Error(`${path === '' ? 'state variable' : 'field'} ${path === '' ? name : `${path}.${name}`} is not a field type (use int, oneOf, boolean, record, array, queue or setOf)`);
      }
      return { name, node: this.node(f, path === '' ? name : `${path}.${name}`, [...access, memberKey(name, f)]) };
    });
    return { kind: 'record', field, members };
  }
}

function bitsFor(span: number): number {
  let bits = 0;
  while (bits < 32 && 2 ** bits <= span) bits++;
  return Math.max(bits, 1);
}

export function computeLayout(shape: Shape): Layout {
  const b = new Builder();
  const root = b.record({ kind: 'record', fields: shape }, '', []);
  const fields: FieldLayout[] = [];
  const width = b.slots.length;
  const slotField = new Int32Array(width);
  let offset = 0;
  root.members.forEach((m, k) => {
    const slots = slotCount(m.node);
    fields.push({ name: m.name, field: shape[m.name]!, offset, slots });
    slotField.fill(k, offset, offset + slots);
    offset += slots;
  });
  const slotLo = Int32Array.from(b.lo);
  const slotHi = Int32Array.from(b.hi);
  const slotWord = new Int32Array(width);
  const slotShift = new Int32Array(width);
  const slotMask = new Uint32Array(width);
  let word = 0;
  let used = 0;
  for (let i = 0; i < width; i++) {
    const bits = bitsFor(slotHi[i]! - slotLo[i]!);
    if (bits > 31) throw new Error(`variable "${b.slots[i]!.path}" has a range too wide to pack`);
    if (used + bits > 32) {
      word++;
      used = 0;
    }
    slotWord[i] = word;
    slotShift[i] = used;
    slotMask[i] = (2 ** bits - 1) >>> 0;
    used += bits;
  }
  return { root, fields, slots: b.slots, width, words: width === 0 ? 1 : word + 1, slotLo, slotHi, slotWord, slotShift, slotMask, slotField };
}

/** How many slots a node holds. */
function slotCount(node: LayoutNode): number {
  switch (node.kind) {
    case 'scalar':
      return 1;
    case 'queue':
      return 1 + node.items.reduce((n, i) => n + slotCount(i), 0);
    case 'set':
      return node.domain.size;
    case 'record':
      return node.members.reduce((n, m) => n + slotCount(m.node), 0);
    case 'array':
      return node.items.reduce((n, i) => n + slotCount(i), 0);
  }
}
