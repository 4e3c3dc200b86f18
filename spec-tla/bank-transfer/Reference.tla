----------------------------- MODULE Reference -----------------------------
(***************************************************************************)
(* Twin of the moneysim model bank-transfer/reference: N transfers         *)
(* (numbered 0 .. N-1), each moving Amount under its own client reference. *)
(* rec[t] follows the reference coordinator's durable states: cashingOut,  *)
(* crediting, reversing, and the final succeeded, reversed, failed.        *)
(*                                                                         *)
(* A durable intent is committed before the cash-out is sent, once. The    *)
(* fakes apply each reference at most once and repeat their first answer.  *)
(* A timeout (or any error reply) answers UNKNOWN, never FAILED. A         *)
(* rejected credit commits a durable reversal before FAILED is answered.   *)
(* Recovery finishes every unfinished record; an unknown cash-out or undo  *)
(* is looked up by status, which with Expiry happens only once the         *)
(* request's expiry has passed, so the answer is final. Faults: Losses     *)
(* network faults (a lost message, or a cash-out or undo request delayed   *)
(* past its caller's timeout into late[t], from where it may still apply   *)
(* until it expires) and Crashes coordinator crashes (sent requests stay   *)
(* in flight). With Shared, transfer 1 is a second press, after a FAILED   *)
(* answer, on transfer 0's account, which holds one transfer's funds and   *)
(* may go negative; Lock refuses a press while its account is unsettled.   *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS N, Crashes, Losses, Asks, Expiry, Shared, Lock

Amount == 5
T == 0 .. N - 1
IsShared == Shared /\ N >= 2
Balance == (IF IsShared THEN N - 1 ELSE N) * Amount
Account(t) == IF IsShared /\ t = 1 THEN 0 ELSE t

VARIABLES rec, work, api, net, late, ext, credit, answer, asks, crashes, losses

vars == <<rec, work, api, net, late, ext, credit, answer, asks, crashes, losses>>

Pending(t) == rec[t] \in {"cashingOut", "crediting", "reversing"}
Settled(t) == rec[t] \in {"succeeded", "reversed", "failed"}

Init ==
    /\ rec = [t \in T |-> "none"]
    /\ work = [t \in T |-> "idle"]
    /\ api = [t \in T |-> FALSE]
    /\ net = [t \in T |-> "none"]
    /\ late = [t \in T |-> "none"]
    /\ ext = [t \in T |-> "unseen"]
    /\ credit = [t \in T |-> "unseen"]
    /\ answer = [t \in T |-> "none"]
    /\ asks = [t \in T |-> 0]
    /\ crashes = 0
    /\ losses = 0

(* Client and coordinator ---------------------------------------------- *)

(* A press on a locked account is refused and nothing moves. *)
Submit(t) ==
    /\ rec[t] = "none"
    /\ (IsShared /\ t = 1) => answer[0] = "failed"
    /\ Lock => \A u \in T \ {t} : Account(u) = Account(t) => ~Pending(u)
    /\ rec' = [rec EXCEPT ![t] = "cashingOut"]
    /\ api' = [api EXCEPT ![t] = TRUE]
    /\ work' = [work EXCEPT ![t] = "cashout"]
    /\ net' = [net EXCEPT ![t] = "request"]
    /\ UNCHANGED <<late, ext, credit, answer, asks, crashes, losses>>

(* Ends the call on t; if the API handler made it, the client gets a. *)
EndCall(t, a) ==
    /\ work' = [work EXCEPT ![t] = "idle"]
    /\ net' = [net EXCEPT ![t] = "none"]
    /\ answer' = IF api[t] THEN [answer EXCEPT ![t] = a] ELSE answer
    /\ api' = [api EXCEPT ![t] = FALSE]

Call(t, w) ==
    /\ work' = [work EXCEPT ![t] = w]
    /\ net' = [net EXCEPT ![t] = "request"]

Reply(t, w, r, s) == work[t] = w /\ net[t] = r /\ rec[t] = s

ToCredit(t) ==
    /\ rec' = [rec EXCEPT ![t] = "crediting"]
    /\ Call(t, "credit")
    /\ UNCHANGED <<api, late, ext, credit, answer, asks, crashes, losses>>

Finish(t, r) ==
    /\ rec' = [rec EXCEPT ![t] = r]
    /\ EndCall(t, IF r = "succeeded" THEN "success" ELSE "failed")
    /\ UNCHANGED <<late, ext, credit, asks, crashes, losses>>

CashOutOk(t) == Reply(t, "cashout", "ok", "cashingOut") /\ ToCredit(t)
CashOutDeclined(t) == Reply(t, "cashout", "no", "cashingOut") /\ Finish(t, "failed")

(* The status of an unknown cash-out is final. *)
StatusApplied(t) == Reply(t, "query", "ok", "cashingOut") /\ ToCredit(t)
StatusNotApplied(t) == Reply(t, "query", "no", "cashingOut") /\ Finish(t, "failed")

CreditOk(t) == Reply(t, "credit", "ok", "crediting") /\ Finish(t, "succeeded")

(* The reversal is durable before FAILED is answered. *)
CreditRejected(t) ==
    /\ Reply(t, "credit", "no", "crediting")
    /\ rec' = [rec EXCEPT ![t] = "reversing"]
    /\ answer' = IF api[t] THEN [answer EXCEPT ![t] = "failed"] ELSE answer
    /\ api' = [api EXCEPT ![t] = FALSE]
    /\ Call(t, "undo")
    /\ UNCHANGED <<late, ext, credit, asks, crashes, losses>>

UndoOk(t) == Reply(t, "undo", "ok", "reversing") /\ Finish(t, "reversed")

(* An unknown undo: the money is back, or a new undo is sent. *)
StatusUndone(t) == Reply(t, "query", "no", "reversing") /\ Finish(t, "reversed")
StatusNotUndone(t) ==
    /\ Reply(t, "query", "ok", "reversing")
    /\ Call(t, "undo")
    /\ UNCHANGED <<rec, api, late, ext, credit, answer, asks, crashes, losses>>

Timeout(t) ==
    /\ work[t] /= "idle"
    /\ net[t] = "none"
    /\ EndCall(t, "unknown")
    /\ UNCHANGED <<rec, late, ext, credit, asks, crashes, losses>>

(* With Expiry, status is asked only once the late request cannot apply. *)
Recover(t) ==
    /\ work[t] = "idle"
    /\ \/ rec[t] = "crediting" /\ Call(t, "credit")
       \/ /\ rec[t] \in {"cashingOut", "reversing"}
          /\ Expiry => late[t] = "none"
          /\ Call(t, "query")
    /\ UNCHANGED <<rec, api, late, ext, credit, answer, asks, crashes, losses>>

(* A cash-out or undo request in flight may still arrive after its caller gave up. *)
MovesMoney(t) == net[t] = "request" /\ work[t] \in {"cashout", "undo"}
LateOf(t) == IF MovesMoney(t) THEN work[t] ELSE late[t]

Crash ==
    /\ crashes < Crashes
    /\ \E t \in T : work[t] /= "idle"
    /\ crashes' = crashes + 1
    /\ late' = [t \in T |-> LateOf(t)]
    /\ work' = [t \in T |-> "idle"]
    /\ net' = [t \in T |-> "none"]
    /\ answer' = [t \in T |-> IF api[t] THEN "unknown" ELSE answer[t]]
    /\ api' = [t \in T |-> FALSE]
    /\ UNCHANGED <<rec, ext, credit, asks, losses>>

Ask(t) ==
    /\ answer[t] = "unknown"
    /\ ~api[t]
    /\ asks[t] < Asks
    /\ asks' = [asks EXCEPT ![t] = @ + 1]
    /\ answer' = [answer EXCEPT ![t] =
                    CASE rec[t] = "succeeded" -> "success"
                      [] rec[t] \in {"failed", "reversing", "reversed"} -> "failed"
                      [] OTHER -> "unknown"]
    /\ UNCHANGED <<rec, work, api, net, late, ext, credit, crashes, losses>>

(* The fakes and the network ------------------------------------------- *)

Request(t, w) == work[t] = w /\ net[t] = "request"

Answer(t, r) == net' = [net EXCEPT ![t] = r]

FakeUnchanged == UNCHANGED <<rec, work, api, late, answer, asks, crashes, losses>>

ExtApply(t) ==
    /\ Request(t, "cashout")
    /\ ext[t] /= "declined"
    /\ ext' = [ext EXCEPT ![t] = IF @ = "unseen" THEN "applied" ELSE @]
    /\ Answer(t, "ok")
    /\ UNCHANGED credit /\ FakeUnchanged

ExtDecline(t) ==
    /\ Request(t, "cashout")
    /\ ext[t] \in {"unseen", "declined"}
    /\ ext' = [ext EXCEPT ![t] = "declined"]
    /\ Answer(t, "no")
    /\ UNCHANGED credit /\ FakeUnchanged

(* Is the money out (applied and not undone)? *)
ExtStatus(t) ==
    /\ Request(t, "query")
    /\ Answer(t, IF ext[t] = "applied" THEN "ok" ELSE "no")
    /\ UNCHANGED <<ext, credit>> /\ FakeUnchanged

ExtUndo(t) ==
    /\ Request(t, "undo")
    /\ ext' = [ext EXCEPT ![t] = IF @ = "applied" THEN "undone" ELSE @]
    /\ Answer(t, "ok")
    /\ UNCHANGED credit /\ FakeUnchanged

IntCredit(t) ==
    /\ Request(t, "credit")
    /\ credit[t] /= "rejected"
    /\ credit' = [credit EXCEPT ![t] = "credited"]
    /\ Answer(t, "ok")
    /\ UNCHANGED ext /\ FakeUnchanged

IntReject(t) ==
    /\ Request(t, "credit")
    /\ credit[t] /= "credited"
    /\ credit' = [credit EXCEPT ![t] = "rejected"]
    /\ Answer(t, "no")
    /\ UNCHANGED ext /\ FakeUnchanged

(* A late request arrives before its expiry and applies; nobody waits for the reply. *)
LateApply(t) ==
    /\ late[t] /= "none"
    /\ ext' = [ext EXCEPT ![t] = CASE late[t] = "cashout" /\ @ = "unseen" -> "applied"
                                   [] late[t] = "undo" /\ @ = "applied" -> "undone"
                                   [] OTHER -> @]
    /\ late' = [late EXCEPT ![t] = "none"]
    /\ UNCHANGED <<rec, work, api, net, credit, answer, asks, crashes, losses>>

Lose(t) ==
    /\ net[t] /= "none"
    /\ ~MovesMoney(t)
    /\ losses < Losses
    /\ net' = [net EXCEPT ![t] = "none"]
    /\ losses' = losses + 1
    /\ UNCHANGED <<rec, work, api, late, ext, credit, answer, asks, crashes>>

Delay(t) ==
    /\ MovesMoney(t)
    /\ losses < Losses
    /\ late' = [late EXCEPT ![t] = LateOf(t)]
    /\ net' = [net EXCEPT ![t] = "none"]
    /\ losses' = losses + 1
    /\ UNCHANGED <<rec, work, api, ext, credit, answer, asks, crashes>>

(* Time passes the late request's expiry: the institution would refuse it now. *)
Expire(t) ==
    /\ Expiry
    /\ late[t] /= "none"
    /\ late' = [late EXCEPT ![t] = "none"]
    /\ UNCHANGED <<rec, work, api, net, ext, credit, answer, asks, crashes, losses>>

(* The whole system ------------------------------------------------------ *)

External == \E t \in T : ExtApply(t) \/ ExtDecline(t) \/ ExtStatus(t) \/ ExtUndo(t)
Internal == \E t \in T : IntCredit(t) \/ IntReject(t)
LateRequests == \E t \in T : LateApply(t) \/ Expire(t)
Coordinator ==
    \E t \in T :
        \/ CashOutOk(t) \/ CashOutDeclined(t) \/ StatusApplied(t) \/ StatusNotApplied(t)
        \/ CreditOk(t) \/ CreditRejected(t) \/ UndoOk(t) \/ StatusUndone(t) \/ StatusNotUndone(t)
        \/ Timeout(t)
Recovery == \E t \in T : Recover(t)
Faults == Crash \/ \E t \in T : Lose(t) \/ Delay(t)
Client == \E t \in T : Submit(t) \/ Ask(t)

(* Nothing is owed or in flight; a transfer never submitted is a proper end too. *)
Terminal == \A t \in T : ~Pending(t) /\ work[t] = "idle" /\ late[t] = "none"

Finished == Terminal /\ UNCHANGED vars

Next == Client \/ External \/ Internal \/ LateRequests \/ Coordinator \/ Recovery \/ Faults \/ Finished

Spec ==
    /\ Init /\ [][Next]_vars
    /\ WF_vars(External) /\ WF_vars(Internal) /\ WF_vars(LateRequests)
    /\ WF_vars(Coordinator) /\ WF_vars(Recovery)

(* Invariants, judged on the fakes' ground truth ------------------------ *)

ExtBalance == Balance - Amount * Cardinality({t \in T : ext[t] = "applied"})
IntBalance == Amount * Cardinality({t \in T : credit[t] = "credited"})
(* The shared account holds one transfer's funds; the others back their own transfer. *)
SharedBalance == Amount * (1 - Cardinality({t \in {0, 1} : ext[t] = "applied"}))

Quiescent == \A t \in T : work[t] = "idle" /\ net[t] = "none" /\ late[t] = "none" /\ ~Pending(t)

NoMoneyCreated ==
    /\ ExtBalance + IntBalance <= Balance
    /\ \A t \in T : credit[t] = "credited" => ext[t] = "applied"

NoOverdraft == (IF IsShared THEN SharedBalance ELSE ExtBalance) >= 0 /\ IntBalance >= 0

NoOrphanedMoney == \A t \in T : (ext[t] = "applied" /\ credit[t] /= "credited") => Pending(t)

HonestAnswers ==
    /\ \A t \in T : answer[t] = "success" => credit[t] = "credited"
    /\ Quiescent => \A t \in T : answer[t] = "failed" => (credit[t] /= "credited" /\ ext[t] /= "applied")

NoMoneyLost == Quiescent => ExtBalance + IntBalance = Balance

AllSettled == Quiescent => \A t \in T : rec[t] /= "none" => Settled(t)

(* Liveness: every submitted transfer eventually reaches a final state. *)
Settles == \A t \in T : (rec[t] /= "none") ~> Settled(t)
=============================================================================
