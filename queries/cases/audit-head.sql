-- The head of the audit chain (last seq and hash); no row before the first append.
select seq, hash from audit_head where id = 1
