/**
 * One client of a chaos run, as the simulator's mobile app behaves: it
 * presses the button (a new idempotency key), retries the same press with
 * the same key until it gets an answer, whatever happens to the coordinator
 * meanwhile, and polls the status of a PENDING answer until it settles. It
 * stops pressing when told to and returns once its last press has settled
 * (or, when the run gives up waiting, at once).
 */
import type { TransferAnswer } from '../../impl/bank-transfer/contract.ts';
import type { AnswerBook, PressRecord } from '../../sim/bank-transfer/answer-book.ts';
import type { LatencyHistogram } from '../../sim/stats/latency-histogram.ts';
import { httpExchange } from '../net/http-exchange.ts';
import type { ChaosHistory } from './chaos-history.ts';
import { CLIENT } from './chaos-config.ts';

export interface LoadCounts {
  requests: number;
  answers: number;
  /** Transfer calls answered PENDING (the decision took longer than the answer budget). */
  pendingAnswers: number;
  unknown: number;
  refused: number;
  serverErrors: number;
}

export interface LoadContext {
  apiUrl: string;
  book: AnswerBook;
  history: ChaosHistory;
  /** Latency of each answered transfer call, in milliseconds. */
  latency: LatencyHistogram;
  counts: LoadCounts;
  accounts: readonly string[];
  /** Checks an answer as it arrives. */
  onAnswer(answer: TransferAnswer, press: PressRecord): void;
  /** A 500 from the service: the design threw or answered something malformed. */
  onServerError(detail: string): void;
  /** True once no new press may start. */
  stopPressing(): boolean;
  /** True once the run is over: calls still retrying give up. */
  abandoned(): boolean;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function runClient(index: number, ctx: LoadContext, random: () => number): Promise<void> {
  for (let n = 1; !ctx.stopPressing(); n++) {
    const accountId = ctx.accounts[Math.floor(random() * ctx.accounts.length)]!;
    const amountMinor = CLIENT.amountMinorMin + Math.floor(random() * (CLIENT.amountMinorMax - CLIENT.amountMinorMin + 1));
    const key = `c${index}.${n}`;
    const userId = `user-${accountId}`;
    const press = ctx.book.press(key, accountId, userId, amountMinor);
    let answer = await callUntilAnswered(index, ctx, 'transfer', key, { userId, accountId, amountMinor }, press);
    while (answer !== null && answer.status === 'PENDING') {
      await sleep(CLIENT.statusPollMs);
      answer = await callUntilAnswered(index, ctx, 'status', answer.transferId, undefined, press);
    }
    if (answer === null) return;
  }
}

async function callUntilAnswered(
  client: number,
  ctx: LoadContext,
  op: 'transfer' | 'status',
  key: string,
  body: unknown,
  press: PressRecord,
): Promise<TransferAnswer | null> {
  let backoffMs = CLIENT.retryDelayMs;
  for (;;) {
    if (ctx.abandoned()) return null;
    if (op === 'transfer') press.attempts++;
    ctx.counts.requests++;
    ctx.history.add({ client, op, key, type: 'invoke' });
    const sentMs = performance.now();
    const exchange =
      op === 'transfer'
        ? await httpExchange('POST', `${ctx.apiUrl}/transfers`, body, CLIENT.timeoutMs, { 'idempotency-key': key })
        : await httpExchange('GET', `${ctx.apiUrl}/transfers/${encodeURIComponent(key)}`, undefined, CLIENT.timeoutMs);
    if (exchange.kind === 'response' && exchange.status === 200) {
      const answer = JSON.parse(exchange.text) as TransferAnswer;
      ctx.counts.answers++;
      if (op === 'transfer') {
        ctx.latency.add(performance.now() - sentMs);
        if (answer.status === 'PENDING') ctx.counts.pendingAnswers++;
      }
      ctx.history.add({ client, op, key, type: 'ok', answer });
      ctx.book.record({ timeMs: Math.round(performance.now()), op, key, outcome: 'ok', answer }, press);
      ctx.onAnswer(answer, press);
      return answer;
    }
    if (exchange.kind === 'response' && exchange.status === 400) {
      // The client sends only well-formed requests; a 400 is a bug of this harness, not of the design.
      throw new Error(`the service refused a request of the load client: ${exchange.text}`);
    }
    if (exchange.kind === 'refused') ctx.counts.refused++;
    else ctx.counts.unknown++;
    if (exchange.kind === 'response' && exchange.status >= 500) {
      ctx.counts.serverErrors++;
      ctx.onServerError(exchange.text);
    }
    const detail =
      exchange.kind === 'response'
        ? `HTTP ${exchange.status}`
        : exchange.kind === 'refused'
          ? 'connection refused'
          : exchange.reason === 'timeout'
            ? 'no answer in time'
            : 'connection broke after the request was sent';
    ctx.history.add({ client, op, key, type: exchange.kind === 'refused' ? 'fail' : 'unknown', detail });
    ctx.book.record({ timeMs: Math.round(performance.now()), op, key, outcome: 'unknown' }, press);
    await sleep(backoffMs);
    backoffMs = Math.min(backoffMs * 2, CLIENT.retryDelayMsMax);
  }
}
