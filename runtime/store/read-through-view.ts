/**
 * Runs a synchronous reader of committed data (such as a design's
 * `durableObligations(view)`) against Postgres without loading the whole
 * table: the reader runs against what has been fetched so far, the keys and
 * prefixes it asked for and did not find are fetched, and it runs again,
 * until a run asks for nothing new. All passes read one REPEATABLE READ
 * snapshot, so the reader sees one consistent state, as it would in
 * memory. A reader must be a pure function of the view (it may run several
 * times).
 */
import type { Json, StoreView } from '../../impl/ports/ports.ts';
import { KV_TABLE, prefixUpperBound } from './kv-table.ts';
import type { SqlConnection } from './sql-connection.ts';

const PASSES_MAX = 20;

export async function readThroughView<T>(conn: SqlConnection, reader: (view: StoreView) => T): Promise<T> {
  const rows = new Map<string, Json>();
  const loadedKeys = new Set<string>();
  const loadedPrefixes: string[] = [];
  const covered = (key: string): boolean => loadedKeys.has(key) || loadedPrefixes.some((p) => key.startsWith(p));
  await conn.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    for (let pass = 1; ; pass++) {
      const missingKeys = new Set<string>();
      const missingPrefixes = new Set<string>();
      const view: StoreView = {
        get(key) {
          if (!covered(key)) missingKeys.add(key);
          return rows.get(key);
        },
        scan(prefix) {
          if (!loadedPrefixes.some((p) => prefix.startsWith(p))) missingPrefixes.add(prefix);
          return [...rows].filter(([k]) => k.startsWith(prefix)).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        },
      };
      const result = reader(view);
      if ((missingKeys.size === 0 && missingPrefixes.size === 0) || pass === PASSES_MAX) {
        await conn.query('COMMIT');
        return result;
      }
      for (const prefix of missingPrefixes) {
        const upper = prefixUpperBound(prefix);
        const { rows: found } =
          upper === null
            ? await conn.query(`SELECT key, value FROM ${KV_TABLE} WHERE starts_with(key, $1)`, [prefix])
            : await conn.query(`SELECT key, value FROM ${KV_TABLE} WHERE key >= $1 AND key < $2`, [prefix, upper]);
        for (const r of found) rows.set(String(r['key']), r['value'] as Json);
        loadedPrefixes.push(prefix);
      }
      if (missingKeys.size > 0) {
        const keys = [...missingKeys];
        const { rows: found } = await conn.query(`SELECT key, value FROM ${KV_TABLE} WHERE key = ANY($1::text[])`, [keys]);
        for (const r of found) rows.set(String(r['key']), r['value'] as Json);
        for (const k of keys) loadedKeys.add(k);
      }
    }
  } catch (err) {
    await conn.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
