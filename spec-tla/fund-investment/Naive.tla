------------------------------- MODULE Naive -------------------------------
(***************************************************************************)
(* Twin of the moneysim model fund-investment/naive: the seed 002 flow as  *)
(* written. The API reads the fund's seat count up front and records and   *)
(* queues the transaction without claiming a seat. The worker withdraws    *)
(* (the transaction id as key, retried after a lost reply), remits (the    *)
(* fund rejects it when the seats are gone, or refuses it for good), marks *)
(* the row COMPLETE or FAILED and notifies from memory after the commit.   *)
(* A failed transfer is not undone. A worker crash loses its memory and    *)
(* the queue redelivers: the whole flow runs again for a QUEUED row.       *)
(*                                                                         *)
(* N investments (0 .. N-1), each by a different investor, into one fund   *)
(* with Seats seats. The services' books are counted per transaction, so  *)
(* a call applied twice shows in the money.                                *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS N, Seats, Idempotent, Crashes, Losses, Duplicates, Refusals

Amount == 100
T == 0 .. N - 1

VARIABLES row, pc, withdrawn, refunded, remitted, seat, outbox, notes,
          crashes, losses, duplicates, refusals

vars == <<row, pc, withdrawn, refunded, remitted, seat, outbox, notes,
          crashes, losses, duplicates, refusals>>

Init ==
    /\ row = [t \in T |-> "new"]
    /\ pc = [t \in T |-> "idle"]
    /\ withdrawn = [t \in T |-> 0]
    /\ refunded = [t \in T |-> 0]
    /\ remitted = [t \in T |-> 0]
    /\ seat = [t \in T |-> FALSE]
    /\ outbox = [t \in T |-> FALSE]
    /\ notes = [t \in T |-> 0]
    /\ crashes = 0
    /\ losses = 0
    /\ duplicates = 0
    /\ refusals = 0

(* The books ------------------------------------------------------------- *)

InFlight(t) == Amount * (withdrawn[t] - refunded[t] - remitted[t])
Admitted == Cardinality({t \in T : remitted[t] > 0})
Reserved == Cardinality({t \in T : seat[t]})
Terminal(t) == row[t] \in {"complete", "failed"}

(* The investor service applies withdrawal t k times, once for good when idempotent. *)
Apply(t, k) == withdrawn' = [withdrawn EXCEPT ![t] = IF Idempotent THEN 1 ELSE @ + k]

(* The API: the seat count read up front ---------------------------------- *)

Check(t) ==
    /\ row[t] = "new"
    /\ Admitted < Seats
    /\ row' = [row EXCEPT ![t] = "queued"]
    /\ UNCHANGED <<pc, withdrawn, refunded, remitted, seat, outbox, notes, crashes, losses, duplicates, refusals>>

Refuse(t) ==
    /\ row[t] = "new"
    /\ Admitted >= Seats
    /\ row' = [row EXCEPT ![t] = "refused"]
    /\ UNCHANGED <<pc, withdrawn, refunded, remitted, seat, outbox, notes, crashes, losses, duplicates, refusals>>

(* The worker, on a message whose row is still QUEUED ---------------------- *)

Fresh(t) == row[t] = "queued" /\ pc[t] = "idle"
Fits(t) == remitted[t] > 0 \/ Admitted < Seats

Withdraw(t) ==
    /\ Fresh(t)
    /\ Apply(t, 1)
    /\ pc' = [pc EXCEPT ![t] = "withdrawn"]
    /\ UNCHANGED <<row, refunded, remitted, seat, outbox, notes, crashes, losses, duplicates, refusals>>

(* Applied, but the reply was lost: the worker retries the call. *)
WithdrawReplyLost(t) ==
    /\ Fresh(t)
    /\ losses < Losses
    /\ losses' = losses + 1
    /\ Apply(t, 1)
    /\ UNCHANGED <<row, pc, refunded, remitted, seat, outbox, notes, crashes, duplicates, refusals>>

WithdrawDuplicated(t) ==
    /\ Fresh(t)
    /\ duplicates < Duplicates
    /\ duplicates' = duplicates + 1
    /\ Apply(t, 2)
    /\ pc' = [pc EXCEPT ![t] = "withdrawn"]
    /\ UNCHANGED <<row, refunded, remitted, seat, outbox, notes, crashes, losses, refusals>>

Remit(t) ==
    /\ pc[t] = "withdrawn"
    /\ Fits(t)
    /\ remitted' = [remitted EXCEPT ![t] = @ + 1]
    /\ pc' = [pc EXCEPT ![t] = "remitted"]
    /\ UNCHANGED <<row, withdrawn, refunded, seat, outbox, notes, crashes, losses, duplicates, refusals>>

(* The seat went to someone else: FAILED, and the withdrawn money stays out. *)
RemitRejected(t) ==
    /\ pc[t] = "withdrawn"
    /\ ~Fits(t)
    /\ row' = [row EXCEPT ![t] = "failed"]
    /\ pc' = [pc EXCEPT ![t] = "notify"]
    /\ UNCHANGED <<withdrawn, refunded, remitted, seat, outbox, notes, crashes, losses, duplicates, refusals>>

RemitRefused(t) ==
    /\ pc[t] = "withdrawn"
    /\ refusals < Refusals
    /\ refusals' = refusals + 1
    /\ row' = [row EXCEPT ![t] = "failed"]
    /\ pc' = [pc EXCEPT ![t] = "notify"]
    /\ UNCHANGED <<withdrawn, refunded, remitted, seat, outbox, notes, crashes, losses, duplicates>>

Complete(t) ==
    /\ pc[t] = "remitted"
    /\ row[t] = "queued"
    /\ row' = [row EXCEPT ![t] = "complete"]
    /\ pc' = [pc EXCEPT ![t] = "notify"]
    /\ UNCHANGED <<withdrawn, refunded, remitted, seat, outbox, notes, crashes, losses, duplicates, refusals>>

(* Directly after the commit, from memory. *)
Notify(t) ==
    /\ pc[t] = "notify"
    /\ notes' = [notes EXCEPT ![t] = @ + 1]
    /\ pc' = [pc EXCEPT ![t] = "idle"]
    /\ UNCHANGED <<row, withdrawn, refunded, remitted, seat, outbox, crashes, losses, duplicates, refusals>>

(* A worker crash loses its memory; the queue redelivers. *)
Crash ==
    /\ crashes < Crashes
    /\ \E t \in T : pc[t] /= "idle"
    /\ crashes' = crashes + 1
    /\ pc' = [t \in T |-> "idle"]
    /\ UNCHANGED <<row, withdrawn, refunded, remitted, seat, outbox, notes, losses, duplicates, refusals>>

(* The whole system ------------------------------------------------------ *)

API == \E t \in T : Check(t) \/ Refuse(t)
Worker == \E t \in T : Withdraw(t) \/ Remit(t) \/ RemitRejected(t) \/ Complete(t) \/ Notify(t)
Faults ==
    \/ Crash
    \/ \E t \in T : WithdrawReplyLost(t) \/ WithdrawDuplicated(t) \/ RemitRefused(t)

(* No worker memory and every request answered. *)
Quiescent == \A t \in T : pc[t] = "idle" /\ (row[t] = "refused" \/ Terminal(t))

Finished == Quiescent /\ UNCHANGED vars

Next == API \/ Worker \/ Faults \/ Finished

Spec == Init /\ [][Next]_vars /\ WF_vars(API) /\ WF_vars(Worker)

(* Invariants, judged on the services' books and the rows ------------------ *)

MoneyConserved == \A t \in T : InFlight(t) >= 0

NoOrphanedMoney == \A t \in T : Terminal(t) => InFlight(t) = 0

RemittedAtMostOnce == \A t \in T : remitted[t] <= 1

NoRefundWithoutWithdrawal == \A t \in T : refunded[t] <= withdrawn[t]

SeatsRespected == Admitted <= Seats /\ Reserved <= Seats

StateMatchesBooks ==
    \A t \in T : /\ row[t] = "complete" => remitted[t] > 0
                 /\ row[t] = "failed" => remitted[t] = 0

NotifiedAtMostOnce == \A t \in T : notes[t] <= 1

Recorded(t) == row[t] \notin {"new", "refused"}

NotifiedExactlyOnce == Quiescent => \A t \in T : Recorded(t) => Terminal(t) /\ notes[t] = 1

SeatsReleased == Quiescent => \A t \in T : row[t] = "failed" => ~seat[t]

(* Liveness: every investment eventually settles and stays settled. *)
Settled(t) ==
    /\ pc[t] = "idle" /\ ~outbox[t]
    /\ row[t] = "refused" \/ (Terminal(t) /\ notes[t] = 1)

Settles == \A t \in T : <>[]Settled(t)
=============================================================================
