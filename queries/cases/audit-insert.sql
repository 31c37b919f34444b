-- Appends one audit row (hash computed by the caller over the canonical row).
insert into audit_log (seq, created_at, actor, role, action, entity_type, entity_id, before, after, reason, prev_hash, hash)
values ($seq, $created_at::timestamp, $actor, $role, $action, $entity_type, $entity_id, $before::json, $after::json, $reason, $prev_hash, $hash)
