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
    /\ UNCHANGED <<watch, inbox, credits, commits, releases, stub, paid, crashes, duplicates, losses, restarts>>

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
        \/ Refuse(t) \/ Check(t) \/ Block(t) \/ Abort(t)
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
