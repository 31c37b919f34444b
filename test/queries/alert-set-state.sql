-- Test fixtures only: puts an alert in a given state directly (no audit row), unassigned.
update alerts set status = $status, proposed_by = $proposed_by::varchar,
  proposed_outcome = $proposed_outcome::varchar, assignee = null
where id = $id
