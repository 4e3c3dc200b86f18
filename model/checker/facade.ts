/**
 * The object view a model's actions read and write.
 *
 * Actions are written against plain-looking objects (`s.balance -= 5`,
 * `s.status[t] = Status.done`, `s.acct[t].limit`, `s.queue.push(t)`,
 * `s.sent.add(m)`): records are instances of a class generated per record
 * type with one data property per scalar, so V8 sees one shape and inlines
 * every access; arrays are ordinary arrays; queues and sets are small view
 * objects. A view graph is built once and reused for every state.
 *
 * Mistakes are caught where they happen instead of producing a wrong state:
 * every record's prototype chain ends in a guard that throws on a field the
 * record does not have (a misspelt `s.balanse` read or write), composite
 * fields cannot be replaced by assignment, and with `guardArrays` every
 * array's prototype is a guard that throws on an index outside the array.
 * The record guard costs nothing on correct accesses (they never reach it);
 * the array guard slows array-heavy models, so `--fast` leaves it out.
 */
import { type ElementDomain, storedOf } from './element-domain.ts';
import { memberKey, type Layout, type LayoutNode } from './layout.ts';
import { type ElementField, type RecordField, isScalar, scalarRange } from './shape.ts';

export type View = Record<string, unknown>;

const ALWAYS_READABLE = new Set(['toJSON', 'then', 'constructor', 'asymmetricMatch', 'nodeType', 'tagName', 'length']);

function readable(key: string | symbol, target: object): boolean {
  return typeof key === 'symbol' || key in target || key.startsWith('$') || key.startsWith('@@') || ALWAYS_READABLE.has(key);
}

function fieldList(receiver: unknown): string {
  const fields = (receiver as { $fields?: readonly string[] }).$fields ?? [];
  const what = (receiver as { $what?: string }).$what ?? 'record';
  return `${what === 'state' ? 'variables' : 'fields'}: ${fields.join(', ') || 'none'}`;
}

/** The end of every record's prototype chain: a read or write of a field the record does not have throws. */
const recordGuard: object = new Proxy(Object.prototype, {
  get(target, key, receiver) {
    if (readable(key, target)) return Reflect.get(target, key, receiver);
    const what = (receiver as { $what?: string }).$what === 'state' ? 'the state has no variable' : 'this record has no field';
    throw new TypeError(`${what} "${String(key)}" (${fieldList(receiver)})`);
  },
  set(_target, key, _value, receiver) {
    const what = (receiver as { $what?: string }).$what === 'state' ? 'the state has no variable' : 'this record has no field';
    throw new TypeError(`assignment to "${String(key)}": ${what} "${String(key)}" (${fieldList(receiver)})`);
  },
});

const arrayNames = new WeakMap<object, string>();
const NUMERIC = /^-?\d+(\.\d+)?$|^NaN$|^-?Infinity$|^undefined$/;

function indexError(receiver: object, key: string): RangeError {
  const len = (receiver as unknown[]).length;
  return new RangeError(`${arrayNames.get(receiver) ?? 'array'}[${key}]: index outside 0..${len - 1}`);
}

/** The prototype of guarded arrays: in-range indices are own elements and never reach it; anything else throws. */
const arrayGuard: object = new Proxy(Array.prototype, {
  get(target, key, receiver) {
    if (typeof key === 'symbol' || key in target) return Reflect.get(target, key, receiver);
    if (NUMERIC.test(key)) throw indexError(receiver as object, key);
    throw new TypeError(`${arrayNames.get(receiver as object) ?? 'array'}.${key}: arrays have no property ${key}`);
  },
  set(_target, key, _value, receiver) {
    if (typeof key === 'string' && NUMERIC.test(key)) throw indexError(receiver as object, key);
    throw new TypeError(`${arrayNames.get(receiver as object) ?? 'array'}.${String(key)}: arrays take indices only`);
  },
});

const typeIds = new WeakMap<RecordField, number>();
let nextTypeId = 1;

/** The `$id` every view of a record type carries, which pack checks to catch a record replaced by assignment. */
export function recordTypeId(field: RecordField): number {
  let id = typeIds.get(field);
  if (id === undefined) {
    id = nextTypeId++;
    typeIds.set(field, id);
  }
  return id;
}

