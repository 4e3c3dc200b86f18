/**
 * Seeds for property-based tests: fixed by TEST_SEED when set, otherwise
 * fresh per run; always printed so that a failure can be replayed.
 */
export function testSeed(name: string): number {
  const fromEnv = process.env['TEST_SEED'];
  const seed = fromEnv !== undefined ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
  console.log(`[${name}] fast-check seed ${seed} (replay with TEST_SEED=${seed})`);
  return seed;
}
