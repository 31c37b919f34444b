-- A case's audit trail, oldest first.
select seq, created_at, actor, role, action, before, after, reason
from audit_log
where entity_type = 'case' and entity_id = $id
order by seq
