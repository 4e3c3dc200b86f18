------------------------------- MODULE Naive -------------------------------
(***************************************************************************)
(* Twin of the moneysim model sharded-transfer/naive: the seed 000 flow as *)
(* written. Scope 1 reads, checks in the node, then blocks (unless         *)
(* Atomic); the donor's node remembers the transfer in memory and runs     *)
(* stage 2 for what it remembers. Every stage statement is unconditional: *)
(* a duplicate delivery credits twice, a lost commit reply of the credit   *)
(* is taken for a failure (stage 1 failed although credited), a lost       *)
(* commit reply of stage 2 runs its statements again. A withdrawal is      *)
(* tracked in memory and an unknown status is taken for a failure. A crash *)
(* of the donor's node strands the blocks it was tracking.                 *)
(***************************************************************************)
EXTENDS Sharded

(* Scope 2 on the receiver's node -------------------------------------- *)

Credit(t) ==
    /\ t \in Internal
    /\ inbox[t] > 0
    /\ inbox' = [inbox EXCEPT ![t] = @ - 1]
    /\ credits' = [credits EXCEPT ![t] = @ + 1]
    /\ row' = IF row[t] = "blocked" THEN [row EXCEPT ![t] = "credited"] ELSE row
    /\ UNCHANGED <<req, stale, watch, commits, releases, stub, paid, crashes, duplicates, losses, restarts>>

(* The receiver's account refuses the credit: stage 1 failed. *)
Reject(t) ==
    /\ t \in Internal
    /\ inbox[t] > 0
    /\ row[t] = "blocked"
    /\ inbox' = [inbox EXCEPT ![t] = @ - 1]
    /\ row' = [row EXCEPT ![t] = "failed"]
    /\ UNCHANGED <<req, stale, watch, credits, commits, releases, stub, paid, crashes, duplicates, losses, restarts>>

(* The credit committed, its reply was lost, and the node marks stage 1 failed. *)
CreditReplyLost(t) ==
    /\ t \in Internal
    /\ inbox[t] > 0
    /\ losses < Losses
    /\ losses' = losses + 1
    /\ inbox' = [inbox EXCEPT ![t] = @ - 1]
    /\ credits' = [credits EXCEPT ![t] = @ + 1]
    /\ row' = [row EXCEPT ![t] = "failed"]
    /\ UNCHANGED <<req, stale, watch, commits, releases, stub, paid, crashes, duplicates, restarts>>

(* The withdrawal, tracked in the donor node's memory -------------------- *)

Submit(t) ==
    /\ t \in Withdrawals
    /\ watch[t] = "await"
    /\ row[t] = "blocked"
    /\ SubmitTo(t)
    /\ watch' = [watch EXCEPT ![t] = "submitted"]
    /\ UNCHANGED <<req, stale, row, inbox, credits, commits, releases, paid, crashes, duplicates, losses, restarts>>

StatusCompleted(t) ==
    /\ t \in Withdrawals
    /\ watch[t] = "submitted"
    /\ stub[t] = "completed"
    /\ row' = [row EXCEPT ![t] = "credited"]
    /\ watch' = [watch EXCEPT ![t] = "await"]
    /\ UNCHANGED <<req, stale, inbox, credits, commits, releases, stub, paid, crashes, duplicates, losses, restarts>>

(* Failed, or unknown because the stub forgot: both taken for a failure. *)
StatusFailed(t) ==
    /\ t \in Withdrawals
    /\ watch[t] = "submitted"
    /\ stub[t] \in {"failed", "none"}
    /\ row' = [row EXCEPT ![t] = "failed"]
    /\ watch' = [watch EXCEPT ![t] = "await"]
    /\ UNCHANGED <<req, stale, inbox, credits, commits, releases, stub, paid, crashes, duplicates, losses, restarts>>

(* Scope 3 on the donor's node, for the transfers it remembers ----------- *)

SettleEffect(t) ==
    /\ watch[t] = "await"
    /\ row[t] \in {"credited", "failed"}
    /\ row' = [row EXCEPT ![t] = IF row[t] = "credited" THEN "committed" ELSE "released"]
    /\ commits' = IF row[t] = "credited" THEN [commits EXCEPT ![t] = @ + 1] ELSE commits
    /\ releases' = IF row[t] = "failed" THEN [releases EXCEPT ![t] = @ + 1] ELSE releases
    /\ stale' = Touched(t)

Settle(t) ==
    /\ SettleEffect(t)
    /\ watch' = [watch EXCEPT ![t] = "none"]
    /\ UNCHANGED <<req, inbox, credits, stub, paid, crashes, duplicates, losses, restarts>>

(* The commit's reply is lost: the node will run the same statements again. *)
SettleReplyLost(t) ==
    /\ losses < Losses
    /\ SettleEffect(t)
    /\ losses' = losses + 1
    /\ watch' = [watch EXCEPT ![t] = IF row[t] = "credited" THEN "retryCommit" ELSE "retryRelease"]
    /\ UNCHANGED <<req, inbox, credits, stub, paid, crashes, duplicates, restarts>>

Retry(t) ==
    /\ watch[t] \in {"retryCommit", "retryRelease"}
    /\ commits' = IF watch[t] = "retryCommit" THEN [commits EXCEPT ![t] = @ + 1] ELSE commits
    /\ releases' = IF watch[t] = "retryRelease" THEN [releases EXCEPT ![t] = @ + 1] ELSE releases
    /\ watch' = [watch EXCEPT ![t] = "none"]
    /\ stale' = Touched(t)
    /\ UNCHANGED <<req, row, inbox, credits, stub, paid, crashes, duplicates, losses, restarts>>

(* The whole system ------------------------------------------------------ *)

DonorNode ==
    \E t \in T :
        \/ Refuse(t) \/ Check(t) \/ BlockAs(t, "await") \/ Abort(t)
        \/ Submit(t) \/ StatusCompleted(t) \/ StatusFailed(t) \/ Settle(t) \/ Retry(t)
ReceiverNode == \E t \in T : Poll(t) \/ Credit(t) \/ Reject(t)
StubService == \E t \in T : StubComplete(t) \/ StubFail(t)
Faults ==
    \/ StubRestart
    \/ \E n \in {0, 1} : Crash(n)
    \/ \E t \in T : Duplicate(t) \/ CreditReplyLost(t) \/ SettleReplyLost(t)

(* Nothing in memory, no withdrawal processing, no stage 0 row the receiver's poll would pick. *)
Quiescent ==
    \A t \in T :
        /\ req[t] = "closed" /\ inbox[t] = 0 /\ watch[t] = "none" /\ stub[t] /= "processing"
        /\ ~(t \in Internal /\ row[t] = "blocked")

Finished == Quiescent /\ UNCHANGED vars

Next == DonorNode \/ ReceiverNode \/ StubService \/ Faults \/ Finished

Spec ==
    /\ Init /\ [][Next]_vars
    /\ WF_vars(DonorNode) /\ WF_vars(ReceiverNode) /\ WF_vars(StubService)

NoStrandedBlock == StrandedFree(Quiescent)

(* Liveness: every transfer eventually stays terminal. *)
Terminates == \A t \in T : <>[]Terminal(t)
=============================================================================
