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
(*                                                                         *)
(* N transfers (0 .. N-1) each move Amount from the donor (account 0, node *)
(* 0) to the receiver (account 1, node 1); with Withdrawal the last one    *)
(* pays an external payee through the stub. Balances are derived from how  *)
(* often each transfer's statements ran, so a statement that runs twice    *)
(* shows in the money. Everything up to Crash is the same in Naive.tla and *)
(* Reference.tla but for what Block leaves in the node's memory.           *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS N, Funds, Atomic, Serializable, Crashes, Duplicates, Losses, Restarts, Withdrawal

Amount == 5
T == 0 .. N - 1
IsWithdrawal(t) == Withdrawal /\ t = N - 1
Internal == {t \in T : ~IsWithdrawal(t)}
Withdrawals == {t \in T : IsWithdrawal(t)}

VARIABLES req, stale, row, inbox, watch, credits, commits, releases, stub, paid,
          crashes, duplicates, losses, restarts

vars == <<req, stale, row, inbox, watch, credits, commits, releases, stub, paid,
          crashes, duplicates, losses, restarts>>

Sum(f) ==
    LET RECURSIVE S(_)
        S(k) == IF k = 0 THEN 0 ELSE f[k - 1] + S(k - 1)
    IN S(N)

Init ==
    /\ req = [t \in T |-> "new"]
    /\ stale = [t \in T |-> FALSE]
    /\ row = [t \in T |-> "none"]
    /\ inbox = [t \in T |-> 0]
    /\ watch = [t \in T |-> "none"]
    /\ credits = [t \in T |-> 0]
    /\ commits = [t \in T |-> 0]
    /\ releases = [t \in T |-> 0]
    /\ stub = [t \in T |-> "none"]
    /\ paid = [t \in T |-> 0]
    /\ crashes = 0
    /\ duplicates = 0
    /\ losses = 0
    /\ restarts = 0

(* The money ------------------------------------------------------------- *)

Total == Amount * Funds
DonorBalance == Amount * (Funds - Sum(commits))
DonorBlocked == Amount * Sum([t \in T |-> (IF row[t] /= "none" THEN 1 ELSE 0) - commits[t] - releases[t]])
Available == DonorBalance - DonorBlocked
ReceiverBalance == Amount * Sum(credits)
PaidOut == Amount * Sum(paid)

Outstanding(t) == row[t] /= "none" /\ commits[t] + releases[t] = 0
Delivered(t) == credits[t] > 0 \/ paid[t] > 0
(* Money at its receiver while the donor's block for it is still outstanding. *)
Ahead == Amount * Cardinality({t \in T : Delivered(t) /\ Outstanding(t)})

Terminal(t) ==
    \/ row[t] \in {"committed", "released", "parked"}
    \/ row[t] = "none" /\ req[t] = "closed"

(* Scope 1 on the donor's node ----------------------------------------- *)

(* A committed write to the donor's row: at serializable every other open read of it is stale. *)
Touched(t) == [u \in T |-> IF Serializable /\ ~Atomic /\ u /= t /\ req[u] = "checked" THEN TRUE ELSE stale[u]]

Refuse(t) ==
    /\ req[t] = "new"
    /\ Available < Amount
    /\ req' = [req EXCEPT ![t] = "closed"]
    /\ UNCHANGED <<stale, row, inbox, watch, credits, commits, releases, stub, paid, crashes, duplicates, losses, restarts>>

(* Read-then-update only: the read, and the check in the node's code. *)
Check(t) ==
    /\ ~Atomic
    /\ req[t] = "new"
    /\ Available >= Amount
    /\ req' = [req EXCEPT ![t] = "checked"]
    /\ UNCHANGED <<stale, row, inbox, watch, credits, commits, releases, stub, paid, crashes, duplicates, losses, restarts>>

(* The block and the row insert; atomic: one conditional update. *)
Block(t) ==
    /\ IF Atomic THEN req[t] = "new" /\ Available >= Amount
                 ELSE req[t] = "checked" /\ ~stale[t]
    /\ req' = [req EXCEPT ![t] = "closed"]
    /\ row' = [row EXCEPT ![t] = "blocked"]
    /\ stale' = Touched(t)
    /\ watch' = [watch EXCEPT ![t] = "await"]
    /\ UNCHANGED <<inbox, credits, commits, releases, stub, paid, crashes, duplicates, losses, restarts>>

(* Serializable: the second writer of the donor's row since its read fails. *)
Abort(t) ==
    /\ ~Atomic
    /\ req[t] = "checked"
    /\ stale[t]
    /\ req' = [req EXCEPT ![t] = "closed"]
    /\ stale' = [stale EXCEPT ![t] = FALSE]
    /\ UNCHANGED <<row, inbox, watch, credits, commits, releases, stub, paid, crashes, duplicates, losses, restarts>>

(* The hand-off to the receiver's node, by polling committed rows -------- *)

Poll(t) ==
    /\ t \in Internal
    /\ row[t] = "blocked"
    /\ inbox[t] = 0
    /\ inbox' = [inbox EXCEPT ![t] = 1]
    /\ UNCHANGED <<req, stale, row, watch, credits, commits, releases, stub, paid, crashes, duplicates, losses, restarts>>

Duplicate(t) ==
    /\ t \in Internal
    /\ inbox[t] = 1
    /\ duplicates < Duplicates
    /\ duplicates' = duplicates + 1
    /\ inbox' = [inbox EXCEPT ![t] = 2]
    /\ UNCHANGED <<req, stale, row, watch, credits, commits, releases, stub, paid, crashes, losses, restarts>>

(* The withdrawal stub: idempotent by id while it remembers ---------------- *)

SubmitTo(t) == stub' = IF stub[t] = "none" THEN [stub EXCEPT ![t] = "processing"] ELSE stub

StubComplete(t) ==
    /\ stub[t] = "processing"
    /\ stub' = [stub EXCEPT ![t] = "completed"]
    /\ paid' = [paid EXCEPT ![t] = @ + 1]
    /\ UNCHANGED <<req, stale, row, inbox, watch, credits, commits, releases, crashes, duplicates, losses, restarts>>

StubFail(t) ==
    /\ stub[t] = "processing"
    /\ stub' = [stub EXCEPT ![t] = "failed"]
    /\ UNCHANGED <<req, stale, row, inbox, watch, credits, commits, releases, paid, crashes, duplicates, losses, restarts>>

(* A restart forgets every withdrawal: processing ones are dropped unpaid. *)
StubRestart ==
    /\ restarts < Restarts
    /\ \E t \in T : stub[t] /= "none"
    /\ restarts' = restarts + 1
    /\ stub' = [t \in T |-> "none"]
    /\ UNCHANGED <<req, stale, row, inbox, watch, credits, commits, releases, paid, crashes, duplicates, losses>>

(* Node crashes: memory and open transactions are lost -------------------- *)

HoldsMemory(n) ==
    IF n = 0 THEN \E t \in T : req[t] /= "closed" \/ watch[t] /= "none"
             ELSE \E t \in T : inbox[t] /= 0

Crash(n) ==
    /\ crashes < Crashes
    /\ HoldsMemory(n)
    /\ crashes' = crashes + 1
    /\ IF n = 0
         THEN /\ req' = [t \in T |-> "closed"]
              /\ stale' = [t \in T |-> FALSE]
              /\ watch' = [t \in T |-> "none"]
              /\ UNCHANGED inbox
         ELSE /\ inbox' = [t \in T |-> 0]
              /\ UNCHANGED <<req, stale, watch>>
    /\ UNCHANGED <<row, credits, commits, releases, stub, paid, duplicates, losses, restarts>>

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
        \/ Refuse(t) \/ Check(t) \/ Block(t) \/ Abort(t)
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

(* Invariants, judged on committed rows, statements run and the payee's books *)

(* Balances + paid out = initial total + money credited or paid ahead of its stage 2. *)
Conservation == DonorBalance + ReceiverBalance + PaidOut = Total + Ahead

NoOverdraft == Available >= 0 /\ ReceiverBalance >= 0

BlockSettledOnce == \A t \in T : commits[t] + releases[t] <= 1

NoCreditAndRelease == \A t \in T : ~(Delivered(t) /\ releases[t] > 0)

PaidAtMostOnce == \A t \in T : paid[t] <= 1

(* When the design is quiescent, no block is outstanding except a parked one. *)
NoStrandedBlock == Quiescent => \A t \in T : Outstanding(t) => row[t] = "parked"

(* Liveness: every transfer eventually stays terminal. *)
Terminates == \A t \in T : <>[]Terminal(t)
=============================================================================
