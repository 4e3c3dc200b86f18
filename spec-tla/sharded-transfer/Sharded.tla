------------------------------ MODULE Sharded ------------------------------
(***************************************************************************)
(* What the twins of the moneysim models sharded-transfer/naive and        *)
(* sharded-transfer/reference share (seed 000): the variables, scope 1 on  *)
(* the donor's node, the hand-off of stage 0 rows to the receiver's node,  *)
(* the withdrawal stub, node crashes and the money invariants.             *)
(*                                                                         *)
(* N transfers (0 .. N-1) each move Amount from the donor (account 0, node *)
(* 0) to the receiver (account 1, node 1); with Withdrawal the last one    *)
(* pays an external payee through the stub instead. Balances are derived   *)
(* from how often each transfer's statements ran, so a statement that runs *)
(* twice shows in the money.                                               *)
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

(* The block and the row insert; atomic: one conditional update. w: what the node then remembers. *)
BlockAs(t, w) ==
    /\ IF Atomic THEN req[t] = "new" /\ Available >= Amount
                 ELSE req[t] = "checked" /\ ~stale[t]
    /\ req' = [req EXCEPT ![t] = "closed"]
    /\ row' = [row EXCEPT ![t] = "blocked"]
    /\ stale' = Touched(t)
    /\ watch' = [watch EXCEPT ![t] = w]
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

(* Invariants, judged on committed rows, statements run and the payee's books *)

Conservation == DonorBalance + ReceiverBalance + PaidOut = Total + Ahead

NoOverdraft == Available >= 0 /\ ReceiverBalance >= 0

BlockSettledOnce == \A t \in T : commits[t] + releases[t] <= 1

NoCreditAndRelease == \A t \in T : ~(Delivered(t) /\ releases[t] > 0)

PaidAtMostOnce == \A t \in T : paid[t] <= 1

(* With the design's quiescence: no block outstanding except a parked one. *)
StrandedFree(quiescent) == quiescent => \A t \in T : Outstanding(t) => row[t] = "parked"
=============================================================================
