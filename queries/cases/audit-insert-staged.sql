-- Appends the staged audit rows (audit-stage-create.sql), before and after as JSON text.
insert into audit_log (seq, created_at, actor, role, action, entity_type, entity_id, before, after, reason, prev_hash, hash)
select seq::bigint, created_at::timestamp, actor, role, action, entity_type, entity_id, before::json,
  after::json, reason, prev_hash, hash
from audit_staged
