-------------------------- MODULE Seed003Exercise --------------------------
(***************************************************************************)
(* Twin of examples/models/seed-003-exercise.ts: seed 003's PlusCal        *)
(* exercise written out as the TLA+ its translation gives. pc maps each    *)
(* process to its current label; every label is one action.               *)
(*                                                                         *)
(* BankTransferAction: ExternalTransfer takes the amount from the external *)
(* balance; InternalTransfer either credits the internal balance (done) or *)
(* fails, enqueues a reversal and raises the flag; UserButtonMash goes     *)
(* back to ExternalTransfer while presses remain (done otherwise).         *)
(* ReversalWorker: DoReversal waits for a reversal, takes the head of the  *)
(* queue and gives it back to the external balance.                       *)
(***************************************************************************)
EXTENDS Integers, Sequences

CONSTANTS BALANCE, AMOUNT, MASHES

VARIABLES pc, queue, reversal_in_progress, transfer_amount,
          button_mash_attempts, external_balance, internal_balance,
          balance_to_restore

vars == <<pc, queue, reversal_in_progress, transfer_amount,
          button_mash_attempts, external_balance, internal_balance,
          balance_to_restore>>

Init ==
  /\ pc = [BankTransferAction |-> "ExternalTransfer", ReversalWorker |-> "DoReversal"]
  /\ queue = <<>>
  /\ reversal_in_progress = FALSE
  /\ transfer_amount = AMOUNT
  /\ button_mash_attempts = 0
  /\ external_balance = BALANCE
  /\ internal_balance = 0
  /\ balance_to_restore = 0

ExternalTransfer ==
  /\ pc.BankTransferAction = "ExternalTransfer"
  /\ external_balance' = external_balance - transfer_amount
  /\ pc' = [pc EXCEPT !.BankTransferAction = "InternalTransfer"]
  /\ UNCHANGED <<queue, reversal_in_progress, transfer_amount,
                 button_mash_attempts, internal_balance, balance_to_restore>>

\* The internal service credits, or fails and the coordinator enqueues a reversal.
InternalTransfer ==
  /\ pc.BankTransferAction = "InternalTransfer"
  /\ \/ /\ internal_balance' = internal_balance + transfer_amount
        /\ pc' = [pc EXCEPT !.BankTransferAction = "Done"]
        /\ UNCHANGED <<queue, reversal_in_progress>>
     \/ /\ queue' = Append(queue, transfer_amount)
        /\ reversal_in_progress' = TRUE
        /\ pc' = [pc EXCEPT !.BankTransferAction = "UserButtonMash"]
        /\ UNCHANGED internal_balance
  /\ UNCHANGED <<transfer_amount, button_mash_attempts, external_balance,
                 balance_to_restore>>

UserButtonMash ==
  /\ pc.BankTransferAction = "UserButtonMash"
  /\ IF button_mash_attempts < MASHES
       THEN /\ button_mash_attempts' = button_mash_attempts + 1
            /\ pc' = [pc EXCEPT !.BankTransferAction = "ExternalTransfer"]
       ELSE /\ pc' = [pc EXCEPT !.BankTransferAction = "Done"]
            /\ UNCHANGED button_mash_attempts
  /\ UNCHANGED <<queue, reversal_in_progress, transfer_amount,
                 external_balance, internal_balance, balance_to_restore>>

DoReversal ==
  /\ pc.ReversalWorker = "DoReversal"
  /\ queue /= <<>>
  /\ balance_to_restore' = Head(queue)
  /\ queue' = Tail(queue)
  /\ external_balance' = external_balance + Head(queue)
  /\ reversal_in_progress' = FALSE
  /\ UNCHANGED <<pc, transfer_amount, button_mash_attempts, internal_balance>>

BankTransferAction == ExternalTransfer \/ InternalTransfer \/ UserButtonMash
ReversalWorker == DoReversal

Next == BankTransferAction \/ ReversalWorker

Spec == /\ Init /\ [][Next]_vars
        /\ WF_vars(BankTransferAction)
        /\ WF_vars(ReversalWorker)

NeverOverdraft == external_balance >= 0

EventuallyConsistentTransfer == <>[](external_balance + internal_balance = BALANCE)
=============================================================================
