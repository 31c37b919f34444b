select id, role, created_at, disabled, split_part(key_hash, '$', 2) as key_id from users order by id
