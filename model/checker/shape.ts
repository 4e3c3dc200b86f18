/**
 * State shapes: how a model declares its variables and their finite domains.
 *
 * A model states each variable's type once (an integer range, a named enum, a
 * fixed-length array or a bounded FIFO queue of those). From that declaration
 * the checker derives a flat slot layout (one 32-bit slot per scalar), the bit
 * packing used to store states, and a typed object view the model's actions
 * read and write. The model never sees the packing, only named fields.
 */

export type IntField = { readonly kind: 'int'; readonly lo: number; readonly hi: number };
export type EnumField = { readonly kind: 'enum'; readonly values: readonly string[] };
export type ScalarField = IntField | EnumField;
export type ArrayField = { readonly kind: 'array'; readonly length: number; readonly of: ScalarField };
export type QueueField = { readonly kind: 'queue'; readonly capacity: number; readonly of: ScalarField };
export type Field = ScalarField | ArrayField | QueueField;
export type Shape = Readonly<Record<string, Field>>;

/** A bounded FIFO queue stored in slots; unused slots are kept at zero so that equal queues encode equally. */
export interface QueueView {
  readonly length: number;
  at(index: number): number;
  push(value: number): void;
  shift(): number;
}

type ValueOf<F extends Field> = F extends ScalarField
  ? number
  : F extends ArrayField
    ? Int32Array
    : F extends QueueField
      ? QueueView
      : never;

/** The object a model's actions and predicates receive: scalars are numbers, arrays and queues are views. */
export type StateOf<S extends Shape> = {
  -readonly [K in keyof S as S[K] extends ScalarField ? K : never]: ValueOf<S[K]>;
} & {
  readonly [K in keyof S as S[K] extends ScalarField ? never : K]: ValueOf<S[K]>;
};

/** Names for enum values: `labels('idle', 'busy').busy === 1`, plus the ordered list for display. */
export type Labels<T extends readonly string[]> = { readonly [K in T[number]]: number } & { readonly $values: T };

export function labels<const T extends readonly string[]>(...values: T): Labels<T> {
  const out: Record<string, unknown> = { $values: values };
  values.forEach((v, i) => {
    out[v] = i;
  });
  return out as Labels<T>;
}

export function int(lo: number, hi: number): IntField {
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo > hi) {
    throw new Error(`int(${lo}, ${hi}) is not a valid integer range`);
  }
  return { kind: 'int', lo, hi };
}

export function oneOf(l: { readonly $values: readonly string[] }): EnumField {
  return { kind: 'enum', values: l.$values };
}

export function bool(): EnumField {
  return { kind: 'enum', values: ['FALSE', 'TRUE'] };
}

export function array(length: number, of: ScalarField): ArrayField {
  return { kind: 'array', length, of };
}

export function queue(capacity: number, of: ScalarField): QueueField {
  return { kind: 'queue', capacity, of };
}

/** Lowest and highest stored value of a scalar; enums are stored as their index. */
export function scalarRange(f: ScalarField): { lo: number; hi: number } {
  return f.kind === 'int' ? { lo: f.lo, hi: f.hi } : { lo: 0, hi: f.values.length - 1 };
}
