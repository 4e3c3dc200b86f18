------------------------------- MODULE Reference ------------------------------
(***************************************************************************)
(* Twin of the moneysim model accounts-advances/reference: the seed 004    *)
(* advances flow made safe. A worker leases a payment with one conditional *)
(* update (due, or its lease ran out), which increments the payment's      *)
(* fencing token. The bank transaction is keyed by the payment, so a       *)
(* repeat gets the recorded answer instead of a second debit. Marking      *)
(* PAID and carrying forward are conditional on the lease's token and the  *)
(* PROCESSING state. A refused debit marks the payment FAILED and adds its *)
(* amount to the next payment still due, or to a new one after the last.  *)
(* A lease whose holder crashed runs out (fair: time passes); Pauses lets  *)
(* one run out under a live but paused worker while the broker hands the   *)
(* task out again. With Keyed = FALSE every call carries a fresh key, as  *)
(* in the naive design.                                                    *)
(*                                                                         *)
(* One advance of W weekly payments of one unit; Shortfalls more slots     *)
(* hold the payments a carry-forward creates. Workers remember the payment *)
(* they hold (plus one; 0 when idle), their stage, their lease's token and *)
(* the amount read; a crash loses that. bank is what the manager collected *)
(* in total, debits how often each payment was debited, answer what the   *)
(* manager recorded under each payment's key. Everything up to the worker  *)
(* is the same in Naive.tla and Reference.tla.                             *)
(***************************************************************************)
EXTENDS Integers

CONSTANTS W, Workers, Crashes, Duplicates, Losses, Pauses, Shortfalls, Keyed

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

(* The reference worker --------------------------------------------------- *)

(* Worker w's lease is still the payment's latest and the payment is still PROCESSING. *)
Fenced(w) == state[held[w] - 1] = "processing" /\ fence[held[w] - 1] = wfence[w]

Min(S) == CHOOSE q \in S : \A r \in S : q <= r

(* Where a carried amount goes: the next later payment still due, else the first empty slot. *)
CarryTarget(p) ==
    LET later == {q \in P : q > p /\ state[q] = "due"}
        empty == {q \in P : state[q] = "none"}
    IN IF later /= {} THEN Min(later) ELSE IF empty /= {} THEN Min(empty) ELSE -1

(* One conditional update: a due payment, or one whose lease ran out, is leased with the next token; anything else is acknowledged. *)
Take(w, p) ==
    /\ held[w] = 0
    /\ queued[p]
    /\ queued' = [queued EXCEPT ![p] = FALSE]
    /\ IF state[p] = "due" \/ (state[p] = "processing" /\ expired[p])
       THEN /\ state' = [state EXCEPT ![p] = "processing"]
            /\ fence' = [fence EXCEPT ![p] = @ + 1]
            /\ expired' = [expired EXCEPT ![p] = FALSE]
            /\ held' = [held EXCEPT ![w] = p + 1]
            /\ stage' = [stage EXCEPT ![w] = "held"]
            /\ wfence' = [wfence EXCEPT ![w] = fence[p] + 1]
            /\ amt' = [amt EXCEPT ![w] = amount[p]]
       ELSE UNCHANGED <<state, fence, expired, held, stage, wfence, amt>>
    /\ UNCHANGED <<amount, managerVars, budgets>>

(* The manager applies a key once; asked again, it answers what it recorded (unkeyed: every call is new). *)
Debit(w) ==
    /\ Holding(w, "held")
    /\ LET p == held[w] - 1 IN
        /\ IF ~Keyed \/ answer[p] = "none"
           THEN /\ answer' = [answer EXCEPT ![p] = "ok"]
                /\ debits' = [debits EXCEPT ![p] = @ + 1]
                /\ bank' = bank + amt[w]
           ELSE UNCHANGED <<answer, debits, bank>>
        /\ stage' = [stage EXCEPT ![w] = IF Keyed /\ answer[p] = "short" THEN "short" ELSE "debited"]
    /\ UNCHANGED <<payVars, queued, held, wfence, amt, budgets>>

DebitShort(w) ==
    /\ Holding(w, "held")
    /\ ~Keyed \/ answer[held[w] - 1] = "none"
    /\ shortfalls < Shortfalls
    /\ shortfalls' = shortfalls + 1
    /\ answer' = [answer EXCEPT ![held[w] - 1] = "short"]
    /\ stage' = [stage EXCEPT ![w] = "short"]
    /\ UNCHANGED <<payVars, queued, debits, bank, held, wfence, amt, crashes, duplicates, losses, pauses>>

(* The debit committed but its reply was lost: the worker asks again with the same key. *)
DebitReplyLost(w) ==
    /\ Holding(w, "held")
    /\ ~Keyed \/ answer[held[w] - 1] = "none"
    /\ losses < Losses
    /\ losses' = losses + 1
    /\ answer' = [answer EXCEPT ![held[w] - 1] = "ok"]
    /\ debits' = [debits EXCEPT ![held[w] - 1] = @ + 1]
    /\ bank' = bank + amt[w]
    /\ UNCHANGED <<payVars, queued, held, stage, wfence, amt, crashes, duplicates, pauses, shortfalls>>

MarkPaid(w) ==
    /\ Holding(w, "debited")
    /\ state' = IF Fenced(w) THEN [state EXCEPT ![held[w] - 1] = "paid"] ELSE state
    /\ Release(w)
    /\ UNCHANGED <<amount, fence, expired, queued, managerVars, budgets>>

(* One transaction, under the lease: FAILED, and the amount added to the next due payment or a new one. *)
Carry(w) ==
    /\ Holding(w, "short")
    /\ LET p == held[w] - 1
           q == CarryTarget(p)
       IN IF Fenced(w)
          THEN /\ q >= 0
               /\ state' = [state EXCEPT ![p] = "failed", ![q] = IF state[q] = "none" THEN "due" ELSE state[q]]
               /\ amount' = [amount EXCEPT ![q] = @ + amount[p]]
          ELSE UNCHANGED <<state, amount>>
    /\ Release(w)
    /\ UNCHANGED <<fence, expired, queued, managerVars, budgets>>

(* The lease clock --------------------------------------------------------- *)

(* The holder crashed: the lease runs out as time passes. *)
Expire(p) ==
    /\ state[p] = "processing"
    /\ ~expired[p]
    /\ ~IsHeld(p)
    /\ expired' = [expired EXCEPT ![p] = TRUE]
    /\ UNCHANGED <<state, amount, fence, queued, managerVars, held, stage, wfence, amt, budgets>>

(* The holder is paused past its lease, and the broker hands the task out again. *)
Pause(p) ==
    /\ state[p] = "processing"
    /\ ~expired[p]
    /\ ~queued[p]
    /\ IsHeld(p)
    /\ pauses < Pauses
    /\ pauses' = pauses + 1
    /\ expired' = [expired EXCEPT ![p] = TRUE]
    /\ queued' = [queued EXCEPT ![p] = TRUE]
    /\ UNCHANGED <<state, amount, fence, managerVars, held, stage, wfence, amt, crashes, duplicates, losses, shortfalls>>

(* The whole system ------------------------------------------------------ *)

BeatStep == \E p \in P : Beat(p)
WorkerStep == \E w \in Wk : (\E p \in P : Take(w, p)) \/ Debit(w) \/ MarkPaid(w) \/ Carry(w)
ClockStep == \E p \in P : Expire(p)
Faults ==
    \/ \E p \in P : Duplicate(p) \/ Pause(p)
    \/ \E w \in Wk : Crash(w) \/ DebitShort(w) \/ DebitReplyLost(w)

Finished == Quiescent /\ UNCHANGED vars

Next == BeatStep \/ WorkerStep \/ ClockStep \/ Faults \/ Finished

Spec == Init /\ [][Next]_vars /\ WF_vars(BeatStep) /\ WF_vars(WorkerStep) /\ WF_vars(ClockStep)

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
