-- A local user, for checks on case actions (an assignee must exist, be enabled and work cases).
select id, role, disabled from users where id = $id
