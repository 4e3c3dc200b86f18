---------------------------- MODULE SharedAccount ----------------------------
(***************************************************************************)
(* Twin of examples/models/shared-account.ts: interchangeable clients      *)
(* check the shared balance, then withdraw AMOUNT in a second step. With   *)
(* LOCK a client holds the account from its check to its withdrawal.       *)
(* Clients is a set of model values; the .cfg declares its permutations    *)
(* as SYMMETRY, as the model's ids() domain does.                          *)
(***************************************************************************)
EXTENDS Integers, FiniteSets, TLC

CONSTANTS Clients, AMOUNT, LOCK

VARIABLES balance, pc, holder, paid

vars == <<balance, pc, holder, paid>>

Perms == Permutations(Clients)

Init ==
  /\ balance \in {AMOUNT, 2 * AMOUNT}
  /\ pc = [c \in Clients |-> "idle"]
  /\ holder = {}
  /\ paid = {}

Acquire(c) ==
  /\ pc[c] = "idle"
  /\ ~LOCK \/ holder = {}
  /\ holder' = IF LOCK THEN holder \cup {c} ELSE holder
  /\ pc' = [pc EXCEPT ![c] = "checking"]
  /\ UNCHANGED <<balance, paid>>

Check(c) ==
  /\ pc[c] = "checking"
  /\ IF balance >= AMOUNT
       THEN /\ pc' = [pc EXCEPT ![c] = "withdrawing"]
            /\ UNCHANGED holder
       ELSE /\ pc' = [pc EXCEPT ![c] = "done"]
            /\ holder' = holder \ {c}
  /\ UNCHANGED <<balance, paid>>

Withdraw(c) ==
  /\ pc[c] = "withdrawing"
  /\ balance' = balance - AMOUNT
  /\ paid' = paid \cup {c}
  /\ holder' = holder \ {c}
  /\ pc' = [pc EXCEPT ![c] = "done"]

Next == \E c \in Clients : Acquire(c) \/ Check(c) \/ Withdraw(c)

Spec == Init /\ [][Next]_vars

NoOverdraft == balance >= 0

OneHolder == Cardinality(holder) <= 1
==============================================================================
