/**
 * The simulator's invariants, judged during and after a real run against the
 * fakes' books (this process holds them), the answers the clients received,
 * and the coordinator's committed records in Postgres.
 *
 * The books are read synchronously, so they are always consistent with each
 * other; the committed records are read over the network a moment later.
 * NoOrphanedMoney must not mistake that moment for a hole, so it judges only
 * transfers whose money was already out when the check began: for those, a
 * correct design has committed its obligation before the money left, and
 * keeps it until the money is back or credited. Transfers whose money left
 * during the read are judged at the next check.
 */
import type { BankTransferDesign, TransferAnswer } from '../../impl/bank-transfer/contract.ts';
import type { AnswerBook, PressRecord } from '../../sim/bank-transfer/answer-book.ts';
import { checkKeysSettled, checkPressAnswer, checkRequestsAnswered } from '../../sim/bank-transfer/invariants/key-invariants.ts';
import { inTransitMinor, type Finding, type GroundTruth } from '../../sim/bank-transfer/invariants/ground-truth.ts';
import { checkQuiescent } from '../../sim/bank-transfer/invariants/quiescence-invariants.ts';
import { checkAnswer, checkStep } from '../../sim/bank-transfer/invariants/step-invariants.ts';
import { describeThrown } from '../../sim/kit/describe-thrown.ts';
import type { BankFakes } from '../bank-transfer/bank-fakes.ts';
import { httpExchange } from '../net/http-exchange.ts';
import { readThroughView } from '../store/read-through-view.ts';
import type { SqlConnection } from '../store/sql-connection.ts';

export class ChaosTruth {
  private reading: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly fakes: BankFakes,
    private readonly book: AnswerBook,
    private readonly design: BankTransferDesign,
    private readonly conn: SqlConnection,
    private readonly apiUrl: string,
  ) {}

  /** Checked as each answer arrives: ExactlyOncePerKey and the immediate half of HonestAnswers. */
  onAnswer(answer: TransferAnswer, press: PressRecord): Finding | null {
    return checkPressAnswer(press) ?? checkAnswer(this.truth([]), answer);
  }

  /** NoOverdraft, NoMoneyCreated, NoOrphanedMoney, against the books as they are now. */
  async step(): Promise<Finding | null> {
    const outBefore = new Set([...this.fakes.external.references.keys()].filter((id) => inTransitMinor(this.truth([]), id) > 0));
    const owed = await this.obligations();
    if ('invariant' in owed) return owed;
    const held = await this.heldInMemory();
    const notYetJudged = [...this.fakes.external.references.keys()].filter((id) => !outBefore.has(id));
    return checkStep(this.truth([...owed.ids, ...held, ...notYetJudged]));
  }

  /** After healing and draining: NoMoneyLost, HonestAnswers, ExactlyOncePerKey, AllTransfersTerminal, ObligationsDischarged, RequestsAnswered. */
  async quiescent(): Promise<Finding | null> {
    const owed = await this.obligations();
    if ('invariant' in owed) return owed;
    const g = this.truth(owed.ids);
    return checkStep(g) ?? checkQuiescent(g) ?? checkKeysSettled(g) ?? checkRequestsAnswered(g, 'after healing');
  }

  /** Transfer ids the committed records oblige the design to finish. */
  async obligations(): Promise<{ ids: readonly string[] } | Finding> {
    // One reading transaction at a time on the one connection.
    const read = this.reading.then(() =>
      readThroughView(this.conn, (view) => {
        try {
          return { ids: this.design.durableObligations(view) };
        } catch (err) {
          return { threw: err };
        }
      }),
    );
    this.reading = read.catch(() => undefined);
    const outcome = await read;
    if ('threw' in outcome) return { invariant: 'CoordinatorError', message: `durableObligations threw: ${describeThrown(outcome.threw)}` };
    return outcome;
  }

  /** What the live coordinator holds in memory; nothing when it is down. */
  private async heldInMemory(): Promise<readonly string[]> {
    const reply = await httpExchange('GET', `${this.apiUrl}/held`, undefined, 500);
    if (reply.kind !== 'response' || reply.status !== 200) return [];
    return (JSON.parse(reply.text) as { transferIds: string[] }).transferIds;
  }

  private truth(covered: readonly string[]): GroundTruth {
    return {
      external: this.fakes.external,
      ledger: this.fakes.ledger,
      book: this.book,
      initialTotalMinor: this.fakes.initialTotalMinor,
      initialBalances: this.fakes.initialBalances,
      durableObligations: () => covered,
      heldInMemory: () => [],
    };
  }
}
