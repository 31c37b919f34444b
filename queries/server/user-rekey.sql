-- Issues a new key to an existing user (the old one stops working) and re-enables it.
update users set key_hash = $key_hash, role = $role, disabled = false where id = $id
