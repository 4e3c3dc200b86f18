/**
 * State shapes: how a model declares its variables and their finite domains.
 *
 * A model states each variable's type once: an integer range, a named enum,
 * a boolean, a record of fields, a fixed-length array (a function from a
 * small domain), a bounded FIFO queue, or a set over a small finite domain.
 * From that declaration the checker derives a flat slot layout (one slot per
 * scalar, one bit slot per possible set element), the bit packing used to
 * store states, and the object view the model's actions read and write. The
 * model never sees the packing, only named fields.
 *
 * A domain may be declared symmetric (`ids('p', 3)`): its values are
 * interchangeable, and the checker keeps one state per permutation class,
 * as TLC does with a SYMMETRY declaration.
 */

export type IntField = { readonly kind: 'int'; readonly lo: number; readonly hi: number };
/**
 * Values are held as their index. `symmetric` names the permutation group of
 * an `ids()` domain; `legacyBool` marks `bool()`, whose FALSE/TRUE are held as 0/1.
 */
export type EnumField = { readonly kind: 'enum'; readonly values: readonly string[]; readonly symmetric?: string; readonly legacyBool?: true };
/** A TLA+ boolean, held in the view as JavaScript `true` or `false`. */
export type BooleanField = { readonly kind: 'boolean' };
export type ScalarField = IntField | EnumField | BooleanField;
export type RecordField = { readonly kind: 'record'; readonly fields: Shape };
/** A record of scalars: what a queue or a set may hold. */
export type FlatRecordField = { readonly kind: 'record'; readonly fields: Readonly<Record<string, ScalarField>> };
export type ElementField = ScalarField | FlatRecordField;
export type ArrayField = { readonly kind: 'array'; readonly length: number; readonly of: Field; readonly symmetric?: string };
export type QueueField = { readonly kind: 'queue'; readonly capacity: number; readonly of: ElementField };
export type SetField = { readonly kind: 'set'; readonly of: ElementField };
export type Field = ScalarField | RecordField | ArrayField | QueueField | SetField;
export type Shape = Readonly<Record<string, Field>>;

/** A bounded FIFO queue; `at`, `shift` and a push beyond capacity throw, naming the queue. */
export interface QueueView<T> extends Iterable<T> {
  readonly length: number;
  readonly capacity: number;
  at(index: number): T;
  push(value: T): void;
  shift(): T;
  /** The first element without removing it. */
  head(): T;
}

/** A set over a small finite domain; adding a value outside the domain throws, naming the set. */
export interface SetView<T> extends Iterable<T> {
  readonly size: number;
  has(value: T): boolean;
  add(value: T): void;
  delete(value: T): void;
  clear(): void;
  values(): T[];
}

type PlainOf<F extends ElementField> = F extends FlatRecordField ? { -readonly [K in keyof F['fields']]: ScalarValue<F['fields'][K]> } : F extends ScalarField ? ScalarValue<F> : never;
type ScalarValue<F extends ScalarField> = F extends BooleanField ? boolean : number;

/** What a field looks like to a model: scalars are values, the rest are views. */
export type ValueOf<F extends Field> = F extends ScalarField
  ? ScalarValue<F>
  : F extends RecordField
    ? StateOf<F['fields']>
    : F extends ArrayField
      ? ArrayValue<F['of']>
      : F extends QueueField
        ? QueueView<PlainOf<F['of']>>
        : F extends SetField
          ? SetView<PlainOf<F['of']>>
          : never;

/** Arrays of scalars are assignable by element; arrays of records, queues or sets by their fields only. */
type ArrayValue<F extends Field> = F extends ScalarField ? ValueOf<F>[] : readonly ValueOf<F>[];

/** The object a model's actions and predicates receive: scalars are writable, composite fields are views. */
export type StateOf<S extends Shape> = {
  -readonly [K in keyof S as S[K] extends ScalarField ? K : never]: ValueOf<S[K]>;
} & {
  readonly [K in keyof S as S[K] extends ScalarField ? never : K]: ValueOf<S[K]>;
};

