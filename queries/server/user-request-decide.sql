-- Approves or rejects a pending request (0 rows: decided meanwhile).
update user_requests set status = $status, decided_by = $decided_by, decided_at = $now::timestamp
where id = $id and status = 'pending'
