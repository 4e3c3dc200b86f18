---------------------------- MODULE SeedExercise ----------------------------
(***************************************************************************)
(* Twin of the moneysim model bank-transfer/seed-exercise.                 *)
(*                                                                         *)
(* One coordinator pulls Amount from the external account, then credits    *)
(* the internal balance; when the credit fails it queues a reversal for a  *)
(* worker and the user may press the button again, up to Presses times,    *)
(* while the reversal is still queued. The external institution does not   *)
(* check funds. NoOverdraft fails after three failed credits; with it left *)
(* out, EventuallyConsistent holds under weak fairness of both processes.  *)
(***************************************************************************)
EXTENDS Integers, Sequences

CONSTANTS Balance, Amount, Presses

VARIABLES pc, attempts, external, internal, reversals

vars == <<pc, attempts, external, internal, reversals>>

Init ==
    /\ pc = "start"
    /\ attempts = 0
    /\ external = Balance
    /\ internal = 0
    /\ reversals = <<>>

Press ==
    /\ pc = "start"
    /\ attempts < Presses
    /\ attempts' = attempts + 1
    /\ pc' = "external"
    /\ UNCHANGED <<external, internal, reversals>>

CashOut ==
    /\ pc = "external"
    /\ external' = external - Amount
    /\ pc' = "internal"
    /\ UNCHANGED <<attempts, internal, reversals>>

CreditOk ==
    /\ pc = "internal"
    /\ internal' = internal + Amount
    /\ pc' = "done"
    /\ UNCHANGED <<attempts, external, reversals>>

CreditFail ==
    /\ pc = "internal"
    /\ reversals' = Append(reversals, Amount)
    /\ pc' = "start"
    /\ UNCHANGED <<attempts, external, internal>>

Reverse ==
    /\ reversals /= <<>>
    /\ external' = external + Head(reversals)
    /\ reversals' = Tail(reversals)
    /\ UNCHANGED <<pc, attempts, internal>>

Coordinator == Press \/ CashOut \/ CreditOk \/ CreditFail

Worker == Reverse

(* Ending with nothing left to do is not a deadlock. *)
Terminal ==
    /\ \/ pc = "done"
       \/ pc = "start" /\ attempts = Presses
    /\ reversals = <<>>

Finished == Terminal /\ UNCHANGED vars

Next == Coordinator \/ Worker \/ Finished

Spec == Init /\ [][Next]_vars /\ WF_vars(Coordinator) /\ WF_vars(Worker)

NoOverdraft == external >= 0

EventuallyConsistent == <>[](external + internal = Balance)
=============================================================================
