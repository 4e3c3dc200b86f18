----------------------------- MODULE Reference -----------------------------
(***************************************************************************)
(* Twin of the moneysim model sharded-transfer/reference: the seed 000     *)
(* shape made safe at read committed. Scope 1 blocks with one conditional  *)
(* update (Atomic). Every stage transition is a conditional update of the  *)
(* row in the same transaction as its money statement, so duplicates and   *)
(* retries after a lost commit reply change nothing, and every step is     *)
(* picked up by polling committed rows, so a crash loses only the step in  *)
(* flight. A withdrawal's row is its durable intent; it is marked          *)
(* submitting before it is sent and settled by status query; an unknown    *)
(* status (the stub forgot, or never received it) parks the row as a       *)
(* reconciliation item whose amount stays blocked.                         *)
(***************************************************************************)
EXTENDS Sharded

(* Scope 2 on the receiver's node: only a row still at stage 0 moves ------ *)

CreditEffect(t) ==
    /\ t \in Internal
    /\ inbox[t] > 0
    /\ inbox' = [inbox EXCEPT ![t] = @ - 1]
    /\ credits' = IF row[t] = "blocked" THEN [credits EXCEPT ![t] = @ + 1] ELSE credits
    /\ row' = IF row[t] = "blocked" THEN [row EXCEPT ![t] = "credited"] ELSE row

Credit(t) ==
    /\ CreditEffect(t)
    /\ UNCHANGED <<req, stale, watch, commits, releases, stub, paid, crashes, duplicates, losses, restarts>>

Reject(t) ==
    /\ t \in Internal
    /\ inbox[t] > 0
    /\ row[t] = "blocked"
    /\ inbox' = [inbox EXCEPT ![t] = @ - 1]
    /\ row' = [row EXCEPT ![t] = "failed"]
    /\ UNCHANGED <<req, stale, watch, credits, commits, releases, stub, paid, crashes, duplicates, losses, restarts>>

(* The node does not learn the outcome and leaves the row to the next poll. *)
CreditReplyLost(t) ==
    /\ losses < Losses
    /\ CreditEffect(t)
    /\ losses' = losses + 1
    /\ UNCHANGED <<req, stale, watch, commits, releases, stub, paid, crashes, duplicates, restarts>>

(* The withdrawal: durable intent, marked before it is sent, settled by status *)

MarkSubmitting(t) ==
    /\ t \in Withdrawals
    /\ row[t] = "blocked"
    /\ watch[t] = "none"
    /\ row' = [row EXCEPT ![t] = "submitting"]
    /\ watch' = [watch EXCEPT ![t] = "send"]
    /\ UNCHANGED <<req, stale, inbox, credits, commits, releases, stub, paid, crashes, duplicates, losses, restarts>>

Send(t) ==
    /\ t \in Withdrawals
    /\ watch[t] = "send"
    /\ SubmitTo(t)
    /\ watch' = [watch EXCEPT ![t] = "none"]
    /\ UNCHANGED <<req, stale, row, inbox, credits, commits, releases, paid, crashes, duplicates, losses, restarts>>

Query(t, answer, r) ==
    /\ t \in Withdrawals
    /\ row[t] = "submitting"
    /\ watch[t] = "none"
    /\ stub[t] = answer
    /\ row' = [row EXCEPT ![t] = r]
    /\ UNCHANGED <<req, stale, inbox, watch, credits, commits, releases, stub, paid, crashes, duplicates, losses, restarts>>

StatusCompleted(t) == Query(t, "completed", "credited")
StatusFailed(t) == Query(t, "failed", "failed")
(* Neither retried (it may have been paid) nor released (the payee may hold it). *)
StatusUnknown(t) == Query(t, "none", "parked")

(* Scope 3 on the donor's node: only a row still at stage 1 moves --------- *)

SettleEffect(t) ==
    /\ row[t] \in {"credited", "failed"}
    /\ row' = [row EXCEPT ![t] = IF row[t] = "credited" THEN "committed" ELSE "released"]
    /\ commits' = IF row[t] = "credited" THEN [commits EXCEPT ![t] = @ + 1] ELSE commits
    /\ releases' = IF row[t] = "failed" THEN [releases EXCEPT ![t] = @ + 1] ELSE releases
    /\ stale' = Touched(t)

Settle(t) ==
    /\ SettleEffect(t)
    /\ UNCHANGED <<req, inbox, watch, credits, stub, paid, crashes, duplicates, losses, restarts>>

(* The next poll finds stage 2 done; nothing runs again. *)
SettleReplyLost(t) ==
    /\ losses < Losses
    /\ SettleEffect(t)
    /\ losses' = losses + 1
    /\ UNCHANGED <<req, inbox, watch, credits, stub, paid, crashes, duplicates, restarts>>

(* The whole system ------------------------------------------------------ *)

DonorNode ==
    \E t \in T :
        \/ Refuse(t) \/ Check(t) \/ BlockAs(t, watch[t]) \/ Abort(t)
        \/ MarkSubmitting(t) \/ Send(t) \/ StatusCompleted(t) \/ StatusFailed(t) \/ StatusUnknown(t)
        \/ Settle(t)
ReceiverNode == \E t \in T : Poll(t) \/ Credit(t) \/ Reject(t)
StubService == \E t \in T : StubComplete(t) \/ StubFail(t)
Faults ==
    \/ StubRestart
    \/ \E n \in {0, 1} : Crash(n)
    \/ \E t \in T : Duplicate(t) \/ CreditReplyLost(t) \/ SettleReplyLost(t)

(* Nothing in memory, no withdrawal processing, every row final (each other row is some poll's work). *)
Quiescent ==
    \A t \in T :
        /\ req[t] = "closed" /\ inbox[t] = 0 /\ watch[t] = "none" /\ stub[t] /= "processing"
        /\ row[t] \in {"none", "committed", "released", "parked"}

Finished == Quiescent /\ UNCHANGED vars

Next == DonorNode \/ ReceiverNode \/ StubService \/ Faults \/ Finished

Spec ==
    /\ Init /\ [][Next]_vars
    /\ WF_vars(DonorNode) /\ WF_vars(ReceiverNode) /\ WF_vars(StubService)

NoStrandedBlock == StrandedFree(Quiescent)

(* Liveness: every transfer eventually stays terminal. *)
Terminates == \A t \in T : <>[]Terminal(t)
=============================================================================
