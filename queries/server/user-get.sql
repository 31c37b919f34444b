select id, role, created_at, disabled from users where id = $id
