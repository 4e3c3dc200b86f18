------------------------------- MODULE Naive -------------------------------
(***************************************************************************)
(* Twin of the moneysim model bank-transfer/naive: the design of seed 001  *)
(* with N transfers (numbered 0 .. N-1), each moving Amount.               *)
(*                                                                         *)
(* The coordinator marks a row started, cashes out at the external         *)
(* institution, then credits the internal store. A failed credit queues a  *)
(* reversal in memory; a lost reply is taken for a failure. Crashes lose   *)
(* in-flight calls and the in-memory queue, and nothing recovers the rows. *)
(***************************************************************************)
EXTENDS Integers

CONSTANTS N, Presses, Crashes

Amount == 5
Balance == N * Amount
T == 0 .. N - 1

VARIABLES pc, row, answer, presses, debits, returned, credits, pendingReversals, crashes

vars == <<pc, row, answer, presses, debits, returned, credits, pendingReversals, crashes>>

Sum(f) ==
    LET RECURSIVE S(_)
        S(k) == IF k = 0 THEN 0 ELSE f[k - 1] + S(k - 1)
    IN S(N)

ExtBalance == Balance - Amount * Sum([t \in T |-> debits[t] - returned[t]])
IntBalance == Amount * Sum(credits)

Quiescent == \A t \in T : pc[t] \in {"idle", "done"} /\ pendingReversals[t] = 0

Init ==
    /\ pc = [t \in T |-> "idle"]
    /\ row = [t \in T |-> "none"]
    /\ answer = [t \in T |-> "none"]
    /\ presses = [t \in T |-> 0]
    /\ debits = [t \in T |-> 0]
    /\ returned = [t \in T |-> 0]
    /\ credits = [t \in T |-> 0]
    /\ pendingReversals = [t \in T |-> 0]
    /\ crashes = 0

(* Ends a call: the row and the answer the client receives. *)
Finish(t, r, a) ==
    /\ pc' = [pc EXCEPT ![t] = IF r = "succeeded" THEN "done" ELSE "idle"]
    /\ row' = [row EXCEPT ![t] = r]
    /\ answer' = [answer EXCEPT ![t] = a]

Press(t) ==
    /\ pc[t] = "idle"
    /\ presses[t] < Presses
    /\ presses' = [presses EXCEPT ![t] = @ + 1]
    /\ pc' = [pc EXCEPT ![t] = "calling"]
    /\ row' = [row EXCEPT ![t] = "started"]
    /\ answer' = [answer EXCEPT ![t] = "none"]
    /\ UNCHANGED <<debits, returned, credits, pendingReversals, crashes>>

CashOutOk(t) ==
    /\ pc[t] = "calling"
    /\ ExtBalance >= Amount
    /\ debits' = [debits EXCEPT ![t] = @ + 1]
    /\ pc' = [pc EXCEPT ![t] = "crediting"]
    /\ UNCHANGED <<row, answer, presses, returned, credits, pendingReversals, crashes>>

CashOutDeclined(t) ==
    /\ pc[t] = "calling"
    /\ Finish(t, "failed", "failed")
    /\ UNCHANGED <<presses, debits, returned, credits, pendingReversals, crashes>>

CashOutReplyLost(t) ==
    /\ pc[t] = "calling"
    /\ ExtBalance >= Amount
    /\ debits' = [debits EXCEPT ![t] = @ + 1]
    /\ Finish(t, "failed", "failed")
    /\ UNCHANGED <<presses, returned, credits, pendingReversals, crashes>>

CreditOk(t) ==
    /\ pc[t] = "crediting"
    /\ credits' = [credits EXCEPT ![t] = @ + 1]
    /\ Finish(t, "succeeded", "success")
    /\ UNCHANGED <<presses, debits, returned, pendingReversals, crashes>>

CreditFailed(t) ==
    /\ pc[t] = "crediting"
    /\ pendingReversals' = [pendingReversals EXCEPT ![t] = @ + 1]
    /\ Finish(t, "failed", "failed")
    /\ UNCHANGED <<presses, debits, returned, credits, crashes>>

CreditReplyLost(t) ==
    /\ pc[t] = "crediting"
    /\ credits' = [credits EXCEPT ![t] = @ + 1]
    /\ pendingReversals' = [pendingReversals EXCEPT ![t] = @ + 1]
    /\ Finish(t, "failed", "failed")
    /\ UNCHANGED <<presses, debits, returned, crashes>>

Reverse(t) ==
    /\ pendingReversals[t] /= 0
    /\ pendingReversals' = [pendingReversals EXCEPT ![t] = @ - 1]
    /\ returned' = [returned EXCEPT ![t] = @ + 1]
    /\ UNCHANGED <<pc, row, answer, presses, debits, credits, crashes>>

Crash ==
    /\ crashes < Crashes
    /\ ~Quiescent
    /\ crashes' = crashes + 1
    /\ pc' = [t \in T |-> IF pc[t] \in {"calling", "crediting"} THEN "idle" ELSE pc[t]]
    /\ answer' = [t \in T |-> IF pc[t] \in {"calling", "crediting"} THEN "unknown" ELSE answer[t]]
    /\ pendingReversals' = [t \in T |-> 0]
    /\ UNCHANGED <<row, presses, debits, returned, credits>>

Terminal == Quiescent /\ \A t \in T : pc[t] = "done" \/ presses[t] = Presses

Finished == Terminal /\ UNCHANGED vars

Next ==
    \/ \E t \in T :
        \/ Press(t) \/ CashOutOk(t) \/ CashOutDeclined(t) \/ CashOutReplyLost(t)
        \/ CreditOk(t) \/ CreditFailed(t) \/ CreditReplyLost(t) \/ Reverse(t)
    \/ Crash
    \/ Finished

Spec == Init /\ [][Next]_vars

Outstanding(t) == Amount * (debits[t] - returned[t] - credits[t])

NoMoneyCreated ==
    /\ ExtBalance + IntBalance <= Balance
    /\ \A t \in T : credits[t] <= debits[t] - returned[t]

NoOverdraft == ExtBalance >= 0 /\ IntBalance >= 0

(* Nothing the naive design keeps is durable work that anything would finish. *)
NoOrphanedMoney == \A t \in T : Outstanding(t) <= 0

HonestAnswers ==
    /\ \A t \in T : ~(answer[t] = "success" /\ credits[t] = 0)
    /\ Quiescent => \A t \in T : ~(answer[t] = "failed" /\ Outstanding(t) + Amount * credits[t] /= 0)

NoMoneyLost == Quiescent => ExtBalance + IntBalance = Balance

AllSettled == Quiescent => \A t \in T : row[t] /= "started"
=============================================================================
