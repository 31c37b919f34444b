-- Audit rows of one entity (an alert's history of changes), oldest first.
select seq, created_at, actor, role, action, entity_type, entity_id, before::varchar as before,
  after::varchar as after, reason
from audit_log
where entity_type = $entity_type and entity_id = $entity_id
order by seq
