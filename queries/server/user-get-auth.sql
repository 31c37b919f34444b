-- A local user as a JWT subject: exists, enabled, and its role.
select id, role, key_hash, disabled from users where id = $id
