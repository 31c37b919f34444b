-- Test fixtures only: deletes the audit rows from $from_seq to $to_seq (tampering).
delete from audit_log where seq between $from_seq and $to_seq
