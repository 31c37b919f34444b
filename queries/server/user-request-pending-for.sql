-- A pending request for this user id, if any (one at a time per user).
select id from user_requests where user_id = $user_id and status = 'pending'
