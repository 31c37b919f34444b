-- Moves the chain head; runs in the same transaction as the append.
update audit_head set seq = $seq, hash = $hash where id = 1
