-- Test fixtures only: swaps the sequence numbers of two audit rows (tampering).
update audit_log set seq = case seq when $a then $b else $a end where seq in ($a, $b)
