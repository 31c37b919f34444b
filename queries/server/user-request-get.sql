-- One user request (the key hash stays in the database).
select id, user_id, role, kind, key_hash, requested_by, requested_at, status, decided_by, decided_at
from user_requests
where id = $id
