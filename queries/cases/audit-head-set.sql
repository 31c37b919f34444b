-- Moves the chain head, in the same transaction as the append, from the head that append read
-- (0 rows changed: another append moved it meanwhile).
update audit_head set seq = $seq, hash = $hash where id = 1 and seq = $old_seq
