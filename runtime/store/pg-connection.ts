/**
 * A Postgres server as a SQL connection, through `pg`: one client,
 * connected on first use and replaced after it breaks. A broken connection
 * surfaces as an error without a SQLSTATE, which the store treats as "not
 * committed" before COMMIT and "unknown" during it. A statement that gets no
 * answer within `queryTimeoutMs` counts as a broken connection too.
 */
import pg from 'pg';
import { sqlStateOf, type SqlConnection, type SqlRows } from './sql-connection.ts';

export interface PgConnectionOptions {
  connectTimeoutMs?: number;
  queryTimeoutMs?: number;
}

export function openPg(url: string, options: PgConnectionOptions = {}): SqlConnection {
  let current: Promise<pg.Client> | null = null;
  let closed = false;

  const connect = (): Promise<pg.Client> => {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      query_timeout: options.queryTimeoutMs ?? 15000,
    });
    // Without a listener a dropped connection would be an uncaught exception.
    client.on('error', () => drop(attempt));
    const attempt = client.connect().then(() => client);
    attempt.catch(() => drop(attempt));
    return attempt;
  };
  const drop = (which: Promise<pg.Client>): void => {
    if (current !== which) return;
    current = null;
    void which.then((c) => c.end()).catch(() => undefined);
  };

  return {
    label: redactedUrl(url),
    async query(text: string, params?: readonly unknown[]): Promise<SqlRows> {
      if (closed) throw new Error('connection closed');
      const attempt = (current ??= connect());
      const client = await attempt;
      try {
        const result = await client.query(text, params === undefined ? undefined : [...params]);
        return { rows: result.rows as Array<Record<string, unknown>> };
      } catch (err) {
        if (sqlStateOf(err) === null) drop(attempt);
        throw err;
      }
    },
    async close(): Promise<void> {
      closed = true;
      const attempt = current;
      current = null;
      if (attempt !== null) await attempt.then((c) => c.end()).catch(() => undefined);
    },
  };
}

/** The URL without its password, for logs. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (unparsable URL)';
  }
}
