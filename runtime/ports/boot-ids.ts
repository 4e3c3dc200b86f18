/**
 * Identifiers that stay unique across restarts.
 *
 * The simulator numbers a process's incarnations; a real process does not
 * know how many times it has been started, so each boot draws a random boot
 * id (8 base-36 characters, about 41 bits) and numbers its ids after it:
 * `t` + boot id + `.` + counter. Two boots colliding would need the same
 * random draw, which is negligible next to the number of restarts a
 * deployment sees; no state has to survive the restart for this to hold.
 */
import { randomBytes } from 'node:crypto';
import type { IdSource } from '../../impl/ports/ports.ts';

export function newBootId(): string {
  const n = randomBytes(6).readUIntBE(0, 6) % 36 ** 8;
  return n.toString(36).padStart(8, '0');
}

export function bootIds(bootId: string): IdSource {
  let counter = 0;
  return { next: (prefix) => `${prefix}${bootId}.${++counter}` };
}
