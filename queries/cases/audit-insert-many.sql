-- Appends many audit rows at once (a JSON array of rows, hashes computed by the caller in order).
insert into audit_log (seq, created_at, actor, role, action, entity_type, entity_id, before, after, reason, prev_hash, hash)
select (r->>'seq')::bigint, (r->>'created_at')::timestamp, r->>'actor', r->>'role', r->>'action',
  r->>'entity_type', r->>'entity_id', r->'before', r->'after', r->>'reason', r->>'prev_hash', r->>'hash'
from (select unnest(from_json($rows, '["json"]')) as r)
