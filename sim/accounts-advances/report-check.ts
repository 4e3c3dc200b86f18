/**
 * The report's snapshot, judged when a pass reaches its last page. Let T0
 * be when the first page was first asked for and T1 when its answer came:
 * the snapshot a report shows must lie between them. So no row appears
 * twice; no row committed after T1 appears (it is newer than any snapshot
 * the pass could have taken); no row before the window appears; and every
 * row of the window committed before T0 appears (none skipped).
 */
import type { Finding } from '../kit/world-run.ts';
import type { ReportPass } from './advances-client.ts';
import type { AdvancesTruth } from './ground-truth.ts';

export function checkReportPass(pass: ReportPass, truth: AdvancesTruth): Finding | null {
  // A refused pass showed nothing; whether the refusal was honest is HonestAnswers' question.
  if (pass.refused !== null) return null;
  const found = (message: string): Finding => ({ invariant: 'ReportSnapshot', message: `report started at ${pass.startedMs} ms (limit ${pass.plan.limit}): ${message}` });
  const rows = new Map(truth.books().transactions.map((t) => [t.id as string, t]));
  const pageOf = new Map<string, number>();
  for (const e of pass.entries) {
    const earlier = pageOf.get(e.transactionId);
    if (earlier !== undefined) return found(`transaction ${e.transactionId} appears on page ${earlier} and again on page ${e.page}`);
    pageOf.set(e.transactionId, e.page);
    const at = truth.committedAtMs.get(e.transactionId);
    if (at === undefined || !rows.has(e.transactionId)) return found(`page ${e.page} shows transaction ${e.transactionId}, which was never committed`);
    if (pass.firstAnsweredMs !== null && at > pass.firstAnsweredMs) return found(`page ${e.page} shows transaction ${e.transactionId}, committed at ${at} ms, after the first page was answered at ${pass.firstAnsweredMs} ms`);
    if ((rows.get(e.transactionId)!.atMs as number) < pass.fromMs) return found(`page ${e.page} shows transaction ${e.transactionId}, older than the report's window`);
  }
  for (const [id, at] of truth.committedAtMs) {
    if (at >= pass.startedMs || pageOf.has(id)) continue;
    const row = rows.get(id);
    if (row !== undefined && (row.atMs as number) >= pass.fromMs) return found(`transaction ${id}, committed at ${at} ms before the report started, appears on no page (${pass.pages} page(s) read)`);
  }
  return null;
}