/** A record class per record type, with scalars as data properties and composites behind read-only getters. */
function recordClass(field: RecordField, what: 'state' | 'record'): new (children: readonly unknown[]) => View {
  const entries = Object.entries(field.fields);
  const lines: string[] = ['return class {'];
  let child = 0;
  const ctor: string[] = [];
  for (const [name, f] of entries) {
    if (isScalar(f)) {
      lines.push(`${name} = ${f.kind === 'boolean' ? 'false' : scalarRange(f).lo};`);
    } else {
      const key = memberKey(name, f);
      lines.push(`${key} = null;`);
      ctor.push(`this.${key} = c[${child++}];`);
      lines.push(`get ${name}() { return this.${key}; }`);
      const what = f.kind === 'array' ? 'an array' : `a ${f.kind}`;
      lines.push(`set ${name}(v) { throw new TypeError(${JSON.stringify(`${name} is ${what}: change its ${f.kind === 'queue' || f.kind === 'set' ? 'contents' : 'elements or fields'}, do not assign it`)}); }`);
    }
  }
  lines.push(`constructor(c) { ${ctor.join(' ')} }`, '};');
  const Cls = new Function(lines.join('\n'))() as new (children: readonly unknown[]) => View;
  Object.defineProperty(Cls.prototype, '$id', { value: recordTypeId(field) });
  Object.defineProperty(Cls.prototype, '$what', { value: what });
  Object.defineProperty(Cls.prototype, '$fields', { value: entries.map(([n]) => n) });
  Object.setPrototypeOf(Cls.prototype, recordGuard);
  return Cls;
}

/** How a queue or set element is written into and read out of its slots. */
interface ElementSpec {
  readonly record: boolean;
  readonly names: readonly string[];
  readonly blank: () => unknown;
  readonly make: () => unknown;
}

export class QueueImpl {
  $n = 0;
  constructor(
    readonly $items: unknown[],
    readonly capacity: number,
    private readonly $el: ElementSpec,
    private readonly $name: string,
  ) {}

  get length(): number {
    return this.$n;
  }

  at(index: number): unknown {
    if (!Number.isInteger(index) || index < 0 || index >= this.$n) throw new RangeError(`${this.$name}.at(${index}): index outside 0..${this.$n - 1}`);
    return this.$items[index];
  }

  head(): unknown {
    if (this.$n === 0) throw new RangeError(`${this.$name}.head(): the queue is empty`);
    return this.$items[0];
  }

  push(value: unknown): void {
    if (this.$n >= this.capacity) throw new RangeError(`${this.$name}.push: the queue is full (capacity ${this.capacity}); declare a larger capacity`);
    if (this.$el.record) assignRecord(this.$items[this.$n] as View, value, this.$el.names, `${this.$name}.push`);
    else this.$items[this.$n] = value;
    this.$n++;
  }

  shift(): unknown {
    const n = this.$n;
    if (n === 0) throw new RangeError(`${this.$name}.shift(): the queue is empty`);
    const items = this.$items;
    if (!this.$el.record) {
      const head = items[0];
      for (let i = 1; i < n; i++) items[i - 1] = items[i];
      // The vacated slot returns to the blank value so that equal queues pack equally.
      items[n - 1] = this.$el.blank();
      this.$n = n - 1;
      return head;
    }
    const names = this.$el.names;
    const head = Object.freeze(Object.fromEntries(names.map((k) => [k, (items[0] as View)[k]])));
    for (let i = 1; i < n; i++) for (const k of names) (items[i - 1] as View)[k] = (items[i] as View)[k];
    const blank = this.$el.blank() as View;
    for (const k of names) (items[n - 1] as View)[k] = blank[k];
    this.$n = n - 1;
    return head;
  }

  *[Symbol.iterator](): Iterator<unknown> {
    for (let i = 0; i < this.$n; i++) yield this.$items[i];
  }
}

function assignRecord(target: View, value: unknown, names: readonly string[], where: string): void {
  if (typeof value !== 'object' || value === null) throw new TypeError(`${where}: expected a record with fields ${names.join(', ')}, got ${String(value)}`);
  for (const k of Object.keys(value)) if (!names.includes(k)) throw new TypeError(`${where}: the record has no field "${k}" (fields: ${names.join(', ')})`);
  for (const k of names) target[k] = (value as View)[k];
}

export class SetImpl {
  constructor(
    readonly $bits: number[],
    private readonly $domain: ElementDomain,
    private readonly $of: ElementField,
    private readonly $name: string,
  ) {}

