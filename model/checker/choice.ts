/**
 * Nondeterministic choice inside an action or the initial predicate: TLA+'s
 * `\E x \in S` and `\/` within one step.
 *
 * `choose(options)` returns one of the options. The checker runs the action
 * once per combination of choices: the first run takes the first option at
 * every choice point, and each later run advances the last choice point that
 * has options left (an odometer over the choice tree, whose later points may
 * depend on earlier picks). An empty option list ends that run like a false
 * guard. A run that makes no choice is the only run, so actions without
 * choices cost one check of a counter.
 */

/** Thrown by choose([]) to end the run: no successor for this combination. */
export const NO_CHOICE: unique symbol = Symbol('no choice');

export class Chooser {
  private picks: number[] = [];
  private sizes: number[] = [];
  private names: (string | undefined)[] = [];
  private chosen: unknown[] = [];
  /** Choice points reached in the current run. */
  pos = 0;

  /** Starts the enumeration of a new action instance. */
  reset(): void {
    // Setting an array's length is a runtime call; most states have nothing to clear.
    if (this.picks.length !== 0) {
      this.picks.length = 0;
      this.sizes.length = 0;
    }
    this.pos = 0;
  }

  /** Starts the next run of the same instance. */
  begin(): void {
    this.pos = 0;
  }

  choose<T>(options: readonly T[], name?: string): T {
    const n = options.length;
    if (n === 0) throw NO_CHOICE;
    const p = this.pos++;
    this.names[p] = name;
    if (p < this.picks.length) {
      this.sizes[p] = n;
      return (this.chosen[p] = options[this.picks[p]!]!);
    }
    this.picks.push(0);
    this.sizes.push(n);
    return (this.chosen[p] = options[0]!);
  }

  /** Moves to the next combination; false when every combination has run. */
  advance(): boolean {
    // Choice points past the ones this run reached belong to other branches.
    this.picks.length = this.pos;
    this.sizes.length = this.pos;
    for (let i = this.pos - 1; i >= 0; i--) {
      if (this.picks[i]! + 1 < this.sizes[i]!) {
        this.picks[i]!++;
        this.picks.length = i + 1;
        this.sizes.length = i + 1;
        return true;
      }
    }
    this.picks.length = 0;
    this.sizes.length = 0;
    return false;
  }

  /** The choices of the current run, for labelling a trace step. */
  current(): { readonly name: string | undefined; readonly value: unknown }[] {
    return Array.from({ length: this.pos }, (_, i) => ({ name: this.names[i], value: this.chosen[i] }));
  }
}

let active: Chooser | null = null;

/** Makes `chooser` the one `choose()` consults (the checker calls this; models never do). */
export function activate(chooser: Chooser | null): void {
  active = chooser;
}

/**
 * One of `options`, nondeterministically: the checker explores every one.
 * `name` labels the choice in traces (`Send(p=1, amount=3)`).
 */
export function choose<T>(options: readonly T[], name?: string): T {
  if (active === null) throw new Error('choose() can only be called inside an action or the initial predicate, while the checker runs it');
  return active.choose(options, name);
}
