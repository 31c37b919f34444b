-- Moves a case's state; only when it is still in the status the actor saw (else 0 rows: stale).
update cases
set status = $status, assignee = $assignee::varchar, proposed_by = $proposed_by::varchar,
  proposed_outcome = $proposed_outcome::varchar, updated_at = $now::timestamp
where id = $id and status = $expected_status
