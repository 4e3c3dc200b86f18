------------------------------- MODULE Naive -------------------------------
(***************************************************************************)
(* Twin of the moneysim model accounts-advances/naive: the seed 004        *)
(* advances flow as written. Exclusivity of a payment is left to the       *)
(* broker; a worker reads the payment row whatever its state, asks the     *)
(* accounts manager for a bank transaction under a fresh key, and only     *)
(* then, in a separate step, marks the payment PAID. A debit without an    *)
(* answer leaves the task to the broker. A refused debit marks the payment *)
(* FAILED and adds the amount read to the following week's payment,        *)
(* whatever its state, or creates it.                                      *)
(*                                                                         *)
(* One advance of W weekly payments of one unit; Shortfalls more slots     *)
(* hold the payments a carry-forward creates. Workers remember the payment *)
(* they hold (plus one; 0 when idle), their stage and the amount read; a   *)
(* crash loses that. bank is what the manager collected in total, debits   *)
(* how often each payment was debited. fence, expired, answer and pauses   *)
(* belong to the reference design and stay at their initial values here.  *)
(***************************************************************************)
EXTENDS Integers

CONSTANTS W, Workers, Crashes, Duplicates, Losses, Shortfalls

Slots == W + Shortfalls
P == 0 .. Slots - 1
Wk == 0 .. Workers - 1

VARIABLES state, amount, fence, expired, queued, debits, answer,
          held, stage, wfence, amt, bank,
          crashes, duplicates, losses, pauses, shortfalls

payVars == <<state, amount, fence, expired>>
managerVars == <<debits, answer, bank>>
budgets == <<crashes, duplicates, losses, pauses, shortfalls>>
vars == <<state, amount, fence, expired, queued, debits, answer,
          held, stage, wfence, amt, bank,
          crashes, duplicates, losses, pauses, shortfalls>>

Init ==
    /\ state = [p \in P |-> IF p < W THEN "due" ELSE "none"]
    /\ amount = [p \in P |-> IF p < W THEN 1 ELSE 0]
    /\ fence = [p \in P |-> 0]
    /\ expired = [p \in P |-> FALSE]
    /\ queued = [p \in P |-> FALSE]
    /\ debits = [p \in P |-> 0]
    /\ answer = [p \in P |-> "none"]
    /\ held = [w \in Wk |-> 0]
    /\ stage = [w \in Wk |-> "idle"]
    /\ wfence = [w \in Wk |-> 0]
    /\ amt = [w \in Wk |-> 0]
    /\ bank = 0
    /\ crashes = 0 /\ duplicates = 0 /\ losses = 0 /\ pauses = 0 /\ shortfalls = 0

IsHeld(p) == \E w \in Wk : held[w] = p + 1
Holding(w, s) == held[w] /= 0 /\ stage[w] = s

(* Nothing left to do: every worker idle, no task queued, nothing due or leased. *)
Quiescent ==
    /\ \A w \in Wk : held[w] = 0
    /\ \A p \in P : ~queued[p] /\ state[p] \notin {"due", "processing"}

(* The worker's memory is gone: done, crashed, or the task given back. *)
Release(w) ==
    /\ held' = [held EXCEPT ![w] = 0]
    /\ stage' = [stage EXCEPT ![w] = "idle"]
    /\ wfence' = [wfence EXCEPT ![w] = 0]
    /\ amt' = [amt EXCEPT ![w] = 0]

(* The beat, the broker's duplicate delivery, worker crashes ------------- *)

Beat(p) ==
    /\ ~queued[p]
    /\ ~IsHeld(p)
    /\ state[p] = "due" \/ (state[p] = "processing" /\ expired[p])
    /\ queued' = [queued EXCEPT ![p] = TRUE]
    /\ UNCHANGED <<payVars, managerVars, held, stage, wfence, amt, budgets>>

Duplicate(p) ==
    /\ ~queued[p]
    /\ IsHeld(p)
    /\ duplicates < Duplicates
    /\ duplicates' = duplicates + 1
    /\ queued' = [queued EXCEPT ![p] = TRUE]
    /\ UNCHANGED <<payVars, managerVars, held, stage, wfence, amt, crashes, losses, pauses, shortfalls>>

Crash(w) ==
    /\ held[w] /= 0
    /\ crashes < Crashes
    /\ crashes' = crashes + 1
    /\ Release(w)
    /\ UNCHANGED <<payVars, queued, managerVars, duplicates, losses, pauses, shortfalls>>

(* The naive worker ------------------------------------------------------- *)

Take(w, p) ==
    /\ held[w] = 0
    /\ queued[p]
    /\ state[p] /= "none"
    /\ queued' = [queued EXCEPT ![p] = FALSE]
    /\ held' = [held EXCEPT ![w] = p + 1]
    /\ stage' = [stage EXCEPT ![w] = "held"]
    /\ amt' = [amt EXCEPT ![w] = amount[p]]
    /\ UNCHANGED <<payVars, managerVars, wfence, budgets>>

DebitOk(w) ==
    /\ Holding(w, "held")
    /\ debits' = [debits EXCEPT ![held[w] - 1] = @ + 1]
    /\ bank' = bank + amt[w]
    /\ stage' = [stage EXCEPT ![w] = "debited"]
    /\ UNCHANGED <<payVars, queued, answer, held, wfence, amt, budgets>>

DebitShort(w) ==
    /\ Holding(w, "held")
    /\ shortfalls < Shortfalls
    /\ shortfalls' = shortfalls + 1
    /\ stage' = [stage EXCEPT ![w] = "short"]
    /\ UNCHANGED <<payVars, queued, managerVars, held, wfence, amt, crashes, duplicates, losses, pauses>>

(* The debit committed but its reply was lost: the task goes back to the broker. *)
DebitReplyLost(w) ==
    /\ Holding(w, "held")
    /\ losses < Losses
    /\ losses' = losses + 1
    /\ debits' = [debits EXCEPT ![held[w] - 1] = @ + 1]
    /\ bank' = bank + amt[w]
    /\ Release(w)
    /\ UNCHANGED <<payVars, queued, answer, crashes, duplicates, pauses, shortfalls>>

MarkPaid(w) ==
    /\ Holding(w, "debited")
    /\ state' = [state EXCEPT ![held[w] - 1] = "paid"]
    /\ Release(w)
    /\ UNCHANGED <<amount, fence, expired, queued, managerVars, budgets>>

(* FAILED, and the amount read goes into the next week's payment whatever its state. *)
Carry(w) ==
    /\ Holding(w, "short")
    /\ held[w] < Slots
    /\ LET p == held[w] - 1 IN
        /\ state' = [state EXCEPT ![p] = "failed", ![p + 1] = IF state[p + 1] = "none" THEN "due" ELSE state[p + 1]]
        /\ amount' = [amount EXCEPT ![p + 1] = @ + amt[w]]
    /\ Release(w)
    /\ UNCHANGED <<fence, expired, queued, managerVars, budgets>>

(* The whole system ------------------------------------------------------ *)

BeatStep == \E p \in P : Beat(p)
WorkerStep == \E w \in Wk : (\E p \in P : Take(w, p)) \/ DebitOk(w) \/ MarkPaid(w) \/ Carry(w)
Faults ==
    \/ \E p \in P : Duplicate(p)
    \/ \E w \in Wk : Crash(w) \/ DebitShort(w) \/ DebitReplyLost(w)

Finished == Quiescent /\ UNCHANGED vars

Next == BeatStep \/ WorkerStep \/ Faults \/ Finished

Spec == Init /\ [][Next]_vars /\ WF_vars(BeatStep) /\ WF_vars(WorkerStep)

(* Invariants ------------------------------------------------------------- *)

CollectedOnce == \A p \in P : debits[p] <= 1

NotOverCollected == bank <= W

Sum(f) ==
    LET RECURSIVE S(_)
        S(k) == IF k = 0 THEN 0 ELSE f[k - 1] + S(k - 1)
    IN S(Slots)

(* The seed's formula: paid + due + processing payments sum to the advance. *)
Reconciliation == Sum([p \in P |-> IF state[p] \in {"paid", "due", "processing"} THEN amount[p] ELSE 0]) = W

RepaidAtQuiescence == Quiescent => bank = W

(* Liveness: eventually nothing is due or leased and exactly the advance was collected. *)
Repaid == <>[](Quiescent /\ bank = W)
=============================================================================