/** Names for enum values: `labels('idle', 'busy').busy === 1`, plus the ordered list for display. */
export type Labels<T extends readonly string[]> = { readonly [K in T[number]]: number } & { readonly $values: T };

export function labels<const T extends readonly string[]>(...values: T): Labels<T> {
  if (values.length === 0) throw new Error('labels() needs at least one value');
  if (new Set(values).size !== values.length) throw new Error(`labels(${values.join(', ')}) repeats a value`);
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

/** A field holding one of the labels (by index), or one id of an ids() domain. */
export function oneOf(l: { readonly $values: readonly string[] } | IdDomain): EnumField {
  if ('kind' in l) return l;
  return { kind: 'enum', values: l.$values };
}

/** A boolean held as JavaScript `true`/`false`; prints as TRUE/FALSE. */
export function boolean(): BooleanField {
  return { kind: 'boolean' };
}

/** A boolean held as 1 (TRUE) or 0 (FALSE), for models written with numbers; prints as TRUE/FALSE. */
export function bool(): EnumField {
  return { kind: 'enum', values: ['FALSE', 'TRUE'], legacyBool: true };
}

/** A record (TLA+ `[a |-> .., b |-> ..]`) of named fields, which may themselves be records, arrays, queues or sets. */
export function record<const S extends Shape>(fields: S): { readonly kind: 'record'; readonly fields: S } {
  return { kind: 'record', fields };
}

/**
 * A function from `0 .. length-1` (or from a symmetric `ids()` domain) to
 * values of `of`: TLA+'s `[D -> T]`, read and written as `s.f[i]`.
 */
export function array<F extends Field>(length: number | IdDomain, of: F): ArrayField & { readonly of: F } {
  if (typeof length === 'number') {
    if (!Number.isSafeInteger(length) || length < 1) throw new Error(`array(${length}, ...): the length must be a positive integer`);
    return { kind: 'array', length, of };
  }
  return { kind: 'array', length: length.size, of, symmetric: length.group };
}

export function queue<F extends ElementField>(capacity: number, of: F): QueueField & { readonly of: F } {
  if (!Number.isSafeInteger(capacity) || capacity < 1) throw new Error(`queue(${capacity}, ...): the capacity must be a positive integer`);
  return { kind: 'queue', capacity, of };
}

/** A subset of a small finite domain (integers, an enum, ids, or records of those). */
export function setOf<F extends ElementField>(of: F): SetField & { readonly of: F } {
  return { kind: 'set', of };
}

/** A symmetric set of interchangeable ids (TLA+ model values with SYMMETRY). */
export interface IdDomain extends EnumField {
  readonly group: string;
  readonly size: number;
  /** The ids, 0 .. size-1, for action parameters. */
  readonly all: readonly number[];
}

/** `ids('p', 3)`: three interchangeable ids p1, p2, p3, held as 0, 1, 2; a field of this type holds one of them. */
export function ids(prefix: string, size: number): IdDomain {
  if (!Number.isSafeInteger(size) || size < 1 || size > 8) throw new Error(`ids(${prefix}, ${size}): between 1 and 8 ids`);
  const values = Array.from({ length: size }, (_, i) => `${prefix}${i + 1}`);
  return { kind: 'enum', values, symmetric: prefix, group: prefix, size, all: values.map((_, i) => i) };
}

/** Lowest and highest stored value of a scalar; enums are stored as their index, booleans as 0/1. */
export function scalarRange(f: ScalarField): { lo: number; hi: number } {
  if (f.kind === 'int') return { lo: f.lo, hi: f.hi };
  if (f.kind === 'boolean') return { lo: 0, hi: 1 };
  return { lo: 0, hi: f.values.length - 1 };
}

export function isScalar(f: Field): f is ScalarField {
  return f.kind === 'int' || f.kind === 'enum' || f.kind === 'boolean';
}
