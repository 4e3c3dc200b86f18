-------------------------- MODULE MessageTransfers --------------------------
(***************************************************************************)
(* Twin of examples/models/message-transfers.ts: credits travel as         *)
(* messages [t, amount] in a set; the network delivers or loses any one of *)
(* them; the payee credits each transfer once; with RETRY the payer resends *)
(* a credit that is neither applied nor in flight.                         *)
(***************************************************************************)
EXTENDS Integers

CONSTANTS N, MAX, LOSSES, RETRY

VARIABLES payer, payee, status, amount, msgs, credited, losses

vars == <<payer, payee, status, amount, msgs, credited, losses>>

T == 0..(N - 1)
TOTAL == N * MAX

Init ==
  /\ payer = TOTAL
  /\ payee = 0
  /\ status = [t \in T |-> "idle"]
  /\ amount = [t \in T |-> 0]
  /\ msgs = {}
  /\ credited = {}
  /\ losses = 0

Start(t) ==
  /\ status[t] = "idle"
  /\ \E a \in 1..MAX :
       /\ payer' = payer - a
       /\ amount' = [amount EXCEPT ![t] = a]
       /\ status' = [status EXCEPT ![t] = "debited"]
       /\ msgs' = msgs \cup {[t |-> t, amount |-> a]}
  /\ UNCHANGED <<payee, credited, losses>>

Deliver ==
  \E m \in msgs :
    /\ msgs' = msgs \ {m}
    /\ IF m.t \in credited
         THEN UNCHANGED <<payee, credited>>
         ELSE /\ payee' = payee + m.amount
              /\ credited' = credited \cup {m.t}
    /\ UNCHANGED <<payer, status, amount, losses>>

Lose ==
  /\ losses < LOSSES
  /\ \E m \in msgs : msgs' = msgs \ {m}
  /\ losses' = losses + 1
  /\ UNCHANGED <<payer, payee, status, amount, credited>>

Resend(t) ==
  /\ RETRY
  /\ status[t] = "debited"
  /\ t \notin credited
  /\ [t |-> t, amount |-> amount[t]] \notin msgs
  /\ msgs' = msgs \cup {[t |-> t, amount |-> amount[t]]}
  /\ UNCHANGED <<payer, payee, status, amount, credited, losses>>

Confirm(t) ==
  /\ status[t] = "debited"
  /\ t \in credited
  /\ status' = [status EXCEPT ![t] = "confirmed"]
  /\ UNCHANGED <<payer, payee, amount, msgs, credited, losses>>

Next == Deliver \/ Lose \/ \E t \in T : Start(t) \/ Resend(t) \/ Confirm(t)

Spec == Init /\ [][Next]_vars

Quiet == msgs = {} /\ (~RETRY \/ \A t \in T : status[t] /= "debited" \/ t \in credited)

NoMoneyCreated == payer + payee <= TOTAL

NoMoneyLost == Quiet => payer + payee = TOTAL
==============================================================================
