-- A request to create or promote a supervisor or admin, waiting for a second admin.
insert into user_requests (id, user_id, role, kind, key_hash, requested_by, requested_at, status)
values ($id, $user_id, $role, $kind, $key_hash::varchar, $requested_by, $now::timestamp, 'pending')
