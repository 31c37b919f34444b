-- The user owning a key id; key_hash is 'scrypt$<key id>$<salt>$<hash>'.
select id, role, key_hash, disabled
from users
where split_part(key_hash, '$', 2) = $key_id
