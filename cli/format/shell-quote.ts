/**
 * Quoting for the command lines moneysim prints for users to paste into a
 * shell. An argument made only of characters that no common shell (sh, bash,
 * zsh) treats specially is left bare, so typical lines stay readable; any
 * other argument is wrapped in single quotes, inside which those shells take
 * every character literally, with each embedded single quote written as
 * '\'' (close, escaped quote, reopen).
 */
const SAFE = /^[A-Za-z0-9_./:=@%+-]+$/;

export function shellQuote(arg: string): string {
  if (SAFE.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A command line from its words, each quoted as needed. */
export function shellLine(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
