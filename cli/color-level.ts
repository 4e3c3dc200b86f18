/**
 * Decides whether moneysim's output is coloured. The explicit flags win
 * (`--color` forces colour, `--no-color` turns it off, the last one given
 * counts), then the NO_COLOR convention (any non-empty value turns colour
 * off), then chalk's own detection of the terminal (which honours
 * FORCE_COLOR). The flags are read from the raw argument list, so that the
 * level is settled before commander or any command prints a byte.
 */
export function colorLevel(argv: readonly string[], env: NodeJS.ProcessEnv, detected: 0 | 1 | 2 | 3): 0 | 1 | 2 | 3 {
  let flag: boolean | undefined;
  for (const arg of argv) {
    // Arguments after `--` are operands, never options.
    if (arg === '--') break;
    if (arg === '--color') flag = true;
    if (arg === '--no-color') flag = false;
  }
  if (flag === false) return 0;
  if (flag === true) return detected === 0 ? 1 : detected;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  return detected;
}
