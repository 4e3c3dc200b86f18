/**
 * The finite domain of a set's elements (or a queue's): an integer range, an
 * enum, ids, booleans, or records of those. Each possible element gets an
 * index (records in mixed radix, first field fastest), so a set is one bit
 * per index and a queue slot holds the element's fields. Values outside the
 * domain are refused by name rather than wrapped.
 */
import { type ElementField, type ScalarField, scalarRange } from './shape.ts';

export interface DomainPart {
  /** The record field, or undefined for a scalar domain. */
  readonly name: string | undefined;
  readonly field: ScalarField;
  readonly lo: number;
  readonly span: number;
  readonly radix: number;
}

export interface ElementDomain {
  readonly size: number;
  readonly parts: readonly DomainPart[];
  /** The element's index, or -1 when the value is not in the domain. */
  encode(value: unknown): number;
  /** The value with this index: a number, a boolean, or a frozen record. */
  decode(index: number): unknown;
  /** The element as TLA+ would print it, for messages and paths. */
  show(index: number): string;
}

/** A scalar field's stored number for a value, or undefined when the value is not of the field's kind or range. */
export function storedOf(field: ScalarField, value: unknown): number | undefined {
  if (field.kind === 'boolean') return value === true ? 1 : value === false ? 0 : undefined;
  if (field.kind === 'enum' && field.legacyBool && typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'number' || !Number.isInteger(value)) return undefined;
  const { lo, hi } = scalarRange(field);
  return value >= lo && value <= hi ? value : undefined;
}

/** A stored number as the model sees it: booleans as true/false, everything else as the number. */
export function viewOf(field: ScalarField, stored: number): number | boolean {
  return field.kind === 'boolean' ? stored === 1 : stored;
}

/** A stored number as TLA+ prints it. */
export function showStored(field: ScalarField, stored: number): string {
  if (field.kind === 'boolean' || (field.kind === 'enum' && field.legacyBool)) return stored === 1 ? 'TRUE' : 'FALSE';
  if (field.kind === 'enum') return field.symmetric !== undefined ? (field.values[stored] ?? String(stored)) : `"${field.values[stored] ?? stored}"`;
  return String(stored);
}

const MAX_ELEMENTS = 4096;

export function elementDomain(of: ElementField): ElementDomain {
  const entries: [string | undefined, ScalarField][] = of.kind === 'record' ? Object.entries(of.fields) : [[undefined, of]];
  let radix = 1;
  const parts: DomainPart[] = entries.map(([name, field]) => {
    if (field === undefined || (field.kind !== 'int' && field.kind !== 'enum' && field.kind !== 'boolean')) {
      throw new Error(`a set or queue element ${name === undefined ? '' : `field ${name} `}must be an integer range, an enum, ids or a boolean (records of those are fine)`);
    }
    const { lo, hi } = scalarRange(field);
    const part = { name, field, lo, span: hi - lo + 1, radix };
    radix *= hi - lo + 1;
    if (radix > MAX_ELEMENTS) throw new Error(`a set's element domain has more than ${MAX_ELEMENTS} values: use smaller ranges`);
    return part;
  });
  const size = radix;
  const isRecord = of.kind === 'record';
  const encode = (value: unknown): number => {
    if (!isRecord) {
      const v = storedOf(parts[0]!.field, value);
      return v === undefined ? -1 : v - parts[0]!.lo;
    }
    if (typeof value !== 'object' || value === null) return -1;
    const rec = value as Record<string, unknown>;
    let index = 0;
    for (const p of parts) {
      const v = storedOf(p.field, rec[p.name!]);
      if (v === undefined) return -1;
      index += (v - p.lo) * p.radix;
    }
    return index;
  };
  const storedAt = (index: number, p: DomainPart): number => (Math.floor(index / p.radix) % p.span) + p.lo;
  const decode = (index: number): unknown => {
    if (!isRecord) return viewOf(parts[0]!.field, storedAt(index, parts[0]!));
    const out: Record<string, unknown> = {};
    for (const p of parts) out[p.name!] = viewOf(p.field, storedAt(index, p));
    return Object.freeze(out);
  };
  const show = (index: number): string => {
    if (!isRecord) return showStored(parts[0]!.field, storedAt(index, parts[0]!));
    return `[${parts.map((p) => `${p.name} |-> ${showStored(p.field, storedAt(index, p))}`).join(', ')}]`;
  };
  return { size, parts, encode, decode, show };
}
