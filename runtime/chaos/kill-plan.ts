/**
 * When a chaos run kills the coordinator: `count` moments drawn uniformly
 * over the fault phase, or one kill every interval drawn from a range,
 * in milliseconds from the phase's start, sorted. Drawn from the run's seed
 * so that the plan (not the real timing around it) repeats.
 */
export function killMoments(plan: { count: number } | { everyMinMs: number; everyMaxMs: number }, durationMs: number, random: () => number): number[] {
  if ('count' in plan) {
    return Array.from({ length: plan.count }, () => Math.floor(random() * durationMs)).sort((a, b) => a - b);
  }
  const moments: number[] = [];
  for (let t = 0; ; ) {
    t += plan.everyMinMs + Math.floor(random() * (plan.everyMaxMs - plan.everyMinMs + 1));
    if (t >= durationMs || plan.everyMaxMs === 0) return moments;
    moments.push(t);
  }
}
