-- The whole chain in sequence order, for verification.
select seq, created_at, actor, role, action, entity_type, entity_id, before::varchar as before,
  after::varchar as after, reason, prev_hash, hash
from audit_log
order by seq
