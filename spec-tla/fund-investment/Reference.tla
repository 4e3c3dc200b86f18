----------------------------- MODULE Reference -----------------------------
(***************************************************************************)
(* Twin of the moneysim model fund-investment/reference: the seed 002      *)
(* service made safe. The seat is reserved at the fund before any money    *)
(* moves (a full fund fails the transaction at once) and released when the *)
(* transfer fails. The withdrawal is announced in the row before it is     *)
(* sent; a missing reply is settled by a lookup of its key after the       *)
(* request's expiry, never by sending again. The remittance carries a key. *)
(* A remittance refused for good, like a withdrawal that never happened,   *)
(* leads to UNDOING: a compensating refund of everything withdrawn and the *)
(* seat's release; a completed transfer refunds the surplus of a           *)
(* withdrawal applied twice. The terminal state and its outbox row commit  *)
(* together; the relay sends with the row's id as the message id, so a     *)
(* resend after a crash is recorded once by the notification log.          *)
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

(* The seat: reserved before any money moves -------------------------------- *)

Accept(t) ==
    /\ row[t] = "new"
    /\ row' = [row EXCEPT ![t] = "queued"]
    /\ UNCHANGED <<pc, withdrawn, refunded, remitted, seat, outbox, notes, crashes, losses, duplicates, refusals>>

Reserve(t) ==
    /\ row[t] = "queued"
    /\ Reserved < Seats
    /\ row' = [row EXCEPT ![t] = "reserved"]
    /\ seat' = [seat EXCEPT ![t] = TRUE]
    /\ UNCHANGED <<pc, withdrawn, refunded, remitted, outbox, notes, crashes, losses, duplicates, refusals>>

(* The terminal state and its outbox row commit together. *)
SeatRefused(t) ==
    /\ row[t] = "queued"
    /\ Reserved >= Seats
    /\ row' = [row EXCEPT ![t] = "failed"]
    /\ outbox' = [outbox EXCEPT ![t] = TRUE]
    /\ UNCHANGED <<pc, withdrawn, refunded, remitted, seat, notes, crashes, losses, duplicates, refusals>>

(* The withdrawal: announced before it is sent, settled by lookup ------------ *)

MarkWithdrawing(t) ==
    /\ row[t] = "reserved"
    /\ row' = [row EXCEPT ![t] = "withdrawing"]
    /\ pc' = [pc EXCEPT ![t] = "send"]
    /\ UNCHANGED <<withdrawn, refunded, remitted, seat, outbox, notes, crashes, losses, duplicates, refusals>>

SendWithdrawal(t) ==
    /\ pc[t] = "send"
    /\ Apply(t, 1)
    /\ pc' = [pc EXCEPT ![t] = "idle"]
    /\ row' = [row EXCEPT ![t] = "withdrawn"]
    /\ UNCHANGED <<refunded, remitted, seat, outbox, notes, crashes, losses, duplicates, refusals>>

WithdrawReplyLost(t) ==
    /\ pc[t] = "send"
    /\ losses < Losses
    /\ Apply(t, 1)
    /\ losses' = losses + 1
    /\ pc' = [pc EXCEPT ![t] = "idle"]
    /\ UNCHANGED <<row, refunded, remitted, seat, outbox, notes, crashes, duplicates, refusals>>

WithdrawDuplicated(t) ==
    /\ pc[t] = "send"
    /\ duplicates < Duplicates
    /\ Apply(t, 2)
    /\ duplicates' = duplicates + 1
    /\ pc' = [pc EXCEPT ![t] = "idle"]
    /\ row' = [row EXCEPT ![t] = "withdrawn"]
    /\ UNCHANGED <<refunded, remitted, seat, outbox, notes, crashes, losses, refusals>>

(* After the expiry nothing more can be applied: the answer is final. *)
Lookup(t) ==
    /\ row[t] = "withdrawing"
    /\ pc[t] /= "send"
    /\ row' = [row EXCEPT ![t] = IF withdrawn[t] > 0 THEN "withdrawn" ELSE "undoing"]
    /\ UNCHANGED <<pc, withdrawn, refunded, remitted, seat, outbox, notes, crashes, losses, duplicates, refusals>>

(* The remittance, the compensating refund and the seat's release ----------- *)

Remit(t) ==
    /\ row[t] = "withdrawn"
    /\ remitted' = [remitted EXCEPT ![t] = 1]
    /\ row' = [row EXCEPT ![t] = "remitted"]
    /\ UNCHANGED <<pc, withdrawn, refunded, seat, outbox, notes, crashes, losses, duplicates, refusals>>

RemitRefused(t) ==
    /\ row[t] = "withdrawn"
    /\ refusals < Refusals
    /\ refusals' = refusals + 1
    /\ row' = [row EXCEPT ![t] = "undoing"]
    /\ UNCHANGED <<pc, withdrawn, refunded, remitted, seat, outbox, notes, crashes, losses, duplicates>>

(* The investor gets back what the fund did not keep, under one refund key. *)
Finish(t) ==
    /\ row[t] = "remitted"
    /\ refunded' = [refunded EXCEPT ![t] = withdrawn[t] - remitted[t]]
    /\ row' = [row EXCEPT ![t] = "complete"]
    /\ outbox' = [outbox EXCEPT ![t] = TRUE]
    /\ UNCHANGED <<pc, withdrawn, remitted, seat, notes, crashes, losses, duplicates, refusals>>

Undo(t) ==
    /\ row[t] = "undoing"
    /\ refunded' = [refunded EXCEPT ![t] = withdrawn[t]]
    /\ seat' = [seat EXCEPT ![t] = FALSE]
    /\ row' = [row EXCEPT ![t] = "failed"]
    /\ outbox' = [outbox EXCEPT ![t] = TRUE]
    /\ UNCHANGED <<pc, withdrawn, remitted, notes, crashes, losses, duplicates, refusals>>

(* The outbox relay: the row's id is the message id ------------------------- *)

Relay(t) ==
    /\ outbox[t]
    /\ notes' = [notes EXCEPT ![t] = 1]
    /\ outbox' = [outbox EXCEPT ![t] = FALSE]
    /\ UNCHANGED <<row, pc, withdrawn, refunded, remitted, seat, crashes, losses, duplicates, refusals>>

(* Sent, then crashed before marking the row sent: the log keeps the message id once. *)
RelayCrash(t) ==
    /\ outbox[t]
    /\ crashes < Crashes
    /\ crashes' = crashes + 1
    /\ notes' = [notes EXCEPT ![t] = 1]
    /\ UNCHANGED <<row, pc, withdrawn, refunded, remitted, seat, outbox, losses, duplicates, refusals>>

(* A worker crash loses its memory: at most a withdrawal not yet sent. *)
Crash ==
    /\ crashes < Crashes
    /\ \E t \in T : pc[t] /= "idle"
    /\ crashes' = crashes + 1
    /\ pc' = [t \in T |-> "idle"]
    /\ UNCHANGED <<row, withdrawn, refunded, remitted, seat, outbox, notes, losses, duplicates, refusals>>

(* The whole system ------------------------------------------------------ *)

API == \E t \in T : Accept(t)
Worker ==
    \E t \in T :
        \/ Reserve(t) \/ SeatRefused(t) \/ MarkWithdrawing(t) \/ SendWithdrawal(t) \/ Lookup(t)
        \/ Remit(t) \/ Finish(t) \/ Undo(t)
RelayProcess == \E t \in T : Relay(t)
Faults ==
    \/ Crash
    \/ \E t \in T : WithdrawReplyLost(t) \/ WithdrawDuplicated(t) \/ RemitRefused(t) \/ RelayCrash(t)

(* Nothing in memory, no unsent outbox row, every transaction terminal. *)
Quiescent == \A t \in T : pc[t] = "idle" /\ ~outbox[t] /\ Terminal(t)

Finished == Quiescent /\ UNCHANGED vars

Next == API \/ Worker \/ RelayProcess \/ Faults \/ Finished

Spec == Init /\ [][Next]_vars /\ WF_vars(API) /\ WF_vars(Worker) /\ WF_vars(RelayProcess)

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
