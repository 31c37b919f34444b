-- Test fixtures only: moves the audit chain's head (tampering); a null $seq keeps its seq.
update audit_head set seq = coalesce($seq::bigint, seq), hash = $hash where id = 1