  private indexOf(value: unknown, op: string, strict: boolean): number {
    const i = this.$domain.encode(value);
    if (i >= 0) return i;
    if (!strict && sameKind(this.$of, value)) return -1;
    throw new RangeError(`${this.$name}.${op}(${describe(value)}): not a value of the set's element domain`);
  }

  has(value: unknown): boolean {
    const i = this.indexOf(value, 'has', false);
    return i >= 0 && this.$bits[i] === 1;
  }

  add(value: unknown): void {
    this.$bits[this.indexOf(value, 'add', true)] = 1;
  }

  delete(value: unknown): void {
    const i = this.indexOf(value, 'delete', false);
    if (i >= 0) this.$bits[i] = 0;
  }

  clear(): void {
    this.$bits.fill(0);
  }

  get size(): number {
    let n = 0;
    for (const b of this.$bits) n += b;
    return n;
  }

  values(): unknown[] {
    const out: unknown[] = [];
    this.$bits.forEach((b, i) => {
      if (b === 1) out.push(this.$domain.decode(i));
    });
    return out;
  }

  [Symbol.iterator](): Iterator<unknown> {
    return this.values()[Symbol.iterator]();
  }
}

/** True when a value has the element's kind (a number, a boolean, a record with its fields) even if out of range. */
function sameKind(of: ElementField, value: unknown): boolean {
  if (of.kind !== 'record') return of.kind === 'boolean' ? typeof value === 'boolean' : typeof value === 'number' && Number.isInteger(value);
  if (typeof value !== 'object' || value === null) return false;
  const names = Object.keys(of.fields);
  return Object.keys(value).every((k) => names.includes(k)) && names.every((k) => sameKind(of.fields[k]!, (value as View)[k]));
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export interface ViewOptions {
  /** Throw on reads and writes outside an array (slower array access). */
  readonly guardArrays: boolean;
}

export type ViewFactory = () => View;

/** Builds the factory of fresh view graphs for a layout. */
export function viewFactory(layout: Layout, opts: ViewOptions): ViewFactory {
  const classes = new Map<RecordField, new (children: readonly unknown[]) => View>();
  const classOf = (field: RecordField, what: 'state' | 'record') => {
    let cls = classes.get(field);
    if (!cls) {
      cls = recordClass(field, what);
      classes.set(field, cls);
    }
    return cls;
  };
  const elementSpec = (of: ElementField): ElementSpec => {
    if (of.kind !== 'record') {
      const blank = of.kind === 'boolean' ? false : scalarRange(of).lo;
      return { record: false, names: [], blank: () => blank, make: () => blank };
    }
    const Cls = classOf(of as RecordField, 'record');
    const names = Object.keys(of.fields);
    const blank = new Cls([]);
    return { record: true, names, blank: () => blank, make: () => new Cls([]) };
  };
  const build = (node: LayoutNode, path: string): unknown => {
    switch (node.kind) {
      case 'scalar':
        return node.field.kind === 'boolean' ? false : scalarRange(node.field).lo;
      case 'record':
        return new (classOf(node.field, path === '' ? 'state' : 'record'))(node.members.filter((m) => m.node.kind !== 'scalar').map((m) => build(m.node, path === '' ? m.name : `${path}.${m.name}`)));
      case 'array': {
        const arr = node.items.map((item, i) => build(item, `${node.path}[${i}]`));
        arrayNames.set(arr, node.path);
        if (opts.guardArrays) Object.setPrototypeOf(arr, arrayGuard);
        return arr;
      }
      case 'queue': {
        const el = elementSpec(node.field.of);
        return new QueueImpl(node.items.map(() => el.make()), node.field.capacity, el, node.path);
      }
      case 'set':
        return new SetImpl(new Array<number>(node.domain.size).fill(0), node.domain, node.field.of, node.path);
    }
  };
  return () => build(layout.root, '') as View;
}

/** Reads the value a slot holds in a view graph, following its access path. */
export function valueAt(layout: Layout, view: View, slot: number): unknown {
  let o: unknown = view;
  for (const step of layout.slots[slot]!.access) {
    if (o === null || o === undefined) return undefined;
    o = (o as Record<string | number, unknown>)[step];
  }
  return o;
}

/** Whether a view value is one a scalar slot accepts (used to word the error when it is not). */
export function acceptable(layout: Layout, slot: number, value: unknown): boolean {
  const f = layout.slots[slot]!.field;
  return f === undefined || storedOf(f, value) !== undefined;
}
