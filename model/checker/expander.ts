/**
 * Generating successors: the loop every search mode shares.
 *
 * A state is loaded into two view graphs, `cur` (kept clean) and `nxt` (the
 * one actions write). Each action instance runs on `nxt`, once per
 * combination of its choose() calls. A run that returns true is a successor:
 * it is packed (which checks every value), reduced by symmetry if the model
 * has any, handed to the caller while `nxt` still holds it (so invariants
 * read it directly), and `nxt` is then restored from `cur`. A run that
 * returns false must have left `nxt` alone; with checks on, that is verified
 * (a comparison as cheap as the restore it saves). Anything else a model's
 * code does wrong stops the expansion with a ModelFault value.
 */
import { activate, Chooser, NO_CHOICE } from './choice.ts';
import { MAX_PARAMS } from './define.ts';
import type { Compiled } from './compile.ts';
import { valueAt, type View } from './facade.ts';
import type { FaultSite, ModelFault } from './fault.ts';

/** Called for each successor (its packed words are in `expander.packed`); false stops the expansion. */
export type Visit = (instance: number) => boolean;

export const STOPPED = -2;
export const FAULT = -1;

export class Expander {
  readonly cur: View;
  readonly nxt: View;
  /** The packed successor being visited. */
  readonly packed: Uint32Array;
  readonly chooser = new Chooser();
  /** Set when expand() or initials() returns FAULT. */
  fault: ModelFault | undefined;
  /** Reduce successors by the model's symmetry (off when a trace is replayed concretely). */
  reduce = true;
  private readonly blank: View;
  /** The action function of each instance. */
  private readonly instRun: readonly ((s: never, ...p: number[]) => boolean)[];

  constructor(
    readonly model: Compiled,
    /** Verify that disabled runs leave the state alone. */
    readonly checkLeaks: boolean,
  ) {
    this.cur = model.newView();
    this.nxt = model.newView();
    this.blank = model.newView();
    this.packed = new Uint32Array(model.layout.words);
    this.instRun = model.instances.map((i) => model.runs[i.action]!);
    activate(this.chooser);
  }

  /** Loads the packed state at `src[at ..]` into both views. */
  load(src: Uint32Array, at: number): void {
    this.model.codec.unpack(src, at, this.cur);
    this.model.codec.copy(this.cur, this.nxt);
  }

  /**
   * Runs every action instance on the loaded state. Returns the number of
   * successors generated, STOPPED when `visit` said stop, or FAULT.
   */
  expand(visit: Visit, from = 0, to = this.model.instances.length): number {
    const { model, cur, nxt, chooser, packed, checkLeaks, instRun } = this;
    const args = model.args;
    const { pack, copy, same } = model.codec;
    const symmetry = this.reduce ? model.symmetry : undefined;
    activate(chooser);
    chooser.reset();
    let successors = 0;
    for (let j = from; j < to; j++) {
      const run = instRun[j]!;
      const k = j * MAX_PARAMS;
      for (;;) {
        chooser.pos = 0;
        let result: unknown;
        try {
          result = run(nxt as never, args[k]!, args[k + 1]!, args[k + 2]!, args[k + 3]!, args[k + 4]!, args[k + 5]!);
        } catch (error) {
          if (error !== NO_CHOICE) return this.fail({ kind: 'exception', site: { kind: 'action', instance: j }, error });
          result = false;
        }
        if (result === true) {
          successors++;
          const bad = pack(nxt, packed, 0);
          if (bad !== -1) return this.badPack(bad, { kind: 'action', instance: j });
          if (symmetry !== undefined) symmetry.canonicalize(packed, 0);
          if (!visit(j)) return STOPPED;
          copy(cur, nxt);
        } else if (result === false) {
          if (checkLeaks) {
            const changed = same(cur, nxt);
            if (changed !== -1) {
              return this.fail({ kind: 'leak', site: { kind: 'action', instance: j }, slot: changed, before: valueAt(model.layout, cur, changed), after: valueAt(model.layout, nxt, changed) });
            }
          }
        } else {
          return this.fail({ kind: 'return', site: { kind: 'action', instance: j }, value: result });
        }
        if (chooser.pos === 0 || !chooser.advance()) break;
      }
    }
    return successors;
  }

  /** Runs the initial predicate once per combination of its choices; visit(-1) per initial state. */
  initials(visit: Visit): number {
    const { model, nxt, chooser, packed } = this;
    const { pack, copy } = model.codec;
    activate(chooser);
    chooser.reset();
    let count = 0;
    for (;;) {
      copy(this.blank, nxt);
      chooser.begin();
      let result: unknown;
      try {
        result = model.spec.init(nxt as never);
      } catch (error) {
        if (error !== NO_CHOICE) return this.fail({ kind: 'exception', site: { kind: 'init' }, error });
        result = false;
      }
      if (result !== false) {
        count++;
        const bad = pack(nxt, packed, 0);
        if (bad !== -1) return this.badPack(bad, { kind: 'init' });
        if (this.reduce && model.symmetry !== undefined) model.symmetry.canonicalize(packed, 0);
        if (!visit(-1)) return STOPPED;
      }
      if (chooser.pos === 0 || !chooser.advance()) break;
    }
    return count;
  }

  private badPack(code: number, site: FaultSite): number {
    const { layout, codec } = this.model;
    if (code >= 0) return this.fail({ kind: 'value', site, slot: code, value: valueAt(layout, this.nxt, code) });
    return this.fail({ kind: 'structure', site, message: codec.structures[-2 - code] ?? 'the state lost its shape' });
  }

  fail(fault: ModelFault): number {
    this.fault = fault;
    return FAULT;
  }
}
