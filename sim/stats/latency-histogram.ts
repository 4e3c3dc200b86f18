/**
 * Answer latencies in whole virtual milliseconds, kept as counts per
 * millisecond so that sweeps of many seeds aggregate in constant memory and
 * percentiles are exact.
 */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export class LatencyHistogram {
  private counts = new Uint32Array(1024);
  count = 0;
  max = 0;

  add(ms: number, times = 1): void {
    const v = Math.max(0, Math.round(ms));
    if (v >= this.counts.length) {
      const grown = new Uint32Array(Math.max(this.counts.length * 2, v + 1));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[v]! += times;
    this.count += times;
    if (v > this.max) this.max = v;
  }

  merge(other: LatencyHistogram): void {
    for (let v = 0; v <= other.max; v++) {
      const c = other.counts[v]!;
      if (c > 0) this.add(v, c);
    }
  }

  /** The smallest latency L such that at least `q` of all answers took at most L. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const target = Math.ceil(q * this.count);
    let seen = 0;
    for (let v = 0; v <= this.max; v++) {
      seen += this.counts[v]!;
      if (seen >= target) return v;
    }
    return this.max;
  }

  summary(): LatencySummary {
    return { count: this.count, p50: this.quantile(0.5), p99: this.quantile(0.99), max: this.max };
  }
}
