/**
 * The Store port on Postgres: reads see committed data plus the
 * transaction's own writes, scans are sorted prefix ranges, a body that
 * throws commits nothing, and (on a real server, where two stores can race)
 * conflicting read-modify-write transactions still add up, because the store
 * retries serialization failures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreView } from '../../../impl/ports/ports.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../../runtime/store/embedded-server.ts';
import { ensureKvTable, kvSnapshot } from '../../../runtime/store/kv-table.ts';
import { openPg } from '../../../runtime/store/pg-connection.ts';
import { openPglite } from '../../../runtime/store/pglite-connection.ts';
import { PostgresStore, type StoreEvent } from '../../../runtime/store/postgres-store.ts';
import { readThroughView } from '../../../runtime/store/read-through-view.ts';
import type { SqlConnection } from '../../../runtime/store/sql-connection.ts';

describe('PostgresStore on PGlite', () => {
  let dir: string;
  let conn: SqlConnection;
  let store: PostgresStore;
  const events: StoreEvent[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'moneysim-store-'));
    conn = await openPglite(dir);
    await ensureKvTable(conn);
    store = new PostgresStore(conn, { onEvent: (e) => events.push(e) });
  }, 60_000);

  afterAll(async () => {
    await conn?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits puts and deletes, and reads its own writes inside the transaction', async () => {
    const seen = await store.transact(async (tx) => {
      tx.put('a/1', { n: 1 });
      tx.put('a/2', [1, 'two', null]);
      tx.put('b/1', true);
      const own = await tx.get('a/1');
      tx.delete('b/1');
      return { own, deleted: await tx.get('b/1') };
    });
    expect(seen).toEqual({ own: { n: 1 }, deleted: undefined });
    expect(await store.transact((tx) => tx.get('a/2'))).toEqual([1, 'two', null]);
    expect(await store.transact((tx) => tx.get('b/1'))).toBeUndefined();
  });

  it('scans a prefix in key order, merged with own writes and deletes', async () => {
    await store.transact((tx) => {
      for (const k of ['s/b', 's/a', 's/c', 'sx', 't/a']) tx.put(k, k);
    });
    const scanned = await store.transact(async (tx) => {
      tx.delete('s/b');
      tx.put('s/aa', 'own');
      return tx.scan('s/');
    });
    expect(scanned.map(([k]) => k)).toEqual(['s/a', 's/aa', 's/c']);
    const view = await kvSnapshot(conn);
    expect(view.scan('s/').map(([k]) => k)).toEqual(['s/a', 's/aa', 's/c']);
  });

  it('commits nothing when the body throws, and passes the error on', async () => {
    await expect(
      store.transact((tx) => {
        tx.put('never', 1);
        throw new Error('design bug');
      }),
    ).rejects.toThrow('design bug');
    expect(await store.transact((tx) => tx.get('never'))).toBeUndefined();
  });

  it('reads a design\'s obligations through the view without the whole table, as the full snapshot would', async () => {
    await store.transact((tx) => {
      for (const id of ['x1', 'x2', 'x3']) tx.put(`transfer/${id}`, { id, owes: id !== 'x2' });
      tx.put('active/x1', true);
      tx.put('active/x2', true);
      tx.put('unrelated/y', 1);
    });
    let runs = 0;
    const reader = (view: StoreView): string[] => {
      runs++;
      return view
        .scan('active/')
        .map(([k]) => k.slice('active/'.length))
        .filter((id) => (view.get(`transfer/${id}`) as { owes?: boolean } | undefined)?.owes === true);
    };
    expect(await readThroughView(conn, reader)).toEqual(['x1']);
    // One run to learn the prefix, one for the records it names, one that asks for nothing new.
    expect(runs).toBe(3);
    expect(reader(await kvSnapshot(conn))).toEqual(['x1']);
  });

  it('stores a copy: changing the object after put changes nothing', async () => {
    const value = { amountMinor: 10 };
    await store.transact((tx) => {
      tx.put('copy', value);
      value.amountMinor = 99;
    });
    expect(await store.transact((tx) => tx.get('copy'))).toEqual({ amountMinor: 10 });
  });
});

describe('PostgresStore on a Postgres server', () => {
  let server: EmbeddedServer | null = null;
  let skipped = '';
  const conns: SqlConnection[] = [];

  beforeAll(async () => {
    const started = await startEmbeddedPostgres();
    if (!started.ok) {
      skipped = started.message;
      return;
    }
    server = started.server;
  }, 60_000);

  afterAll(async () => {
    for (const c of conns) await c.close();
    await server?.stop();
  });

  it('two stores racing on one counter lose no increment (serialization failures are retried)', async (ctx) => {
    if (server === null) return ctx.skip(`embedded Postgres did not start: ${skipped}`);
    const a = openPg(server.url);
    const b = openPg(server.url);
    conns.push(a, b);
    await ensureKvTable(a);
    const events: StoreEvent[] = [];
    const stores = [new PostgresStore(a, { onEvent: (e) => events.push(e) }), new PostgresStore(b, { onEvent: (e) => events.push(e) })];
    const increment = (s: PostgresStore) =>
      s.transact(async (tx) => {
        const n = ((await tx.get('counter')) as number | undefined) ?? 0;
        tx.put('counter', n + 1);
      });
    await Promise.all(Array.from({ length: 40 }, (_, i) => increment(stores[i % 2]!)));
    expect(await stores[0]!.transact((tx) => tx.get('counter'))).toBe(40);
    expect(events.every((e) => e.kind === 'retry')).toBe(true);
    console.log(`serialization retries in 40 racing increments: ${events.length}`);
  }, 60_000);
});
