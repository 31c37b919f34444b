insert into users (id, role, key_hash, created_at, disabled)
values ($id, $role, $key_hash, $now::timestamp, false)
