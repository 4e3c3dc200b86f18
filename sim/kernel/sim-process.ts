/**
 * A simulated process. Its incarnation number grows on every crash; every
 * pending continuation is stamped with the incarnation that created it and is
 * silently dropped if the process has crashed since, so the promises of a dead
 * incarnation never settle, exactly as when a real process dies.
 */
export class SimProcess {
  incarnation = 1;
  up = true;
  crashes = 0;

  constructor(
    readonly id: number,
    readonly name: string,
    /** Whether faults may crash it (the simulated user's phone never crashes). */
    readonly crashable: boolean,
  ) {}

  isAlive(incarnation: number): boolean {
    return this.up && this.incarnation === incarnation;
  }
}
