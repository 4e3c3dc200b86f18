/**
 * What the coordinator and the worker threads of a parallel search share:
 * the control cells, the state store with parents and action instances
 * (growable SharedArrayBuffers, grown by whichever thread runs out of room),
 * the visited set, and the request each worker builds its model from.
 */

/** Indices into the control Int32Array. */
export const CTL = {
  PHASE: 0,
  DONE: 1,
  CURSOR: 2,
  LEVEL_END: 3,
  COUNT: 4,
  STOP: 5,
  PAUSE: 6,
  LIMIT: 7,
  QUIT: 8,
  READY: 9,
  FAILED: 10,
  MAX_STATES: 11,
  /** Per worker w, four cells from RESULTS + 4w: kind, state, invariant, spare. */
  RESULTS: 16,
} as const;

export const RESULT = { NONE: 0, INVARIANT: 1, DEADLOCK: 2, FAULT: 3, FULL: 4 } as const;

export const CONTROL_CELLS = 16 + 4 * 64;

/** States a worker takes from the frontier at a time. */
export const CHUNK = 64;

/** A growable SharedArrayBuffer (ES2024; the project's TypeScript library predates it). */
export type GrowableBuffer = SharedArrayBuffer & { readonly maxByteLength: number; grow(byteLength: number): void };

export function growableBuffer(byteLength: number, maxByteLength: number): GrowableBuffer {
  const Growable = SharedArrayBuffer as unknown as new (length: number, options: { maxByteLength: number }) => GrowableBuffer;
  return new Growable(Math.min(byteLength, maxByteLength), { maxByteLength });
}

export interface SharedBuffers {
  readonly control: SharedArrayBuffer;
  readonly store: GrowableBuffer;
  readonly parent: GrowableBuffer;
  readonly via: GrowableBuffer;
  readonly set: SharedArrayBuffer;
}

export interface WorkerRequest {
  /** A registered model id, or an absolute model file path. */
  readonly model: string;
  readonly constants: Readonly<Record<string, number>>;
  readonly invariants: readonly number[];
  readonly fast: boolean;
  readonly symmetry: boolean;
  readonly checkDeadlock: boolean;
  readonly worker: number;
  readonly buffers: SharedBuffers;
}

/** What a worker sends back: a fault's message (checked on the worker, where the model code ran), and its counters at the end. */
export type WorkerReport =
  | { readonly type: 'fault'; readonly from: number; readonly message: string; readonly trace: boolean }
  | { readonly type: 'counters'; readonly generated: number; readonly fired: Float64Array; readonly discovered: Float64Array }
  | { readonly type: 'error'; readonly message: string };

/** Makes sure a growable shared buffer holds `bytes`; false when it cannot grow that far. */
export function ensureBytes(buffer: GrowableBuffer, bytes: number): boolean {
  while (buffer.byteLength < bytes) {
    const target = Math.min(buffer.maxByteLength, Math.max(bytes, Math.ceil(buffer.byteLength * 1.5), 1 << 20));
    if (target < bytes) return false;
    try {
      buffer.grow(target);
    } catch {
      // Another thread grew it first (to a size this one must not shrink below); look again.
    }
  }
  return true;
}
