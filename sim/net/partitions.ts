/**
 * Which pairs of processes cannot currently reach each other. Partitions are
 * symmetric and counted, so overlapping partitions of the same pair heal only
 * when the last one heals.
 */
export class Partitions {
  private readonly active = new Map<string, number>();

  private static key(a: string, b: string): string {
    return a < b ? `${a}|${b}` : `${b}|${a}`;
  }

  cut(a: string, b: string): void {
    const k = Partitions.key(a, b);
    this.active.set(k, (this.active.get(k) ?? 0) + 1);
  }

  heal(a: string, b: string): void {
    const k = Partitions.key(a, b);
    const n = (this.active.get(k) ?? 0) - 1;
    if (n <= 0) this.active.delete(k);
    else this.active.set(k, n);
  }

  healAll(): void {
    this.active.clear();
  }

  blocked(a: string, b: string): boolean {
    return this.active.size > 0 && this.active.has(Partitions.key(a, b));
  }

  get count(): number {
    return this.active.size;
  }
}
