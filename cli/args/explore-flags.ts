/**
 * Validation of the flags that shape an exploration: strategy, bounds,
 * shards and workers. Each parser returns a value or a message naming the
 * flag, so bad input becomes exit code 2 before any run starts.
 */
import type { StrategyName } from '../../sim/explore/explore.ts';
import type { Shard } from '../../sim/explore/seed-sweep.ts';
import type { Parsed } from './parse-int.ts';

export function parseStrategy(raw: string | undefined): Parsed<StrategyName> {
  const value = raw ?? 'random';
  if (value === 'random' || value === 'pct' || value === 'exhaustive') return { ok: true, value };
  return { ok: false, message: `--strategy must be random, pct or exhaustive, got "${value}"` };
}

export function parseShard(raw: string | undefined): Parsed<Shard | null> {
  if (raw === undefined) return { ok: true, value: null };
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  if (m === null) return { ok: false, message: `--shard must look like I/N (e.g. 2/4), got "${raw}"` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return { ok: false, message: `--shard needs 1 <= I <= N, got "${raw}"` };
  return { ok: true, value: { index, count } };
}

export function parseFind(raw: string | undefined, strategy: StrategyName): Parsed<'first' | 'all'> {
  // Exhaustive exploration covers a bounded space, so by default it reports every invariant it can break.
  const value = raw ?? (strategy === 'exhaustive' ? 'all' : 'first');
  if (value === 'first' || value === 'all') return { ok: true, value };
  return { ok: false, message: `--find must be first or all, got "${value}"` };
}

export function parseWorld(raw: string | undefined): Parsed<'swarm' | 'exhaustive'> {
  const value = raw ?? 'swarm';
  if (value === 'swarm' || value === 'exhaustive') return { ok: true, value };
  return { ok: false, message: `--world must be swarm or exhaustive, got "${value}"` };
}

/** Flags that only mean something for some strategies; naming one elsewhere is a mistake worth reporting. */
export function checkStrategyFlags(strategy: StrategyName, given: Record<string, unknown>): Parsed<true> {
  const onlyFor: Record<string, StrategyName[]> = {
    '--max-faults': ['exhaustive'],
    '--max-steps': ['exhaustive'],
    '--workload': ['exhaustive'],
    '--max-schedules': ['exhaustive'],
    '--external-mode': ['exhaustive'],
    '--reduction': ['exhaustive'],
    '--pct-depth': ['pct'],
    '--pct-steps': ['pct'],
    '--seeds': ['random', 'pct'],
    '--seed-start': ['random', 'pct'],
    '--check-determinism': ['random', 'pct'],
    '--time-limit': ['random', 'pct'],
  };
  for (const [flag, strategies] of Object.entries(onlyFor)) {
    if (given[flag] !== undefined && !strategies.includes(strategy)) {
      return { ok: false, message: `${flag} applies to --strategy ${strategies.join(' or ')}, not ${strategy}` };
    }
  }
  return { ok: true, value: true };
}
