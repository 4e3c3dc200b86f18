----------------------------- MODULE Reference -----------------------------
(***************************************************************************)
(* Twin of the moneysim model bank-transfer/reference: N transfers         *)
(* (numbered 0 .. N-1), each moving Amount under its own client reference. *)
(* rec[t] follows the reference coordinator's durable states: cashingOut,  *)
(* crediting, reversing, and the final succeeded, reversed, failed.        *)
(*                                                                         *)
(* A durable intent is committed before the cash-out is sent. The fakes    *)
(* apply each reference at most once and repeat their first answer. A      *)
(* timeout answers UNKNOWN, never FAILED. A rejected credit commits a      *)
(* durable reversal before FAILED is answered. Recovery finishes every     *)
(* unfinished record, querying the external status before re-sending a     *)
(* cash-out. Faults: Losses lost messages, Crashes coordinator crashes.    *)
(* Every call is a request in net[t], a reply from a fake, and the         *)
(* coordinator consuming that reply; one message per transfer is in        *)
(* flight at a time.                                                       *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS N, Crashes, Losses, Asks

Amount == 5
Balance == N * Amount
T == 0 .. N - 1

VARIABLES rec, work, api, net, ext, credit, answer, asks, crashes, losses

vars == <<rec, work, api, net, ext, credit, answer, asks, crashes, losses>>

Pending(t) == rec[t] \in {"cashingOut", "crediting", "reversing"}
Settled(t) == rec[t] \in {"succeeded", "reversed", "failed"}

Init ==
    /\ rec = [t \in T |-> "none"]
    /\ work = [t \in T |-> "idle"]
    /\ api = [t \in T |-> FALSE]
    /\ net = [t \in T |-> "none"]
    /\ ext = [t \in T |-> "unseen"]
    /\ credit = [t \in T |-> "unseen"]
    /\ answer = [t \in T |-> "none"]
    /\ asks = [t \in T |-> 0]
    /\ crashes = 0
    /\ losses = 0

(* Client and coordinator ---------------------------------------------- *)

Submit(t) ==
    /\ rec[t] = "none"
    /\ rec' = [rec EXCEPT ![t] = "cashingOut"]
    /\ api' = [api EXCEPT ![t] = TRUE]
    /\ work' = [work EXCEPT ![t] = "cashout"]
    /\ net' = [net EXCEPT ![t] = "request"]
    /\ UNCHANGED <<ext, credit, answer, asks, crashes, losses>>

(* Ends the call on t; if the API handler made it, the client gets a. *)
EndCall(t, a) ==
    /\ work' = [work EXCEPT ![t] = "idle"]
    /\ net' = [net EXCEPT ![t] = "none"]
    /\ answer' = IF api[t] THEN [answer EXCEPT ![t] = a] ELSE answer
    /\ api' = [api EXCEPT ![t] = FALSE]

Call(t, w) ==
    /\ work' = [work EXCEPT ![t] = w]
    /\ net' = [net EXCEPT ![t] = "request"]

Reply(t, w, r) == work[t] = w /\ net[t] = r

CashOutOk(t) ==
    /\ Reply(t, "cashout", "ok")
    /\ rec' = [rec EXCEPT ![t] = "crediting"]
    /\ Call(t, "credit")
    /\ UNCHANGED <<api, ext, credit, answer, asks, crashes, losses>>

CashOutDeclined(t) ==
    /\ Reply(t, "cashout", "no")
    /\ rec' = [rec EXCEPT ![t] = "failed"]
    /\ EndCall(t, "failed")
    /\ UNCHANGED <<ext, credit, asks, crashes, losses>>

StatusApplied(t) ==
    /\ Reply(t, "query", "ok")
    /\ rec' = [rec EXCEPT ![t] = "crediting"]
    /\ Call(t, "credit")
    /\ UNCHANGED <<api, ext, credit, answer, asks, crashes, losses>>

StatusDeclined(t) ==
    /\ Reply(t, "query", "no")
    /\ rec' = [rec EXCEPT ![t] = "failed"]
    /\ EndCall(t, "failed")
    /\ UNCHANGED <<ext, credit, asks, crashes, losses>>

(* The institution never saw the reference: re-sending with it is safe. *)
StatusUnknown(t) ==
    /\ Reply(t, "query", "unseen")
    /\ Call(t, "cashout")
    /\ UNCHANGED <<rec, api, ext, credit, answer, asks, crashes, losses>>

CreditOk(t) ==
    /\ Reply(t, "credit", "ok")
    /\ rec' = [rec EXCEPT ![t] = "succeeded"]
    /\ EndCall(t, "success")
    /\ UNCHANGED <<ext, credit, asks, crashes, losses>>

(* The reversal is durable before FAILED is answered. *)
CreditRejected(t) ==
    /\ Reply(t, "credit", "no")
    /\ rec' = [rec EXCEPT ![t] = "reversing"]
    /\ answer' = IF api[t] THEN [answer EXCEPT ![t] = "failed"] ELSE answer
    /\ api' = [api EXCEPT ![t] = FALSE]
    /\ Call(t, "return")
    /\ UNCHANGED <<ext, credit, asks, crashes, losses>>

ReturnOk(t) ==
    /\ Reply(t, "return", "ok")
    /\ rec' = [rec EXCEPT ![t] = "reversed"]
    /\ EndCall(t, "failed")
    /\ UNCHANGED <<ext, credit, asks, crashes, losses>>

Timeout(t) ==
    /\ work[t] /= "idle"
    /\ net[t] = "none"
    /\ EndCall(t, "unknown")
    /\ UNCHANGED <<rec, ext, credit, asks, crashes, losses>>

Recover(t) ==
    /\ work[t] = "idle"
    /\ Pending(t)
    /\ Call(t, CASE rec[t] = "cashingOut" -> "query"
                 [] rec[t] = "crediting" -> "credit"
                 [] rec[t] = "reversing" -> "return")
    /\ UNCHANGED <<rec, api, ext, credit, answer, asks, crashes, losses>>

Crash ==
    /\ crashes < Crashes
    /\ \E t \in T : work[t] /= "idle"
    /\ crashes' = crashes + 1
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
    /\ UNCHANGED <<rec, work, api, net, ext, credit, crashes, losses>>

(* The fakes and the network ------------------------------------------- *)

Request(t, w) == work[t] = w /\ net[t] = "request"

Answer(t, r) == net' = [net EXCEPT ![t] = r]

ExtApply(t) ==
    /\ Request(t, "cashout")
    /\ ext[t] /= "declined"
    /\ ext' = [ext EXCEPT ![t] = "applied"]
    /\ Answer(t, "ok")
    /\ UNCHANGED <<rec, work, api, credit, answer, asks, crashes, losses>>

ExtDecline(t) ==
    /\ Request(t, "cashout")
    /\ ext[t] /= "applied"
    /\ ext' = [ext EXCEPT ![t] = "declined"]
    /\ Answer(t, "no")
    /\ UNCHANGED <<rec, work, api, credit, answer, asks, crashes, losses>>

ExtStatus(t) ==
    /\ Request(t, "query")
    /\ Answer(t, CASE ext[t] = "applied" -> "ok"
                   [] ext[t] = "declined" -> "no"
                   [] OTHER -> "unseen")
    /\ UNCHANGED <<rec, work, api, ext, credit, answer, asks, crashes, losses>>

IntCredit(t) ==
    /\ Request(t, "credit")
    /\ credit[t] /= "rejected"
    /\ credit' = [credit EXCEPT ![t] = "credited"]
    /\ Answer(t, "ok")
    /\ UNCHANGED <<rec, work, api, ext, answer, asks, crashes, losses>>

IntReject(t) ==
    /\ Request(t, "credit")
    /\ credit[t] /= "credited"
    /\ credit' = [credit EXCEPT ![t] = "rejected"]
    /\ Answer(t, "no")
    /\ UNCHANGED <<rec, work, api, ext, answer, asks, crashes, losses>>

ExtReturn(t) ==
    /\ Request(t, "return")
    /\ ext' = [ext EXCEPT ![t] = "returned"]
    /\ Answer(t, "ok")
    /\ UNCHANGED <<rec, work, api, credit, answer, asks, crashes, losses>>

Lose(t) ==
    /\ net[t] /= "none"
    /\ losses < Losses
    /\ net' = [net EXCEPT ![t] = "none"]
    /\ losses' = losses + 1
    /\ UNCHANGED <<rec, work, api, ext, credit, answer, asks, crashes>>

(* The whole system ------------------------------------------------------ *)

External == \E t \in T : ExtApply(t) \/ ExtDecline(t) \/ ExtStatus(t) \/ ExtReturn(t)
Internal == \E t \in T : IntCredit(t) \/ IntReject(t)
Coordinator ==
    \E t \in T :
        \/ CashOutOk(t) \/ CashOutDeclined(t) \/ StatusApplied(t) \/ StatusDeclined(t)
        \/ StatusUnknown(t) \/ CreditOk(t) \/ CreditRejected(t) \/ ReturnOk(t) \/ Timeout(t)
Recovery == \E t \in T : Recover(t)
Faults == Crash \/ \E t \in T : Lose(t)
Client == \E t \in T : Submit(t) \/ Ask(t)

Terminal == \A t \in T : Settled(t) /\ work[t] = "idle"

Finished == Terminal /\ UNCHANGED vars

Next == Client \/ External \/ Internal \/ Coordinator \/ Recovery \/ Faults \/ Finished

Spec ==
    /\ Init /\ [][Next]_vars
    /\ WF_vars(External) /\ WF_vars(Internal) /\ WF_vars(Coordinator) /\ WF_vars(Recovery)

(* Invariants, judged on the fakes' ground truth ------------------------ *)

ExtBalance == Balance - Amount * Cardinality({t \in T : ext[t] = "applied"})
IntBalance == Amount * Cardinality({t \in T : credit[t] = "credited"})

Quiescent == \A t \in T : work[t] = "idle" /\ net[t] = "none" /\ ~Pending(t)

NoMoneyCreated ==
    /\ ExtBalance + IntBalance <= Balance
    /\ \A t \in T : credit[t] = "credited" => ext[t] = "applied"

NoOverdraft == ExtBalance >= 0 /\ IntBalance >= 0

NoOrphanedMoney == \A t \in T : (ext[t] = "applied" /\ credit[t] /= "credited") => Pending(t)

HonestAnswers ==
    /\ \A t \in T : answer[t] = "success" => credit[t] = "credited"
    /\ Quiescent => \A t \in T : answer[t] = "failed" => (credit[t] /= "credited" /\ ext[t] /= "applied")

NoMoneyLost == Quiescent => ExtBalance + IntBalance = Balance

AllSettled == Quiescent => \A t \in T : rec[t] /= "none" => Settled(t)

(* Liveness: every submitted transfer eventually reaches a final state. *)
Settles == \A t \in T : (rec[t] /= "none") ~> Settled(t)
=============================================================================
