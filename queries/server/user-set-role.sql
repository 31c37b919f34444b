-- Changes a user's role (a promotion to supervisor or admin only after a second admin approved it).
update users set role = $role where id = $id
