/**
 * The reference transactions report: pages over a stable snapshot.
 *
 * The first page reads the committed position (the highest commit position
 * whose transaction has committed) and keeps it in the cursor with the
 * window's start and the last id shown. Every page then lists, newest first,
 * the rows at or below that position, inside the window, with ids below the
 * last one shown (keyset paging by id, and ids follow commit positions).
 * Rows committed after the first page carry higher positions and never
 * appear; rows at or below it never move between pages, so paging shows no
 * row twice and skips none, whatever commits meanwhile, and the cursor
 * survives a restart of the manager.
 */
import type { Row } from '../../ports/sql.ts';
import { and, SQL_TIMEOUT_MS } from '../../sql/sql-session.ts';
import type { AccountsPorts, ReportAnswer, ReportRequest } from '../contract.ts';
import { POSITIONS, REPORT_WINDOW_MS, TRANSACTIONS } from '../schema.ts';
import { atLeast, atMost, keyBelow } from '../sql-terms.ts';
import { POSITION_ID } from './money-move.ts';

/** Requests may reach back this much further than the window, for their time in transit. */
const WINDOW_SLACK_MS = 60_000;
const LIMIT_MAX = 100;

interface Cursor {
  position: number;
  fromMs: number;
  /** The last id shown, or null before the first page. */
  below: string | null;
}

export async function snapshotReport(ports: AccountsPorts, req: ReportRequest): Promise<ReportAnswer> {
  if (!Number.isSafeInteger(req.limit) || req.limit < 1 || req.limit > LIMIT_MAX) return { status: 'invalid', reason: `limit must be a whole number from 1 to ${LIMIT_MAX}, got ${req.limit}` };
  let cursor: Cursor;
  if (req.cursor === null) {
    if (typeof req.fromMs !== 'number' || req.fromMs < ports.clock.nowMs() - REPORT_WINDOW_MS - WINDOW_SLACK_MS) return { status: 'invalid', reason: 'fromMs must lie within the last 5 days' };
    const position = await readPosition(ports);
    if (position === null) return { status: 'retry', reason: 'the database did not answer' };
    cursor = { position, fromMs: req.fromMs, below: null };
  } else {
    const parsed = parseCursor(req.cursor);
    if (parsed === null) return { status: 'invalid', reason: `cursor "${req.cursor}" is not one this report issued` };
    cursor = parsed;
  }
  const rows = await readRows(ports, cursor);
  if (rows === null) return { status: 'retry', reason: 'the database did not answer' };
  const page = rows.slice(0, req.limit);
  const last = page[page.length - 1];
  const more = rows.length > req.limit && last !== undefined;
  return {
    status: 'ok',
    transactions: page.map((r) => ({ transactionId: r.id as string, atMs: r.atMs as number, status: r.status as 'success' | 'fail' })),
    page: req.page,
    totalPages: null,
    cursor: more ? encodeCursor({ ...cursor, below: last.id as string }) : null,
  };
}

async function readPosition(ports: AccountsPorts): Promise<number | null> {
  const r = await ports.sql.query({ op: 'select', table: POSITIONS, key: POSITION_ID }, SQL_TIMEOUT_MS);
  if (r.kind !== 'reply' || r.value.kind !== 'ok') return null;
  return (r.value.rows[0]?.value as number | undefined) ?? 0;
}

/** The snapshot's rows of the window below the cursor, newest first. */
async function readRows(ports: AccountsPorts, c: Cursor): Promise<Row[] | null> {
  const terms = [atMost('seq', c.position), atLeast('atMs', c.fromMs)];
  if (c.below !== null) terms.push(keyBelow('id', c.below));
  const r = await ports.sql.query({ op: 'selectWhere', table: TRANSACTIONS, where: and(...terms) }, SQL_TIMEOUT_MS);
  if (r.kind !== 'reply' || r.value.kind !== 'ok') return null;
  return [...r.value.rows].sort((a, b) => ((a.id as string) < (b.id as string) ? 1 : -1));
}

function encodeCursor(c: Cursor): string {
  return `${c.position}/${c.fromMs}/${c.below ?? ''}`;
}

function parseCursor(text: string): Cursor | null {
  const m = /^(\d+)\/(-?\d+)\/(T\d+)$/.exec(text);
  if (m === null) return null;
  return { position: Number(m[1]), fromMs: Number(m[2]), below: m[3]! };
}
