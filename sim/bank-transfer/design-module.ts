/**
 * Whether a `--design` value names a module path rather than a built-in
 * design. Loading a bank-transfer design module is the generic loader's
 * (sim/systems/design-loader.ts) with bank-transfer's contract.
 */
export { looksLikePath } from '../design/design-module.ts';
