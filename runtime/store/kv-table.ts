/**
 * The store's one table: a row per key, its value as JSON.
 *
 * Keys use the "C" collation, so that ordering is by code point as in the
 * simulated store and a prefix scan is a range over the primary key's index.
 */
import type { Json, StoreView } from '../../impl/ports/ports.ts';
import type { SqlConnection } from './sql-connection.ts';

export const KV_TABLE = 'moneysim_kv';

export const CREATE_KV_TABLE = `CREATE TABLE IF NOT EXISTS ${KV_TABLE} (key text COLLATE "C" PRIMARY KEY, value jsonb NOT NULL)`;

export async function ensureKvTable(conn: SqlConnection): Promise<void> {
  await conn.query(CREATE_KV_TABLE);
}

/**
 * The smallest string greater than every string that starts with `prefix`,
 * or null when there is none short of the end of the key space.
 */
export function prefixUpperBound(prefix: string): string | null {
  if (prefix === '') return null;
  const last = prefix.charCodeAt(prefix.length - 1);
  if (last >= 0xd7ff) return null;
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

/** The committed rows, read in one statement, as the synchronous view invariants read obligations from. */
export async function kvSnapshot(conn: SqlConnection): Promise<StoreView> {
  const { rows } = await conn.query(`SELECT key, value FROM ${KV_TABLE} ORDER BY key`);
  const map = new Map<string, Json>();
  for (const r of rows) map.set(String(r['key']), r['value'] as Json);
  return {
    get: (key) => map.get(key),
    scan: (prefix) => [...map].filter(([k]) => k.startsWith(prefix)),
  };
}
